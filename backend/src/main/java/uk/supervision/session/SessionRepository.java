package uk.supervision.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * Each state change names the states it may start from and the version it was based on, so a
 * concurrent change or a change from the wrong state updates nothing (the service then says why).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRepository extends CrudRepository<SupervisionSession, String> {

    List<SupervisionSession> findByIdIn(Collection<String> ids);

    @Query("UPDATE supervision_session SET meeting_date = :date, start_time = :startTime, status = 'PLANNED', "
            + "status_reason = :reason, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long rescheduleRow(String id, int version, LocalDate date, String startTime, @Nullable String reason, Instant now);

    default long reschedule(String id, int version, LocalDate date, String startTime, @Nullable String reason, Instant now) {
        return copiedToParticipants(id, rescheduleRow(id, version, date, startTime, reason, now));
    }

    @Query("UPDATE supervision_session SET status = 'POSTPONED', status_reason = :reason, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status = 'PLANNED'")
    long postponeRow(String id, int version, String reason, Instant now);

    default long postpone(String id, int version, String reason, Instant now) {
        return copiedToParticipants(id, postponeRow(id, version, reason, now));
    }

    @Query("UPDATE supervision_session SET status = 'CANCELLED', cancelled_by = :cancelledBy, status_reason = :reason, "
            + "rebooked_as_id = :rebookedAsId, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long cancelRow(String id, int version, String cancelledBy, String reason, @Nullable String rebookedAsId, Instant now);

    default long cancel(String id, int version, String cancelledBy, String reason, @Nullable String rebookedAsId, Instant now) {
        return copiedToParticipants(id, cancelRow(id, version, cancelledBy, reason, rebookedAsId, now));
    }

    @Query("UPDATE supervision_session SET status = :status, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND status IN ('HELD', 'RECORDED')")
    long markRecordRow(String id, String status, Instant now);

    default long markRecord(String id, String status, Instant now) {
        return copiedToParticipants(id, markRecordRow(id, status, now));
    }

    @Query("UPDATE supervision_session SET status = 'HELD', actual_minutes = :actualMinutes, interrupted_by = :interruptedBy, "
            + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long markHeldRow(String id, int version, int actualMinutes, @Nullable String interruptedBy, Instant now);

    default long markHeld(String id, int version, int actualMinutes, @Nullable String interruptedBy, Instant now) {
        return copiedToParticipants(id, markHeldRow(id, version, actualMinutes, interruptedBy, now));
    }

    /** Copies a changed session's status and date onto its participant rows (V039), when the change was made. */
    private long copiedToParticipants(String id, long changed) {
        if (changed > 0) {
            copyToParticipants(id);
        }
        return changed;
    }

    @Query("UPDATE session_participant SET status = (SELECT s.status FROM supervision_session s WHERE s.id = :id), "
            + "meeting_date = (SELECT s.meeting_date FROM supervision_session s WHERE s.id = :id) WHERE session_id = :id")
    long copyToParticipants(String id);

    /** After a change of supervisor: the planned session goes ahead with the new one. */
    @Query("UPDATE supervision_session SET supervisor_id = :supervisorId, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long transfer(String id, int version, String supervisorId, Instant now);
}

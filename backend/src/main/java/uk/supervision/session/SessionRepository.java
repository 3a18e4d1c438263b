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
    long reschedule(String id, int version, LocalDate date, String startTime, @Nullable String reason, Instant now);

    @Query("UPDATE supervision_session SET status = 'POSTPONED', status_reason = :reason, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status = 'PLANNED'")
    long postpone(String id, int version, String reason, Instant now);

    @Query("UPDATE supervision_session SET status = 'CANCELLED', cancelled_by = :cancelledBy, status_reason = :reason, "
            + "rebooked_as_id = :rebookedAsId, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long cancel(String id, int version, String cancelledBy, String reason, @Nullable String rebookedAsId, Instant now);

    @Query("UPDATE supervision_session SET status = :status, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND status IN ('HELD', 'RECORDED')")
    long markRecord(String id, String status, Instant now);

    @Query("UPDATE supervision_session SET status = 'HELD', actual_minutes = :actualMinutes, interrupted_by = :interruptedBy, "
            + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long markHeld(String id, int version, int actualMinutes, @Nullable String interruptedBy, Instant now);

    /** After a change of supervisor: the planned session goes ahead with the new one. */
    @Query("UPDATE supervision_session SET supervisor_id = :supervisorId, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status IN ('PLANNED', 'POSTPONED')")
    long transfer(String id, int version, String supervisorId, Instant now);
}

package uk.supervision.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ActionRepository extends CrudRepository<SupervisionAction, String> {

    List<SupervisionAction> findByIdIn(Collection<String> ids);

    /** Open actions of these supervisees, to review in a session (not those agreed in it). */
    @Query("SELECT * FROM supervision_action WHERE supervisee_id IN (:superviseeIds) AND status = 'OPEN' "
            + "AND (created_in_session_id IS NULL OR created_in_session_id <> :sessionId) ORDER BY due_date, id")
    List<SupervisionAction> findOpenToReview(Collection<String> superviseeIds, String sessionId);

    @Query("UPDATE supervision_action SET owner_staff_id = :ownerId, text = :text, due_date = :dueDate, status = :status, "
            + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version AND status = 'OPEN'")
    long updateOpen(String id, int version, String ownerId, String text, LocalDate dueDate, String status, Instant now);

    @Query("DELETE FROM supervision_action WHERE id = :id AND version = :version AND status = 'OPEN' AND last_review IS NULL")
    long deleteUnreviewed(String id, int version);

    /** A review in a signed record: closes the action (DONE, NO_LONGER_NEEDED) or carries it forward. */
    @Query("UPDATE supervision_action SET status = :status, last_review = :outcome, last_review_note = :note, "
            + "closed_in_session_id = :closedIn, version = version + 1, updated_at = :now WHERE id = :id AND status = 'OPEN'")
    long review(String id, String status, String outcome, @Nullable String note, @Nullable String closedIn, Instant now);
}

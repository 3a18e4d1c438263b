package uk.supervision.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;

/** Every change names DRAFT: a signed record matches no update statement here. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRecordRepository extends CrudRepository<SessionRecord, String> {

    @Query("UPDATE session_record SET entries_json = :entriesJson, reflection = :reflection, future_agenda = :futureAgenda, "
            + "next_date = :nextDate, personal_discussed = :personalDiscussed, confidential_notes = :confidentialNotes, "
            + "action_reviews_json = :actionReviewsJson, version = version + 1, updated_at = :now "
            + "WHERE session_id = :sessionId AND version = :version AND status = 'DRAFT'")
    long updateDraft(String sessionId, int version, String entriesJson, @Nullable String reflection, @Nullable String futureAgenda,
                     @Nullable LocalDate nextDate, boolean personalDiscussed, @Nullable String confidentialNotes,
                     String actionReviewsJson, Instant now);

    /** A note or a first signature changed what must be signed: the version moves on. */
    @Query("UPDATE session_record SET version = version + 1, updated_at = :now WHERE session_id = :sessionId AND status = 'DRAFT'")
    long touch(String sessionId, Instant now);

    @Query("UPDATE session_record SET status = 'SIGNED', content_hash = :contentHash, signed_at = :now, version = version + 1, "
            + "updated_at = :now WHERE session_id = :sessionId AND version = :version AND status = 'DRAFT'")
    long lock(String sessionId, int version, String contentHash, Instant now);
}

package uk.supervision.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Every change names DRAFT: a signed record matches no update statement here, and there is no generic
 * update or delete. Once signed, the record is read from its snapshot in signed_item (RecordSnapshots).
 * content_version is the version at which the signable content last changed; it is assigned before
 * version because MySQL and MariaDB evaluate SET left to right with the new values (H2 does not).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRecordRepository extends GenericRepository<SessionRecord, String> {
    SessionRecord save(SessionRecord record);

    Optional<SessionRecord> findById(String sessionId);

    @Query("UPDATE session_record SET entries_json = :entriesJson, reflection = :reflection, future_agenda = :futureAgenda, "
            + "next_date = :nextDate, personal_discussed = :personalDiscussed, confidential_notes = :confidentialNotes, "
            + "action_reviews_json = :actionReviewsJson, content_version = version + 1, version = version + 1, updated_at = :now "
            + "WHERE session_id = :sessionId AND version = :version AND status = 'DRAFT'")
    long updateDraft(String sessionId, int version, String entriesJson, @Nullable String reflection, @Nullable String futureAgenda,
                     @Nullable LocalDate nextDate, boolean personalDiscussed, @Nullable String confidentialNotes,
                     String actionReviewsJson, Instant now);

    /** A signature that does not yet lock the record: the version moves on, the content does not change. */
    @Query("UPDATE session_record SET version = version + 1, updated_at = :now WHERE session_id = :sessionId AND status = 'DRAFT'")
    long touch(String sessionId, Instant now);

    /** A note made before signing is part of what is signed: the content changes with the version. */
    @Query("UPDATE session_record SET content_version = version + 1, version = version + 1, updated_at = :now "
            + "WHERE session_id = :sessionId AND status = 'DRAFT'")
    long touchContent(String sessionId, Instant now);

    @Query("UPDATE session_record SET status = 'SIGNED', content_hash = :contentHash, signed_at = :now, version = version + 1, "
            + "updated_at = :now WHERE session_id = :sessionId AND version = :version AND status = 'DRAFT'")
    long lock(String sessionId, int version, String contentHash, Instant now);
}

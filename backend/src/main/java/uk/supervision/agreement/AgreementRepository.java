package uk.supervision.agreement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every statement that changes an agreement names the state it may change it from. Content changes
 * only while DRAFT: once submitted or signed, no statement here can rewrite it. No generic update or
 * delete: once signed, the content is read from its snapshot in signed_item (AgreementSnapshots).
 */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface AgreementRepository extends GenericRepository<Agreement, String> {
    Agreement save(Agreement agreement);

    Optional<Agreement> findById(String id);

    List<Agreement> findBySuperviseeIdAndStatusIn(String superviseeId, Collection<String> statuses);

    List<Agreement> findByPreviousVersionId(String previousVersionId);

    List<Agreement> findByIdIn(Collection<String> ids);

    @Query("UPDATE agreement SET interval_weeks = :intervalWeeks, duration_minutes = :durationMinutes, location = :location, "
            + "escalation_period = :escalationPeriod, answers_json = :answersJson, version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status = 'DRAFT'")
    long updateDraft(String id, int version, @Nullable Integer intervalWeeks, int durationMinutes, String location,
                     @Nullable String escalationPeriod, String answersJson, Instant now);

    @Query("UPDATE agreement SET status = 'AWAITING_SIGNATURES', version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status = 'DRAFT'")
    long submit(String id, int version, Instant now);

    /** After the first of two signatures: only the version moves on. */
    @Query("UPDATE agreement SET version = version + 1, updated_at = :now "
            + "WHERE id = :id AND version = :version AND status = 'AWAITING_SIGNATURES'")
    long countSignature(String id, int version, Instant now);

    @Query("UPDATE agreement SET status = 'ACTIVE', content_hash = :contentHash, signed_at = :now, review_due = :reviewDue, "
            + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version AND status = 'AWAITING_SIGNATURES'")
    long activate(String id, int version, String contentHash, @Nullable LocalDate reviewDue, Instant now);

    @Query("UPDATE agreement SET status = 'SUPERSEDED', version = version + 1, updated_at = :now "
            + "WHERE supervisee_id = :superviseeId AND status = 'ACTIVE' AND id <> :keepId")
    long supersedeOthers(String superviseeId, String keepId, Instant now);
}

package uk.supervision.sessionrequest;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** A request is decided once: each decision names the state it starts from and the version it was based on. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SessionRequestRepository extends GenericRepository<SessionRequest, String> {
    SessionRequest save(SessionRequest request);

    Optional<SessionRequest> findById(String id);

    List<SessionRequest> findByIdIn(Collection<String> ids);

    @Query("UPDATE session_request SET status = 'BOOKED', session_id = :sessionId, decided_by = :decidedBy, decided_at = :now, "
            + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version AND status = 'REQUESTED'")
    long book(String id, int version, String sessionId, String decidedBy, Instant now);

    @Query("UPDATE session_request SET status = 'DECLINED', decline_reason = :reason, decided_by = :decidedBy, decided_at = :now, "
            + "version = version + 1, updated_at = :now WHERE id = :id AND version = :version AND status = 'REQUESTED'")
    long decline(String id, int version, String reason, String decidedBy, Instant now);
}

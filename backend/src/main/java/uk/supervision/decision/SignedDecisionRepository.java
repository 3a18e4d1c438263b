package uk.supervision.decision;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Insert and read only: a signed decision is never changed or removed. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SignedDecisionRepository extends GenericRepository<SignedDecision, String> {
    SignedDecision save(SignedDecision decision);

    Optional<SignedDecision> findById(String id);

    List<SignedDecision> findByCaseDiscussionIdInOrderByFeedPosition(Collection<String> caseDiscussionIds);
}

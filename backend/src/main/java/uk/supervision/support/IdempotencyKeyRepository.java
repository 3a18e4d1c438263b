package uk.supervision.support;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface IdempotencyKeyRepository extends GenericRepository<IdempotencyKey, String> {
    IdempotencyKey save(IdempotencyKey key);

    Optional<IdempotencyKey> findById(String id);
}

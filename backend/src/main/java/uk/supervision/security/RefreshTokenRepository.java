package uk.supervision.security;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RefreshTokenRepository extends CrudRepository<RefreshToken, String> {
    Optional<RefreshToken> findByTokenHash(String tokenHash);

    /** Marks a token used; 0 rows means another request used it first. */
    @Query("UPDATE refresh_token SET rotated_at = :at WHERE id = :id AND rotated_at IS NULL AND revoked_at IS NULL")
    long markRotated(String id, Instant at);

    @Query("UPDATE refresh_token SET revoked_at = :at WHERE family_id = :familyId AND revoked_at IS NULL")
    long revokeFamily(String familyId, Instant at);

    @Query("UPDATE refresh_token SET revoked_at = :at WHERE account_id = :accountId AND revoked_at IS NULL")
    long revokeAccount(String accountId, Instant at);
}

package uk.supervision.account;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AccountRepository extends CrudRepository<Account, String> {
    Optional<Account> findByUsername(String username);

    Optional<Account> findByStaffId(String staffId);

    Optional<Account> findByIdAndOrganisationId(String id, String organisationId);

    /**
     * Locks the account's row for the rest of the transaction and reads its token generation (empty when the
     * account is disabled or gone). Issuing tokens takes this lock first, and every revocation updates the
     * same row first, so the two never interleave (decision 0008).
     */
    @Query("SELECT token_generation FROM account WHERE id = :id AND enabled = TRUE FOR UPDATE")
    Optional<Integer> lockTokenGeneration(String id);

    /** Access tokens carry the generation they were issued at; raising it ends them all (decision 0008). */
    @Query("UPDATE account SET token_generation = token_generation + 1 WHERE id = :id")
    long raiseTokenGeneration(String id);

    /** Disables the account and ends its access tokens; 0 when it was disabled already. */
    @Query("UPDATE account SET enabled = FALSE, token_generation = token_generation + 1 WHERE id = :id AND enabled = TRUE")
    long disable(String id);
}

package uk.supervision.account;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface RoleGrantRepository extends CrudRepository<RoleGrant, String> {
    List<RoleGrant> findByAccountId(String accountId);

    java.util.Optional<RoleGrant> findByIdAndAccountId(String id, String accountId);

    long deleteByAccountId(String accountId);

    /** Enabled accounts of the organisation holding the administrator role. */
    @io.micronaut.data.annotation.Query("SELECT COUNT(DISTINCT a.id) FROM role_grant g JOIN account a ON a.id = g.account_id "
            + "WHERE a.organisation_id = :organisationId AND a.enabled = TRUE AND g.role = 'ADMIN'")
    long countEnabledAdministrators(String organisationId);
}

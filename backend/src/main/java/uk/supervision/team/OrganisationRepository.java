package uk.supervision.team;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OrganisationRepository extends CrudRepository<Organisation, String> {
    Optional<Organisation> findByCode(String code);
}

package uk.supervision.child;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ChildRepository extends CrudRepository<ChildReference, String> {
    Optional<ChildReference> findByOrganisationIdAndCaseNumber(String organisationId, String caseNumber);

    List<ChildReference> findByIdIn(Collection<String> ids);
}

package uk.supervision.staff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffRepository extends CrudRepository<Staff, String> {
    Optional<Staff> findByIdAndOrganisationId(String id, String organisationId);

    List<Staff> findByIdIn(Collection<String> ids);

    boolean existsByOrganisationIdAndEmail(String organisationId, String email);

    boolean existsByOrganisationIdAndExternalRef(String organisationId, String externalRef);
}

package uk.supervision.staff;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** Insert and read only: a recorded change is never altered; a correction is a further change. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface StaffAttributeChangeRepository extends GenericRepository<StaffAttributeChange, String> {
    StaffAttributeChange save(StaffAttributeChange change);

    List<StaffAttributeChange> findByStaffIdInOrderByEffectiveFrom(Collection<String> staffIds);
}

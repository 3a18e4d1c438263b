package uk.supervision.casediscussion;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface CaseDiscussionRepository extends CrudRepository<CaseDiscussionRow, String> {
    List<CaseDiscussionRow> findByIdIn(Collection<String> ids);
}

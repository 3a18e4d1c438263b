package uk.supervision.team;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TeamRepository extends CrudRepository<Team, String> {
    List<Team> findByServiceIdInOrderByName(Collection<String> serviceIds);

    boolean existsByServiceIdAndName(String serviceId, String name);

    @Query("SELECT t.* FROM team t JOIN service s ON s.id = t.service_id WHERE s.organisation_id = :organisationId "
            + "AND (:serviceId IS NULL OR t.service_id = :serviceId) "
            + "AND (t.name > :afterName OR (t.name = :afterName AND t.id > :afterId)) ORDER BY t.name, t.id LIMIT :limit")
    List<Team> page(String organisationId, @io.micronaut.core.annotation.Nullable String serviceId, String afterName, String afterId, int limit);
}

package uk.supervision.team;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface DirectorateServiceRepository extends CrudRepository<DirectorateService, String> {
    Optional<DirectorateService> findByIdAndOrganisationId(String id, String organisationId);

    boolean existsByOrganisationIdAndName(String organisationId, String name);

    List<DirectorateService> findByIdIn(java.util.Collection<String> ids);

    List<DirectorateService> findByOrganisationIdOrderByName(String organisationId);

    /** Keyset page ordered by (name, id). */
    @Query("SELECT * FROM service WHERE organisation_id = :organisationId "
            + "AND (name > :afterName OR (name = :afterName AND id > :afterId)) ORDER BY name, id LIMIT :limit")
    List<DirectorateService> page(String organisationId, String afterName, String afterId, int limit);
}

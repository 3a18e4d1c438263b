package uk.supervision.integration;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface MachineClientRepository extends CrudRepository<MachineClient, String> {
    Optional<MachineClient> findByClientId(String clientId);

    @Query("SELECT * FROM machine_client WHERE organisation_id = :organisationId AND id > :after ORDER BY id LIMIT :limit")
    List<MachineClient> page(String organisationId, String after, int limit);
}

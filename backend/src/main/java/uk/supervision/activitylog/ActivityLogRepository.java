package uk.supervision.activitylog;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Insert and read only: the trail is never updated or deleted through the service. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ActivityLogRepository extends GenericRepository<ActivityLogEntry, Long> {
    ActivityLogEntry save(ActivityLogEntry entry);

    List<ActivityLogEntry> findByEntityTypeAndEntityIdOrderByIdAsc(String entityType, String entityId);
}

package uk.supervision.support;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import io.micronaut.management.health.indicator.jdbc.JdbcIndicator;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Whether the database answers, decided within {@link #LIMIT_MS} ms: a load balancer's probe must get
 * an answer, not a timeout, while the database is away (the framework's own check waits for the pool).
 * Part of /health and /health/readiness; /health/liveness leaves it out (the process itself is up).
 */
@Singleton
@Readiness
@Replaces(JdbcIndicator.class)
public class DatabaseHealth implements HealthIndicator {
    static final long LIMIT_MS = 800;
    private final DataSource dataSource;
    private final ExecutorService executor;

    public DatabaseHealth(DataSource dataSource, DataSourceResolver resolver,
                          @Named(TaskExecutors.BLOCKING) ExecutorService executor) {
        this.dataSource = resolver.resolve(dataSource);
        this.executor = executor;
    }

    @Override
    public Publisher<HealthResult> getResult() {
        CompletableFuture<HealthResult> check = CompletableFuture.supplyAsync(this::check, executor)
                .completeOnTimeout(result(false, "no answer within " + LIMIT_MS + " ms"), LIMIT_MS, TimeUnit.MILLISECONDS);
        return Publishers.fromCompletableFuture(check);
    }

    private HealthResult check() {
        try (Connection connection = dataSource.getConnection()) {
            if (connection.isValid(1)) {
                return result(true, null);
            }
            // A connection that died under the pool: make room for a fresh one at once.
            if (dataSource instanceof HikariDataSource pool) {
                pool.evictConnection(connection);
            }
            return result(false, "connection not valid");
        } catch (SQLException | RuntimeException e) {
            return result(false, e.getClass().getSimpleName());
        }
    }

    private static HealthResult result(boolean up, String problem) {
        HealthResult.Builder builder = HealthResult.builder("database",
                up ? io.micronaut.health.HealthStatus.UP : io.micronaut.health.HealthStatus.DOWN);
        return problem == null ? builder.build() : builder.details(Map.of("problem", problem)).build();
    }
}

package uk.supervision.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.data.exceptions.DataAccessResourceFailureException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.transaction.exceptions.TransactionSystemException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * However a lost database surfaces (the pool's timeout, the MySQL driver's communications failure,
 * Micronaut Data's wrappers, a failed rollback carrying the cause as suppressed), the answer is 503 with
 * Retry-After, never 500; an ordinary SQL error stays a 500.
 */
class DatabaseDownMappingTest {
    private final UnexpectedExceptionHandler handler = new UnexpectedExceptionHandler();

    @Test
    void everyShapeOfALostDatabaseIs503() {
        SQLException communications = new SQLException("Communications link failure", "08S01");
        TransactionSystemException rollbackFailed = new TransactionSystemException("Could not roll back");
        rollbackFailed.addSuppressed(new DataAccessException("query failed", communications));
        List<Exception> shapes = List.of(
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 1500ms."),
                new DataAccessException("Error executing SQL", communications),
                new RuntimeException(new DataAccessException("wrapped twice", new SQLNonTransientConnectionException("Connection is broken", "90067"))),
                new DataAccessResourceFailureException("no database"),
                new ConnectionException("Failed to obtain JDBC Connection"),
                rollbackFailed);
        for (Exception shape : shapes) {
            HttpResponse<?> response = handler.handle(HttpRequest.GET("/api/v1/staff"), shape);
            assertEquals(503, response.code(), shape.toString());
            assertEquals(UnexpectedExceptionHandler.RETRY_AFTER_SECONDS, response.getHeaders().get("Retry-After"), shape.toString());
        }
    }

    @Test
    void anOrdinarySqlErrorIsStillA500() {
        HttpResponse<?> response = handler.handle(HttpRequest.GET("/api/v1/staff"),
                new DataAccessException("bad SQL", new SQLException("Syntax error", "42000")));
        assertEquals(500, response.code());
    }
}

package uk.supervision.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.DataAccessResourceFailureException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.transaction.exceptions.CannotCreateTransactionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

/**
 * The last line: anything not handled more specifically. Database outages become 503, duplicate keys
 * 409, lost optimistic locks 412; everything else a 500 that names no class and holds no stack trace
 * (the trace goes to the log with the request id).
 */
@Produces
@Singleton
public class UnexpectedExceptionHandler implements ExceptionHandler<Exception, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ProblemException problem) {
                return ProblemResponses.of(request, problem);
            }
            if (t instanceof OptimisticLockException) {
                return ProblemResponses.build(request, HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED,
                        "Someone else changed this record at the same moment. Read it again and reapply your change.", null);
            }
            if (t instanceof SQLIntegrityConstraintViolationException
                    || (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23"))) {
                LOG.info("Constraint violation on {}: {}", request.getPath(), t.getMessage());
                return ProblemResponses.build(request, HttpStatus.CONFLICT, ProblemType.CONFLICT,
                        "This would duplicate or orphan an existing record. Nothing was changed.", null);
            }
            if (isDatabaseDown(t)) {
                return databaseDown(request, t);
            }
            for (Throwable suppressed : t.getSuppressed()) {
                // A failed rollback on a dead connection may carry the original failure as suppressed.
                for (Throwable s = suppressed; s != null; s = s.getCause()) {
                    if (isDatabaseDown(s)) {
                        return databaseDown(request, s);
                    }
                }
            }
        }
        LOG.error("Unhandled error on {} {}", request.getMethodName(), request.getPath(), exception);
        return ProblemResponses.build(request, HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "The request could not be completed and nothing was changed. The error has been logged.", null);
    }

    /** Seconds a client should wait before trying again: the pool reconnects within about five. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static HttpResponse<?> databaseDown(HttpRequest<?> request, Throwable cause) {
        LOG.warn("Database unavailable on {} {}: {}", request.getMethodName(), request.getPath(), cause.toString());
        return ProblemResponses.build(request, HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE,
                ProblemResponses.detailFor(HttpStatus.SERVICE_UNAVAILABLE, request), null)
                .header("Retry-After", RETRY_AFTER_SECONDS);
    }

    /**
     * Whether this exception (one link of a cause chain) says the database cannot be reached or the
     * connection died: JDBC's connection-exception classes (H2 uses them with its own SQLState),
     * SQLState class 08 (MySQL and MariaDB drivers: CommunicationsException is 08S01), the pool giving up
     * (SQLTransientConnectionException from Hikari), or Micronaut Data's wrappers for the same.
     */
    static boolean isDatabaseDown(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SocketException
                || t instanceof DataAccessResourceFailureException || t instanceof ConnectionException
                || t instanceof CannotCreateTransactionException
                || t instanceof io.micronaut.transaction.jdbc.exceptions.CannotGetJdbcConnectionException
                || t instanceof io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null && state.startsWith("08");
        }
        return t.getClass().getSimpleName().equals("CommunicationsException");
    }
}

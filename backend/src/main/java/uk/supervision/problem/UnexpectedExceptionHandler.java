package uk.supervision.problem;

import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
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
                LOG.warn("Database unavailable on {}: {}", request.getPath(), t.toString());
                return ProblemResponses.build(request, HttpStatus.SERVICE_UNAVAILABLE, ProblemType.UNAVAILABLE,
                        ProblemResponses.detailFor(HttpStatus.SERVICE_UNAVAILABLE, request), null)
                        .header("Retry-After", "30");
            }
        }
        LOG.error("Unhandled error on {} {}", request.getMethodName(), request.getPath(), exception);
        return ProblemResponses.build(request, HttpStatus.INTERNAL_SERVER_ERROR, ProblemType.INTERNAL,
                "The request could not be completed and nothing was changed. The error has been logged.", null);
    }

    static boolean isDatabaseDown(Throwable t) {
        // JDBC's connection-exception classes (H2 uses them with its own SQLState), SQLState class 08
        // (MySQL and MariaDB drivers), or the pool giving up.
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            return state != null && state.startsWith("08");
        }
        String name = t.getClass().getSimpleName();
        return name.equals("CannotCreateTransactionException") || name.equals("CommunicationsException");
    }
}

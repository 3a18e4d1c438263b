package uk.supervision.problem;

import io.micronaut.http.HttpStatus;
import uk.supervision.api.model.FieldError;

import java.util.List;
import java.util.Map;

/** Factories for the problems services raise. */
public final class Problems {
    private Problems() {
    }

    public static ProblemException of(HttpStatus status, ProblemType type, String detail) {
        return new ProblemException(status, type, detail, null, null, null);
    }

    public static ProblemException notFound(String what) {
        return of(HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND, what + " was not found.");
    }

    public static ProblemException forbidden(String detail) {
        return of(HttpStatus.FORBIDDEN, ProblemType.FORBIDDEN, detail);
    }

    public static ProblemException conflict(String detail) {
        return of(HttpStatus.CONFLICT, ProblemType.CONFLICT, detail);
    }

    public static ProblemException rule(String pointer, String message) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE, message,
                List.of(new FieldError(pointer, message)), null, null);
    }

    public static ProblemException invalid(String pointer, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, message,
                List.of(new FieldError(pointer, message)), null, null);
    }

    public static ProblemException badParameter(String parameter, String message) {
        return invalid("#" + parameter, message);
    }

    public static ProblemException preconditionRequired() {
        return of(HttpStatus.PRECONDITION_REQUIRED, ProblemType.PRECONDITION_REQUIRED,
                "Send If-Match with the ETag of the version your change is based on.");
    }

    public static ProblemException anyVersionRefused() {
        return of(HttpStatus.PRECONDITION_REQUIRED, ProblemType.PRECONDITION_REQUIRED,
                "If-Match: * is not accepted: it would overwrite changes you have not seen. "
                        + "Send If-Match with the ETag of the version your change is based on.");
    }

    public static ProblemException preconditionFailed(int currentVersion) {
        return new ProblemException(HttpStatus.PRECONDITION_FAILED, ProblemType.PRECONDITION_FAILED,
                "Someone else changed this record. Read it again (current version " + currentVersion
                        + ") and reapply your change.", null, null, null);
    }

    public static ProblemException unauthorized(ProblemType type, String detail) {
        return of(HttpStatus.UNAUTHORIZED, type, detail);
    }

    public static ProblemException tooManyRequests(long retryAfterSeconds) {
        long seconds = Math.max(1, retryAfterSeconds);
        return new ProblemException(HttpStatus.TOO_MANY_REQUESTS, ProblemType.TOO_MANY_REQUESTS,
                "Too many failed attempts. Try again in " + Math.max(1, (seconds + 59) / 60) + " minutes.",
                null, Map.of("Retry-After", Long.toString(seconds)), null);
    }
}

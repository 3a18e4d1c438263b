package uk.supervision.problem;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import uk.supervision.api.model.FieldError;
import uk.supervision.api.model.Problem;

import java.util.List;
import java.util.Map;

/** Builds every application/problem+json response, so all errors share one shape. */
public final class ProblemResponses {
    public static final MediaType PROBLEM_JSON = MediaType.of("application/problem+json");

    private ProblemResponses() {
    }

    public static MutableHttpResponse<Problem> of(HttpRequest<?> request, ProblemException e) {
        MutableHttpResponse<Problem> response = build(request, e.status(), e.type(), e.detail(), e.errors());
        e.headers().forEach(response::header);
        Object oauthError = e.extensions().get("error");
        if (oauthError != null) {
            response.body().setError(oauthError.toString());
        }
        Object existingId = e.extensions().get("existingId");
        if (existingId != null) {
            response.body().setExistingId(java.util.UUID.fromString(existingId.toString()));
        }
        return response;
    }

    public static MutableHttpResponse<Problem> build(HttpRequest<?> request, HttpStatus status, ProblemType type,
                                                     String detail, List<FieldError> errors) {
        Problem problem = new Problem(type.uri(), type.title(), status.getCode());
        problem.setDetail(detail);
        if (request != null) {
            problem.setInstance(request.getPath());
        }
        if (errors != null && !errors.isEmpty()) {
            problem.setErrors(errors);
        }
        return HttpResponse.<Problem>status(status).contentType(PROBLEM_JSON).body(problem);
    }

    /** The problem type that goes with a status the framework produced on its own. */
    public static ProblemType typeFor(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> ProblemType.MALFORMED_REQUEST;
            case UNAUTHORIZED -> ProblemType.UNAUTHORIZED;
            case FORBIDDEN -> ProblemType.FORBIDDEN;
            case NOT_FOUND -> ProblemType.NOT_FOUND;
            case METHOD_NOT_ALLOWED -> ProblemType.METHOD_NOT_ALLOWED;
            case NOT_ACCEPTABLE -> ProblemType.NOT_ACCEPTABLE;
            case CONFLICT -> ProblemType.CONFLICT;
            case PRECONDITION_FAILED -> ProblemType.PRECONDITION_FAILED;
            case REQUEST_ENTITY_TOO_LARGE -> ProblemType.PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case UNPROCESSABLE_ENTITY -> ProblemType.BUSINESS_RULE;
            case PRECONDITION_REQUIRED -> ProblemType.PRECONDITION_REQUIRED;
            case TOO_MANY_REQUESTS -> ProblemType.TOO_MANY_REQUESTS;
            case SERVICE_UNAVAILABLE -> ProblemType.UNAVAILABLE;
            default -> ProblemType.INTERNAL;
        };
    }

    /** Plain-language detail for framework statuses; never the exception text, which may name classes. */
    public static String detailFor(HttpStatus status, HttpRequest<?> request) {
        return switch (status) {
            case BAD_REQUEST -> "The request body or a parameter could not be read. Check it is well-formed JSON of the documented shape.";
            case UNAUTHORIZED -> "Sign in first: send a valid, unexpired bearer token.";
            case FORBIDDEN -> "Your roles do not allow this.";
            case NOT_FOUND -> "There is nothing at " + (request == null ? "this address" : request.getPath()) + ".";
            case METHOD_NOT_ALLOWED -> (request == null ? "This method" : request.getMethodName()) + " is not allowed here.";
            case NOT_ACCEPTABLE -> "This resource is available as application/json only.";
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than the service accepts.";
            case UNSUPPORTED_MEDIA_TYPE -> "Send the body as application/json (the token endpoint takes application/x-www-form-urlencoded).";
            case SERVICE_UNAVAILABLE -> "The service cannot reach its database. Nothing was changed; try again shortly.";
            default -> "The request could not be completed. Nothing was changed.";
        };
    }

    public static Map<String, Object> oauthError(String code) {
        return Map.of("error", code);
    }
}

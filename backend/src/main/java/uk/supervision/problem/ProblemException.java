package uk.supervision.problem;

import io.micronaut.http.HttpStatus;
import uk.supervision.api.model.FieldError;

import java.util.List;
import java.util.Map;

/** A failure that the client must be told about as RFC 9457 problem details. */
public class ProblemException extends RuntimeException {
    private final HttpStatus status;
    private final ProblemType type;
    private final String detail;
    private final List<FieldError> errors;
    private final Map<String, String> headers;
    private final Map<String, Object> extensions;

    public ProblemException(HttpStatus status, ProblemType type, String detail, List<FieldError> errors,
                            Map<String, String> headers, Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.detail = detail;
        this.errors = errors == null ? List.of() : errors;
        this.headers = headers == null ? Map.of() : headers;
        this.extensions = extensions == null ? Map.of() : extensions;
    }

    public HttpStatus status() {
        return status;
    }

    public ProblemType type() {
        return type;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }
}

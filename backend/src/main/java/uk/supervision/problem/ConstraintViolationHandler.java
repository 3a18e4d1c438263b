package uk.supervision.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.validation.exceptions.ConstraintExceptionHandler;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import uk.supervision.api.model.FieldError;

import java.util.Comparator;
import java.util.List;

/** Bean Validation failures (from the constraints in openapi.yaml) as 400 with a pointer per field. */
@Produces
@Singleton
@Replaces(ConstraintExceptionHandler.class)
public class ConstraintViolationHandler implements ExceptionHandler<ConstraintViolationException, HttpResponse<?>> {

    @Override
    public HttpResponse<?> handle(HttpRequest request, ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldError(pointer(v), message(v)))
                .sorted(Comparator.comparing(FieldError::getPointer))
                .toList();
        String detail = errors.size() == 1
                ? "1 field is not valid: " + errors.get(0).getPointer() + " " + errors.get(0).getMessage() + "."
                : errors.size() + " fields are not valid.";
        return ProblemResponses.build(request, HttpStatus.BAD_REQUEST, ProblemType.VALIDATION, detail, errors);
    }

    /** "createStaff.staffCreate.givenName" -> "/givenName"; a bare parameter -> "#limit". */
    static String pointer(ConstraintViolation<?> violation) {
        StringBuilder body = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (kind == ElementKind.PROPERTY || kind == ElementKind.CONTAINER_ELEMENT
                    || kind == ElementKind.BEAN) {
                // A node "in an iterable" carries the index of the item it sits in, so the index comes
                // first: entries[0].text is /entries/0/text.
                if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                    body.append('/').append(node.getIndex() != null ? node.getIndex() : node.getKey());
                }
                if (kind != ElementKind.BEAN && node.getName() != null && !node.getName().startsWith("<")) {
                    body.append('/').append(node.getName());
                }
            }
        }
        if (body.length() > 0) {
            return body.toString();
        }
        return parameter == null ? "" : "#" + parameter;
    }

    private static String message(ConstraintViolation<?> violation) {
        String m = violation.getMessage();
        return m == null || m.isBlank() ? "Is not valid" : Character.toUpperCase(m.charAt(0)) + m.substring(1);
    }
}

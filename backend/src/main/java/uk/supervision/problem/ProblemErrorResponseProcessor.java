package uk.supervision.problem;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import uk.supervision.api.model.FieldError;
import uk.supervision.api.model.Problem;

import java.util.List;

/**
 * Turns every error the framework produces on its own (unknown route, wrong method, wrong media type,
 * unreadable body, missing token, forbidden, too large) into problem+json.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ProblemErrorResponseProcessor implements ErrorResponseProcessor<Problem> {

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.getStatus();
        List<FieldError> errors = null;
        String detail = ProblemResponses.detailFor(status, context.getRequest());
        if (status == HttpStatus.BAD_REQUEST) {
            Throwable cause = context.getRootCause().orElse(null);
            FieldError bodyError = BodyErrors.fieldError(context.getRootCause().orElse(null));
            ConversionErrorException conversion = conversionError(context.getRootCause().orElse(null));
            if (bodyError != null) {
                detail = "The request body has a value of the wrong type or format at " + bodyError.getPointer() + ": "
                        + bodyError.getMessage() + ".";
                errors = List.of(bodyError);
            } else if (conversion != null && !BodyErrors.isBody(conversion)) {
                String name = conversion.getArgument().getName();
                detail = "The parameter " + name + " has a value of the wrong type or format.";
                errors = List.of(new FieldError("#" + name, "Has a value of the wrong type or format"));
            } else {
                detail = BodyErrors.isDuplicateKey(cause)
                        ? "The request body names the same field twice."
                        : "The request body is not valid JSON of the documented shape.";
            }
        }
        MutableHttpResponse<Problem> problem = ProblemResponses.build(context.getRequest(), status,
                ProblemResponses.typeFor(status), detail, errors);
        response.getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> problem.header(name, v));
            }
        });
        return problem;
    }

    private static ConversionErrorException conversionError(Throwable root) {
        for (Throwable t = root; t != null; t = t.getCause()) {
            if (t instanceof ConversionErrorException c) {
                return c;
            }
        }
        return null;
    }
}

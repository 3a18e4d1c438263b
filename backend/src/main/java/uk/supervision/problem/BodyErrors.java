package uk.supervision.problem;

import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.codec.CodecException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;
import uk.supervision.api.model.FieldError;
import uk.supervision.support.json.InvalidJsonValueException;

import java.util.List;

/** Reads what went wrong in a request body out of the serializer's exceptions, without naming classes. */
final class BodyErrors {
    private BodyErrors() {
    }

    /** The field a body value failed at (pointer with array indexes before fields), or null if none is known. */
    static FieldError fieldError(Throwable error) {
        List<ReferencePath> longest = List.of();
        String message = null;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SerdeException serde && serde.getPath() != null && serde.getPath().size() > longest.size()) {
                longest = serde.getPath();
            }
            if (t instanceof InvalidJsonValueException invalid) {
                message = invalid.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        if (longest.isEmpty() && message == null) {
            return null;
        }
        StringBuilder pointer = new StringBuilder();
        for (ReferencePath step : longest) {
            if (step instanceof PropertyReferencePath property) {
                pointer.append('/').append(property.property().getName());
            } else if (step instanceof CollectionItemReferencePath item) {
                pointer.append('/').append(item.index());
            } else if (step instanceof MapItemReferencePath entry) {
                pointer.append('/').append(entry.key().replace("~", "~0").replace("/", "~1"));
            }
        }
        return new FieldError(pointer.length() == 0 ? "/" : pointer.toString(),
                message == null ? "Has a value of the wrong type or format" : message);
    }

    /** Whether a conversion failure came from reading the body (not from a path, query or header value). */
    static boolean isBody(ConversionErrorException conversion) {
        for (Throwable t = conversion.getCause(); t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof SerdeException || t instanceof CodecException
                    || t.getClass().getName().startsWith("com.fasterxml.jackson.core.")) {
                return true;
            }
        }
        return false;
    }

    static boolean isDuplicateKey(Throwable error) {
        for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("Duplicate field")) {
                return true;
            }
        }
        return false;
    }
}

package uk.supervision.support.json;

import io.micronaut.serde.exceptions.SerdeException;

/** A JSON value of the wrong type or format; its message is safe to show to the client. */
public class InvalidJsonValueException extends SerdeException {
    public InvalidJsonValueException(String message) {
        super(message);
    }
}

package uk.supervision.support.json;

import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A value as the JSON text stored in a content column: writing to memory cannot really fail, so no checked exception. */
public final class JsonText {
    private JsonText() {
    }

    public static String write(JsonMapper json, Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package uk.supervision.integrity;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Canonical JSON of signed content: maps are TreeMaps (keys sorted), absent values are "" (never null),
 * instants are ISO strings. The string written at locking is the one hashed and kept.
 */
@Singleton
public class Canonical {
    private final JsonMapper json;

    public Canonical(JsonMapper json) {
        this.json = json;
    }

    public String write(Map<String, Object> content) {
        try {
            return json.writeValueAsString(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> read(String content) {
        try {
            return json.readValue(content, Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}

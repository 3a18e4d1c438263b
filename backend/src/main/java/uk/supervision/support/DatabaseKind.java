package uk.supervision.support;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** Whether the service runs on its embedded H2 default or on a configured MySQL-compatible server. */
@Singleton
public class DatabaseKind {
    private final String url;

    public DatabaseKind(@Value("${datasources.default.url}") String url) {
        this.url = url;
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    public boolean isInMemory() {
        return url.startsWith("jdbc:h2:mem:");
    }
}

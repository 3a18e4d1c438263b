package uk.supervision.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * {@code Idempotent-Replayed: true} on every successful response that {@link Idempotency} answered from a
 * remembered key, whatever the operation: one place, so a new create cannot forget it.
 */
@ServerFilter("/api/**")
public class IdempotentReplayHeader {
    static final String ATTRIBUTE = "supervision.idempotent-replayed";
    public static final String HEADER = "Idempotent-Replayed";

    @ResponseFilter
    public void add(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (request.getAttribute(ATTRIBUTE, Boolean.class).orElse(false) && response.getStatus().getCode() < 300) {
            response.getHeaders().set(HEADER, "true");
        }
    }
}

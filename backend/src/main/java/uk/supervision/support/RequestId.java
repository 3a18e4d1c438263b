package uk.supervision.support;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.filter.ServerFilterPhase;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request an id (or keeps a sane X-Request-Id from the caller) for the logs, the activity
 * trail and the response. The id goes into the request's propagated context as MDC, so log lines
 * written on the blocking executor (where controllers run) carry it too, not only the event loop's.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(-1_000_000) // before everything else, security included, so every line of the request has the id
public class RequestId {
    public static final String ATTRIBUTE = "supervision.requestId";
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    /** Enough for a UUID or a proxy's trace id; nothing that could forge a log line or a header. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    /** The current request's id, on any thread that runs the request; null outside a request. */
    public static @Nullable String current() {
        String id = MDC.get(MDC_KEY);
        if (id != null) {
            return id;
        }
        return ServerRequestContext.currentRequest().flatMap(r -> r.getAttribute(ATTRIBUTE, String.class)).orElse(null);
    }

    /** The caller's id when it is sane, otherwise a new one. */
    static String accept(@Nullable String given) {
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @RequestFilter
    public void tag(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = accept(request.getHeaders().get(HEADER));
        request.setAttribute(ATTRIBUTE, id);
        context.add(new MdcPropagationContext(java.util.Map.of(MDC_KEY, id)));
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
    }
}

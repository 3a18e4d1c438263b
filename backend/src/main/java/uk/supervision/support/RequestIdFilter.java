package uk.supervision.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** Gives every request an id (or keeps the caller's X-Request-Id) for logs, the trail and the response. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RequestIdFilter {
    public static final String ATTRIBUTE = "supervision.requestId";
    public static final String HEADER = "X-Request-Id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @RequestFilter
    public void tag(HttpRequest<?> request) {
        String given = request.getHeaders().get(HEADER);
        String id = given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
        request.setAttribute(ATTRIBUTE, id);
        MDC.put("requestId", id);
    }

    @ResponseFilter
    public void echo(HttpRequest<?> request, MutableHttpResponse<?> response) {
        request.getAttribute(ATTRIBUTE, String.class).ifPresent(id -> response.header(HEADER, id));
        MDC.remove("requestId");
    }
}

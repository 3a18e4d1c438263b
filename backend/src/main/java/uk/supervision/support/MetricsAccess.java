package uk.supervision.support;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.annotation.Order;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import uk.supervision.problem.ProblemResponses;
import uk.supervision.problem.ProblemType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * /prometheus is for the organisation's monitoring only, never the internet: it answers a scraper that
 * sends the configured token (SUPERVISION_METRICS_TOKEN) as a bearer token, and is not there at all
 * (404) when no token is configured. A token shorter than 32 characters counts as not configured.
 */
@ServerFilter({"/prometheus", "/prometheus/**"})
@Order(-900_000) // before security: this token is not a person's JWT
public class MetricsAccess {
    private final byte[] token;

    public MetricsAccess(@Value("${supervision.metrics-token:}") String token) {
        this.token = token == null || token.length() < 32 ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    }

    @RequestFilter
    public @Nullable HttpResponse<?> check(HttpRequest<?> request) {
        if (token == null) {
            return ProblemResponses.build(request, HttpStatus.NOT_FOUND, ProblemType.NOT_FOUND,
                    ProblemResponses.detailFor(HttpStatus.NOT_FOUND, request), null);
        }
        String presented = request.getHeaders().get("Authorization");
        if (presented == null || !MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))) {
            return ProblemResponses.build(request, HttpStatus.UNAUTHORIZED, ProblemType.UNAUTHORIZED,
                    "Metrics are for the organisation's monitoring: send its scrape token as a bearer token.", null)
                    .header("WWW-Authenticate", "Bearer");
        }
        return null;
    }
}

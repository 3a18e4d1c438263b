package uk.supervision.support;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.problem.ErrorsApiTestSupport;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What operations sees: liveness and readiness for anyone (a load balancer), Prometheus metrics only for
 * the scraper holding the configured token, with request rates and latencies per operation, the pool,
 * failed sign-ins and outbox replays.
 */
@MicronautTest(transactional = false)
class OperabilityApiTest extends ApiTest {
    private static final String SCRAPE = "Bearer test-scrape-token-of-at-least-thirty-two-characters";

    @Test
    void livenessAndReadinessAreAnonymousAndSayUp() {
        for (String path : new String[] {"/health", "/health/liveness", "/health/readiness"}) {
            Api.Response r = api.get(path, null);
            assertEquals(200, r.status(), path + " " + r.body());
            assertEquals("UP", r.json().get("status").asText(), path);
        }
    }

    @Test
    void metricsNeedTheScrapeTokenNotAPersonsToken() {
        ErrorsApiTestSupport.assertProblem(api.get("/prometheus", null), 401, "unauthorized");
        Api.Response wrong = api.raw("GET", "/prometheus", null, null, null, Map.of("Authorization", SCRAPE + "x"));
        ErrorsApiTestSupport.assertProblem(wrong, 401, "unauthorized");
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertEquals(401, api.get("/prometheus", admin).status(), "not even an administrator's sign-in");
        assertEquals(200, scrape().status());
    }

    @Test
    void withNoTokenConfiguredMetricsAreNotThereAtAll() {
        HttpResponse<?> refused = new MetricsAccess("").check(HttpRequest.GET("/prometheus").header("Authorization", "Bearer "));
        assertNotNull(refused);
        assertEquals(404, refused.code());
        HttpResponse<?> shortToken = new MetricsAccess("short").check(HttpRequest.GET("/prometheus").header("Authorization", "Bearer short"));
        assertEquals(404, shortToken.code(), "a guessable token counts as none");
    }

    @Test
    void metricsCountRequestsPerOperationThePoolFailedSignInsAndReplays() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertEquals(200, api.get("/api/v1/services", admin).status());
        String before = scrape().body();

        assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", "nobody@example.test", "password", "x")).status());
        String serviceId = world.serviceA().id();
        String key = Fixtures.unique("replay");
        String body = "{\"serviceId\":\"" + serviceId + "\",\"name\":\"" + Fixtures.unique("Hub") + "\"}";
        Map<String, String> idempotent = Map.of("Idempotency-Key", key);
        assertEquals(201, api.raw("POST", "/api/v1/teams", admin, "application/json", body, idempotent).status());
        assertEquals(201, api.raw("POST", "/api/v1/teams", admin, "application/json", body, idempotent).status(), "the replay");
        assertEquals(200, api.get("/api/v1/services", admin).status());

        String after = scrape().body();
        assertEquals(value(before, "supervision_sign_in_failures_total") + 1, value(after, "supervision_sign_in_failures_total"));
        assertEquals(value(before, "supervision_idempotent_replays_total") + 1, value(after, "supervision_idempotent_replays_total"),
                "the first POST is not a replay, the second is");
        // Per operation: the route template (not each id), with method and status; count and total time.
        String[] listServices = {"method=\"GET\"", "status=\"200\"", "uri=\"/api/v1/services\""};
        assertEquals(value(before, "http_server_requests_seconds_count", listServices) + 1,
                value(after, "http_server_requests_seconds_count", listServices), "one more listing counted");
        assertTrue(value(after, "http_server_requests_seconds_sum", listServices) > 0, "latency per operation");
        assertEquals(2, value(after, "http_server_requests_seconds_count", "uri=\"/api/v1/teams\"", "status=\"201\"")
                - value(before, "http_server_requests_seconds_count", "uri=\"/api/v1/teams\"", "status=\"201\""));
        // The pool: its size and how many connections are in use or awaited.
        assertEquals(5, value(after, "hikaricp_connections_max"), "the test pool's maximum-pool-size");
        assertTrue(after.contains("\nhikaricp_connections_active{") && after.contains("\nhikaricp_connections_pending{"));
    }

    private Api.Response scrape() {
        Api.Response r = api.raw("GET", "/prometheus", null, null, null, Map.of("Authorization", SCRAPE, "Accept", "text/plain"));
        assertEquals(200, r.status(), r.body());
        return r;
    }

    /** The sum of a metric over its series whose labels include every fragment given; 0 when there is none. */
    private static double value(String exposition, String name, String... labels) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? ([0-9.eE+-]+)$").matcher(exposition);
        double sum = 0;
        while (m.find()) {
            String found = m.group(1) == null ? "" : m.group(1);
            if (java.util.Arrays.stream(labels).allMatch(found::contains)) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }
}

package uk.supervision.integration;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A slow endpoint (headers at once, then the body a byte a second) cannot hold up the run or the other endpoints;
 * an endpoint whose address is internal is refused at send time; the log says what happened in words.
 */
@MicronautTest(transactional = false)
class WebhookDispatchLimitsTest extends ApiTest {
    private static final String WEBHOOKS = "/api/v1/webhooks";

    @Inject
    WebhookDispatcher dispatcher;

    private HttpServer healthy;
    private final AtomicInteger healthyGot = new AtomicInteger();
    private ServerSocket slow;
    private volatile boolean stopping;
    private String admin;
    private World.Person supervisor;
    private String childId;

    @BeforeEach
    void endpoints() throws Exception {
        healthy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        healthy.createContext("/hook", exchange -> {
            exchange.getRequestBody().readAllBytes();
            healthyGot.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        healthy.start();
        slow = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        Thread dripper = new Thread(() -> {
            while (!stopping) {
                try (Socket s = slow.accept()) {
                    BufferedReader r = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    String line;
                    while ((line = r.readLine()) != null && !line.isEmpty()) {
                        // the request's headers
                    }
                    OutputStream o = s.getOutputStream();
                    o.write("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    o.flush();
                    for (int i = 0; i < 40 && !stopping; i++) {
                        Thread.sleep(1000);
                        o.write('x');
                        o.flush();
                    }
                } catch (Exception closed) {
                    // the dispatcher gave up on us, or the test ended
                }
            }
        });
        dripper.setDaemon(true);
        dripper.start();
        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'webhook-delivery'");
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        World.Person worker = world.person(world.teamA1(), "Wren", Role.PRACTITIONER);
        supervisor = world.person(world.teamA1(), "Sol", Role.SUPERVISOR);
        world.supervise(supervisor.staff(), worker.staff());
        childId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at)"
                + " VALUES (?, ?, 'Kai Child', ?, ?, 1, ?, ?)", childId, world.org().id(), "CMS-" + childId.substring(0, 8), worker.id(), now, now);
    }

    @AfterEach
    void stop() throws Exception {
        stopping = true;
        healthy.stop(0);
        slow.close();
    }

    @Test
    void aSlowEndpointIsCutOffAndTheOthersAreStillServed() {
        String slowHook = register("http://127.0.0.1:" + slow.getLocalPort() + "/hook");
        String healthyHook = register("http://127.0.0.1:" + healthy.getAddress().getPort() + "/hook");
        // Registered before the address rule, or a name re-pointed since: the row holds an internal address.
        assertEquals(422, api.post(WEBHOOKS, admin, Map.of("url", "https://127.0.0.2:9/hook", "events", List.of("case-decision.ready"))).status());
        String internalHook = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO webhook (id, organisation_id, url, events, description, secret, enabled, last_position, created_at)"
                + " SELECT ?, ?, 'https://127.0.0.2:9/hook', 'case-decision.ready', NULL, 'whsec_MDEyMzQ1Njc4OTAxMjM0NTY3ODkwMTIzNDU2Nzg5MDE=', TRUE,"
                + " COALESCE(MAX(feed_position), 0), ? FROM case_decision WHERE organisation_id = ?",
                internalHook, world.org().id(), Timestamp.from(Instant.now()), world.org().id());
        decide("First");
        decide("Second");

        long started = System.nanoTime();
        dispatcher.run();
        long tookMs = (System.nanoTime() - started) / 1_000_000;

        assertTrue(tookMs < WebhookDispatcher.TIMEOUT.toMillis() + 4000, "one cut-off exchange, not the slow body: " + tookMs + " ms");
        assertEquals(2, healthyGot.get(), "the healthy endpoint got both decisions in the same run");
        assertEquals("DELIVERED DELIVERED", statuses(healthyHook));
        assertEquals("Timed out|", errors(slowHook), "the slow endpoint: one attempt, cut off; its second waits for the next run");
        assertEquals(WebhookDispatcher.REFUSED + "|", errors(internalHook), "refused before sending; its second waits too");
        assertEquals(0L, fixtures.count("SELECT COUNT(*) FROM webhook_attempt a JOIN webhook_delivery d ON d.id = a.delivery_id"
                + " WHERE d.webhook_id = ? AND a.response_status IS NOT NULL", internalHook), "nothing was sent to the internal address");
        assertNull(fixtures.string("SELECT holder FROM scheduler_lease WHERE name = 'webhook-delivery'"), "the lease is released when the run ends");
    }

    private String statuses(String webhookId) {
        return String.join(" ", fixtures.strings("SELECT status FROM webhook_delivery WHERE webhook_id = ? ORDER BY created_at, id", webhookId));
    }

    /** Each delivery's last error ("" when not attempted), oldest delivery first, by feed position. */
    private String errors(String webhookId) {
        List<String> ids = fixtures.strings("SELECT d.id FROM webhook_delivery d WHERE d.webhook_id = ? ORDER BY d.payload", webhookId);
        StringBuilder out = new StringBuilder();
        List<String> each = new java.util.ArrayList<>();
        for (String id : ids) {
            String e = fixtures.string("SELECT last_error FROM webhook_delivery WHERE id = ?", id);
            each.add(e == null ? "" : e);
        }
        each.sort((a, b) -> b.compareTo(a));
        out.append(String.join("|", each));
        return out.toString();
    }

    private String register(String url) {
        Api.Response r = api.post(WEBHOOKS, admin, Map.of("url", url, "events", List.of("case-decision.ready")));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private void decide(String text) {
        Api.Response r = api.post("/api/v1/case-decisions", api.token(supervisor.username(), Fixtures.PASSWORD),
                Map.of("childId", childId, "decision", text, "rationale", "Reasons"));
        assertEquals(201, r.status(), r.body());
    }
}

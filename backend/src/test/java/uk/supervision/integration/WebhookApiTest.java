package uk.supervision.integration;

import com.fasterxml.jackson.databind.JsonNode;
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

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Webhooks against a real receiver on this machine that checks each signature with the published secret. */
@MicronautTest(transactional = false)
class WebhookApiTest extends ApiTest {
    private static final String WEBHOOKS = "/api/v1/webhooks";

    @Inject
    WebhookDispatcher dispatcher;

    /** What the receiver got: id, timestamp, body, and whether the signature matched. */
    private record Received(String id, String timestamp, String body, boolean signatureValid) {
    }

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile String secret;
    private String admin;
    private World.Person supervisor;
    private String childId;

    @BeforeEach
    void receiverThatFailsFirst() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            received.add(new Received(id, timestamp, body, ("v1," + hmac(secret, id + "." + timestamp + "." + body)).equals(signature)));
            exchange.sendResponseHeaders(received.size() == 1 ? 500 : 204, -1);
            exchange.close();
        });
        receiver.start();
        // Another JVM's dispatcher (an earlier run on the same database) may still hold the lease.
        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'webhook-delivery'");
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        World.Person worker = world.person(world.teamA1(), "Wren", Role.PRACTITIONER);
        supervisor = world.person(world.teamA1(), "Sol", Role.SUPERVISOR);
        world.supervise(supervisor.staff(), worker.staff());
        childId = java.util.UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at)"
                + " VALUES (?, ?, 'Kai Child', 'CMS-77', ?, 1, ?, ?)", childId, world.org().id(), worker.id(), now, now);
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
    }

    @Test
    void aDecisionIsDeliveredSignedRetriedAfterAFailureAndLogged() throws Exception {
        decide("Before the endpoint existed");
        Api.Response registered = api.post(WEBHOOKS, admin, Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "events", List.of("case-decision.ready"), "description", "Case system"));
        assertEquals(201, registered.status(), registered.body());
        assertEquals("no-store", registered.header("Cache-Control"));
        secret = registered.json().get("secret").asText();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length);
        String webhookId = registered.json().get("id").asText();
        assertFalse(api.get(WEBHOOKS, admin).json().get("items").get(0).has("secret"), "the secret is shown once");

        String decisionId = decide("After");
        dispatcher.run();
        assertEquals(1, received.size(), "only the decision signed after registering");
        JsonNode delivery = deliveries(webhookId).get(0);
        assertEquals("PENDING", delivery.get("status").asText());
        assertEquals(1, delivery.get("attempts").asInt());
        assertEquals(500, delivery.get("lastResponseStatus").asInt());

        Thread.sleep(1200);   // the test backoff is 1 s
        dispatcher.run();
        assertEquals(2, received.size());
        for (Received r : received) {
            assertTrue(r.signatureValid(), "signature verifies with the published secret");
            assertTrue(Math.abs(Long.parseLong(r.timestamp()) - Instant.now().getEpochSecond()) < 60);
        }
        assertEquals(received.get(0).id(), received.get(1).id(), "the same webhook-id on the retry");
        JsonNode body = Api.JSON.readTree(received.get(1).body());
        assertEquals("case-decision.ready", body.get("type").asText());
        assertEquals(decisionId, body.get("data").get("decisionId").asText());
        assertEquals("CMS-77", body.get("data").get("caseNumber").asText());
        assertNull(body.get("data").get("decision"), "never the decision itself");

        delivery = deliveries(webhookId).get(0);
        assertEquals("DELIVERED", delivery.get("status").asText());
        assertEquals(2, delivery.get("attempts").asInt());
        assertEquals(204, delivery.get("lastResponseStatus").asInt());
        assertEquals(List.of(500L, 204L), fixtures.strings("SELECT response_status FROM webhook_attempt WHERE delivery_id = ? ORDER BY attempted_at",
                received.get(0).id()).stream().map(Long::parseLong).toList());

        // Nothing more to send: a third run posts nothing.
        dispatcher.run();
        assertEquals(2, received.size());
    }

    @Test
    void onlyAdministratorsRegisterHttpsEndpointsAndRemovalStopsDeliveries() {
        Api.Response plain = api.post(WEBHOOKS, admin, Map.of("url", "http://cms.example.org/hook", "events", List.of("case-decision.ready")));
        assertEquals(422, plain.status(), plain.body());
        assertEquals("/url", plain.json().get("errors").get(0).get("pointer").asText());
        assertEquals(422, api.post(WEBHOOKS, admin, Map.of("url", "https://user:pw@cms.example.org/hook", "events", List.of("case-decision.ready"))).status());
        assertEquals(400, api.post(WEBHOOKS, admin, Map.of("url", "https://cms.example.org/hook", "events", List.of("nothing"))).status());
        String supervisorToken = api.token(supervisor.username(), Fixtures.PASSWORD);
        assertEquals(403, api.post(WEBHOOKS, supervisorToken, Map.of("url", "https://cms.example.org/hook", "events", List.of("case-decision.ready"))).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM webhook WHERE organisation_id = ?", world.org().id()));

        Api.Response ok = api.post(WEBHOOKS, admin, Map.of("url", "http://localhost:" + receiver.getAddress().getPort() + "/hook",
                "events", List.of("case-decision.ready")));
        assertEquals(201, ok.status(), ok.body());
        String id = ok.json().get("id").asText();
        assertEquals(403, api.get(WEBHOOKS, supervisorToken).status());
        assertEquals(403, api.raw("DELETE", WEBHOOKS + "/" + id, supervisorToken, null, null).status());
        assertEquals(204, api.raw("DELETE", WEBHOOKS + "/" + id, admin, null, null).status());
        assertEquals(0, api.get(WEBHOOKS, admin).json().get("items").size());
        assertEquals(200, api.get(WEBHOOKS + "/" + id + "/deliveries", admin).status(), "the log is kept");
        String elsewhere = api.token(fixtures.organisation().accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertEquals(404, api.get(WEBHOOKS + "/" + id + "/deliveries", elsewhere).status());

        decide("After removal");
        dispatcher.run();
        assertEquals(0, received.size());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM webhook_delivery WHERE webhook_id = ?", id));
    }

    @Test
    void removingAnEndpointEndsItsWaitingMessagesAsFailed() throws Exception {
        Api.Response registered = api.post(WEBHOOKS, admin, Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                "events", List.of("case-decision.ready")));
        assertEquals(201, registered.status(), registered.body());
        secret = registered.json().get("secret").asText();
        String webhookId = registered.json().get("id").asText();
        decide("Waiting for a retry when the endpoint goes");
        dispatcher.run();
        assertEquals("PENDING", deliveries(webhookId).get(0).get("status").asText(), "the first attempt failed (500)");

        assertEquals(204, api.raw("DELETE", WEBHOOKS + "/" + webhookId, admin, null, null).status());
        JsonNode delivery = deliveries(webhookId).get(0);
        assertEquals("FAILED", delivery.get("status").asText());
        assertEquals(WebhookService.NOT_SENT_REMOVED, delivery.get("lastError").asText());
        assertFalse(delivery.has("nextAttemptAt") && !delivery.get("nextAttemptAt").isNull());
        Thread.sleep(1200);   // past the test backoff: nothing is retried
        dispatcher.run();
        assertEquals(1, received.size());
    }

    private String decide(String text) {
        Api.Response r = api.post("/api/v1/case-decisions", api.token(supervisor.username(), Fixtures.PASSWORD),
                Map.of("childId", childId, "decision", text, "rationale", "Reasons"));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private JsonNode deliveries(String webhookId) {
        Api.Response r = api.get(WEBHOOKS + "/" + webhookId + "/deliveries", admin);
        assertEquals(200, r.status(), r.body());
        assertEquals(1, r.json().get("items").size(), r.body());
        return r.json().get("items");
    }

    private static String hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

package uk.supervision.evidencepack;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;
import uk.supervision.testing.World.Person;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Evidence packs over HTTP: asked for, made by the job (called here, not waited for), downloaded; always aggregate-only;
 * read by the requester alone; bad requests refused with nothing stored; a resend with the same key makes nothing new.
 *
 * <p>Service A this month, from the monthly team facts: team A1 counts 6 staff (3 with an active signed agreement), A2
 * 7 (all 7), A3 2 (1). Service A: 11 of 15 = 0.7333... A3 (2 &lt; 5) is suppressed, and so is A1, the next smallest,
 * or A3 could be worked out as the service less A1 and A2.
 */
@MicronautTest(transactional = false)
// The team facts are written here by hand; the refresher would rebuild them from the (few) people of the test.
@Property(name = "supervision.measures.refresh-interval", value = "24h")
class EvidencePackApiTest extends ApiTest {
    private static final String SIGNED_CSV = "agreements.active-signed.csv";

    @Inject
    EvidencePackJob job;

    private final YearMonth thisMonth = YearMonth.now(ZoneId.of("Europe/London"));
    private String teamA3;

    @BeforeEach
    void facts() {
        teamA3 = Ids.newId();
        fixtures.execute("INSERT INTO team (id, service_id, name, created_at) VALUES (?, ?, 'Team A3', ?)", teamA3, world.serviceA().id(),
                Timestamp.from(Instant.now()));
        teamMonth(world.teamA1().id(), 6, 3);
        teamMonth(world.teamA2().id(), 7, 7);
        teamMonth(teamA3, 2, 1);
    }

    @Test
    void aManagersPackIsMadeStepByStepAndItsFilesDownloadAggregateOnly() throws Exception {
        Person meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        String token = api.token(meg.username(), Fixtures.PASSWORD);

        Api.Response asked = api.post("/api/v1/evidence-packs", token, request("SERVICE", world.serviceA().id(), thisMonth, thisMonth));
        assertEquals(202, asked.status(), asked.body());
        JsonNode queued = asked.json();
        String id = queued.get("id").asText();
        assertEquals("/api/v1/evidence-packs/" + id, asked.header("Location"));
        assertEquals("QUEUED", queued.get("status").asText());
        assertEquals(0, queued.get("stepsDone").asInt());
        assertEquals(0, queued.get("files").size());
        assertEquals(world.serviceA().name(), queued.get("scope").get("name").asText());
        // Not ready yet: nothing to download.
        assertEquals(409, api.get("/api/v1/evidence-packs/" + id + "/files/report.pdf", token).status());

        JsonNode ready = makeReady(id, token);
        assertEquals("READY", ready.get("status").asText(), ready.toString());
        assertNotNull(ready.get("finishedAt"));
        List<String> names = new ArrayList<>();
        ready.get("files").forEach(f -> names.add(f.get("name").asText()));
        assertEquals("report.pdf", names.get(0), "the PDF first");
        assertEquals("report.html", names.get(1));
        assertTrue(names.contains(SIGNED_CSV), names.toString());
        long csvs = names.stream().filter(n -> n.endsWith(".csv")).count();
        assertEquals(names.size() - 2, csvs, "every other file is a measure's CSV");
        // One step per CSV, one for the trends, one for the HTML, one for the PDF; all done.
        assertEquals(csvs + 3, ready.get("stepsTotal").asInt());
        assertEquals(ready.get("stepsTotal").asInt(), ready.get("stepsDone").asInt());
        ready.get("files").forEach(f -> {
            assertFalse(f.get("title").asText().contains(".csv"), "titles, not file names: " + f);
            assertTrue(f.get("bytes").asLong() > 0);
        });

        Download csv = download(id, SIGNED_CSV, token);
        assertEquals(200, csv.status());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertEquals("attachment; filename=\"" + SIGNED_CSV + "\"", csv.disposition().replace("; filename*=utf-8''" + SIGNED_CSV, ""));
        String period = thisMonth + " to " + thisMonth;
        String service = world.serviceA().name();
        List<String> lines = List.of(csv.text().split("\r\n"));
        assertEquals("scope,unit,month or period,numerator,denominator,value,suppressed,part", lines.get(0));
        // 11 of 15 signed: 0.7333333333333333
        assertEquals(service + "," + service + "," + period + ",11,15,0.7333333333333333,no,", lines.get(1));
        assertTrue(lines.contains(service + ",Team A2," + period + ",7,7,1,no,"), lines.toString());
        assertTrue(lines.contains(service + ",Team A3," + period + ",,,,yes,"), "fewer than 5: " + lines);
        assertTrue(lines.contains(service + ",Team A1," + period + ",,,,yes,"), "suppressed so A3 cannot be worked out: " + lines);
        assertTrue(lines.contains(service + "," + service + "," + thisMonth + ",11,15,0.7333333333333333,no,"), "the month's row: " + lines);

        Download html = download(id, "report.html", token);
        assertTrue(html.contentType().startsWith("text/html"), html.contentType());
        assertTrue(html.disposition().startsWith("attachment"), html.disposition());
        assertTrue(html.text().contains("Staff with an active signed supervision agreement"), "the measure's label");
        assertTrue(html.text().contains("73% (11 of 15)"), "11 / 15 = 73%");
        assertTrue(html.text().contains("suppressed (fewer than 5)"));
        // Aggregate-only, though Meg manages service A and would see it in full: no names anywhere.
        assertFalse(html.text().contains(meg.staff().familyName()), "no names");

        Download pdf = download(id, "report.pdf", token);
        assertEquals("application/pdf", pdf.contentType());
        assertEquals("%PDF", new String(pdf.bytes(), 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
            assertTrue(new PDFTextStripper().getText(doc).replaceAll("\\s+", " ").contains("Staff with an active signed supervision agreement"));
        }
        assertEquals(404, api.get("/api/v1/evidence-packs/" + id + "/files/nothing.csv", token).status());

        JsonNode list = api.get("/api/v1/evidence-packs", token).json();
        assertEquals(List.of(id), idsOf(list.get("items")));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'EVIDENCE_PACK_REQUESTED' AND entity_id = ?", id));
    }

    @Test
    void anElectedMemberGetsAPackOfTheDirectorateAndNobodyElseSeesIt() throws Exception {
        Person member = world.accountOnly(Role.ELECTED_MEMBER);
        String token = api.token(member.username(), Fixtures.PASSWORD);
        Api.Response asked = api.post("/api/v1/evidence-packs", token, request("DIRECTORATE", null, thisMonth.minusMonths(2), thisMonth));
        assertEquals(202, asked.status(), asked.body());
        String id = asked.json().get("id").asText();
        assertEquals("DIRECTORATE", asked.json().get("scope").get("kind").asText());
        assertEquals(world.org().name(), asked.json().get("scope").get("name").asText());
        assertEquals("READY", makeReady(id, token).get("status").asText());
        assertEquals(200, download(id, "report.html", token).status());

        // A colleague in the same organisation: refused (403), and it is not on their list.
        Person hal = world.person(world.teamA1(), "Hal", Role.HEAD_OF_SERVICE);
        String other = api.token(hal.username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/evidence-packs/" + id, other).status());
        assertEquals(403, api.get("/api/v1/evidence-packs/" + id + "/files/report.html", other).status());
        assertEquals(0, api.get("/api/v1/evidence-packs", other).json().get("items").size());
        // Someone in another organisation: as if there were no such pack.
        World elsewhere = fixtures.organisation();
        Person stranger = elsewhere.person(elsewhere.teamA1(), "Sol", Role.HEAD_OF_SERVICE);
        String far = api.token(stranger.username(), Fixtures.PASSWORD);
        assertEquals(404, api.get("/api/v1/evidence-packs/" + id, far).status());
        assertEquals(404, api.get("/api/v1/evidence-packs/" + id + "/files/report.html", far).status());
    }

    @Test
    void badRequestsAreRefusedAndStoreNoPack() {
        Person meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        String token = api.token(meg.username(), Fixtures.PASSWORD);
        Map<String, Object[]> cases = new HashMap<>();
        cases.put("/scope", new Object[]{"PERSON", meg.id(), thisMonth, thisMonth});
        cases.put("/from", new Object[]{"SERVICE", world.serviceA().id(), thisMonth, thisMonth.minusMonths(1)});
        cases.put("/to", new Object[]{"SERVICE", world.serviceA().id(), thisMonth, thisMonth.plusMonths(1)});
        cases.put("/scopeId", new Object[]{"TEAM", null, thisMonth, thisMonth});
        cases.forEach((pointer, c) -> {
            Api.Response r = api.post("/api/v1/evidence-packs", token, request((String) c[0], (String) c[1], (YearMonth) c[2], (YearMonth) c[3]));
            assertEquals(422, r.status(), pointer + ": " + r.body());
            assertEquals("application/problem+json", r.contentType());
            assertEquals(pointer, r.json().get("errors").get(0).get("pointer").asText(), r.body());
        });
        Api.Response malformed = api.raw("POST", "/api/v1/evidence-packs", token, "application/json",
                "{\"scope\":\"SERVICE\",\"scopeId\":\"" + world.serviceA().id() + "\",\"from\":\"2026-13\",\"to\":\"2026-01\"}");
        assertEquals(400, malformed.status(), malformed.body());

        // Not theirs to see: a practitioner; a machine client, even with measures:read.
        Person pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        assertEquals(403, api.post("/api/v1/evidence-packs", api.token(pat.username(), Fixtures.PASSWORD),
                request("DIRECTORATE", null, thisMonth, thisMonth)).status());
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        String client = clientToken(admin, "measures:read");
        assertEquals(403, api.post("/api/v1/evidence-packs", client, request("DIRECTORATE", null, thisMonth, thisMonth)).status());
        assertEquals(403, api.get("/api/v1/evidence-packs", client).status());

        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM evidence_pack WHERE organisation_id = ?", world.org().id()), "nothing stored");
    }

    @Test
    void aResendWithTheSameKeyGivesTheSamePackAndTheListPagesNewestFirst() {
        Person meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        String token = api.token(meg.username(), Fixtures.PASSWORD);
        String key = Fixtures.unique("pack");
        String body = Api.json(request("TEAM", world.teamA2().id(), thisMonth, thisMonth));
        Api.Response first = api.raw("POST", "/api/v1/evidence-packs", token, "application/json", body, Map.of("Idempotency-Key", key));
        Api.Response again = api.raw("POST", "/api/v1/evidence-packs", token, "application/json", body, Map.of("Idempotency-Key", key));
        assertEquals(202, first.status(), first.body());
        assertNull(first.header("Idempotent-Replayed"));
        assertEquals(202, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM evidence_pack WHERE organisation_id = ?", world.org().id()));
        Api.Response reused = api.raw("POST", "/api/v1/evidence-packs", token, "application/json",
                Api.json(request("TEAM", world.teamA1().id(), thisMonth, thisMonth)), Map.of("Idempotency-Key", key));
        assertEquals(422, reused.status(), "the same key for another request: " + reused.body());

        String second = api.post("/api/v1/evidence-packs", token, request("SERVICE", world.serviceA().id(), thisMonth, thisMonth))
                .json().get("id").asText();
        JsonNode page1 = api.get("/api/v1/evidence-packs?limit=1", token).json();
        assertEquals(List.of(second), idsOf(page1.get("items")), "newest first");
        JsonNode page2 = api.get("/api/v1/evidence-packs?limit=1&cursor=" + page1.get("nextCursor").asText(), token).json();
        assertEquals(List.of(first.json().get("id").asText()), idsOf(page2.get("items")));
        assertNull(page2.get("nextCursor"));
    }

    // ---- helpers

    private JsonNode makeReady(String id, String token) {
        JsonNode pack = null;
        for (int i = 0; i < 20; i++) {
            // Another test's context may hold the lease on this shared database; this test is the only node here.
            fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'evidence-packs'");
            job.run();
            pack = api.get("/api/v1/evidence-packs/" + id, token).json();
            String status = pack.get("status").asText();
            if (status.equals("READY") || status.equals("FAILED")) {
                return pack;
            }
        }
        return pack;
    }

    private static Map<String, Object> request(String scope, String scopeId, YearMonth from, YearMonth to) {
        Map<String, Object> body = new HashMap<>();
        body.put("scope", scope);
        if (scopeId != null) {
            body.put("scopeId", scopeId);
        }
        body.put("from", from.toString());
        body.put("to", to.toString());
        return body;
    }

    private void teamMonth(String teamId, int counted, int signed) {
        fixtures.execute("INSERT INTO measure_team_month (organisation_id, month_start, service_id, team_key, team_id, counted_staff, leavers, "
                + "first_week, agency_under_10_hours, agreement_signed, agreement_review_overdue, within_interval, past_longest_gap, in_breach, "
                + "longest_gap_days, one_to_one_held, group_held, held_last_12_months, annual_minimum_applies, meets_annual_minimum, cancelled, "
                + "cancelled_rebooked, minutes_held, minutes_counted_sessions, held_below_minimum, records_due, records_signed_both, "
                + "signature_days_total, signature_days_count, actions_overdue, managers, training_due, trained_in_time, with_caseload, "
                + "caseload_total, caseload_above_level, computed_at) VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, 0, 0, 0, 0, NULL, 0, 0, 0, 0, 0, 0, "
                + "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, ?)", world.org().id(), Date.valueOf(thisMonth.atDay(1)), world.serviceA().id(),
                teamId, teamId, counted, signed, Timestamp.from(Instant.now()));
    }

    private record Download(int status, String contentType, String disposition, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** Bytes as sent (Api reads text, which would spoil a PDF). */
    private Download download(String id, String name, String token) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.getURI()
                        + "/api/v1/evidence-packs/" + id + "/files/" + name)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    private String clientToken(String adminToken, String scope) {
        Api.Response made = api.post("/api/v1/machine-clients", adminToken, Map.of("name", Fixtures.unique("BI"), "scopes", List.of(scope)));
        assertEquals(201, made.status(), made.body());
        Api.Response r = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + made.json().get("clientId").asText() + "&client_secret=" + made.json().get("clientSecret").asText());
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }
}

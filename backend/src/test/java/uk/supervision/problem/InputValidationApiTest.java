package uk.supervision.problem;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World.Person;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.problem.ErrorsApiTest.assertProblem;

/**
 * The bad inputs found in review, each refused with a 400/422 problem that names the field, and
 * nothing stored: crafted cursors, dates outside YYYY-MM-DD 1900..2100, coerced types, duplicate keys,
 * pointers into arrays.
 */
@MicronautTest(transactional = false)
class InputValidationApiTest extends ApiTest {
    String admin;
    String supervisor;
    Person sam;
    Person pat;

    @BeforeEach
    void people() {
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR);
        pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        world.supervise(sam.staff(), pat.staff());
        supervisor = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void craftedCursorsAre400NamingTheCursorParameter() {
        for (String path : List.of("/api/v1/actions?cursor=bm90YWRhdGUfeHl6", "/api/v1/sessions?cursor=YR9iH2M",
                "/api/v1/staff?cursor=YR9iH2M.AAAA", "/api/v1/agreements?cursor=" + "A".repeat(600))) {
            Api.Response r = api.get(path, supervisor);
            assertProblem(r, 400, "validation");
            assertEquals("#cursor", r.json().get("errors").get(0).get("pointer").asText(), path);
        }
    }

    @Test
    void aCursorTheServiceIssuedStillPages() {
        for (int i = 0; i < 3; i++) {
            assertEquals(201, api.post("/api/v1/actions", supervisor, action("2026-03-0" + (i + 1))).status());
        }
        Api.Response first = api.get("/api/v1/actions?superviseeId=" + pat.id() + "&limit=2", supervisor);
        assertEquals(200, first.status(), first.body());
        String next = first.json().get("nextCursor").asText();
        Api.Response second = api.get("/api/v1/actions?superviseeId=" + pat.id() + "&limit=2&cursor=" + next, supervisor);
        assertEquals(200, second.status(), second.body());
        assertEquals(1, second.json().get("items").size());
        // One character changed in the keys, or in the signature: refused.
        String keys = (next.startsWith("A") ? "B" : "A") + next.substring(1);
        String signature = next.substring(0, next.length() - 1) + (next.endsWith("A") ? "B" : "A");
        for (String tampered : List.of(keys, signature)) {
            assertProblem(api.get("/api/v1/actions?superviseeId=" + pat.id() + "&cursor=" + tampered, supervisor), 400, "validation");
        }
    }

    @Test
    void datesAreYyyyMmDdWithin1900And2100() {
        long before = actions();
        for (String bad : List.of("20260201", "+12026-01-01", "1581-10-10", "1899-12-31", "2101-01-01", "2026-02-30", "2026-2-1",
                "2026-02-01T00:00:00Z", "")) {
            Api.Response r = api.post("/api/v1/actions", supervisor, action(bad));
            assertProblem(r, 400, "malformed-request");
            assertEquals("/dueDate", r.json().get("errors").get(0).get("pointer").asText(), bad + ": " + r.body());
        }
        Map<String, Object> numeric = action("x");
        numeric.put("dueDate", 20260201);
        assertProblem(api.post("/api/v1/actions", supervisor, numeric), 400, "malformed-request");
        assertEquals(before, actions());
        assertEquals(201, api.post("/api/v1/actions", supervisor, action("1900-01-01")).status(), "the first day in range");
        assertEquals(201, api.post("/api/v1/actions", supervisor, action("2100-12-31")).status(), "the last day in range");
        assertEquals("1900-01-01", fixtures.string("SELECT MIN(due_date) FROM supervision_action WHERE supervisee_id = ?", pat.id()));
    }

    @Test
    void dateQueryParametersFollowTheSameRule() {
        for (String bad : List.of("20260201", "%2B12026-01-01", "1581-10-10")) {
            Api.Response r = api.get("/api/v1/sessions?from=" + bad, supervisor);
            assertProblem(r, 400, "malformed-request");
            assertEquals("#from", r.json().get("errors").get(0).get("pointer").asText(), r.body());
        }
        assertEquals(200, api.get("/api/v1/sessions?from=2026-01-01&to=2100-12-31", supervisor).status());
    }

    @Test
    void aSeriesRunningMoreThanTwoYearsAheadIs422AndBooksNothing() {
        long before = fixtures.count("SELECT COUNT(*) FROM supervision_session WHERE organisation_id = ?", world.org().id());
        String first = java.time.LocalDate.now().plusYears(2).minusWeeks(20).toString();
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("superviseeIds", List.of(pat.id()), "date", first, "startTime", "10:00",
                "plannedMinutes", 90, "location", "Room 1", "count", 12, "intervalWeeks", 4));
        Api.Response r = api.post("/api/v1/sessions", supervisor, plan);
        assertProblem(r, 422, "business-rule");
        assertEquals("/count", r.json().get("errors").get(0).get("pointer").asText());
        assertEquals(before, fixtures.count("SELECT COUNT(*) FROM supervision_session WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void numbersBooleansAndStringsAreNotCoerced() {
        long services = fixtures.count("SELECT COUNT(*) FROM service WHERE organisation_id = ?", world.org().id());
        Api.Response name = api.post("/api/v1/services", admin, Map.of("name", 10));
        assertProblem(name, 400, "malformed-request");
        assertEquals("/name", name.json().get("errors").get(0).get("pointer").asText());
        assertEquals(services, fixtures.count("SELECT COUNT(*) FROM service WHERE organisation_id = ?", world.org().id()));

        long sessions = fixtures.count("SELECT COUNT(*) FROM supervision_session WHERE organisation_id = ?", world.org().id());
        for (Object minutes : List.of(90.5, "90", true, 90.0, 1e40)) {
            Map<String, Object> plan = new LinkedHashMap<>(Map.of("superviseeIds", List.of(pat.id()), "date", "2030-06-03",
                    "startTime", "10:00", "plannedMinutes", minutes, "location", "Room 1"));
            Api.Response r = api.post("/api/v1/sessions", supervisor, plan);
            assertProblem(r, 400, "malformed-request");
            assertEquals("/plannedMinutes", r.json().get("errors").get(0).get("pointer").asText(), minutes + ": " + r.body());
        }
        Map<String, Object> plan = new LinkedHashMap<>(Map.of("superviseeIds", List.of(42), "date", "2030-06-03",
                "startTime", "10:00", "plannedMinutes", 90, "location", "Room 1"));
        Api.Response item = api.post("/api/v1/sessions", supervisor, plan);
        assertProblem(item, 400, "malformed-request");
        assertTrue(item.json().get("errors").get(0).get("pointer").asText().startsWith("/superviseeIds"), item.body());
        assertEquals(sessions, fixtures.count("SELECT COUNT(*) FROM supervision_session WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void duplicateKeysAre400() {
        long before = fixtures.count("SELECT COUNT(*) FROM service WHERE organisation_id = ?", world.org().id());
        Api.Response r = api.raw("POST", "/api/v1/services", admin, "application/json",
                "{\"name\": \"Children in care\", \"name\": \"Fostering\"}");
        assertProblem(r, 400, "malformed-request");
        assertTrue(r.json().get("detail").asText().contains("twice"), r.body());
        assertEquals(before, fixtures.count("SELECT COUNT(*) FROM service WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void pointersIntoArraysNameTheIndexBeforeTheField() {
        Map<String, Object> agreement = new LinkedHashMap<>();
        agreement.put("superviseeId", pat.id());
        agreement.put("durationMinutes", 90);
        agreement.put("location", "Room 1");
        agreement.put("answers", List.of(Map.of("key", "purpose", "text", "Reflective practice."), Map.of("key", "", "text", "x")));
        Api.Response r = api.post("/api/v1/agreements", supervisor, agreement);
        assertProblem(r, 400, "validation");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertEquals(List.of("/answers/1/key"), pointers, r.body());
    }

    @Test
    void childrenAndCaseDiscussionsAreRefusedWithPointersAndNothingStored() {
        for (String bad : List.of("PRN 1", "-PRN", "PRN;DROP", "")) {
            Api.Response r = api.post("/api/v1/children", supervisor, Map.of("name", "Amelia", "caseNumber", bad, "allocatedWorkerId", pat.id()));
            assertEquals(400, r.status(), bad + ": " + r.body());
            assertEquals("/caseNumber", r.json().get("errors").get(0).get("pointer").asText(), bad + ": " + r.body());
        }
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM child WHERE organisation_id = ?", world.org().id()));
        for (String path : List.of("/api/v1/children?cursor=YR9iH2M", "/api/v1/case-discussions?cursor=YR9iH2M")) {
            Api.Response r = api.get(path, supervisor);
            assertProblem(r, 400, "validation");
            assertEquals("#cursor", r.json().get("errors").get(0).get("pointer").asText(), path);
        }
        Api.Response child = api.post("/api/v1/children", supervisor, Map.of("name", "Amelia", "caseNumber", Fixtures.unique("PRN"),
                "allocatedWorkerId", pat.id()));
        Api.Response started = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", child.json().get("id").asText()));
        String url = "/api/v1/case-discussions/" + started.json().get("id").asText();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("discussedOn", java.time.LocalDate.now().toString());
        body.put("answers", List.of());
        body.put("childVoice", Map.of());
        body.put("decisions", List.of(Map.of("text", "Stay on the plan"), Map.of("text", "")));
        body.put("actions", List.of());
        Api.Response r = api.put(url, supervisor, body, started.header("ETag"));
        assertProblem(r, 400, "validation");
        assertEquals("/decisions/1/text", r.json().get("errors").get(0).get("pointer").asText(), r.body());
        body.put("decisions", List.of());
        body.put("childVoice", Map.of("reason", "TOO_OLD"));
        assertEquals(400, api.put(url, supervisor, body, started.header("ETag")).status());
        assertEquals("1", fixtures.string("SELECT version FROM case_discussion WHERE id = ?", started.json().get("id").asText()),
                "nothing stored");
    }

    private Map<String, Object> action(String due) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("superviseeId", pat.id());
        body.put("ownerId", pat.id());
        body.put("text", "Update the chronology");
        body.put("dueDate", due);
        return body;
    }

    private long actions() {
        return fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE organisation_id = ?", world.org().id());
    }

    // issue 8: decisions about children and webhooks

    @Test
    void decisionsAndWebhooksRefuseBadInputNamingTheFieldAndStoreNothing() {
        String child = java.util.UUID.randomUUID().toString();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at)"
                + " VALUES (?, ?, 'Kai Child', ?, ?, 1, ?, ?)", child, world.org().id(), Fixtures.unique("CMS"), pat.id(), now, now);
        Map<String, Object> decision = new LinkedHashMap<>(Map.of("childId", child, "decision", "Convene a meeting", "rationale", "Because"));
        for (Object bad : List.of("yesterday", "2026-02-30T10:00:00Z", "2026-13-01T10:00:00Z", 20260201)) {
            decision.put("decidedAt", bad);
            Api.Response r = api.post("/api/v1/case-decisions", supervisor, decision);
            assertProblem(r, 400, "malformed-request");
            assertEquals("/decidedAt", r.json().get("errors").get(0).get("pointer").asText(), bad + ": " + r.body());
        }
        decision.remove("decidedAt");
        decision.put("decision", "x".repeat(5001));
        Api.Response tooLong = api.post("/api/v1/case-decisions", supervisor, decision);
        assertEquals(400, tooLong.status(), tooLong.body());
        assertEquals("/decision", tooLong.json().get("errors").get(0).get("pointer").asText());
        decision.put("decision", "Fine");
        decision.put("childId", 42);
        assertProblem(api.post("/api/v1/case-decisions", supervisor, decision), 400, "malformed-request");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE organisation_id = ?", world.org().id()));

        Api.Response cursor = api.get("/api/v1/case-decisions?cursor=YR9iH2M.AAAA", supervisor);
        assertProblem(cursor, 400, "validation");
        assertEquals("#cursor", cursor.json().get("errors").get(0).get("pointer").asText());
        Api.Response from = api.get("/api/v1/dashboards/decisions-filed?from=20260201", supervisor);
        assertProblem(from, 400, "malformed-request");
        assertEquals("#from", from.json().get("errors").get(0).get("pointer").asText());
        Api.Response voiceFrom = api.get("/api/v1/dashboards/child-voice?from=20260201", supervisor);
        assertProblem(voiceFrom, 400, "malformed-request");
        assertEquals("#from", voiceFrom.json().get("errors").get(0).get("pointer").asText());
        Api.Response metadata = api.post("/api/v1/webhooks", admin, Map.of("url", "https://169.254.169.254/latest/meta-data/",
                "events", List.of("case-decision.ready")));
        assertEquals(422, metadata.status(), metadata.body());
        assertEquals("/url", metadata.json().get("errors").get(0).get("pointer").asText());

        for (Map<String, Object> bad : List.<Map<String, Object>>of(Map.of("url", "not a url at all", "events", List.of("case-decision.ready")),
                Map.of("url", "https://cms.example.org/hook", "events", List.of()),
                Map.of("url", "https://cms.example.org/" + "x".repeat(2000), "events", List.of("case-decision.ready")))) {
            Api.Response r = api.post("/api/v1/webhooks", admin, bad);
            assertEquals(400, r.status(), r.body());
            assertTrue(r.json().get("errors").get(0).get("pointer").asText().matches("/(url|events)"), r.body());
        }
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM webhook WHERE organisation_id = ?", world.org().id()));
        Api.Response webhooks = api.get("/api/v1/webhooks?cursor=YR9iH2M.AAAA", admin);
        assertProblem(webhooks, 400, "validation");
    }
}

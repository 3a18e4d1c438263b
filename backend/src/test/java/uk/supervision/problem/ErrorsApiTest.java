package uk.supervision.problem;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every error status the API promises comes back as problem+json that says what is wrong and where,
 * with no stack trace or class name, and nothing partial is stored.
 */
@MicronautTest(transactional = false)
class ErrorsApiTest extends ApiTest {
    String hr;

    @BeforeEach
    void signIn() {
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
    }

    @Test
    void unknownRouteIs404ProblemWithOrWithoutAToken() {
        assertProblem(api.get("/api/v1/no-such-thing", hr), 404, "not-found");
        assertProblem(api.get("/api/v1/no-such-thing", null), 404, "not-found");
    }

    @Test
    void wrongMethodIs405() {
        assertProblem(api.raw("DELETE", "/api/v1/me", hr, null, null), 405, "method-not-allowed");
    }

    @Test
    void wrongMediaTypeIs415AndStoresNothing() {
        long before = staffCount();
        assertProblem(api.raw("POST", "/api/v1/staff", hr, "text/plain", "givenName=Sam"), 415, "unsupported-media-type");
        assertEquals(before, staffCount());
    }

    @Test
    void malformedJsonIs400AndStoresNothing() {
        long before = staffCount();
        Api.Response r = api.raw("POST", "/api/v1/staff", hr, "application/json", "{\"givenName\": \"Sam\", ");
        assertProblem(r, 400, "malformed-request");
        assertEquals(before, staffCount());
    }

    @Test
    void bodyOverTheLimitIs413AndStoresNothing() {
        long before = staffCount();
        Map<String, Object> body = validStaff("big");
        body.put("jobTitle", "x".repeat(1_200_000));
        Api.Response r = api.post("/api/v1/staff", hr, body);
        assertProblem(r, 413, "payload-too-large");
        assertEquals(before, staffCount());
    }

    @Test
    void invalidFieldsAre400WithAPointerPerFieldAndStoreNothing() {
        long before = staffCount();
        Map<String, Object> body = validStaff("invalid");
        body.put("givenName", "");
        body.put("email", "not-an-email");
        body.put("weeklyHours", 99);
        body.remove("employmentStartDate");
        Api.Response r = api.post("/api/v1/staff", hr, body);
        assertProblem(r, 400, "validation");
        List<String> pointers = new ArrayList<>();
        r.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertTrue(pointers.containsAll(List.of("/givenName", "/email", "/weeklyHours", "/employmentStartDate")), pointers.toString());
        r.json().get("errors").forEach(e -> assertFalse(e.get("message").asText().isBlank()));
        assertEquals(before, staffCount());
    }

    @Test
    void businessRuleIs422WithThePointerAndStoresNothing() {
        long before = staffCount();
        long historyBefore = historyCount();
        Map<String, Object> body = validStaff("rule");
        body.put("employmentStartDate", "2024-05-01");
        body.put("postStartDate", "2024-04-30");
        Api.Response r = api.post("/api/v1/staff", hr, body);
        assertProblem(r, 422, "business-rule");
        assertEquals("/postStartDate", r.json().get("errors").get(0).get("pointer").asText());
        assertEquals(before, staffCount());
        assertEquals(historyBefore, historyCount(), "no history row for a refused person");
    }

    @Test
    void duplicateEmailIs409AndKeepsOneRecord() {
        Map<String, Object> body = validStaff("dup");
        assertEquals(201, api.post("/api/v1/staff", hr, body).status());
        assertProblem(api.post("/api/v1/staff", hr, body), 409, "conflict");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff WHERE organisation_id = ? AND email = ?", world.org().id(), body.get("email")));
    }

    @Test
    void staleIfMatchIs412MissingIs428AndNeitherChangesTheRecord() {
        Staff sam = world.worker(world.teamA1(), "Sam", "Original");
        Api.Response current = api.get("/api/v1/staff/" + sam.id(), hr);
        assertEquals(200, current.status());
        Map<String, Object> change = editable(current.json());
        change.put("familyName", "Changed");

        assertProblem(api.put("/api/v1/staff/" + sam.id(), hr, change, "\"v99\""), 412, "stale-version");
        assertProblem(api.put("/api/v1/staff/" + sam.id(), hr, change, null), 428, "if-match-required");
        assertEquals("Original", fixtures.string("SELECT family_name FROM staff WHERE id = ?", sam.id()));

        Api.Response ok = api.put("/api/v1/staff/" + sam.id(), hr, change, current.header("ETag"));
        assertEquals(200, ok.status(), ok.body());
        assertEquals("Changed", fixtures.string("SELECT family_name FROM staff WHERE id = ?", sam.id()));
        assertTrue(!ok.header("ETag").equals(current.header("ETag")), "the version moves on");
        // The ETag just used is now stale.
        assertProblem(api.put("/api/v1/staff/" + sam.id(), hr, change, current.header("ETag")), 412, "stale-version");
    }

    // ---- helpers

    private long historyCount() {
        return fixtures.count("SELECT COUNT(*) FROM staff_team_history h JOIN staff s ON s.id = h.staff_id WHERE s.organisation_id = ?", world.org().id());
    }

    private long staffCount() {
        return fixtures.count("SELECT COUNT(*) FROM staff WHERE organisation_id = ?", world.org().id());
    }

    private Map<String, Object> validStaff(String tag) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "Robin");
        body.put("familyName", "Example");
        body.put("email", Fixtures.unique(tag) + "@test.example");
        body.put("jobTitle", "Social Worker");
        body.put("category", "REGISTERED_SOCIAL_WORKER");
        body.put("employmentType", "PERMANENT");
        body.put("weeklyHours", 37);
        body.put("employmentStartDate", "2024-05-01");
        body.put("postStartDate", "2024-05-01");
        body.put("carriesCaseload", true);
        body.put("teamId", world.teamA1().id());
        return body;
    }

    static Map<String, Object> editable(JsonNode staff) {
        Map<String, Object> body = new HashMap<>();
        for (String f : List.of("givenName", "familyName", "email", "jobTitle", "category", "employmentType",
                "employmentStartDate", "postStartDate")) {
            body.put(f, staff.get(f).asText());
        }
        body.put("weeklyHours", staff.get("weeklyHours").asDouble());
        body.put("carriesCaseload", staff.get("carriesCaseload").asBoolean());
        return body;
    }

    static void assertProblem(Api.Response r, int status, String type) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"), "content type " + r.contentType());
        JsonNode p = r.json();
        assertEquals("urn:supervision:problem:" + type, p.get("type").asText(), r.body());
        assertEquals(status, p.get("status").asInt());
        assertFalse(p.get("title").asText().isBlank());
        assertFalse(r.body().contains("Exception") || r.body().contains("at uk.") || r.body().contains("at io."),
                "no class names or stack traces: " + r.body());
    }
}

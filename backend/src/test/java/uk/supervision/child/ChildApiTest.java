package uk.supervision.child;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Children as the case-management system knows them: added by a supervisor or the CMS, unique by case number. */
@MicronautTest(transactional = false)
class ChildApiTest extends ApiTest {
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void aSupervisorAddsAChildAndASecondWithTheSameCaseNumberIsRefused() {
        String caseNumber = Fixtures.unique("PRN");
        Api.Response created = api.post("/api/v1/children", supervisor, child("Amelia Brown", caseNumber, sam.id()));
        assertEquals(201, created.status(), created.body());
        String id = created.json().get("id").asText();
        assertEquals("/api/v1/children/" + id, created.header("Location"));
        assertEquals(sam.id(), created.json().get("allocatedWorker").get("id").asText());
        assertEquals("2019-03-04", created.json().get("dateOfBirth").asText());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM child WHERE case_number = ? AND allocated_worker_id = ?", caseNumber, sam.id()));

        Api.Response duplicate = api.post("/api/v1/children", supervisor, child("Amelia B", caseNumber, sam.id()));
        assertEquals(409, duplicate.status(), duplicate.body());
        assertEquals(id, duplicate.json().get("existingId").asText());
        assertEquals("/caseNumber", duplicate.json().get("errors").get(0).get("pointer").asText());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM child WHERE case_number = ?", caseNumber));

        // The worker sees their child; the supervisor finds them by name; the worker may not add one.
        assertEquals(200, api.get("/api/v1/children/" + id, supervisee).status());
        assertEquals(List.of(id), idsOf(api.get("/api/v1/children?q=amelia", supervisor).json().get("items")));
        assertEquals(403, api.post("/api/v1/children", supervisee, child("Ben", Fixtures.unique("PRN"), sam.id())).status());
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/children/" + id, colleague).status());
        assertEquals(0, api.get("/api/v1/children", colleague).json().get("items").size());
        String hr = api.token(world.person(world.teamA1(), "Hana", Role.HR).username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/children", hr).status());
    }

    @Test
    void anUpdateNeedsTheCurrentVersionAndAWorkerWhoHasNotLeft() {
        Api.Response created = api.post("/api/v1/children", supervisor, child("Amelia Brown", Fixtures.unique("PRN"), sam.id()));
        String url = "/api/v1/children/" + created.json().get("id").asText();
        Map<String, Object> update = Map.of("name", "Amelia Browne", "allocatedWorkerId", sam.id());
        assertEquals(428, api.put(url, supervisor, update, null).status());
        assertEquals(412, api.put(url, supervisor, update, "\"99\"").status());
        Api.Response updated = api.put(url, supervisor, update, created.header("ETag"));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("Amelia Browne", fixtures.string("SELECT name FROM child WHERE id = ?", created.json().get("id").asText()));
        assertNotEquals(created.header("ETag"), updated.header("ETag"));

        World.Person leaver = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(priya.staff(), leaver.staff());
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", java.sql.Date.valueOf(LocalDate.now().minusDays(1)), leaver.id());
        Api.Response refused = api.post("/api/v1/children", supervisor, child("Ben", Fixtures.unique("PRN"), leaver.id()));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("/allocatedWorkerId", refused.json().get("errors").get(0).get("pointer").asText());
    }

    @Test
    void aResendWithTheSameIdempotencyKeyAddsTheChildOnce() {
        String caseNumber = Fixtures.unique("PRN");
        String json = Api.json(child("Amelia Brown", caseNumber, sam.id()));
        String key = Fixtures.unique("child-key");
        Api.Response first = api.raw("POST", "/api/v1/children", supervisor, "application/json", json, Map.of("Idempotency-Key", key));
        Api.Response again = api.raw("POST", "/api/v1/children", supervisor, "application/json", json, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM child WHERE case_number = ?", caseNumber));
    }

    @Test
    void aCaseManagementSystemNeedsTheChildrenWriteScope() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        String withScope = clientToken(api.post("/api/v1/machine-clients", admin,
                Map.of("name", "CMS", "scopes", List.of("children:write"))).json());
        String without = clientToken(api.post("/api/v1/machine-clients", admin,
                Map.of("name", "HR", "scopes", List.of("staff.read"))).json());
        String caseNumber = Fixtures.unique("PRN");
        assertEquals(403, api.post("/api/v1/children", without, child("Amelia", caseNumber, sam.id())).status());
        assertEquals(403, api.get("/api/v1/children", without).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM child WHERE case_number = ?", caseNumber));
        Api.Response created = api.post("/api/v1/children", withScope, child("Amelia", caseNumber, sam.id()));
        assertEquals(201, created.status(), created.body());
        assertEquals(List.of(created.json().get("id").asText()),
                idsOf(api.get("/api/v1/children?caseNumber=" + caseNumber, withScope).json().get("items")));
        assertEquals(403, api.get("/api/v1/children", admin).status(), "administrators do not see children");
    }

    private String clientToken(JsonNode client) {
        Api.Response r = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + client.get("clientId").asText() + "&client_secret=" + client.get("clientSecret").asText());
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    static Map<String, Object> child(String name, String caseNumber, String workerId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("caseNumber", caseNumber);
        body.put("dateOfBirth", "2019-03-04");
        body.put("allocatedWorkerId", workerId);
        return body;
    }
}

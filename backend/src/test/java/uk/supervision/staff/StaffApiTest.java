package uk.supervision.staff;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff records through the API: add, read, page, move with history, leave. */
@MicronautTest(transactional = false)
class StaffApiTest extends ApiTest {
    String hr;

    @BeforeEach
    void signIn() {
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
    }

    @Test
    void hrAddsAPersonWithTeamAndSupervisorAndEverythingIsStored() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        Map<String, Object> body = person("Jordan", "Reid", "NEWLY_QUALIFIED");
        body.put("supervisorId", priya.id());
        body.put("externalRef", Fixtures.unique("HR"));
        Api.Response created = api.post("/api/v1/staff", hr, body);
        assertEquals(201, created.status(), created.body());
        JsonNode staff = created.json();
        String id = staff.get("id").asText();
        assertEquals("/api/v1/staff/" + id, created.header("Location"));
        assertEquals("\"v" + staff.get("version").asInt() + "\"", created.header("ETag"));
        assertEquals("Jordan Reid", staff.get("displayName").asText());
        assertEquals(world.teamA1().name(), staff.get("team").get("name").asText());
        assertEquals(world.serviceA().name(), staff.get("service").get("name").asText());
        assertEquals("Priya Tester", staff.get("supervisor").get("displayName").asText());

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff WHERE id = ? AND category = 'NEWLY_QUALIFIED'", id));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff_team_history WHERE staff_id = ? AND to_date IS NULL", id));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisee_id = ? AND supervisor_id = ?", id, priya.id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'STAFF_CREATED' AND entity_id = ?", id));

        // The supervisor now sees them on their home page.
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        JsonNode me = api.get("/api/v1/me", supervisor).json();
        assertEquals(List.of(id), idsOf(me.get("supervisees")));
    }

    @Test
    void listPagesWithAStableCursorAndFilters() {
        for (int i = 0; i < 7; i++) {
            world.worker(i % 2 == 0 ? world.teamA1() : world.teamB1(), "Person" + i, "Pager" + (char) ('G' - i));
        }
        Set<String> seen = new HashSet<>();
        List<String> order = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get("/api/v1/staff?limit=3&q=pager" + (cursor == null ? "" : "&cursor=" + cursor), hr);
            assertEquals(200, page.status(), page.body());
            for (JsonNode item : page.json().get("items")) {
                assertTrue(seen.add(item.get("id").asText()), "no person twice across pages");
                order.add(item.get("familyName").asText());
            }
            cursor = page.json().has("nextCursor") ? page.json().get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(7, seen.size());
        assertEquals(3, pages);
        List<String> sorted = new ArrayList<>(order);
        sorted.sort(String::compareTo);
        assertEquals(sorted, order, "ordered by family name");

        Api.Response teamB = api.get("/api/v1/staff?q=pager&teamId=" + world.teamB1().id(), hr);
        assertEquals(3, teamB.json().get("items").size());
        Api.Response none = api.get("/api/v1/staff?q=nobody-is-called-this", hr);
        assertEquals(200, none.status());
        assertEquals(0, none.json().get("items").size());
        assertFalse(none.json().has("nextCursor"));

        Api.Response badCursor = api.get("/api/v1/staff?cursor=not-a-cursor", hr);
        assertEquals(400, badCursor.status());
        assertEquals("#cursor", badCursor.json().get("errors").get(0).get("pointer").asText());
    }

    @Test
    void aMoveKeepsTheHistoryOfTeamsAndSupervisors() {
        World.Person first = world.person(world.teamA1(), "First", Role.SUPERVISOR);
        World.Person second = world.person(world.teamB1(), "Second", Role.SUPERVISOR);
        var sam = world.worker(world.teamA1(), "Sam", "Mover");
        world.supervise(first.staff(), sam);
        String etag = api.get("/api/v1/staff/" + sam.id(), hr).header("ETag");
        LocalDate today = LocalDate.now();

        Api.Response moved = api.post("/api/v1/staff/" + sam.id() + "/moves", hr,
                Map.of("effectiveDate", today.toString(), "teamId", world.teamB1().id(), "supervisorId", second.id(), "reason", "Restructure"), etag);
        assertEquals(200, moved.status(), moved.body());
        assertEquals(world.teamB1().name(), moved.json().get("team").get("name").asText());
        assertEquals(second.id(), moved.json().get("supervisor").get("id").asText());

        JsonNode history = api.get("/api/v1/staff/" + sam.id() + "/history", hr).json();
        assertEquals(2, history.get("teams").size());
        assertEquals(today.minusDays(1).toString(), history.get("teams").get(0).get("toDate").asText());
        assertEquals(world.teamB1().name(), history.get("teams").get(1).get("team").get("name").asText());
        assertEquals(2, history.get("supervisors").size());
        assertEquals(first.id(), history.get("supervisors").get(0).get("supervisor").get("id").asText());
        assertEquals(today.minusDays(1).toString(), history.get("supervisors").get(0).get("toDate").asText());
        assertFalse(history.get("supervisors").get(1).has("toDate"));

        // The first supervisor no longer sees them; the second does.
        assertEquals(403, api.get("/api/v1/staff/" + sam.id(), api.token(first.username(), Fixtures.PASSWORD)).status());
        assertEquals(200, api.get("/api/v1/staff/" + sam.id(), api.token(second.username(), Fixtures.PASSWORD)).status());

        Api.Response nowhere = api.post("/api/v1/staff/" + sam.id() + "/moves", hr,
                Map.of("effectiveDate", today.toString()), moved.header("ETag"));
        assertEquals(422, nowhere.status());
        Api.Response future = api.post("/api/v1/staff/" + sam.id() + "/moves", hr,
                Map.of("effectiveDate", today.plusDays(10).toString(), "teamId", world.teamA2().id()), moved.header("ETag"));
        assertEquals(422, future.status());
        assertEquals("/effectiveDate", future.json().get("errors").get(0).get("pointer").asText());
        assertEquals(world.teamB1().id(), fixtures.string("SELECT team_id FROM staff WHERE id = ?", sam.id()));
    }

    @Test
    void aBackDatedMoveTrimsOrReplacesEveryPlacementItOverlaps() {
        var ola = world.worker(world.teamA1(), "Ola", "Backdated");
        LocalDate today = LocalDate.now();
        LocalDate started = today.minusYears(2);
        String etag = api.get("/api/v1/staff/" + ola.id(), hr).header("ETag");
        Api.Response toB1 = api.post("/api/v1/staff/" + ola.id() + "/moves", hr,
                Map.of("effectiveDate", today.minusDays(30).toString(), "teamId", world.teamB1().id()), etag);
        assertEquals(200, toB1.status(), toB1.body());
        // Recorded late: the person had in fact gone to A2 sixty days ago, before the B1 move (which it replaces).
        Api.Response toA2 = api.post("/api/v1/staff/" + ola.id() + "/moves", hr,
                Map.of("effectiveDate", today.minusDays(60).toString(), "teamId", world.teamA2().id()), toB1.header("ETag"));
        assertEquals(200, toA2.status(), toA2.body());
        assertEquals(List.of(
                        world.teamA1().id() + " " + started + " " + today.minusDays(61),
                        world.teamA2().id() + " " + today.minusDays(60) + " open"),
                placements(ola.id()));
        // A second back-dated move inside A1's period ends A1 earlier and replaces A2.
        Api.Response toB1Earlier = api.post("/api/v1/staff/" + ola.id() + "/moves", hr,
                Map.of("effectiveDate", today.minusDays(90).toString(), "teamId", world.teamB1().id()), toA2.header("ETag"));
        assertEquals(200, toB1Earlier.status(), toB1Earlier.body());
        assertEquals(List.of(
                        world.teamA1().id() + " " + started + " " + today.minusDays(91),
                        world.teamB1().id() + " " + today.minusDays(90) + " open"),
                placements(ola.id()));
        assertEquals(world.teamB1().name(), toB1Earlier.json().get("team").get("name").asText());
        // No day is in two teams: no pair of rows overlaps.
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM staff_team_history a JOIN staff_team_history b ON a.staff_id = b.staff_id "
                + "AND a.id < b.id AND a.from_date <= COALESCE(b.to_date, '9999-12-31') AND b.from_date <= COALESCE(a.to_date, '9999-12-31') "
                + "WHERE a.staff_id = ?", ola.id()));
    }

    /** A person's placements in date order, as "team from to|open". */
    private List<String> placements(String staffId) {
        return fixtures.strings("SELECT CONCAT(team_id, ' ', from_date, ' ', CASE WHEN to_date IS NULL THEN 'open' ELSE CONCAT(to_date, '') END) "
                + "FROM staff_team_history WHERE staff_id = ? ORDER BY from_date", staffId);
    }

    @Test
    void aLeaverEndsTheirSupervisionAndLeavesTheCurrentList() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        var leaver = world.worker(world.teamA1(), "Lee", "Leaver");
        var supervised = world.worker(world.teamA1(), "Sue", "Supervised");
        world.supervise(priya.staff(), leaver);
        world.supervise(leaver, supervised);
        String etag = api.get("/api/v1/staff/" + leaver.id(), hr).header("ETag");
        LocalDate lastDay = LocalDate.now().minusDays(1);

        Api.Response left = api.post("/api/v1/staff/" + leaver.id() + "/leaving", hr,
                Map.of("leavingDate", lastDay.toString(), "reason", "Moved to another council"), etag);
        assertEquals(200, left.status(), left.body());
        assertEquals(lastDay.toString(), left.json().get("leavingDate").asText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE (supervisee_id = ? OR supervisor_id = ?) "
                + "AND (to_date IS NULL OR to_date > ?)", leaver.id(), leaver.id(), lastDay));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM staff_team_history WHERE staff_id = ? AND to_date IS NULL", leaver.id()));

        assertTrue(idsOf(api.get("/api/v1/staff?q=leaver", hr).json().get("items")).isEmpty(), "not a current member of staff");
        assertEquals(List.of(leaver.id()), idsOf(api.get("/api/v1/staff?q=leaver&status=leavers", hr).json().get("items")));
        assertEquals(409, api.post("/api/v1/staff/" + leaver.id() + "/leaving", hr,
                Map.of("leavingDate", lastDay.toString()), left.header("ETag")).status());
        assertNull(api.get("/api/v1/me", api.token(priya.username(), Fixtures.PASSWORD)).json().get("supervisees").get(0));
    }

    @Test
    void machineClientsGetOnlyTheirScopes() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        JsonNode reader = api.post("/api/v1/machine-clients", admin, Map.of("name", "HR reader", "scopes", List.of("staff.read"))).json();
        JsonNode writer = api.post("/api/v1/machine-clients", admin, Map.of("name", "HR writer", "scopes", List.of("staff.read", "staff.write"))).json();
        String readToken = clientToken(reader);
        String writeToken = clientToken(writer);
        world.worker(world.teamA1(), "Sam", "Synced");

        assertEquals(1, api.get("/api/v1/staff?q=synced", readToken).json().get("items").size());
        assertEquals(403, api.post("/api/v1/staff", readToken, person("Ann", "Other", "REGISTERED_SOCIAL_WORKER")).status());
        assertEquals(403, api.get("/api/v1/me", readToken).status(), "machine clients are not people");
        Api.Response created = api.post("/api/v1/staff", writeToken, person("Ann", "Synced", "REGISTERED_SOCIAL_WORKER"));
        assertEquals(201, created.status(), created.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'STAFF_CREATED' AND actor_client_id = ?",
                writer.get("clientId").asText()));

        Api.Response wrongScope = api.form("/api/v1/oauth/token", reader.get("clientId").asText() + ":" + reader.get("clientSecret").asText(),
                "grant_type=client_credentials&scope=staff.write");
        assertEquals(400, wrongScope.status());
        assertEquals("invalid_scope", wrongScope.json().get("error").asText());
        Api.Response wrongSecret = api.form("/api/v1/oauth/token", reader.get("clientId").asText() + ":nope", "grant_type=client_credentials");
        assertEquals(401, wrongSecret.status());
        assertEquals("invalid_client", wrongSecret.json().get("error").asText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM machine_client WHERE secret_hash = ?", reader.get("clientSecret").asText()),
                "the secret itself is never stored");
    }

    @Test
    void anHrSystemResendingTheSamePersonCreatesThemOnce() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        String writer = clientToken(api.post("/api/v1/machine-clients", admin,
                Map.of("name", "HR sync", "scopes", List.of("staff.read", "staff.write"))).json());
        Map<String, Object> body = person("Ada", "Once", "REGISTERED_SOCIAL_WORKER");
        String json = Api.JSON.valueToTree(body).toString();
        String key = Fixtures.unique("hr-sync");
        Api.Response first = api.raw("POST", "/api/v1/staff", writer, "application/json", json, Map.of("Idempotency-Key", key));
        Api.Response again = api.raw("POST", "/api/v1/staff", writer, "application/json", json, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff WHERE email = ?", body.get("email")));
    }

    private String clientToken(JsonNode client) {
        Api.Response r = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + client.get("clientId").asText() + "&client_secret=" + client.get("clientSecret").asText());
        assertEquals(200, r.status(), r.body());
        assertEquals("Bearer", r.json().get("token_type").asText());
        return r.json().get("access_token").asText();
    }

    private Map<String, Object> person(String given, String family, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("email", Fixtures.unique(given.toLowerCase()) + "@test.example");
        body.put("jobTitle", "Social Worker");
        body.put("category", category);
        body.put("employmentType", "PERMANENT");
        body.put("weeklyHours", 37);
        body.put("employmentStartDate", "2026-09-14");
        body.put("postStartDate", "2026-09-14");
        body.put("carriesCaseload", true);
        body.put("caseloadSize", 8);
        body.put("teamId", world.teamA1().id());
        return body;
    }

}

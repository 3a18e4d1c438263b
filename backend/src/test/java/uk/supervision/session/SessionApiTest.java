package uk.supervision.session;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Planning, rescheduling, postponing, cancelling (with rebooking) and holding supervision sessions. */
@MicronautTest(transactional = false)
class SessionApiTest extends ApiTest {
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    final LocalDate monday = LocalDate.now().plusWeeks(1).with(java.time.DayOfWeek.MONDAY);

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void aSeriesIsBookedAtTheOrganisationsIntervalUnlessTheAgreementSetsOne() {
        Api.Response booked = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday, 3));
        assertEquals(201, booked.status(), booked.body());
        JsonNode items = booked.json().get("items");
        assertEquals(List.of(monday.toString(), monday.plusWeeks(4).toString(), monday.plusWeeks(8).toString()), dates(items),
                "Coventry's normal interval is four weeks");
        items.forEach(s -> {
            assertEquals("PLANNED", s.get("status").asText());
            assertEquals("ONE_TO_ONE", s.get("kind").asText());
            assertEquals(priya.id(), s.get("supervisor").get("id").asText());
            assertEquals(items.get(0).get("seriesId"), s.get("seriesId"));
        });
        assertEquals("/api/v1/sessions/" + items.get(0).get("id").asText(), booked.header("Location"));

        // An agreement of three-weekly supervision, signed by both, sets the cadence.
        String agreement = Signing.activeAgreement(api, supervisor, supervisee, sam.id(), 3);
        JsonNode threeWeekly = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday.plusDays(1), 2)).json().get("items");
        assertEquals(List.of(monday.plusDays(1).toString(), monday.plusDays(22).toString()), dates(threeWeekly));
        assertEquals(5, fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", sam.id()));

        // The signed terms set the cadence, not the writable agreement row.
        assertEquals(1, fixtures.asMigrationAccount("UPDATE agreement SET interval_weeks = 1 WHERE id = ?", agreement));
        JsonNode still = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday.plusDays(2), 2)).json().get("items");
        assertEquals(List.of(monday.plusDays(2).toString(), monday.plusDays(23).toString()), dates(still));
    }

    @Test
    void severalSuperviseesMakeAGroupSessionLedByWhoeverArrangesIt() {
        World.Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(priya.staff(), lee.staff());
        JsonNode group = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id(), lee.id()), monday, 1)).json().get("items").get(0);
        assertEquals("GROUP", group.get("kind").asText());
        assertEquals(2, group.get("supervisees").size());
        assertEquals(200, api.get("/api/v1/sessions/" + group.get("id").asText(), api.token(lee.username(), Fixtures.PASSWORD)).status());
    }

    @Test
    void rescheduledPostponedAndHeldWithTheirReasons() {
        JsonNode s = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), LocalDate.now(), 1)).json().get("items").get(0);
        String url = "/api/v1/sessions/" + s.get("id").asText();
        String etag = api.get(url, supervisor).header("ETag");

        Api.Response postponed = api.post(url + "/postponement", supervisee, Map.of("reason", "Court hearing ran over"), etag);
        assertEquals(200, postponed.status(), postponed.body());
        assertEquals("POSTPONED", postponed.json().get("status").asText());

        // Moved to yesterday afternoon, so it has started and can be held whatever the time of the run.
        Api.Response moved = api.post(url + "/rescheduling", supervisor,
                Map.of("date", LocalDate.now().minusDays(1).toString(), "startTime", "15:30", "reason", "After the hearing"), postponed.header("ETag"));
        assertEquals("PLANNED", moved.json().get("status").asText());
        assertEquals("15:30", moved.json().get("startTime").asText());

        Api.Response held = api.post(url + "/held", supervisor, Map.of("actualMinutes", 70, "interruptedBy", "Duty call about a child"),
                moved.header("ETag"));
        assertEquals(200, held.status(), held.body());
        assertEquals("HELD", held.json().get("status").asText());
        assertEquals(70, held.json().get("actualMinutes").asInt());
        assertEquals("Duty call about a child", held.json().get("interruptedBy").asText());

        assertEquals(409, api.post(url + "/postponement", supervisor, Map.of("reason", "too late"), held.header("ETag")).status());
        assertEquals(412, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), etag).status());
        assertEquals(428, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), null).status());
        assertEquals("HELD", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", s.get("id").asText()));
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ? AND action IN "
                + "('SESSION_POSTPONED', 'SESSION_RESCHEDULED', 'SESSION_HELD')", s.get("id").asText()));
    }

    @Test
    void aCancellationSaysWhoAndWhyAndLinksTheRebookedSession() {
        JsonNode s = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday, 1)).json().get("items").get(0);
        String url = "/api/v1/sessions/" + s.get("id").asText();
        Api.Response cancelled = api.post(url + "/cancellation", supervisee,
                Map.of("cancelledBy", "SUPERVISEE", "reason", "Emergency placement", "rebookDate", monday.plusDays(3).toString()),
                api.get(url, supervisee).header("ETag"));
        assertEquals(200, cancelled.status(), cancelled.body());
        JsonNode c = cancelled.json();
        assertEquals("CANCELLED", c.get("status").asText());
        assertEquals("SUPERVISEE", c.get("cancelledBy").asText());
        assertEquals("Emergency placement", c.get("statusReason").asText());

        JsonNode replacement = api.get("/api/v1/sessions/" + c.get("rebookedAsId").asText(), supervisor).json();
        assertEquals("PLANNED", replacement.get("status").asText());
        assertEquals(monday.plusDays(3).toString(), replacement.get("date").asText());
        assertEquals(s.get("startTime"), replacement.get("startTime"));
        assertEquals(s.get("id"), replacement.get("rebookedFromId"));
        assertEquals(List.of(sam.id()), List.of(replacement.get("supervisees").get(0).get("id").asText()));

        assertEquals(409, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), cancelled.header("ETag")).status(),
                "a cancelled session is not held");
    }

    @Test
    void onlyThePeopleInASessionChangeItAndOnlyTheyTheirManagersAndQaSeeIt() {
        JsonNode s = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday, 1)).json().get("items").get(0);
        String url = "/api/v1/sessions/" + s.get("id").asText();
        String etag = api.get(url, supervisor).header("ETag");
        String manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        String hr = api.token(world.person(null, "Hal", Role.HR).username(), Fixtures.PASSWORD);
        String qa = api.token(world.accountOnly(Role.QA_AUDITOR).username(), Fixtures.PASSWORD);

        assertEquals(200, api.get(url, manager).status());
        assertEquals(200, api.get(url, qa).status());
        assertEquals(403, api.get(url, colleague).status());
        assertEquals(403, api.get(url, hr).status());
        assertEquals(403, api.post(url + "/postponement", manager, Map.of("reason", "Not mine to move"), etag).status());
        assertEquals("PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", s.get("id").asText()));

        assertEquals(403, api.post("/api/v1/sessions", colleague, plan(List.of(sam.id()), monday, 1)).status(),
                "a colleague does not plan someone else's supervision");
        assertTrue(idsOf(api.get("/api/v1/sessions", colleague).json().get("items")).isEmpty());
        assertEquals(List.of(s.get("id").asText()), idsOf(api.get("/api/v1/sessions?superviseeId=" + sam.id(), supervisee).json().get("items")));
    }

    @Test
    void listsPageByDateAndTimeAndFilter() {
        api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday, 5));
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/v1/sessions?limit=2&superviseeId=" + sam.id() + (cursor == null ? "" : "&cursor=" + cursor), supervisor).json();
            page.get("items").forEach(i -> seen.add(i.get("date").asText()));
            cursor = page.has("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        assertEquals(5, seen.size());
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort(String::compareTo);
        assertEquals(sorted, seen);
        assertEquals(2, api.get("/api/v1/sessions?superviseeId=" + sam.id() + "&from=" + monday.plusWeeks(4) + "&to=" + monday.plusWeeks(8),
                supervisor).json().get("items").size());
    }

    @Test
    void aResentPlanBooksOnceAndBadPlansAreRefusedWithPointers() {
        String key = Fixtures.unique("plan-key");
        String body = Api.json(plan(List.of(sam.id()), monday, 2));
        Api.Response first = api.raw("POST", "/api/v1/sessions", supervisor, "application/json", body, Map.of("Idempotency-Key", key));
        Api.Response again = api.raw("POST", "/api/v1/sessions", supervisor, "application/json", body, Map.of("Idempotency-Key", key));
        assertEquals(201, again.status(), again.body());
        assertEquals(idsOf(first.json().get("items")), idsOf(again.json().get("items")));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", sam.id()));

        Map<String, Object> bad = plan(List.of(sam.id()), monday, 20);
        bad.put("startTime", "25:00");
        Api.Response invalid = api.post("/api/v1/sessions", supervisor, bad);
        assertEquals(400, invalid.status());
        List<String> pointers = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> pointers.add(e.get("pointer").asText()));
        assertEquals(List.of("/count", "/startTime"), pointers);

        World.Person unsupervised = world.person(world.teamA1(), "Una", Role.PRACTITIONER);
        String manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        Api.Response nobody = api.post("/api/v1/sessions", manager, plan(List.of(unsupervised.id()), monday, 1));
        assertEquals(422, nobody.status());
        assertEquals("/superviseeIds/0", nobody.json().get("errors").get(0).get("pointer").asText());

        JsonNode future = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday, 1)).json().get("items").get(0);
        String url = "/api/v1/sessions/" + future.get("id").asText();
        Api.Response early = api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag"));
        assertEquals(422, early.status(), "a session next week cannot have been held");
        assertFalse(fixtures.string("SELECT status FROM supervision_session WHERE id = ?", future.get("id").asText()).equals("HELD"));
    }

    @Test
    void aServiceManagerWithoutAStaffRecordListsTheirServicesRecords() {
        // Regression: a scope of services and no people once made an empty SQL IN list (a 500).
        JsonNode s = api.post("/api/v1/sessions", supervisor, plan(List.of(sam.id()), monday, 1)).json().get("items").get(0);
        api.post("/api/v1/actions", supervisor, Map.of("superviseeId", sam.id(), "ownerId", sam.id(), "text", "x", "dueDate", monday.toString()));
        fixtures.agreement(world.org(), sam.staff(), priya.staff(), "DRAFT");
        String manager = api.token(world.accountOnly(Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        Api.Response sessions = api.get("/api/v1/sessions", manager);
        assertEquals(200, sessions.status(), sessions.body());
        assertEquals(List.of(s.get("id").asText()), idsOf(sessions.json().get("items")));
        for (String list : List.of("/api/v1/agreements", "/api/v1/actions")) {
            Api.Response r = api.get(list, manager);
            assertEquals(200, r.status(), r.body());
            assertEquals(1, r.json().get("items").size(), list);
        }
    }

    static Map<String, Object> plan(List<String> superviseeIds, LocalDate date, int count) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", superviseeIds);
        body.put("date", date.toString());
        body.put("startTime", "10:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3, Civic Centre");
        body.put("count", count);
        return body;
    }

    private static List<String> dates(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("date").asText()));
        return out;
    }

}

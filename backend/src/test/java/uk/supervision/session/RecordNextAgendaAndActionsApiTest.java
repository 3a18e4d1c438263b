package uk.supervision.session;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Issue 7, items 7-9: the next session's agenda (carried from the last record, added from home), actions
 * removed before signing, and the dashboard telling records to write from records awaiting signature.
 */
@MicronautTest(transactional = false)
class RecordNextAgendaAndActionsApiTest extends ApiTest {
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void futureAgendaAndItemsAddedFromHomeShowInTheNextRecordAndStayWithItOnceSigned() {
        String first = held(today.minusWeeks(4));
        String firstUrl = "/api/v1/sessions/" + first + "/record";
        Api.Response written = api.put(firstUrl, supervisor, body("Court timetable for the B children"), api.get(firstUrl, supervisor).header("ETag"));
        assertEquals(200, written.status(), written.body());
        sign(firstUrl);

        Api.Response added = api.post("/api/v1/staff/" + sam.id() + "/next-agenda-items", supervisee, Map.of("text", "  My caseload weighting  "));
        assertEquals(201, added.status(), added.body());
        assertEquals("My caseload weighting", added.json().get("text").asText());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ? AND used_in_session_id IS NULL", sam.id()));
        assertEquals(201, api.post("/api/v1/staff/" + sam.id() + "/next-agenda-items", supervisor, Map.of("text", "Training plan")).status());
        backdatePendingItems(sam.id(), today.minusDays(1)); // added before the next session's start

        String next = held(today);
        String nextUrl = "/api/v1/sessions/" + next + "/record";
        JsonNode proposed = api.get(nextUrl, supervisee).json().get("proposedAgenda");
        assertEquals(List.of("PREVIOUS_RECORD:Court timetable for the B children", "ADDED:My caseload weighting", "ADDED:Training plan"),
                items(proposed));
        assertEquals(first, proposed.get(0).get("fromSessionId").asText());
        assertEquals(sam.id(), proposed.get(1).get("proposedBy").get("id").asText());

        assertEquals(200, api.put(nextUrl, supervisor, body(null), api.get(nextUrl, supervisor).header("ETag")).status());
        sign(nextUrl);
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM agenda_proposal WHERE used_in_session_id = ?", next), "kept with the signed record");
        assertEquals(items(proposed), items(api.get(nextUrl, supervisee).json().get("proposedAgenda")));

        // The one after starts clean: this record listed no future items, and the added ones were used.
        String third = held(today.plusDays(1));
        fixtures.execute("UPDATE supervision_session SET meeting_date = ? WHERE id = ?", java.sql.Date.valueOf(today), third);
        fixtures.execute("UPDATE supervision_session SET start_time = '11:00' WHERE id = ?", third);
        assertEquals(0, api.get("/api/v1/sessions/" + third + "/record", supervisee).json().get("proposedAgenda").size());
    }

    @Test
    void onlyThePersonAndTheirSupervisorAddToTheirAgendaAndBlankItemsAreRefused() {
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        String manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        String url = "/api/v1/staff/" + sam.id() + "/next-agenda-items";
        assertEquals(403, api.post(url, colleague, Map.of("text", "Not mine to add")).status());
        assertEquals(403, api.post(url, manager, Map.of("text", "Managers read, they do not set the agenda")).status());
        Api.Response blank = api.post(url, supervisee, Map.of("text", "   "));
        assertEquals(422, blank.status(), blank.body());
        assertEquals("/text", blank.json().get("errors").get(0).get("pointer").asText());
        Api.Response empty = api.post(url, supervisee, Map.of("text", ""));
        assertEquals(400, empty.status(), empty.body());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ?", sam.id()));

        Api.Response once = api.raw("POST", url, supervisee, "application/json", "{\"text\":\"Leave\"}", Map.of("Idempotency-Key", "agenda-key-12345"));
        Api.Response again = api.raw("POST", url, supervisee, "application/json", "{\"text\":\"Leave\"}", Map.of("Idempotency-Key", "agenda-key-12345"));
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertNull(once.header("Idempotent-Replayed"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ?", sam.id()));
    }

    @Test
    void anActionAgreedInADraftRecordCanBeRemovedButNotOnceTheRecordIsSigned() {
        String session = held(today);
        String url = "/api/v1/sessions/" + session + "/record";
        String mistake = action(session, "Typed in the wrong box");
        String kept = action(session, "Book the family group conference");
        assertEquals(428, api.raw("DELETE", "/api/v1/actions/" + mistake, supervisor, null, null).status());
        assertEquals(412, api.raw("DELETE", "/api/v1/actions/" + mistake, supervisor, null, null, Map.of("If-Match", "\"v9\"")).status());
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(403, api.raw("DELETE", "/api/v1/actions/" + mistake, colleague, null, null, Map.of("If-Match", "\"v1\"")).status());
        assertEquals(204, api.raw("DELETE", "/api/v1/actions/" + mistake, supervisee, null, null, Map.of("If-Match", "\"v1\"")).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE id = ?", mistake));

        // Closing before signing is an edit with a status.
        Api.Response edited = api.put("/api/v1/actions/" + kept, supervisor, Map.of("ownerId", priya.id(), "text", "Book the FGC",
                "dueDate", today.plusDays(3).toString(), "status", "OPEN"), "\"v1\"");
        assertEquals(200, edited.status(), edited.body());
        assertEquals("Book the FGC", fixtures.string("SELECT text FROM supervision_action WHERE id = ?", kept));

        assertEquals(200, api.put(url, supervisor, body(null), api.get(url, supervisor).header("ETag")).status());
        sign(url);
        Api.Response late = api.raw("DELETE", "/api/v1/actions/" + kept, supervisor, null, null, Map.of("If-Match", "\"v2\""));
        assertEquals(409, late.status(), late.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE id = ?", kept));
    }

    @Test
    void aGroupRecordShowsNoOneToOneAgendaAndLeavesTheirPendingItemsAlone() {
        World.Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(priya.staff(), lee.staff());
        String leeToken = api.token(lee.username(), Fixtures.PASSWORD);
        String own = held(today.minusWeeks(4));
        String ownUrl = "/api/v1/sessions/" + own + "/record";
        assertEquals(200, api.put(ownUrl, supervisor, body("Sam's health and time off"), api.get(ownUrl, supervisor).header("ETag")).status());
        sign(ownUrl);
        assertEquals(201, api.post("/api/v1/staff/" + sam.id() + "/next-agenda-items", supervisee, Map.of("text", "My return to work")).status());
        backdatePendingItems(sam.id(), today.minusDays(1));

        String group = held(today, sam.id(), lee.id());
        String groupUrl = "/api/v1/sessions/" + group + "/record";
        assertEquals(0, api.get(groupUrl, leeToken).json().get("proposedAgenda").size(), "Sam's one-to-one agenda is not Lee's to read");
        assertEquals(0, api.get(groupUrl, supervisor).json().get("proposedAgenda").size());
        assertEquals(200, api.put(groupUrl, supervisor, body(null), api.get(groupUrl, supervisor).header("ETag")).status());
        Api.Response signed = api.post(groupUrl + "/signatures", supervisor, null, api.get(groupUrl, supervisor).header("ETag"));
        signed = api.post(groupUrl + "/signatures", supervisee, null, signed.header("ETag"));
        signed = api.post(groupUrl + "/signatures", leeToken, null, signed.header("ETag"));
        assertEquals("SIGNED", signed.json().get("status").asText(), signed.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ? AND used_in_session_id IS NULL", sam.id()),
                "still pending for Sam's next one-to-one");

        // Sam's next one-to-one carries from the last one-to-one record, not the group's.
        String next = held(today.plusDays(1));
        fixtures.execute("UPDATE supervision_session SET start_time = '11:00' WHERE id = ?", next);
        assertEquals(List.of("PREVIOUS_RECORD:Sam's health and time off", "ADDED:My return to work"),
                items(api.get("/api/v1/sessions/" + next + "/record", supervisee).json().get("proposedAgenda")));
    }

    @Test
    void signingAnEarlierRecordLateLeavesItemsAddedSinceForTheNextSession() {
        String monday = held(today.minusDays(14));
        String url = "/api/v1/sessions/" + monday + "/record";
        assertEquals(201, api.post("/api/v1/staff/" + sam.id() + "/next-agenda-items", supervisee, Map.of("text", "Before Monday")).status());
        backdatePendingItems(sam.id(), today.minusDays(15));
        // Added on the Wednesday after, for next week.
        assertEquals(201, api.post("/api/v1/staff/" + sam.id() + "/next-agenda-items", supervisee, Map.of("text", "For next week")).status());
        fixtures.execute("UPDATE agenda_proposal SET created_at = ? WHERE text = 'For next week'",
                java.sql.Timestamp.valueOf(today.minusDays(12).atTime(9, 0)));

        assertEquals(List.of("ADDED:Before Monday"), items(api.get(url, supervisee).json().get("proposedAgenda")));
        assertEquals(200, api.put(url, supervisor, body(null), api.get(url, supervisor).header("ETag")).status());
        sign(url);
        assertEquals(List.of("ADDED:Before Monday"), items(api.get(url, supervisee).json().get("proposedAgenda")));
        assertEquals("For next week", fixtures.string("SELECT text FROM agenda_proposal WHERE supervisee_id = ? AND used_in_session_id IS NULL",
                sam.id()), "still pending for the next session");
    }

    @Test
    void anActionCannotBeRemovedOrChangedOnceEitherPartyHasSignedTheRecord() {
        String session = held(today);
        String url = "/api/v1/sessions/" + session + "/record";
        String set = action(session, "Supervisor will chase the LADO referral");
        assertEquals(200, api.put(url, supervisor, body(null), api.get(url, supervisor).header("ETag")).status());
        Api.Response first = api.post(url + "/signatures", supervisor, null, api.get(url, supervisor).header("ETag"));
        assertEquals(200, first.status(), first.body());

        Api.Response removed = api.raw("DELETE", "/api/v1/actions/" + set, supervisee, null, null, Map.of("If-Match", "\"v1\""));
        assertEquals(409, removed.status(), removed.body());
        assertEquals("application/problem+json", removed.header("Content-Type").split(";")[0]);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE id = ?", set));
        Map<String, Object> change = Map.of("ownerId", priya.id(), "text", "Something else", "dueDate", today.plusDays(3).toString(), "status", "OPEN");
        Api.Response edited = api.put("/api/v1/actions/" + set, supervisee, change, "\"v1\"");
        assertEquals(409, edited.status(), edited.body());
        assertEquals("Supervisor will chase the LADO referral", fixtures.string("SELECT text FROM supervision_action WHERE id = ?", set));

        Api.Response second = api.post(url + "/signatures", supervisee, null, first.header("ETag"));
        assertEquals("SIGNED", second.json().get("status").asText(), second.body());
        // Once locked, the action is tracked as before: it can be closed.
        Api.Response closed = api.put("/api/v1/actions/" + set, supervisor, Map.of("ownerId", priya.id(), "text", "Supervisor will chase the LADO referral",
                "dueDate", today.plusDays(7).toString(), "status", "DONE"), "\"v1\"");
        assertEquals(200, closed.status(), closed.body());
    }

    @Test
    void aPersonHasAtMostFiftyPendingAgendaItems() {
        for (int i = 0; i < 50; i++) {
            fixtures.execute("INSERT INTO agenda_proposal (id, organisation_id, supervisee_id, proposed_by, text, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    java.util.UUID.randomUUID().toString(), fixtures.string("SELECT organisation_id FROM staff WHERE id = ?", sam.id()), sam.id(),
                    sam.id(), "Item " + i, java.sql.Timestamp.valueOf(today.minusDays(1).atTime(9, 0)));
        }
        Api.Response over = api.post("/api/v1/staff/" + sam.id() + "/next-agenda-items", supervisee, Map.of("text", "One too many"));
        assertEquals(422, over.status(), over.body());
        assertEquals("/text", over.json().get("errors").get(0).get("pointer").asText());
        assertEquals(50, fixtures.count("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ?", sam.id()));
    }

    @Test
    void theDashboardCountsRecordsToWriteApartFromRecordsAwaitingSignature() {
        String written = held(today.minusDays(7));
        held(today);
        String url = "/api/v1/sessions/" + written + "/record";
        assertEquals(200, api.put(url, supervisor, body(null), api.get(url, supervisor).header("ETag")).status());
        JsonNode row = api.get("/api/v1/dashboards/my-supervisees", supervisor).json().get("items").get(0);
        assertEquals(sam.id(), row.get("supervisee").get("id").asText());
        assertEquals(1, row.get("heldAwaitingRecord").asInt(), "one held and not written");
        assertEquals(1, row.get("recordsAwaitingSignature").asInt(), "one written, awaiting signatures");
    }

    // ---- helpers

    private void sign(String url) {
        Api.Response first = api.post(url + "/signatures", supervisor, null, api.get(url, supervisor).header("ETag"));
        assertEquals(200, first.status(), first.body());
        Api.Response second = api.post(url + "/signatures", supervisee, null, first.header("ETag"));
        assertEquals("SIGNED", second.json().get("status").asText(), second.body());
    }

    private void backdatePendingItems(String staffId, LocalDate day) {
        fixtures.execute("UPDATE agenda_proposal SET created_at = ? WHERE supervisee_id = ? AND used_in_session_id IS NULL",
                java.sql.Timestamp.valueOf(day.atTime(9, 0)), staffId);
    }

    private String held(LocalDate date, String... superviseeIds) {
        List<String> who = superviseeIds.length == 0 ? List.of(sam.id()) : List.of(superviseeIds);
        Map<String, Object> plan = new HashMap<>(Map.of("superviseeIds", who, "date", date.toString(), "startTime", "00:00",
                "plannedMinutes", 90, "location", "Room 3"));
        String id = api.post("/api/v1/sessions", supervisor, plan).json().get("items").get(0).get("id").asText();
        if (date.isAfter(today)) {
            fixtures.execute("UPDATE supervision_session SET meeting_date = ? WHERE id = ?", java.sql.Date.valueOf(today), id);
        }
        String sessionUrl = "/api/v1/sessions/" + id;
        Api.Response held = api.post(sessionUrl + "/held", supervisor, Map.of("actualMinutes", 90), api.get(sessionUrl, supervisor).header("ETag"));
        assertEquals(200, held.status(), held.body());
        return id;
    }

    private String action(String sessionId, String text) {
        Api.Response r = api.post("/api/v1/actions", supervisor, Map.of("superviseeId", sam.id(), "ownerId", priya.id(), "text", text,
                "dueDate", today.plusDays(7).toString(), "sessionId", sessionId));
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private static Map<String, Object> body(String futureAgenda) {
        Map<String, Object> body = new HashMap<>();
        body.put("entries", new ArrayList<>());
        body.put("reflection", "What the child's view tells us.");
        if (futureAgenda != null) {
            body.put("futureAgenda", futureAgenda);
        }
        body.put("personalIssuesDiscussed", false);
        body.put("actionReviews", new ArrayList<>());
        return body;
    }

    private static List<String> items(JsonNode proposed) {
        List<String> out = new ArrayList<>();
        proposed.forEach(p -> out.add(p.get("source").asText() + ":" + p.get("text").asText()));
        return out;
    }
}

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The session record: written, commented on, signed by both on the same content, locked; actions reviewed. */
@MicronautTest(transactional = false)
class SessionRecordApiTest extends ApiTest {
    static final List<String> COVENTRY_AGENDA = List.of("workload_caseload", "performance_feedback", "work_personal_issues",
            "learning_reflective_practice", "aob");
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void writtenCommentedSignedByBothThenLockedWithThePreviousActionsReviewed() {
        String earlier = held(today.minusWeeks(4));
        String finished = action(earlier, priya.id(), "Book the strategy meeting", today.minusWeeks(1));
        String ongoing = action(earlier, sam.id(), "Complete the direct work tools course", today.plusWeeks(2));
        String session = held(today);
        String url = "/api/v1/sessions/" + session + "/record";

        JsonNode fresh = api.get(url, supervisor).json();
        assertEquals("DRAFT", fresh.get("status").asText());
        assertEquals(List.of(finished, ongoing), idsOf(fresh.get("openActions")), "previous actions pre-filled, soonest due first");
        assertTrue(fresh.get("missing").size() >= COVENTRY_AGENDA.size() + 2, fresh.get("missing").toString());
        assertEquals("HELD", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", session), "held, not yet recorded");

        Api.Response written = api.put(url, supervisor, recordBody(finished, ongoing), api.get(url, supervisor).header("ETag"));
        assertEquals(200, written.status(), written.body());
        assertEquals(0, written.json().get("missing").size(), written.json().get("missing").toString());
        assertEquals("RECORDED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", session));

        Api.Response commented = api.post(url + "/notes", supervisee, Map.of("kind", "COMMENT", "text", "I would add that the visit was difficult."));
        assertEquals(201, commented.status(), commented.body());
        Api.Response firstSignature = api.post(url + "/signatures", supervisor, null, commented.header("ETag"));
        assertEquals("DRAFT", firstSignature.json().get("status").asText());

        // The supervisee disagrees after the supervisor signed: that signature no longer covers the record.
        Api.Response disagreed = api.post(url + "/notes", supervisee, Map.of("kind", "DISAGREEMENT", "text", "The caseload is not manageable."));
        assertFalse(disagreed.json().get("signatures").get(0).get("current").asBoolean());
        Api.Response samSigns = api.post(url + "/signatures", supervisee, null, disagreed.header("ETag"));
        assertEquals("DRAFT", samSigns.json().get("status").asText(), "the supervisor must sign again");
        Api.Response locked = api.post(url + "/signatures", supervisor, null, samSigns.header("ETag"));
        assertEquals(200, locked.status(), locked.body());
        JsonNode record = locked.json();
        assertEquals("SIGNED", record.get("status").asText());
        assertEquals(64, record.get("contentHash").asText().length());
        assertEquals("SIGNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", session));

        assertEquals("DONE", fixtures.string("SELECT status FROM supervision_action WHERE id = ?", finished));
        assertEquals(session, fixtures.string("SELECT closed_in_session_id FROM supervision_action WHERE id = ?", finished));
        assertEquals("OPEN", fixtures.string("SELECT status FROM supervision_action WHERE id = ?", ongoing), "partly done carries forward");
        assertEquals("PARTLY", fixtures.string("SELECT last_review FROM supervision_action WHERE id = ?", ongoing));

        // Locked: nothing changes it; later notes are dated addenda that leave the signed content alone.
        String before = fixtures.string("SELECT CONCAT(entries_json, '|', COALESCE(reflection, ''), '|', content_hash, '|', version) "
                + "FROM session_record WHERE session_id = ?", session);
        assertEquals(409, api.put(url, supervisor, recordBody(finished, ongoing), locked.header("ETag")).status());
        assertEquals(409, api.post(url + "/signatures", supervisee, null, locked.header("ETag")).status());
        assertEquals(422, api.post(url + "/notes", supervisee, Map.of("kind", "COMMENT", "text", "too late")).status());
        Api.Response addendum = api.post(url + "/notes", supervisor, Map.of("kind", "ADDENDUM", "text", "Strategy meeting now booked."));
        assertEquals(201, addendum.status(), addendum.body());
        assertEquals(before, fixtures.string("SELECT CONCAT(entries_json, '|', COALESCE(reflection, ''), '|', content_hash, '|', version) "
                + "FROM session_record WHERE session_id = ?", session));
        assertEquals(List.of("COMMENT", "DISAGREEMENT", "ADDENDUM"), kinds(addendum.json().get("notes")));
    }

    @Test
    void confidentialNotesAreForThePartiesOnly() {
        String session = held(today);
        String url = "/api/v1/sessions/" + session + "/record";
        assertEquals(200, api.put(url, supervisee, recordBody(null, null), api.get(url, supervisee).header("ETag")).status());
        String manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        String qa = api.token(world.accountOnly(Role.QA_AUDITOR).username(), Fixtures.PASSWORD);

        assertEquals("Bereavement leave discussed.", api.get(url, supervisee).json().get("confidentialNotes").asText());
        for (String reader : List.of(manager, qa)) {
            JsonNode seen = api.get(url, reader).json();
            assertFalse(seen.has("confidentialNotes"));
            assertTrue(seen.get("confidentialNotesWithheld").asBoolean());
        }
        assertEquals(403, api.put(url, manager, recordBody(null, null), api.get(url, manager).header("ETag")).status(),
                "managers read the record, the parties write it");
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(403, api.get(url, colleague).status());
    }

    @Test
    void badEntriesReviewsAndOwnersAreRefusedWithPointers() {
        String session = held(today);
        String url = "/api/v1/sessions/" + session + "/record";
        String etag = api.get(url, supervisor).header("ETag");
        Map<String, Object> unknown = recordBody(null, null);
        unknown.put("entries", List.of(Map.of("key", "no_such_item", "notApplicable", true)));
        Api.Response r = api.put(url, supervisor, unknown, etag);
        assertEquals(422, r.status());
        assertEquals("/entries/0/key", r.json().get("errors").get(0).get("pointer").asText());

        World.Person other = world.person(world.teamA1(), "Oli", Role.PRACTITIONER);
        world.supervise(priya.staff(), other.staff());
        String foreign = action(null, other.id(), other.staff(), "Not Sam's", today);
        Map<String, Object> review = recordBody(null, null);
        review.put("actionReviews", List.of(Map.of("actionId", foreign, "outcome", "DONE")));
        assertEquals("/actionReviews/0/actionId", api.put(url, supervisor, review, etag).json().get("errors").get(0).get("pointer").asText());

        Api.Response owner = api.post("/api/v1/actions", supervisor, Map.of("superviseeId", sam.id(), "ownerId", other.id(),
                "text", "x", "dueDate", today.toString()));
        assertEquals(422, owner.status());
        assertEquals("/ownerId", owner.json().get("errors").get(0).get("pointer").asText());

        String planned = api.post("/api/v1/sessions", supervisor, plan(today.plusWeeks(1))).json().get("items").get(0).get("id").asText();
        assertEquals(409, api.get("/api/v1/sessions/" + planned + "/record", supervisor).status(), "no record before it is held");
    }

    @Test
    void actionsListByOwnerAndOverdueAndOnlyOpenOnesChange() {
        String overdue = action(null, sam.id(), "Send the chronology", today.minusDays(3));
        action(null, priya.id(), "Arrange the observation", today.plusDays(10));
        JsonNode mine = api.get("/api/v1/actions?ownerId=" + sam.id(), supervisee).json().get("items");
        assertEquals(List.of(overdue), idsOf(mine));
        assertTrue(mine.get(0).get("overdue").asBoolean());
        assertEquals(List.of(overdue), idsOf(api.get("/api/v1/actions?overdue=true&superviseeId=" + sam.id(), supervisor).json().get("items")));
        assertEquals(2, api.get("/api/v1/actions?superviseeId=" + sam.id(), supervisor).json().get("items").size());

        String url = "/api/v1/actions/" + overdue;
        String etag = "\"v" + fixtures.string("SELECT version FROM supervision_action WHERE id = ?", overdue) + "\"";
        Api.Response done = api.put(url, supervisee, Map.of("ownerId", sam.id(), "text", "Send the chronology", "dueDate",
                today.minusDays(3).toString(), "status", "DONE"), etag);
        assertEquals(200, done.status(), done.body());
        assertFalse(done.json().get("overdue").asBoolean());
        assertEquals(409, api.put(url, supervisee, Map.of("ownerId", sam.id(), "text", "Reopen", "dueDate", today.toString(),
                "status", "OPEN"), done.header("ETag")).status());
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(0, api.get("/api/v1/actions?superviseeId=" + sam.id(), colleague).json().get("items").size());
    }

    // ---- helpers

    private String held(LocalDate date) {
        String id = api.post("/api/v1/sessions", supervisor, plan(date)).json().get("items").get(0).get("id").asText();
        String url = "/api/v1/sessions/" + id;
        assertEquals(200, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag")).status());
        return id;
    }

    private Map<String, Object> plan(LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", List.of(sam.id()));
        body.put("date", date.toString());
        body.put("startTime", "00:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3");
        return body;
    }

    private String action(String sessionId, String ownerId, String text, LocalDate due) {
        return action(sessionId, ownerId, sam.staff(), text, due);
    }

    private String action(String sessionId, String ownerId, uk.supervision.staff.Staff of, String text, LocalDate due) {
        Map<String, Object> body = new HashMap<>(Map.of("superviseeId", of.id(), "ownerId", ownerId, "text", text, "dueDate", due.toString()));
        if (sessionId != null) {
            body.put("sessionId", sessionId);
        }
        Api.Response r = api.post("/api/v1/actions", supervisor, body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("id").asText();
    }

    private Map<String, Object> recordBody(String finished, String ongoing) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String key : COVENTRY_AGENDA) {
            entries.add(key.equals("aob") ? Map.of("key", key, "notApplicable", true)
                    : Map.of("key", key, "text", "Discussed " + key.replace('_', ' ') + ".", "notApplicable", false));
        }
        List<Map<String, Object>> reviews = new ArrayList<>();
        if (finished != null) {
            reviews.add(Map.of("actionId", finished, "outcome", "DONE", "note", "Booked for Thursday"));
            reviews.add(Map.of("actionId", ongoing, "outcome", "PARTLY", "note", "Two of four modules"));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("entries", entries);
        body.put("reflection", "What the child's view tells us about the plan.");
        body.put("futureAgenda", "Court timetable");
        body.put("nextDate", today.plusWeeks(4).toString());
        body.put("personalIssuesDiscussed", true);
        body.put("confidentialNotes", "Bereavement leave discussed.");
        body.put("actionReviews", reviews);
        return body;
    }

    private static List<String> kinds(JsonNode notes) {
        List<String> out = new ArrayList<>();
        notes.forEach(n -> out.add(n.get("kind").asText()));
        return out;
    }
}

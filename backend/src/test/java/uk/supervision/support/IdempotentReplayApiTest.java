package uk.supervision.support;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World.Person;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A resend with the same Idempotency-Key creates nothing and returns what the first request made: that is
 * a read, so it is checked as a read is (refused once the caller may no longer read it) and, for a record
 * of a person, logged as a read is (one activity-log row). Keys are per account, so the only caller who can
 * replay is the one who created; what changes is their access.
 */
@MicronautTest(transactional = false)
class IdempotentReplayApiTest extends ApiTest {
    Person tom;     // supervises Sam: above Pat in the chain
    Person sam;     // supervises Pat
    Person pat;
    SupervisionRelation tomOverSam;
    SupervisionRelation samOverPat;

    @BeforeEach
    void people() {
        tom = world.person(world.teamA1(), "Tom", Role.SUPERVISOR);
        sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR, Role.PRACTITIONER);
        pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        tomOverSam = fixtures.supervise(tom.staff(), sam.staff(), LocalDate.now().minusMonths(6));
        samOverPat = fixtures.supervise(sam.staff(), pat.staff(), LocalDate.now().minusMonths(6));
    }

    @Test
    void aReplayedActionIsRefusedOnceItsCreatorMayNoLongerReadIt() {
        String supervisor = token(sam);
        String key = Fixtures.unique("action-key");
        Map<String, Object> body = Map.of("superviseeId", pat.id(), "ownerId", pat.id(), "text", "Update the chronology",
                "dueDate", LocalDate.now().plusWeeks(2).toString());
        Api.Response first = send("/api/v1/actions", supervisor, body, key);
        assertEquals(201, first.status(), first.body());
        Api.Response again = send("/api/v1/actions", supervisor, body, key);
        assertEquals("true", again.header("Idempotent-Replayed"), again.body());
        assertEquals(first.json().get("id"), again.json().get("id"), "the same action");

        end(samOverPat);
        Api.Response afterwards = send("/api/v1/actions", supervisor, body, key);
        assertEquals(403, afterwards.status(), "Pat's own action, no longer Sam's to see: " + afterwards.body());
        assertEquals("application/problem+json", afterwards.contentType());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE supervisee_id = ?", pat.id()), "nothing made twice");
    }

    @Test
    void replayedSessionsAreRefusedOnceTheirPlannerMayNoLongerReadThem() {
        String above = token(tom);
        String key = Fixtures.unique("plan-key");
        Map<String, Object> body = plan(LocalDate.now().plusWeeks(1), 2);
        Api.Response first = send("/api/v1/sessions", above, body, key);
        assertEquals(201, first.status(), first.body());
        Api.Response again = send("/api/v1/sessions", above, body, key);
        assertEquals("true", again.header("Idempotent-Replayed"), again.body());
        assertEquals(idsOf(first.json().get("items")), idsOf(again.json().get("items")));

        end(tomOverSam);   // Sam, who leads the sessions, and Pat are no longer below Tom
        Api.Response afterwards = send("/api/v1/sessions", above, body, key);
        assertEquals(403, afterwards.status(), afterwards.body());
        assertEquals("application/problem+json", afterwards.contentType());
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", pat.id()), "nothing booked twice");
    }

    @Test
    void aReplayedAgreementIsReadLoggedOnceAndRefusedOnceItsCreatorMayNoLongerReadIt() {
        String supervisor = token(sam);
        String key = Fixtures.unique("agreement-key");
        Api.Response first = send("/api/v1/agreements", supervisor, agreement(pat), key);
        assertEquals(201, first.status(), first.body());
        String id = first.json().get("id").asText();
        assertEquals(0, reads("agreement", id, sam), "creating is not a read");

        Api.Response again = send("/api/v1/agreements", supervisor, agreement(pat), key);
        assertEquals("true", again.header("Idempotent-Replayed"), again.body());
        assertEquals(id, again.json().get("id").asText());
        assertEquals(1, reads("agreement", id, sam), "the replay showed Pat's agreement again: one read");
        assertEquals(List.of(pat.id()), fixtures.strings("SELECT s.subject_staff_id FROM activity_log_subject s JOIN activity_log l "
                + "ON l.id = s.activity_id WHERE l.entity_type = 'agreement' AND l.entity_id = ? AND l.action = 'READ'", id));

        // Lee's, drafted by Tom on Sam's behalf; then Tom is moved away from Sam: his resend is refused and not logged.
        Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(sam.staff(), lee.staff());
        String above = token(tom);
        String tomsKey = Fixtures.unique("agreement-key");
        Api.Response drafted = send("/api/v1/agreements", above, agreement(lee), tomsKey);
        assertEquals(201, drafted.status(), drafted.body());
        end(tomOverSam);
        Api.Response afterwards = send("/api/v1/agreements", above, agreement(lee), tomsKey);
        assertEquals(403, afterwards.status(), afterwards.body());
        assertEquals(0, reads("agreement", drafted.json().get("id").asText(), tom));
    }

    @Test
    void aReplayedReviewIsReadLoggedOnce() {
        String active = fixtures.agreement(world.org(), pat.staff(), sam.staff(), "ACTIVE");
        String supervisor = token(sam);
        String key = Fixtures.unique("review-key");
        Api.Response first = api.raw("POST", "/api/v1/agreements/" + active + "/reviews", supervisor, null, null, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        String next = first.json().get("id").asText();
        Api.Response again = api.raw("POST", "/api/v1/agreements/" + active + "/reviews", supervisor, null, null, Map.of("Idempotency-Key", key));
        assertEquals("true", again.header("Idempotent-Replayed"), again.body());
        assertEquals(next, again.json().get("id").asText());
        assertEquals(1, reads("agreement", next, sam));
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", pat.id()), "one new version, not two");
    }

    @Test
    void aReplayedNoteReturnsTheRecordReadLoggedOnce() {
        String supervisor = token(sam);
        String session = api.post("/api/v1/sessions", supervisor, plan(LocalDate.now(), 1)).json().get("items").get(0).get("id").asText();
        String url = "/api/v1/sessions/" + session;
        assertEquals(200, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag")).status());

        String supervisee = token(pat);
        String key = Fixtures.unique("note-key");
        Map<String, Object> note = Map.of("kind", "COMMENT", "text", "The visit was difficult.");
        Api.Response first = send(url + "/record/notes", supervisee, note, key);
        assertEquals(201, first.status(), first.body());
        assertEquals(0, reads("session_record", session, pat), "adding a note is not a read");
        Api.Response again = send(url + "/record/notes", supervisee, note, key);
        assertEquals(first.status(), again.status(), again.body());
        assertEquals(first.json().get("notes"), again.json().get("notes"), "the same record, the note once");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM record_note WHERE session_id = ?", session));
        assertEquals(1, reads("session_record", session, pat), "the replay showed the record again: one read");
    }

    // ---- helpers

    private long reads(String recordType, String id, Person reader) {
        return fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = ? AND entity_id = ? AND action = 'READ' "
                + "AND actor_account_id = ?", recordType, id, reader.account().id());
    }

    private void end(SupervisionRelation relation) {
        fixtures.execute("UPDATE supervision_relation SET to_date = ? WHERE id = ?", Date.valueOf(LocalDate.now().minusDays(1)), relation.id());
    }

    private Api.Response send(String path, String token, Object body, String key) {
        return api.raw("POST", path, token, "application/json", Api.json(body), Map.of("Idempotency-Key", key));
    }

    private Map<String, Object> plan(LocalDate date, int count) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", List.of(pat.id()));
        body.put("date", date.toString());
        body.put("startTime", "00:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3, Civic Centre");
        body.put("count", count);
        return body;
    }

    private static Map<String, Object> agreement(Person supervisee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("superviseeId", supervisee.id());
        body.put("intervalWeeks", 4);
        body.put("durationMinutes", 90);
        body.put("location", "Team room");
        body.put("escalationPeriod", "P6W");
        body.put("answers", List.of(
                Map.of("key", "confidentiality", "text", "Personal matters stay between us unless someone is at risk."),
                Map.of("key", "purpose", "text", "Accountable, reflective practice and support.")));
        return body;
    }

    private String token(Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }
}

package uk.supervision.auditreport;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The outcome of an audit of a supervisor's files is noted and signed on their own one-to-one supervision record,
 * with a discussion of their supervisory practice (DOMAIN section 14); once noted, later records no longer show it.
 */
@MicronautTest(transactional = false)
class RecordAuditOutcomeApiTest extends ApiTest {
    static final String MISSING = "A discussion of the quality of their supervisory practice, in the light of the file audits noted";
    static final List<String> AGENDA = List.of("workload_caseload", "performance_feedback", "work_personal_issues",
            "learning_reflective_practice", "aob");
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    CompletedAudits audits;
    World.Person meg;
    World.Person tom;
    World.Person lee;
    Staff sam;
    Staff quinn;
    String megToken;
    String tomToken;

    @BeforeEach
    void people() {
        audits = new CompletedAudits(fixtures);
        meg = world.person(world.teamA1(), "Meg", Role.SUPERVISOR, Role.PRACTITIONER);
        tom = world.person(world.teamA1(), "Tom", Role.SUPERVISOR, Role.PRACTITIONER);
        lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        sam = world.worker(world.teamA1(), "Sam", "Audited");
        quinn = world.worker(world.teamA1(), "Quinn", "Auditor");
        world.supervise(meg.staff(), tom.staff());
        world.supervise(meg.staff(), lee.staff());
        world.supervise(tom.staff(), sam);
        megToken = api.token(meg.username(), Fixtures.PASSWORD);
        tomToken = api.token(tom.username(), Fixtures.PASSWORD);
    }

    @Test
    void theOutcomeIsNotedAndSignedOnTheSupervisorsOwnRecordOnce() {
        String audit = audits.completed(sam, tom.staff(), quinn, world.serviceA().id(), Quarter.of(today).toString(), today.minusDays(3),
                "REQUIRES_IMPROVEMENT", Map.of("q1", 4), List.of(new CompletedAudits.Action("Record each action's review", tom.staff(),
                        today.plusDays(14), "OPEN")));
        String first = held(tom.id());
        String other = held(tom.id());
        String url = "/api/v1/sessions/" + first + "/record";

        JsonNode draft = api.get(url, megToken).json();
        assertEquals(1, draft.get("auditOutcomes").size(), draft.toString());
        JsonNode outcome = draft.get("auditOutcomes").get(0);
        assertEquals(audit, outcome.get("auditId").asText());
        assertEquals("REQUIRES_IMPROVEMENT", outcome.get("grade").asText());
        assertEquals(sam.id(), outcome.get("supervisee").get("id").asText());
        assertEquals(quinn.id(), outcome.get("auditor").get("id").asText());
        assertEquals(today.minusDays(3).toString(), outcome.get("auditedOn").asText());
        assertEquals("Record each action's review", outcome.get("actions").get(0).get("text").asText());
        assertEquals("OPEN", outcome.get("actions").get(0).get("status").asText());
        assertTrue(texts(draft.get("missing")).contains(MISSING), draft.get("missing").toString());
        assertEquals(audit, api.get("/api/v1/sessions/" + other + "/record", tomToken).json().get("auditOutcomes").get(0).get("auditId").asText(),
                "every draft record of Tom's shows it until one is signed");

        Map<String, Object> body = body();
        Api.Response noDiscussion = api.put(url, megToken, body, api.get(url, megToken).header("ETag"));
        assertEquals(200, noDiscussion.status(), noDiscussion.body());
        assertTrue(texts(noDiscussion.json().get("missing")).contains(MISSING));
        body.put("supervisoryPractice", "Tom reviews actions but does not record the reviews; agreed to record each one.");
        Api.Response written = api.put(url, megToken, body, noDiscussion.header("ETag"));
        assertEquals(200, written.status(), written.body());
        assertFalse(texts(written.json().get("missing")).contains(MISSING), written.json().get("missing").toString());
        assertEquals("Tom reviews actions but does not record the reviews; agreed to record each one.",
                written.json().get("supervisoryPractice").asText());

        Api.Response megSigns = api.post(url + "/signatures", megToken, null, written.header("ETag"));
        assertEquals(200, megSigns.status(), megSigns.body());
        assertNull(fixtures.string("SELECT noted_on_session_id FROM file_audit WHERE id = ?", audit), "not noted until the record locks");
        Api.Response locked = api.post(url + "/signatures", tomToken, null, megSigns.header("ETag"));
        assertEquals(200, locked.status(), locked.body());
        assertEquals("SIGNED", locked.json().get("status").asText());
        assertEquals(first, fixtures.string("SELECT noted_on_session_id FROM file_audit WHERE id = ?", audit));
        String snapshot = fixtures.string("SELECT content_json FROM signed_item WHERE item_type = 'SESSION_RECORD' AND item_id = ?", first);
        assertTrue(snapshot.contains(audit), snapshot);
        assertTrue(snapshot.contains("Tom reviews actions but does not record the reviews"), snapshot);
        JsonNode signed = api.get(url, tomToken).json();
        assertEquals(audit, signed.get("auditOutcomes").get(0).get("auditId").asText());
        assertEquals("Tom reviews actions but does not record the reviews; agreed to record each one.", signed.get("supervisoryPractice").asText());

        JsonNode next = api.get("/api/v1/sessions/" + other + "/record", tomToken).json();
        assertEquals(0, next.get("auditOutcomes").size(), "noted once: the next record no longer shows it");
        assertFalse(texts(next.get("missing")).contains(MISSING));

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertTrue(api.post("/api/v1/integrity/verifications", admin, null).json().get("intact").asBoolean(), "the locked record verifies");
    }

    @Test
    void aGroupSessionShowsNoOutcomes() {
        String audit = audits.completed(sam, tom.staff(), quinn, world.serviceA().id(), Quarter.of(today).toString(), today.minusDays(1),
                "GOOD", Map.of("q1", 2), List.of());
        String group = held(tom.id(), lee.id());
        JsonNode record = api.get("/api/v1/sessions/" + group + "/record", megToken).json();
        assertEquals(0, record.get("auditOutcomes").size(), record.toString());
        assertFalse(texts(record.get("missing")).contains(MISSING));
        assertEquals(audit, api.get("/api/v1/sessions/" + held(tom.id()) + "/record", megToken).json().get("auditOutcomes").get(0)
                .get("auditId").asText(), "while Tom's one-to-one record shows it");
        JsonNode lees = api.get("/api/v1/sessions/" + held(lee.id()) + "/record", megToken).json();
        assertEquals(0, lees.get("auditOutcomes").size(), "Lee is not the supervisor audited");
    }

    private String held(String... superviseeIds) {
        Map<String, Object> plan = new HashMap<>(Map.of("superviseeIds", List.of(superviseeIds), "date", today.plusDays(1).toString(),
                // Moved to today below, and held at once: a session that starts at midnight has started whatever the hour.
                "startTime", "00:00", "plannedMinutes", 90, "location", "Room 3"));
        Api.Response planned = api.post("/api/v1/sessions", megToken, plan);
        assertEquals(201, planned.status(), planned.body());
        String id = planned.json().get("items").get(0).get("id").asText();
        fixtures.execute("UPDATE supervision_session SET meeting_date = ? WHERE id = ?", java.sql.Date.valueOf(today), id);
        String sessionUrl = "/api/v1/sessions/" + id;
        Api.Response held = api.post(sessionUrl + "/held", megToken, Map.of("actualMinutes", 90), api.get(sessionUrl, megToken).header("ETag"));
        assertEquals(200, held.status(), held.body());
        return id;
    }

    private static Map<String, Object> body() {
        Map<String, Object> body = new HashMap<>();
        List<Map<String, Object>> entries = new ArrayList<>();
        AGENDA.forEach(k -> entries.add(Map.of("key", k, "text", "Discussed.", "notApplicable", false)));
        body.put("entries", entries);
        body.put("reflection", "What the audit tells us.");
        body.put("nextDate", LocalDate.now().plusWeeks(4).toString());
        body.put("personalIssuesDiscussed", false);
        body.put("actionReviews", new ArrayList<>());
        return body;
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(t -> out.add(t.asText()));
        return out;
    }
}

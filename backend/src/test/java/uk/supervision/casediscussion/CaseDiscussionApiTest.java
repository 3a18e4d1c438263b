package uk.supervision.casediscussion;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Case discussions: drafted from the template, the child's voice required, signed by both, locked, decisions filed. */
@MicronautTest(transactional = false)
class CaseDiscussionApiTest extends ApiTest {
    static final String COVENTRY_V2 = "00000000-0000-7000-8101-000000000203";
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    String childId;
    final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        childId = child(sam.id());
    }

    @Test
    void startedInsideAHeldSessionOrBetweenSessionsByEitherParty() {
        String session = held(today);
        Api.Response inSession = api.post("/api/v1/case-discussions", supervisee, Map.of("childId", childId, "sessionId", session));
        assertEquals(201, inSession.status(), inSession.body());
        JsonNode d = inSession.json();
        assertEquals(sam.id(), d.get("supervisee").get("id").asText());
        assertEquals(priya.id(), d.get("supervisor").get("id").asText());
        assertEquals(session, d.get("sessionId").asText());
        assertEquals(today.toString(), d.get("discussedOn").asText());
        assertEquals(COVENTRY_V2, d.get("templateId").asText(), "drafted from version 2, which asks the parents' view");
        assertEquals("DRAFT", d.get("status").asText());
        assertEquals(List.of("/childVoice/view", "/childVoice/seenAlone"), pointers(d.get("missing")));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM template_item WHERE template_id = ? AND item_key = 'parents_view' AND required = FALSE",
                COVENTRY_V2));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM template_item WHERE template_id = ? AND item_key = 'child_view'", COVENTRY_V2));

        Api.Response between = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        assertEquals(201, between.status(), between.body());
        assertEquals(sam.id(), between.json().get("supervisee").get("id").asText(), "by default the child's allocated worker");
        assertFalse(between.json().has("sessionId"));

        World.Person alone = world.person(world.teamA1(), "Ola", Role.PRACTITIONER);
        String aloneToken = api.token(alone.username(), Fixtures.PASSWORD);
        Api.Response noSupervisor = api.post("/api/v1/case-discussions", aloneToken, Map.of("childId", child(alone.id())));
        assertEquals(422, noSupervisor.status(), noSupervisor.body());
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(403, api.post("/api/v1/case-discussions", colleague, Map.of("childId", childId)).status());
        String planned = api.post("/api/v1/sessions", supervisor, plan(today.plusWeeks(1))).json().get("items").get(0).get("id").asText();
        Api.Response notHeld = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId, "sessionId", planned));
        assertEquals(422, notHeld.status());
        assertEquals("/sessionId", notHeld.json().get("errors").get(0).get("pointer").asText());
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM case_discussion WHERE child_id = ?", childId));
    }

    @Test
    void editedWithIfMatchKeepingIdsAndWarningWithoutBlocking() {
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        Map<String, Object> body = body(voiceRecorded());
        assertEquals(428, api.put(url, supervisor, body, null).status());
        assertEquals(412, api.put(url, supervisor, body, "\"99\"").status());
        Api.Response written = api.put(url, supervisee, body, created.header("ETag"));
        assertEquals(200, written.status(), written.body());
        JsonNode d = written.json();
        assertEquals(0, d.get("missing").size(), d.get("missing").toString());
        assertEquals(List.of("/decisions/1/rationale", "/actions/1/ownerId", "/actions/1/dueDate"), pointers(d.get("warnings")));
        String decisionId = d.get("decisions").get(0).get("id").asText();
        String actionId = d.get("actions").get(0).get("id").asText();
        assertEquals("Priya Tester", d.get("actions").get(0).get("owner").get("displayName").asText());

        // Sent back with the ids it was given: they are kept.
        Map<String, Object> again = body(voiceRecorded());
        again.put("decisions", List.of(Map.of("id", decisionId, "text", "Stay on a child protection plan", "rationale", "Risks remain")));
        again.put("actions", List.of(Map.of("id", actionId, "text", "Meet the school", "ownerId", priya.id())));
        Api.Response rewritten = api.put(url, supervisor, again, written.header("ETag"));
        assertEquals(200, rewritten.status(), rewritten.body());
        assertEquals(decisionId, rewritten.json().get("decisions").get(0).get("id").asText());
        assertEquals(actionId, rewritten.json().get("actions").get(0).get("id").asText(), "given by the server, kept across edits");
        assertEquals(412, api.put(url, supervisor, again, written.header("ETag")).status(), "a stale version is refused");
    }

    @Test
    void aSafetyScaleOfElevenOrAnUnknownItemIsRefusedAndNothingIsStored() {
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        String id = created.json().get("id").asText();
        String before = fixtures.string("SELECT CONCAT(content_json, '|', version) FROM case_discussion WHERE id = ?", id);
        Map<String, Object> body = body(voiceRecorded());
        body.put("answers", List.of(Map.of("key", "safety_scale", "text", "11", "notApplicable", false)));
        Api.Response r = api.put(url, supervisor, body, created.header("ETag"));
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("/answers/0/text"), pointers(r.json().get("errors")));
        body.put("answers", List.of(Map.of("key", "child_view", "text", "old item", "notApplicable", false)));
        Api.Response unknown = api.put(url, supervisor, body, created.header("ETag"));
        assertEquals(422, unknown.status());
        assertEquals(List.of("/answers/0/key"), pointers(unknown.json().get("errors")));
        Map<String, Object> future = body(Map.of("status", "NOT_OBTAINED", "reason", "NOT_SEEN_SINCE_LAST_DISCUSSION",
                "lastSeenOn", today.plusDays(1).toString()));
        assertEquals(List.of("/childVoice/lastSeenOn"), pointers(api.put(url, supervisor, future, created.header("ETag")).json().get("errors")));
        Map<String, Object> foreignOwner = body(voiceRecorded());
        foreignOwner.put("actions", List.of(Map.of("text", "x", "ownerId", world.worker(world.teamA1(), "Oli", "Other").id())));
        assertEquals(List.of("/actions/0/ownerId"), pointers(api.put(url, supervisor, foreignOwner, created.header("ETag")).json().get("errors")));
        assertEquals(before, fixtures.string("SELECT CONCAT(content_json, '|', version) FROM case_discussion WHERE id = ?", id));

        body.put("answers", List.of(Map.of("key", "safety_scale", "text", "7", "notApplicable", false)));
        assertEquals(200, api.put(url, supervisor, body, created.header("ETag")).status());
    }

    @Test
    void signingNeedsTheChildsVoiceWithPointers() {
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        Api.Response empty = api.post(url + "/signatures", supervisor, null, created.header("ETag"));
        assertEquals(422, empty.status(), empty.body());
        assertEquals(List.of("/childVoice/view", "/childVoice/seenAlone"), pointers(empty.json().get("errors")));

        Api.Response notSeen = api.put(url, supervisor, body(Map.of("status", "NOT_OBTAINED", "reason", "NOT_SEEN_SINCE_LAST_DISCUSSION")),
                created.header("ETag"));
        Api.Response refused = api.post(url + "/signatures", supervisor, null, notSeen.header("ETag"));
        assertEquals(422, refused.status());
        assertEquals(List.of("/childVoice/lastSeenOn"), pointers(refused.json().get("errors")), "seen alone is not asked when not seen");

        Api.Response reasonless = api.put(url, supervisor, body(Map.of("status", "NOT_OBTAINED", "seenAlone", false)), notSeen.header("ETag"));
        assertEquals(List.of("/childVoice/reason"), pointers(api.post(url + "/signatures", supervisor, null, reasonless.header("ETag"))
                .json().get("errors")));
        Api.Response recordedWithoutView = api.put(url, supervisor, body(Map.of("status", "RECORDED", "seenAlone", true)), reasonless.header("ETag"));
        assertEquals(List.of("/childVoice/view"), pointers(recordedWithoutView.json().get("missing")));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_discussion_signature WHERE case_discussion_id = ?",
                created.json().get("id").asText()));
    }

    @Test
    void requiredTemplateItemsBlockSigning() {
        // Central Bedfordshire's BIC 530 requires each agenda item to be addressed.
        fixtures.execute("UPDATE organisation_policy SET profile_id = '00000000-0000-7000-8000-000000000002' WHERE organisation_id = ?",
                world.org().id());
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        assertEquals("00000000-0000-7000-8102-000000000203", created.json().get("templateId").asText());
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        Map<String, Object> body = body(voiceRecorded());
        body.put("answers", List.of(Map.of("key", "statutory_requirements", "text", "Visits in time.", "notApplicable", false)));
        Api.Response written = api.put(url, supervisor, body, created.header("ETag"));
        assertEquals(200, written.status(), written.body());
        Api.Response refused = api.post(url + "/signatures", supervisor, null, written.header("ETag"));
        assertEquals(422, refused.status());
        assertTrue(pointers(refused.json().get("errors")).contains("/answers/case_file_audit_issues"), refused.body());
        assertFalse(pointers(refused.json().get("errors")).contains("/answers/parents_view"), "the parents' view is not required");
        assertFalse(pointers(refused.json().get("errors")).contains("/answers/statutory_requirements"), "answered");
    }

    @Test
    void bothSignTheSameContentThenItIsLockedDecisionsFiledAndActionsTracked() {
        String session = held(today);
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId, "sessionId", session));
        String id = created.json().get("id").asText();
        String url = "/api/v1/case-discussions/" + id;
        Api.Response written = api.put(url, supervisor, body(voiceRecorded()), created.header("ETag"));
        assertEquals(3, written.json().get("warnings").size(), "warnings never block signing");

        Api.Response samSigns = api.post(url + "/signatures", supervisee, null, written.header("ETag"));
        assertEquals(200, samSigns.status(), samSigns.body());
        assertEquals("DRAFT", samSigns.json().get("status").asText());
        assertTrue(samSigns.json().get("signatures").get(0).get("current").asBoolean());

        // A change after one signature: that signature no longer covers the content; both sign again.
        Map<String, Object> changed = body(voiceRecorded());
        changed.put("answers", List.of(Map.of("key", "worries", "text", "School attendance has dropped.", "notApplicable", false)));
        Api.Response rewritten = api.put(url, supervisor, changed, samSigns.header("ETag"));
        assertFalse(rewritten.json().get("signatures").get(0).get("current").asBoolean());
        Api.Response priyaSigns = api.post(url + "/signatures", supervisor, null, rewritten.header("ETag"));
        assertEquals("DRAFT", priyaSigns.json().get("status").asText(), "Sam's signature was on other content");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE case_discussion_id = ?", id));
        Api.Response locked = api.post(url + "/signatures", supervisee, null, priyaSigns.header("ETag"));
        assertEquals(200, locked.status(), locked.body());
        JsonNode d = locked.json();
        assertEquals("SIGNED", d.get("status").asText());
        assertEquals(64, d.get("contentHash").asText().length());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'CASE_DISCUSSION' AND item_id = ?", id));

        // Decisions filed for the case-management system, made by the supervisor about the supervisee's work.
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE case_discussion_id = ? AND kind = 'CASE_DISCUSSION' "
                + "AND made_by_staff_id = ? AND worker_staff_id = ? AND child_id = ? AND team_id = ?", id, priya.id(), sam.id(), childId,
                world.teamA1().id()));
        assertEquals(List.of("Stay on a child protection plan", "Refer to the edge of care team"),
                fixtures.strings("SELECT decision_text FROM case_decision WHERE case_discussion_id = ? ORDER BY feed_position", id));
        List<String> decisionIds = fixtures.strings("SELECT id FROM case_decision WHERE case_discussion_id = ? ORDER BY feed_position", id);
        assertEquals(decisionIds.get(0), d.get("decisions").get(0).get("caseDecisionId").asText());
        assertEquals(decisionIds.get(1), d.get("decisions").get(1).get("caseDecisionId").asText());

        // Only the action with an owner and a due date joins the action lists.
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE case_discussion_id = ?", id));
        String tracked = d.get("actions").get(0).get("trackedActionId").asText();
        assertEquals(childId + "|Fewer missed school days|Attendance figures|" + session + "|" + priya.id(),
                fixtures.string("SELECT CONCAT(child_id, '|', desired_outcome, '|', measure, '|', created_in_session_id, '|', owner_staff_id) "
                        + "FROM supervision_action WHERE id = ?", tracked));
        assertFalse(d.get("actions").get(1).has("trackedActionId"));
        JsonNode listed = api.get("/api/v1/actions?superviseeId=" + sam.id(), supervisee).json().get("items");
        JsonNode action = null;
        for (JsonNode a : listed) {
            if (a.get("id").asText().equals(tracked)) {
                action = a;
            }
        }
        assertEquals(id, action.get("caseDiscussionId").asText());
        assertEquals(childId, action.get("child").get("id").asText());
        assertEquals("Fewer missed school days", action.get("desiredOutcome").asText());
        assertEquals("Attendance figures", action.get("measure").asText());

        // Locked: nothing changes it.
        String before = fixtures.string("SELECT CONCAT(content_json, '|', content_hash, '|', version) FROM case_discussion WHERE id = ?", id);
        assertEquals(409, api.put(url, supervisor, changed, locked.header("ETag")).status());
        assertEquals(409, api.post(url + "/signatures", supervisor, null, locked.header("ETag")).status());
        assertEquals(409, api.raw("DELETE", url, supervisor, null, null, Map.of("If-Match", locked.header("ETag"))).status());
        assertEquals(before, fixtures.string("SELECT CONCAT(content_json, '|', content_hash, '|', version) FROM case_discussion WHERE id = ?", id));
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE case_discussion_id = ?", id));
        JsonNode read = api.get(url, supervisor).json();
        assertEquals("SIGNED", read.get("status").asText());
        assertEquals(0, read.get("missing").size());
    }

    @Test
    void aDraftIsDiscardedByAPartyUntilSomeoneSigns() {
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        String id = created.json().get("id").asText();
        String url = "/api/v1/case-discussions/" + id;
        String manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        assertEquals(403, api.raw("DELETE", url, manager, null, null, Map.of("If-Match", created.header("ETag"))).status());
        assertEquals(204, api.raw("DELETE", url, supervisee, null, null, Map.of("If-Match", created.header("ETag"))).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_discussion WHERE id = ?", id));

        Api.Response other = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        String otherUrl = "/api/v1/case-discussions/" + other.json().get("id").asText();
        Api.Response written = api.put(otherUrl, supervisor, body(voiceRecorded()), other.header("ETag"));
        Api.Response signed = api.post(otherUrl + "/signatures", supervisor, null, written.header("ETag"));
        assertEquals(409, api.raw("DELETE", otherUrl, supervisor, null, null, Map.of("If-Match", signed.header("ETag"))).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_discussion WHERE id = ?", other.json().get("id").asText()));
    }

    // ---- helpers

    /** A child allocated to this worker, straight into the database (ChildApiTest covers adding one). */
    private String child(String workerId) {
        String id = uk.supervision.support.Ids.newId();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", id, world.org().id(), Fixtures.unique("PRN"), workerId, now, now);
        return id;
    }

    static Map<String, Object> voiceRecorded() {
        return Map.of("status", "RECORDED", "view", "Amelia says she wants to stay with her nan; seen at school.", "seenAlone", true);
    }

    Map<String, Object> body(Map<String, Object> voice) {
        Map<String, Object> body = new HashMap<>();
        body.put("discussedOn", today.toString());
        body.put("answers", List.of(Map.of("key", "worries", "text", "Attendance.", "notApplicable", false)));
        body.put("childVoice", voice);
        body.put("decisions", List.of(
                Map.of("text", "Stay on a child protection plan", "rationale", "Risks remain"),
                Map.of("text", "Refer to the edge of care team")));
        List<Map<String, Object>> actions = new ArrayList<>();
        actions.add(Map.of("text", "Meet the school", "desiredOutcome", "Fewer missed school days", "measure", "Attendance figures",
                "ownerId", priya.id(), "dueDate", today.plusWeeks(2).toString()));
        actions.add(Map.of("text", "Think about a family group conference"));
        body.put("actions", actions);
        return body;
    }

    static List<String> pointers(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(e -> out.add(e.get("pointer").asText()));
        return out;
    }

    private String held(LocalDate date) {
        return uk.supervision.testing.Signing.heldSession(api, supervisor, sam.id(), date);
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
}

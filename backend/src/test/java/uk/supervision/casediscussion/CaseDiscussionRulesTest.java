package uk.supervision.casediscussion;

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
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.casediscussion.CaseDiscussionApiTest.pointers;

/**
 * What a case discussion refuses (with pointers, storing nothing) and who its actions reach: the child's view or a
 * reason (never both), blank decisions and actions, the day it is dated, the child it is about, and a signed
 * discussion that a raw change of its row cannot re-open.
 */
@MicronautTest(transactional = false)
class CaseDiscussionRulesTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    String childId;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        childId = SignedCaseDiscussions.child(fixtures, world, sam.id());
    }

    private Map<String, Object> body(Map<String, Object> voice) {
        Map<String, Object> body = new HashMap<>();
        body.put("discussedOn", today.toString());
        body.put("answers", List.of());
        body.put("childVoice", voice);
        body.put("decisions", List.of());
        body.put("actions", List.of());
        return body;
    }

    private String stored(String id) {
        return fixtures.string("SELECT CONCAT(content_json, '|', version, '|', COALESCE(child_view_status, '-')) FROM case_discussion WHERE id = ?", id);
    }

    @Test
    void aViewAndAReasonTogetherAreRefusedAndTheStatusFollowsWhatIsGiven() {
        String id = SignedCaseDiscussions.draft(api, supervisor, childId);
        String url = "/api/v1/case-discussions/" + id;
        String etag = api.get(url, supervisor).header("ETag");
        String before = stored(id);

        Api.Response both = api.put(url, supervisor, body(Map.of("view", "Wants to stay.", "reason", "TOO_YOUNG")), etag);
        assertEquals(422, both.status(), both.body());
        assertEquals(List.of("/childVoice/reason"), pointers(both.json().get("errors")));
        Api.Response recordedWithReason = api.put(url, supervisor, body(Map.of("status", "RECORDED", "reason", "DECLINED")), etag);
        assertEquals(List.of("/childVoice/reason"), pointers(recordedWithReason.json().get("errors")));
        Api.Response notObtainedWithView = api.put(url, supervisor, body(Map.of("status", "NOT_OBTAINED", "view", "Happy.")), etag);
        assertEquals(List.of("/childVoice/view"), pointers(notObtainedWithView.json().get("errors")));
        assertEquals(before, stored(id), "nothing stored");

        Api.Response saidButNotGiven = api.put(url, supervisor, body(Map.of("status", "RECORDED")), etag);
        assertEquals(200, saidButNotGiven.status(), saidButNotGiven.body());
        assertEquals("-", fixtures.string("SELECT COALESCE(child_view_status, '-') FROM case_discussion WHERE id = ?", id),
                "RECORDED is counted only once a view is recorded");
        Api.Response reason = api.put(url, supervisor, body(Map.of("reason", "TOO_YOUNG", "seenAlone", false)), saidButNotGiven.header("ETag"));
        assertEquals(200, reason.status(), reason.body());
        assertEquals("NOT_OBTAINED", fixtures.string("SELECT child_view_status FROM case_discussion WHERE id = ?", id));
    }

    @Test
    void blankDecisionsActionsAndChildNamesAreRefusedWithPointers() {
        String id = SignedCaseDiscussions.draft(api, supervisor, childId);
        String url = "/api/v1/case-discussions/" + id;
        String before = stored(id);
        Map<String, Object> body = body(Map.of("status", "RECORDED", "view", "Wants to stay.", "seenAlone", true));
        body.put("decisions", List.of(Map.of("text", "Close the case"), Map.of("text", " \t ", "rationale", "Only a rationale")));
        body.put("actions", List.of(Map.of("text", "   ")));
        Api.Response r = api.put(url, supervisor, body, api.get(url, supervisor).header("ETag"));
        assertEquals(422, r.status(), r.body());
        assertEquals(List.of("/decisions/1/text", "/actions/0/text"), pointers(r.json().get("errors")));
        assertEquals(before, stored(id), "nothing stored");

        long children = fixtures.count("SELECT COUNT(*) FROM child WHERE organisation_id = ?", world.org().id());
        Api.Response blankChild = api.post("/api/v1/children", supervisor, Map.of("name", "   ", "caseNumber", Fixtures.unique("PRN"),
                "allocatedWorkerId", sam.id()));
        assertEquals(422, blankChild.status(), blankChild.body());
        assertEquals(List.of("/name"), pointers(blankChild.json().get("errors")));
        assertEquals(children, fixtures.count("SELECT COUNT(*) FROM child WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void theDayDiscussedIsTheSessionsDayAndNotBeforeTheSuperviseeStarted() {
        String session = Signing.heldSession(api, supervisor, sam.id(), today);
        Api.Response otherDay = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId, "sessionId", session,
                "discussedOn", today.minusDays(3).toString()));
        assertEquals(422, otherDay.status(), otherDay.body());
        assertEquals(List.of("/discussedOn"), pointers(otherDay.json().get("errors")));
        Api.Response inSession = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId, "sessionId", session));
        assertEquals(201, inSession.status(), inSession.body());
        String url = "/api/v1/case-discussions/" + inSession.json().get("id").asText();
        Map<String, Object> moved = body(Map.of());
        moved.put("discussedOn", today.minusDays(1).toString());
        Api.Response movedOff = api.put(url, supervisor, moved, inSession.header("ETag"));
        assertEquals(List.of("/discussedOn"), pointers(movedOff.json().get("errors")));

        fixtures.execute("UPDATE staff SET employment_start_date = ? WHERE id = ?", java.sql.Date.valueOf(today.minusDays(10)), sam.id());
        Api.Response beforeStart = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId,
                "discussedOn", today.minusDays(11).toString()));
        assertEquals(422, beforeStart.status(), beforeStart.body());
        assertEquals(List.of("/discussedOn"), pointers(beforeStart.json().get("errors")));
        Api.Response future = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId,
                "discussedOn", today.plusDays(1).toString()));
        assertEquals(List.of("/discussedOn"), pointers(future.json().get("errors")));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_discussion WHERE child_id = ?", childId));
    }

    @Test
    void theChildIsOneTheCallerMaySeeAndInTheSuperviseesWork() {
        World.Person tom = world.person(world.teamA1(), "Tom", Role.PRACTITIONER);
        world.supervise(priya.staff(), tom.staff());
        String tomsChild = SignedCaseDiscussions.child(fixtures, world, tom.id());
        Api.Response notSams = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", tomsChild, "superviseeId", sam.id()));
        assertEquals(422, notSams.status(), notSams.body());
        assertEquals(List.of("/childId"), pointers(notSams.json().get("errors")));
        Api.Response notVisible = api.post("/api/v1/case-discussions", supervisee, Map.of("childId", tomsChild, "superviseeId", sam.id()));
        assertEquals(403, notVisible.status(), notVisible.body());
        assertFalse(notVisible.body().contains("Amelia"), "the refusal does not name the child");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_discussion WHERE child_id = ?", tomsChild));
    }

    /** Meg manages Sam's service but not his supervisor's: the discussion's action is neither listed to her nor changed by her. */
    @Test
    void anActionAgreedInADiscussionFollowsTheDiscussionsRule() {
        World.Person bea = world.person(world.teamB1(), "Bea", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person ali = world.person(world.teamA1(), "Ali", Role.PRACTITIONER);
        World.Person meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        world.supervise(bea.staff(), ali.staff());
        String beaToken = api.token(bea.username(), Fixtures.PASSWORD);
        String aliToken = api.token(ali.username(), Fixtures.PASSWORD);
        String megToken = api.token(meg.username(), Fixtures.PASSWORD);
        String id = SignedCaseDiscussions.draft(api, beaToken, SignedCaseDiscussions.child(fixtures, world, ali.id()));
        String url = "/api/v1/case-discussions/" + id;
        Map<String, Object> body = body(Map.of("status", "RECORDED", "view", "Wants to stay.", "seenAlone", true));
        body.put("actions", List.of(Map.of("text", "Book a family group conference", "ownerId", ali.id(), "dueDate", today.plusWeeks(2).toString())));
        Api.Response written = api.put(url, beaToken, body, api.get(url, beaToken).header("ETag"));
        Api.Response first = api.post(url + "/signatures", beaToken, null, written.header("ETag"));
        assertEquals("SIGNED", api.post(url + "/signatures", aliToken, null, first.header("ETag")).json().get("status").asText());
        String actionId = fixtures.string("SELECT id FROM supervision_action WHERE case_discussion_id = ?", id);
        // One action of Ali's agreed outside the discussion: Meg still sees that one.
        String plain = fixtures.action(world.org(), ali.staff());

        JsonNode megs = api.get("/api/v1/actions?superviseeId=" + ali.id(), megToken).json().get("items");
        assertEquals(1, megs.size(), megs.toString());
        assertEquals(plain, megs.get(0).get("id").asText());
        JsonNode beas = api.get("/api/v1/actions?superviseeId=" + ali.id(), beaToken).json().get("items");
        assertEquals(2, beas.size(), "the discussion's supervisor sees both");
        Api.Response change = api.put("/api/v1/actions/" + actionId, megToken, Map.of("ownerId", ali.id(), "text", "Changed",
                "dueDate", today.plusWeeks(3).toString(), "status", "OPEN"), "\"1\"");
        assertEquals(403, change.status(), change.body());
        assertEquals("Book a family group conference", fixtures.string("SELECT text FROM supervision_action WHERE id = ?", actionId));
    }

    @Test
    void aSignedDiscussionChangedBehindTheProductsBackStaysSignedAndVerificationReportsIt() {
        String id = SignedCaseDiscussions.signed(api, supervisor, supervisee, childId);
        fixtures.execute("UPDATE case_discussion SET status = 'DRAFT', child_view_status = 'NOT_OBTAINED' WHERE id = ?", id);
        JsonNode summary = api.get("/api/v1/case-discussions?superviseeId=" + sam.id(), supervisor).json().get("items").get(0);
        assertEquals("SIGNED RECORDED 1", summary.get("status").asText() + " " + summary.get("childViewStatus").asText() + " "
                + summary.get("decisionCount").asText(), "summarised from the snapshot");
        assertEquals(0, api.get("/api/v1/case-discussions?status=DRAFT&superviseeId=" + sam.id(), supervisor).json().get("items").size());
        String url = "/api/v1/case-discussions/" + id;
        assertEquals(409, api.raw("DELETE", url, supervisor, null, null, Map.of("If-Match", api.get(url, supervisor).header("ETag"))).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_discussion WHERE id = ?", id));

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response verified = api.post("/api/v1/integrity/verifications", admin, null);
        assertEquals(200, verified.status(), verified.body());
        JsonNode broken = verified.json().get("firstBreak");
        assertTrue(broken != null && !broken.isNull(), verified.body());
        assertEquals("CASE_DISCUSSION " + id, broken.get("itemType").asText() + " " + broken.get("itemId").asText());
    }
}

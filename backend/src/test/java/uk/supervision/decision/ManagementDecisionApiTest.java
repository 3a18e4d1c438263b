package uk.supervision.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class ManagementDecisionApiTest extends ApiTest {
    private static final String DECISIONS = "/api/v1/case-decisions";
    private DecisionScene scene;

    @BeforeEach
    void scene() {
        scene = new DecisionScene(world, fixtures);
    }

    @Test
    void theSupervisorRecordsASignedLockedDecisionThatIsInTheFeed() {
        String supervisor = scene.token(api, scene.supervisor);
        Api.Response r = api.post(DECISIONS, supervisor, DecisionScene.decision(scene.childId, "Move to a child protection plan"));
        assertEquals(201, r.status(), r.body());
        JsonNode d = r.json();
        String id = d.get("id").asText();
        assertEquals("/api/v1/case-decisions/" + id, r.header("Location"));
        assertEquals("MANAGEMENT", d.get("kind").asText());
        assertEquals("Kai Child", d.get("child").get("name").asText());
        assertEquals(scene.caseNumber, d.get("child").get("caseNumber").asText());
        assertEquals(scene.supervisor.id(), d.get("madeBy").get("id").asText());
        assertEquals(scene.worker.id(), d.get("worker").get("id").asText());
        assertEquals(world.teamA1().id(), d.get("team").get("id").asText());
        assertEquals("Because the family asked for it", d.get("rationale").asText());

        // Stored once, locked into the chain as a CASE_DECISION item named by the decision, at that item's feed position.
        String org = world.org().id();
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE organisation_id = ? AND kind = 'MANAGEMENT' "
                + "AND worker_staff_id = ? AND team_id = ? AND made_by_staff_id = ?", org, scene.worker.id(), world.teamA1().id(), scene.supervisor.id()));
        long sequence = fixtures.count("SELECT sequence_no FROM signed_item WHERE organisation_id = ? AND item_type = 'CASE_DECISION' AND item_id = ?", org, id);
        assertEquals(sequence * 1000, fixtures.count("SELECT feed_position FROM case_decision WHERE id = ?", id));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'MANAGEMENT_DECISION_SIGNED' AND entity_id = ?", id));

        // Integrity verification rebuilds it from the decision row: intact.
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        JsonNode verified = api.post("/api/v1/integrity/verifications", admin, null).json();
        assertTrue(verified.get("intact").asBoolean(), verified.toString());
        assertEquals(1, verified.get("itemsChecked").asLong());

        // The case-management system sees it in the feed.
        String cms = DecisionScene.clientToken(api, admin, "case-decisions:read");
        JsonNode feed = api.get(DECISIONS, cms).json().get("items");
        assertEquals(1, feed.size());
        assertEquals(id, feed.get(0).get("id").asText());
        assertEquals(200, api.get(DECISIONS + "/" + id, scene.token(api, scene.worker)).status(), "the worker reads decisions about their children");
    }

    @Test
    void aDecisionChangedBehindTheServiceBreaksTheChainAtItsItem() {
        Api.Response r = api.post(DECISIONS, scene.token(api, scene.supervisor), DecisionScene.decision(scene.childId, "Keep the plan"));
        assertEquals(201, r.status(), r.body());
        String id = r.json().get("id").asText();
        // The application's own account cannot change a signed decision; the schema owner can, and verification sees it.
        fixtures.asMigrationAccount("UPDATE case_decision SET decision_text = 'End the plan' WHERE id = ?", id);
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        JsonNode verified = api.post("/api/v1/integrity/verifications", admin, null).json();
        assertEquals(false, verified.get("intact").asBoolean(), verified.toString());
        assertEquals("CASE_DECISION", verified.get("firstBreak").get("itemType").asText());
        assertEquals(id, verified.get("firstBreak").get("itemId").asText());
    }

    @Test
    void aManagerAboveMayButNotTheWorkerAnotherSupervisorQaHrAdministratorsOrMachines() {
        assertEquals(201, api.post(DECISIONS, scene.token(api, scene.manager), DecisionScene.decision(scene.childId, "Manager's decision")).status());
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Map<String, String> refused = new HashMap<>();
        refused.put("worker", scene.token(api, scene.worker));
        refused.put("another supervisor", scene.token(api, scene.otherSupervisor));
        refused.put("QA", api.token(world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR).username(), Fixtures.PASSWORD));
        refused.put("HR", api.token(world.person(world.teamA1(), "Harper", Role.HR).username(), Fixtures.PASSWORD));
        refused.put("member", api.token(world.accountOnly(Role.ELECTED_MEMBER).username(), Fixtures.PASSWORD));
        refused.put("administrator", admin);
        refused.put("machine client", DecisionScene.clientToken(api, admin, "case-decisions:read", "children:write"));
        refused.forEach((who, token) -> assertEquals(403, api.post(DECISIONS, token, DecisionScene.decision(scene.childId, who)).status(), who));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE organisation_id = ?", world.org().id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void badInputIsRefusedWithAPointerAndNothingIsStored() {
        String supervisor = scene.token(api, scene.supervisor);
        Map<String, Object> future = new HashMap<>(DecisionScene.decision(scene.childId, "Later"));
        future.put("decidedAt", Instant.now().plus(1, ChronoUnit.HOURS).toString());
        Api.Response r = api.post(DECISIONS, supervisor, future);
        assertEquals(422, r.status(), r.body());
        assertEquals("/decidedAt", r.json().get("errors").get(0).get("pointer").asText());

        Map<String, Object> old = new HashMap<>(DecisionScene.decision(scene.childId, "Long ago"));
        old.put("decidedAt", Instant.now().minus(8, ChronoUnit.DAYS).toString());
        r = api.post(DECISIONS, supervisor, old);
        assertEquals(422, r.status(), r.body());
        assertEquals("/decidedAt", r.json().get("errors").get(0).get("pointer").asText());

        r = api.post(DECISIONS, supervisor, Map.of("childId", scene.childId, "decision", "No reason"));
        assertEquals(400, r.status(), r.body());
        r = api.post(DECISIONS, supervisor, Map.of("childId", scene.childId, "decision", "   ", "rationale", "x"));
        assertEquals(400, r.status(), r.body());
        assertEquals("/decision", r.json().get("errors").get(0).get("pointer").asText());
        assertEquals(404, api.post(DECISIONS, supervisor, DecisionScene.decision(java.util.UUID.randomUUID().toString(), "Nobody")).status());

        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE organisation_id = ?", world.org().id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE organisation_id = ?", world.org().id()));

        // Six days ago is within the week, and is kept as given.
        Instant sixDays = Instant.now().minus(6, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> recent = new HashMap<>(DecisionScene.decision(scene.childId, "Last week"));
        recent.put("decidedAt", sixDays.toString());
        r = api.post(DECISIONS, supervisor, recent);
        assertEquals(201, r.status(), r.body());
        assertEquals(sixDays, Instant.parse(r.json().get("decidedAt").asText()));
    }

    @Test
    void aResendWithTheSameIdempotencyKeyReturnsTheFirstDecision() {
        String supervisor = scene.token(api, scene.supervisor);
        String body = Api.json(DecisionScene.decision(scene.childId, "Once only"));
        String key = java.util.UUID.randomUUID().toString();
        Api.Response first = api.raw("POST", DECISIONS, supervisor, "application/json", body, Map.of("Idempotency-Key", key));
        Api.Response again = api.raw("POST", DECISIONS, supervisor, "application/json", body, Map.of("Idempotency-Key", key));
        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id").asText(), again.json().get("id").asText());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE organisation_id = ?", world.org().id()));

        Api.Response different = api.raw("POST", DECISIONS, supervisor, "application/json",
                Api.json(DecisionScene.decision(scene.childId, "Something else")), Map.of("Idempotency-Key", key));
        assertEquals(422, different.status(), different.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_decision WHERE organisation_id = ?", world.org().id()));
    }
}

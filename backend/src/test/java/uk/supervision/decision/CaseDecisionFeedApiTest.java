package uk.supervision.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class CaseDecisionFeedApiTest extends ApiTest {
    private static final String DECISIONS = "/api/v1/case-decisions";
    private DecisionScene scene;
    private String admin;
    private String cms;
    private final List<String> made = new ArrayList<>();

    @BeforeEach
    void fiveDecisions() {
        scene = new DecisionScene(world, fixtures);
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        cms = DecisionScene.clientToken(api, admin, "case-decisions:read");
        String supervisor = scene.token(api, scene.supervisor);
        for (int i = 1; i <= 5; i++) {
            Api.Response r = api.post(DECISIONS, supervisor, DecisionScene.decision(scene.childId, "Decision " + i));
            assertEquals(201, r.status(), r.body());
            made.add(r.json().get("id").asText());
        }
    }

    @Test
    void theFeedIsOldestFirstAndPagesWithACursorToTheEnd() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response r = api.get(DECISIONS + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), cms);
            assertEquals(200, r.status(), r.body());
            seen.addAll(idsOf(r.json().get("items")));
            cursor = r.json().has("nextCursor") ? r.json().get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertEquals(made, seen);
        assertEquals(3, pages);
        assertEquals(400, api.get(DECISIONS + "?cursor=not-a-cursor", cms).status());
    }

    @Test
    void acknowledgedFiltersAndAcknowledgingTwiceKeepsTheFirst() {
        Api.Response first = api.post(DECISIONS + "/" + made.get(0) + "/acknowledgement", cms, Map.of("filedAs", "CMS-NOTE-1"));
        assertEquals(200, first.status(), first.body());
        assertEquals("CMS-NOTE-1", first.json().get("filedAs").asText());
        String at = first.json().get("acknowledgedAt").asText();
        Api.Response again = api.post(DECISIONS + "/" + made.get(0) + "/acknowledgement", cms, Map.of("filedAs", "CMS-NOTE-2"));
        assertEquals(200, again.status(), again.body());
        assertEquals(at, again.json().get("acknowledgedAt").asText());
        assertEquals("CMS-NOTE-1", again.json().get("filedAs").asText());
        assertEquals(200, api.post(DECISIONS + "/" + made.get(2) + "/acknowledgement", cms, Map.of()).status());

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_decision_acknowledgement WHERE decision_id = ?", made.get(0)));
        assertEquals("CMS-NOTE-1", fixtures.string("SELECT filed_as FROM case_decision_acknowledgement WHERE decision_id = ?", made.get(0)));
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'case_decision' AND action LIKE 'CASE_DECISION_ACKNOWLEDGED%'"
                + " AND entity_id IN (?, ?)", made.get(0), made.get(2)));

        assertEquals(List.of(made.get(1), made.get(3), made.get(4)), idsOf(api.get(DECISIONS + "?acknowledged=false", cms).json().get("items")));
        JsonNode filed = api.get(DECISIONS + "?acknowledged=true", cms).json().get("items");
        assertEquals(List.of(made.get(0), made.get(2)), idsOf(filed));
        assertEquals("CMS-NOTE-1", filed.get(0).get("filedAs").asText());
        assertNull(api.get(DECISIONS + "/" + made.get(1), cms).json().get("acknowledgedAt"));
        assertEquals(404, api.post(DECISIONS + "/" + java.util.UUID.randomUUID() + "/acknowledgement", cms, Map.of()).status());
    }

    @Test
    void clientsWithoutTheScopeAndPeopleMayNotAcknowledge() {
        String hr = DecisionScene.clientToken(api, admin, "staff.read");
        assertEquals(403, api.get(DECISIONS, hr).status());
        assertEquals(403, api.get(DECISIONS + "/" + made.get(0), hr).status());
        assertEquals(403, api.post(DECISIONS + "/" + made.get(0) + "/acknowledgement", hr, Map.of()).status());
        assertEquals(403, api.post(DECISIONS + "/" + made.get(0) + "/acknowledgement", scene.token(api, scene.supervisor), Map.of()).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM case_decision_acknowledgement WHERE organisation_id = ?", world.org().id()));
        // Another organisation's client sees none of these.
        String elsewhere = DecisionScene.clientToken(api, api.token(fixtures.organisation().accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD),
                "case-decisions:read");
        assertEquals(0, api.get(DECISIONS, elsewhere).json().get("items").size());
        assertEquals(404, api.get(DECISIONS + "/" + made.get(0), elsewhere).status());
        assertEquals(404, api.post(DECISIONS + "/" + made.get(0) + "/acknowledgement", elsewhere, Map.of()).status());
    }

    @Test
    void peopleReadTheDecisionsOfWorkersWhoseRecordsTheyReadAndFilterByChildAndTeam() {
        String otherChild = DecisionScene.child(fixtures, world, scene.otherWorker, "Ash Child", Fixtures.unique("CMS"));
        String other = scene.token(api, scene.otherSupervisor);
        Api.Response r = api.post(DECISIONS, other, DecisionScene.decision(otherChild, "About Ash"));
        assertEquals(201, r.status(), r.body());
        String ash = r.json().get("id").asText();

        assertEquals(made, idsOf(api.get(DECISIONS, scene.token(api, scene.supervisor)).json().get("items")));
        assertEquals(made, idsOf(api.get(DECISIONS, scene.token(api, scene.worker)).json().get("items")));
        assertEquals(made, idsOf(api.get(DECISIONS, scene.token(api, scene.manager)).json().get("items")), "service A only");
        assertEquals(List.of(ash), idsOf(api.get(DECISIONS, other).json().get("items")));
        assertEquals(403, api.get(DECISIONS + "/" + made.get(0), other).status());
        String qa = api.token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR).username(), Fixtures.PASSWORD);
        assertEquals(6, api.get(DECISIONS, qa).json().get("items").size());
        assertEquals(403, api.get(DECISIONS, admin).status());
        assertEquals(403, api.get(DECISIONS, api.token(world.person(world.teamA1(), "Harper", Role.HR).username(), Fixtures.PASSWORD)).status());
        assertEquals(403, api.get(DECISIONS, api.token(world.accountOnly(Role.ELECTED_MEMBER).username(), Fixtures.PASSWORD)).status());

        assertEquals(List.of(ash), idsOf(api.get(DECISIONS + "?childId=" + otherChild, cms).json().get("items")));
        assertEquals(List.of(ash), idsOf(api.get(DECISIONS + "?teamId=" + world.teamB1().id(), cms).json().get("items")));
        assertEquals(made, idsOf(api.get(DECISIONS + "?teamId=" + world.teamA1().id(), cms).json().get("items")));
        JsonNode all = api.get(DECISIONS + "?limit=200", cms).json().get("items");
        assertEquals(6, all.size());
        assertEquals("Team B1", all.get(5).get("team").get("name").asText());
        assertFalse(all.get(5).has("caseDiscussionId"));
        assertTrue(all.get(0).get("madeBy").get("displayName").asText().startsWith("Sol"));
    }
}

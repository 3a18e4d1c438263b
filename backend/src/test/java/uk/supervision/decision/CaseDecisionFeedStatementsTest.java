package uk.supervision.decision;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.StatementCounter;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A page of the feed is one query (names joined), whatever its length: the same statements for 2 decisions as
 * for 6. And two acknowledgements of one decision at once store one and both answer with it.
 */
@MicronautTest(transactional = false)
@Property(name = StatementCounter.ENABLED, value = "true")
class CaseDecisionFeedStatementsTest extends ApiTest {
    private static final String DECISIONS = "/api/v1/case-decisions";
    private DecisionScene scene;
    private String supervisor;
    private String cms;

    @BeforeEach
    void scene() {
        scene = new DecisionScene(world, fixtures);
        supervisor = scene.token(api, scene.supervisor);
        cms = DecisionScene.clientToken(api, api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD), "case-decisions:read");
    }

    @Test
    void aPageCostsTheSameStatementsForTwoDecisionsAsForSix() {
        decide(2);
        int clientTwo = statementsOf(cms);
        int personTwo = statementsOf(supervisor);
        decide(4);
        assertEquals(clientTwo, statementsOf(cms), "a machine client's page: " + StatementCounter.statements());
        assertEquals(personTwo, statementsOf(supervisor), "a supervisor's page: " + StatementCounter.statements());
        // The page, and the read's log row with its subjects in one batch.
        assertTrue(clientTwo <= 3, "the feed page, the read log and the caller's own checks: " + StatementCounter.statements());
        assertEquals(6, api.get(DECISIONS, cms).json().get("items").size());
    }

    @Test
    void twoAcknowledgementsAtOnceStoreOneAndBothAnswerWithIt() {
        String id = decide(1).get(0);
        String url = DECISIONS + "/" + id + "/acknowledgement";
        CompletableFuture<Api.Response> a = CompletableFuture.supplyAsync(() -> api.post(url, cms, java.util.Map.of("filedAs", "A")));
        CompletableFuture<Api.Response> b = CompletableFuture.supplyAsync(() -> api.post(url, cms, java.util.Map.of("filedAs", "B")));
        Api.Response first = a.join();
        Api.Response second = b.join();
        assertEquals(200, first.status(), first.body());
        assertEquals(200, second.status(), second.body());
        assertEquals(first.json().get("acknowledgedAt"), second.json().get("acknowledgedAt"));
        assertEquals(first.json().get("filedAs"), second.json().get("filedAs"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM case_decision_acknowledgement WHERE decision_id = ?", id));
    }

    private List<String> decide(int n) {
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            Api.Response r = api.post(DECISIONS, supervisor, DecisionScene.decision(scene.childId, "Decision " + i));
            assertEquals(201, r.status(), r.body());
            ids.add(r.json().get("id").asText());
        }
        return ids;
    }

    /** The fewest statements of three identical reads (a scheduled job may run during one). */
    private int statementsOf(String token) {
        assertEquals(200, api.get(DECISIONS, token).status(), "warm-up");
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            assertEquals(200, api.get(DECISIONS, token).status());
            fewest = Math.min(fewest, StatementCounter.count());
        }
        return fewest;
    }
}

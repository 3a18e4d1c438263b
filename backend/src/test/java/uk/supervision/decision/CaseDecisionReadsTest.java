package uk.supervision.decision;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Reads of the feed are logged (people and machine clients), and an acknowledgement that loses a race answers the stored one. */
@MicronautTest(transactional = false)
class CaseDecisionReadsTest extends ApiTest {
    private static final String DECISIONS = "/api/v1/case-decisions";

    @Inject
    DataSource dataSource;

    private DecisionScene scene;
    private String cms;
    private String decisionId;

    @BeforeEach
    void scene() {
        scene = new DecisionScene(world, fixtures);
        cms = DecisionScene.clientToken(api, api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD), "case-decisions:read");
        Api.Response r = api.post(DECISIONS, scene.token(api, scene.supervisor), DecisionScene.decision(scene.childId, "Stay with nan"));
        assertEquals(201, r.status(), r.body());
        decisionId = r.json().get("id").asText();
    }

    @Test
    void everyReadOfAPageOrADecisionIsOneLogEntryNamingTheWorker() {
        String where = " FROM activity_log WHERE organisation_id = ? AND entity_type = 'case_decision' AND action IN ('LIST', 'READ')";
        long before = fixtures.count("SELECT COUNT(*)" + where, world.org().id());
        assertEquals(200, api.get(DECISIONS, cms).status());
        assertEquals(before + 1, fixtures.count("SELECT COUNT(*)" + where + " AND actor_client_id IS NOT NULL AND action = 'LIST'", world.org().id())
                + before, "a machine client's page");
        assertEquals(200, api.get(DECISIONS + "/" + decisionId, scene.token(api, scene.manager)).status());
        assertEquals(200, api.get(DECISIONS, scene.token(api, scene.supervisor)).status());
        assertEquals(before + 3, fixtures.count("SELECT COUNT(*)" + where, world.org().id()));
        assertEquals(3L, fixtures.count("SELECT COUNT(*) FROM activity_log_subject s JOIN activity_log a ON a.id = s.activity_id"
                + " WHERE a.organisation_id = ? AND a.entity_type = 'case_decision' AND s.subject_staff_id = ?", world.org().id(), scene.worker.id()),
                "each read names the worker");
        // A page showing nothing logs nothing.
        assertEquals(0, api.get(DECISIONS + "?acknowledged=true", cms).json().get("items").size());
        assertEquals(before + 3, fixtures.count("SELECT COUNT(*)" + where, world.org().id()));
    }

    /**
     * MariaDB: another acknowledgement is stored but not yet committed when this one reads the decision; this one's
     * INSERT IGNORE waits for it and ignores. Under REPEATABLE READ its re-read would miss the winner's row.
     */
    @Test
    void theLoserOfARaceAnswersWithTheWinnersAcknowledgement() throws Exception {
        String product = fixtures.databaseProduct().toLowerCase();
        assumeTrue(product.contains("mysql") || product.contains("mariadb"), "row locks and snapshots as on MariaDB");
        Timestamp at = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(5));
        try (Connection winner = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            winner.setAutoCommit(false);
            try (PreparedStatement ps = winner.prepareStatement("INSERT INTO case_decision_acknowledgement (decision_id, organisation_id,"
                    + " client_id, filed_as, acknowledged_at) VALUES (?, ?, 'other-worker', 'WINNER', ?)")) {
                ps.setString(1, decisionId);
                ps.setString(2, world.org().id());
                ps.setTimestamp(3, at);
                ps.executeUpdate();
            }
            CompletableFuture<Api.Response> loser = CompletableFuture.supplyAsync(
                    () -> api.post(DECISIONS + "/" + decisionId + "/acknowledgement", cms, Map.of("filedAs", "LOSER")));
            Thread.sleep(1500);   // the loser has read the decision and waits on the winner's key
            assertTrue(!loser.isDone(), "the loser waits for the winner");
            winner.commit();
            Api.Response r = loser.join();
            assertEquals(200, r.status(), r.body());
            assertEquals("WINNER", r.json().path("filedAs").asText(), r.body());
            assertEquals(at.toInstant(), Instant.parse(r.json().get("acknowledgedAt").asText()));
        }
    }
}

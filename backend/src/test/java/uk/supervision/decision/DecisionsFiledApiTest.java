package uk.supervision.decision;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The 24-hour measure over a scripted set of decisions with exact signing and acknowledgement times. */
@MicronautTest(transactional = false)
class DecisionsFiledApiTest extends ApiTest {
    private static final String FILED = "/api/v1/dashboards/decisions-filed";
    private DecisionScene scene;
    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private long position = 1;

    @BeforeEach
    void decisions() {
        scene = new DecisionScene(world, fixtures);
        String otherChild = DecisionScene.child(fixtures, world, scene.otherWorker, "Ash Child", Fixtures.unique("CMS"));
        // Team A1: acknowledged after 2 hours; after 30 hours; never (2 days old); not yet due (1 hour old); after 1 hour.
        signed(scene.childId, scene.worker.staff(), ago(Duration.ofDays(3)), Duration.ofHours(2));
        signed(scene.childId, scene.worker.staff(), ago(Duration.ofDays(3)), Duration.ofHours(30));
        signed(scene.childId, scene.worker.staff(), ago(Duration.ofDays(2)), null);
        signed(scene.childId, scene.worker.staff(), ago(Duration.ofHours(1)), null);
        signed(scene.childId, scene.worker.staff(), ago(Duration.ofHours(2)), Duration.ofHours(1));
        // Team B1: acknowledged exactly 24 hours after signing (counts as in time); one signed before the default period.
        signed(otherChild, scene.otherWorker, ago(Duration.ofDays(5)), Duration.ofHours(24));
        signed(otherChild, scene.otherWorker, ago(Duration.ofDays(40)), Duration.ofHours(1));
    }

    @Test
    void qaSeesEveryTeamWithTheExactFigures() {
        JsonNode m = measure(token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR)), "");
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        assertEquals(today.toString(), m.get("to").asText());
        assertEquals(today.minusDays(29).toString(), m.get("from").asText());
        assertEquals(24, m.get("hoursAllowed").asInt());
        assertEquals(2, m.get("teams").size());
        JsonNode a1 = m.get("teams").get(0);
        assertEquals("Team A1", a1.get("team").get("name").asText());
        assertRow(a1, 5, 2, 1, 1, 1);
        assertEquals(0.5, a1.get("share").asDouble(), 1e-9);
        JsonNode b1 = m.get("teams").get(1);
        assertEquals("Team B1", b1.get("team").get("name").asText());
        assertRow(b1, 1, 1, 0, 0, 0);
        assertEquals(1.0, b1.get("share").asDouble(), 1e-9);
        assertRow(m.get("total"), 6, 3, 1, 1, 1);
        assertEquals(0.6, m.get("total").get("share").asDouble(), 1e-9);

        JsonNode longer = measure(token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR)), "?from=" + today.minusDays(45) + "&to=" + today);
        assertRow(longer.get("teams").get(1), 2, 2, 0, 0, 0);
    }

    @Test
    void supervisorsSeeTheirSuperviseesTeamsAndManagersTheTeamsBelowThem() {
        JsonNode mine = measure(token(scene.supervisor), "");
        assertEquals(1, mine.get("teams").size());
        assertEquals(world.teamA1().id(), mine.get("teams").get(0).get("team").get("id").asText());
        JsonNode other = measure(token(scene.otherSupervisor), "");
        assertEquals(1, other.get("teams").size());
        assertEquals(world.teamB1().id(), other.get("teams").get(0).get("team").get("id").asText());
        assertRow(other.get("total"), 1, 1, 0, 0, 0);
        JsonNode manager = measure(token(scene.manager), "");
        assertEquals(1, manager.get("teams").size(), "service A's teams only");
        assertEquals(world.teamA1().id(), manager.get("teams").get(0).get("team").get("id").asText());

        JsonNode lonely = measure(token(world.person(world.teamA2(), "Lone", Role.SUPERVISOR)), "");
        assertEquals(0, lonely.get("teams").size());
        assertFalse(lonely.get("total").has("share"));

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertEquals(403, api.get(FILED, token(scene.worker)).status());
        assertEquals(403, api.get(FILED, token(world.person(world.teamA1(), "Harper", Role.HR))).status());
        assertEquals(403, api.get(FILED, admin).status());
        assertEquals(403, api.get(FILED, DecisionScene.clientToken(api, admin, "case-decisions:read")).status());
    }

    @Test
    void anEndBeforeTheStartIsRefused() {
        Api.Response r = api.get(FILED + "?from=2026-03-10&to=2026-03-01", token(scene.supervisor));
        assertEquals(422, r.status(), r.body());
        assertEquals("#to", r.json().get("errors").get(0).get("pointer").asText());
        assertEquals(400, api.get(FILED + "?from=yesterday", token(scene.supervisor)).status());
    }

    private void assertRow(JsonNode row, int signed, int within, int later, int waiting, int notYetDue) {
        assertEquals(signed, row.get("signed").asInt(), row.toString());
        assertEquals(within, row.get("acknowledgedWithin24Hours").asInt(), row.toString());
        assertEquals(later, row.get("acknowledgedLater").asInt(), row.toString());
        assertEquals(waiting, row.get("waiting").asInt(), row.toString());
        assertEquals(notYetDue, row.get("notYetDue").asInt(), row.toString());
    }

    private JsonNode measure(String token, String query) {
        Api.Response r = api.get(FILED + query, token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private String token(uk.supervision.testing.World.Person person) {
        return api.token(person.username(), Fixtures.PASSWORD);
    }

    private Instant ago(Duration d) {
        return now.minus(d);
    }

    /** A decision signed at this instant (as the worker's team then), acknowledged this long after, or never. */
    private void signed(String childId, Staff worker, Instant signedAt, Duration acknowledgedAfter) {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO case_decision (id, organisation_id, feed_position, kind, child_id, worker_staff_id, team_id, decision_text,"
                        + " made_by_staff_id, made_by_account_id, decided_at, signed_at, content_hash) VALUES (?, ?, ?, 'MANAGEMENT', ?, ?, ?, 'A decision', ?, ?, ?, ?, ?)",
                id, world.org().id(), position++, childId, worker.id(), worker.teamId(), scene.supervisor.id(), scene.supervisor.account().id(),
                Timestamp.from(signedAt), Timestamp.from(signedAt), "0".repeat(64));
        if (acknowledgedAfter != null) {
            fixtures.execute("INSERT INTO case_decision_acknowledgement (decision_id, organisation_id, client_id, acknowledged_at) VALUES (?, ?, 'cms', ?)",
                    id, world.org().id(), Timestamp.from(signedAt.plus(acknowledgedAfter)));
        }
    }
}

package uk.supervision.perf;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.StatementCounter;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How many SQL statements one request sends (issue 7, item 16): counted at the JDBC driver
 * ({@link StatementCounter}), so a change that adds a query per request, or one per supervisee, fails here
 * and not months later on a council's ten years of history. The token check is not counted: its answer is
 * cached for a few seconds per account (decision 0008) and every request here follows a warm-up.
 */
@MicronautTest(transactional = false)
@Property(name = StatementCounter.ENABLED, value = "true")
class PerRequestStatementsTest extends ApiTest {
    /** The staff row (with team and service names), the current supervisor, and the access check in one query. */
    static final int STAFF_READ = 3;
    /**
     * Supervisees, their schedules' facts, what waits (one statement for the session counts), sessions not recorded
     * as held, the next planned sessions and the access checks, whatever their number.
     */
    static final int DASHBOARD = 15;

    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    World.Person manager;
    World.Person priya;
    String supervisor;

    @BeforeEach
    void aSupervisorWithAManagerAbove() {
        manager = world.person(world.teamA1(), "Marcus", Role.SUPERVISOR);
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        world.supervise(manager.staff(), priya.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
    }

    @Test
    void aSingleStaffReadCostsAFixedFewStatements() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String url = "/api/v1/staff/" + sam.id();

        int statements = statementsOf(url, supervisor);
        assertTrue(statements <= STAFF_READ, "a staff read took " + statements + " statements: " + lastStatements());
        assertEquals(priya.id(), api.get(url, supervisor).json().get("supervisor").get("id").asText());

        // Two levels up the chain costs the same: the access check is one recursive query, not one per level.
        String above = api.token(manager.username(), Fixtures.PASSWORD);
        int fromAbove = statementsOf(url, above);
        assertEquals(statements, fromAbove, "a read from two levels up: " + lastStatements());
    }

    @Test
    void theDashboardCostsTheSameStatementsForThreeSuperviseesAsForSix() {
        for (int i = 0; i < 3; i++) {
            addSuperviseeWithHistory("Sam" + i);
        }
        int forThree = statementsOf("/api/v1/dashboards/my-supervisees", supervisor);
        assertTrue(forThree <= DASHBOARD, "the dashboard took " + forThree + " statements: " + lastStatements());

        for (int i = 0; i < 3; i++) {
            addSuperviseeWithHistory("Jo" + i);
        }
        int forSix = statementsOf("/api/v1/dashboards/my-supervisees", supervisor);
        assertEquals(forThree, forSix, "statements must not grow with the number of supervisees: " + lastStatements());
        JsonNode items = api.get("/api/v1/dashboards/my-supervisees", supervisor).json().get("items");
        assertEquals(6, items.size());
        items.forEach(row -> {
            assertEquals(1, row.get("heldAwaitingRecord").asInt(), row.toString());
            assertEquals(1, row.get("overdueActions").asInt(), row.toString());
            assertEquals(today.plusWeeks(2).toString(), row.get("nextPlanned").get("date").asText(), row.toString());
        });
    }

    // issue 9: audits
    /**
     * The evidence beside an audit: the audit, whether it is signed (twice: the access check, then the period it shows),
     * the audited supervisor, the sessions with their records, the actions open at each, the policy's interval, the
     * agreement, the case discussions and the read's two log rows, whatever the number of sessions.
     */
    static final int AUDIT_EVIDENCE = 11;

    @Test
    void theAuditEvidenceCostsTheSameStatementsForTwoSessionsAsForFive() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String qa = api.token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR).username(), Fixtures.PASSWORD);
        Api.Response audit = api.post("/api/v1/audits", qa, Map.of("superviseeId", sam.id(), "kind", "AD_HOC"));
        assertEquals(201, audit.status(), audit.body());
        String url = "/api/v1/audits/" + audit.json().get("id").asText() + "/evidence";
        for (int i = 1; i <= 2; i++) {
            heldSession(sam, today.minusWeeks(i));
        }
        int forTwo = statementsOf(url, qa);
        assertTrue(forTwo <= AUDIT_EVIDENCE, "the evidence took " + forTwo + " statements: " + lastStatements());
        for (int i = 3; i <= 5; i++) {
            heldSession(sam, today.minusWeeks(i));
        }
        int forFive = statementsOf(url, qa);
        assertEquals(forTwo, forFive, "statements must not grow with the number of sessions: " + lastStatements());
        assertEquals("5", api.get(url, qa).json().get("items").get(1).get("facts").get(0).get("value").asText());
    }

    private void heldSession(World.Person supervisee, LocalDate day) {
        String id = fixtures.session(world.org(), supervisee.staff(), priya.staff());
        fixtures.execute("UPDATE supervision_session SET status = 'HELD', meeting_date = ? WHERE id = ?", java.sql.Date.valueOf(day), id);
    }

    /** The fewest statements of three identical requests (a scheduled job may run during one). */
    private int statementsOf(String url, String token) {
        assertEquals(200, api.get(url, token).status(), "warm-up");
        int fewest = Integer.MAX_VALUE;
        List<String> sent = List.of();
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            Api.Response r = api.get(url, token);
            assertEquals(200, r.status(), r.body());
            if (StatementCounter.count() < fewest) {
                fewest = StatementCounter.count();
                sent = StatementCounter.statements();
            }
        }
        last = sent;
        return fewest;
    }

    private List<String> last = List.of();

    private String lastStatements() {
        return String.join("\n  ", last);
    }

    /** A supervisee with an active agreement, a session held and not yet recorded, one planned, and an overdue action. */
    private void addSuperviseeWithHistory(String name) {
        World.Person person = world.person(world.teamA1(), name, Role.PRACTITIONER);
        world.supervise(priya.staff(), person.staff());
        Signing.activeAgreement(api, supervisor, api.token(person.username(), Fixtures.PASSWORD), person.id());
        String held = plan(person.id(), today.minusWeeks(1));
        String url = "/api/v1/sessions/" + held;
        assertEquals(200, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag")).status());
        plan(person.id(), today.plusWeeks(2));
        assertEquals(201, api.post("/api/v1/actions", supervisor, Map.of("superviseeId", person.id(), "ownerId", person.id(),
                "text", "Update the chronology", "dueDate", today.minusDays(2).toString())).status());
    }

    private String plan(String superviseeId, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", List.of(superviseeId));
        body.put("date", date.toString());
        body.put("startTime", "10:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3");
        Api.Response r = api.post("/api/v1/sessions", supervisor, body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("items").get(0).get("id").asText();
    }
}

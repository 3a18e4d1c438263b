package uk.supervision.measure;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.StatementCounter;
import uk.supervision.team.Team;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measures cost a fixed number of SQL statements however many people and teams there are: counted at the JDBC
 * driver for each operation, with 6 people and then with 30, and never more than a generous bound.
 */
@MicronautTest(transactional = false)
@Property(name = StatementCounter.ENABLED, value = "true")
class MeasureStatementsTest extends ApiTest {
    /**
     * The most any one measures request may send (a member's team: its own figures, its parent's and the parent's units,
     * from every source, and the policy read by each; a breakdown is the most). What matters is that it does not grow with people.
     * The period rule for flows (decision 0033, rule 5) adds, for each flow measure with anyone in it, its months for the
     * scope, the parent and the units side by side (one query each for the people measures, one per measure for the others):
     * the breakdown here went from at most 64 to 76 (measured), a team's measures from 41 to 46.
     */
    static final int MOST = 80;
    private final YearMonth month = YearMonth.now(ZoneId.of("Europe/London"));

    @Test
    void statementsDoNotGrowWithPeopleOrTeams() {
        String member = api.token(world.accountOnly(Role.ELECTED_MEMBER).username(), Fixtures.PASSWORD);
        String manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        add(world.teamA1(), 3);
        add(world.teamA2(), 3);
        List<String> urls = List.of(
                "/api/v1/measures?scope=TEAM&scopeId=" + world.teamA1().id(),
                "/api/v1/measures/breakdown?scope=SERVICE&scopeId=" + world.serviceA().id(),
                "/api/v1/measures/series?scope=TEAM&measure=sessions.withinInterval&scopeId=" + world.teamA1().id());
        int[] small = new int[urls.size()];
        for (int i = 0; i < urls.size(); i++) {
            small[i] = statementsOf(urls.get(i), member);
            assertTrue(small[i] <= MOST, urls.get(i) + " took " + small[i] + ": " + StatementCounter.statements());
        }
        String people = "/api/v1/measures/people?scope=SERVICE&measure=sessions.withinInterval&limit=200&scopeId=" + world.serviceA().id();
        int peopleSmall = statementsOf(people, manager);

        add(world.teamA1(), 12);
        add(world.teamA2(), 12);
        for (int i = 0; i < urls.size(); i++) {
            assertEquals(small[i], statementsOf(urls.get(i), member), urls.get(i) + ": " + StatementCounter.statements());
        }
        assertEquals(peopleSmall, statementsOf(people, manager), "the drill-down of 6 and of 30: " + StatementCounter.statements());
        assertEquals(30, api.get(people, manager).json().get("items").size());
    }

    private void add(Team team, int n) {
        for (int i = 0; i < n; i++) {
            Staff s = world.worker(team, "Cy" + i, "Counted");
            MeasureFacts.person(fixtures, s, month, i % 2 == 0, true);
        }
        MeasureFacts.teams(fixtures, world.org().id(), Instant.now());
    }

    private int statementsOf(String url, String token) {
        assertEquals(200, api.get(url, token).status(), "warm-up");
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            Api.Response r = api.get(url, token);
            assertEquals(200, r.status(), r.body());
            fewest = Math.min(fewest, StatementCounter.count());
        }
        return fewest;
    }
}

package uk.supervision.casediscussion;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.StatementCounter;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** No query per row: a page of case discussions, and of actions naming their children, costs the same for 2 rows as for 5. */
@MicronautTest(transactional = false)
@Property(name = StatementCounter.ENABLED, value = "true")
class CaseDiscussionStatementsTest extends ApiTest {

    @Test
    void listsCostTheSameStatementsWhateverTheirLength() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        String discussions = "/api/v1/case-discussions?superviseeId=" + sam.id();
        String actions = "/api/v1/actions?superviseeId=" + sam.id();
        for (int i = 0; i < 2; i++) {
            discussionWithAction(supervisor, sam);
        }
        int twoDiscussions = statementsOf(discussions, supervisor, 2);
        int twoActions = statementsOf(actions, supervisor, 2);
        for (int i = 0; i < 3; i++) {
            discussionWithAction(supervisor, sam);
        }
        assertEquals(twoDiscussions, statementsOf(discussions, supervisor, 5), String.join("\n", StatementCounter.statements()));
        assertEquals(twoActions, statementsOf(actions, supervisor, 5), String.join("\n", StatementCounter.statements()));
    }

    /** A discussion about a new child, and an action agreed in it about that child (as locking makes one). */
    private void discussionWithAction(String supervisor, World.Person sam) {
        String child = SignedCaseDiscussions.child(fixtures, world, sam.id());
        String discussion = SignedCaseDiscussions.draft(api, supervisor, child);
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, version, "
                + "created_at, updated_at, case_discussion_id, child_id, desired_outcome, measure) VALUES (?, ?, ?, ?, 'Meet the school', ?, "
                + "'OPEN', 1, ?, ?, ?, ?, 'Fewer missed days', 'Attendance')", Ids.newId(), world.org().id(), sam.id(), sam.id(),
                Date.valueOf(LocalDate.now().plusWeeks(2)), now, now, discussion, child);
    }

    /** The fewest statements of three identical requests (a scheduled job may run during one), checking the page's length. */
    private int statementsOf(String url, String token, int items) {
        int fewest = Integer.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            StatementCounter.reset();
            Api.Response r = api.get(url, token);
            assertEquals(200, r.status(), r.body());
            assertEquals(items, r.json().get("items").size(), r.body());
            fewest = Math.min(fewest, StatementCounter.count());
        }
        return fewest;
    }
}

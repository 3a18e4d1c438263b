package uk.supervision.casediscussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.DatabaseRights;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signed case discussion is locked in the database (as SignedRowsAreLockedInTheDatabaseTest): the app account cannot
 * rewrite its signed item, signatures or filed decisions; the mutable discussion row it can change, but reads come from
 * the signed item and integrity verification reports the difference.
 */
@MicronautTest(transactional = false)
class SignedCaseDiscussionIsLockedTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void signedRowsAreRefusedAndAChangedDiscussionRowShowsOnlyInVerification() throws SQLException {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        String supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        String id = SignedCaseDiscussions.signed(api, supervisor, supervisee, SignedCaseDiscussions.child(fixtures, world, sam.id()));

        record Target(String what, String table, String column, String key) {
        }
        List<Target> targets = List.of(
                new Target("discussion content", "signed_item", "content_json",
                        fixtures.string("SELECT id FROM signed_item WHERE item_type = 'CASE_DISCUSSION' AND item_id = ?", id)),
                new Target("signature", "case_discussion_signature", "content_hash",
                        fixtures.string("SELECT id FROM case_discussion_signature WHERE case_discussion_id = ? AND signer_staff_id = ?", id, sam.id())),
                new Target("filed decision", "case_decision", "decision_text",
                        fixtures.string("SELECT id FROM case_decision WHERE case_discussion_id = ?", id)));
        for (Target t : targets) {
            assertNotNull(t.key(), t.what() + " exists");
            String before = fixtures.string("SELECT " + t.column() + " FROM " + t.table() + " WHERE id = ?", t.key());
            assertRefused(t.what() + ": UPDATE", "UPDATE " + t.table() + " SET " + t.column() + " = 'tampered' WHERE id = ?", t.key());
            assertRefused(t.what() + ": DELETE", "DELETE FROM " + t.table() + " WHERE id = ?", t.key());
            assertEquals(before, fixtures.string("SELECT " + t.column() + " FROM " + t.table() + " WHERE id = ?", t.key()));
        }

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertTrue(api.post("/api/v1/integrity/verifications", admin, null).json().get("intact").asBoolean());
        String url = "/api/v1/case-discussions/" + id;
        JsonNode before = api.get(url, supervisor).json();

        // The discussion row itself is workflow state: the app account can change it, but nothing reads it once signed.
        assertEquals(1, fixtures.execute("UPDATE case_discussion SET content_json = REPLACE(content_json, 'Stay on a child protection plan', "
                + "'Close the case') WHERE id = ?", id));
        JsonNode after = api.get(url, supervisor).json();
        assertEquals("Stay on a child protection plan", after.get("decisions").get(0).get("text").asText());
        assertEquals(before.get("decisions"), after.get("decisions"));
        assertEquals(before.get("contentHash"), after.get("contentHash"));

        JsonNode verified = api.post("/api/v1/integrity/verifications", admin, null).json();
        assertFalse(verified.get("intact").asBoolean(), verified.toString());
        assertEquals("CASE_DISCUSSION", verified.get("firstBreak").get("itemType").asText());
        assertEquals(id, verified.get("firstBreak").get("itemId").asText());
    }

    private void assertRefused(String what, String sql, String key) {
        DatabaseRights.assertRefused(dataSource, what, sql, key);
    }
}

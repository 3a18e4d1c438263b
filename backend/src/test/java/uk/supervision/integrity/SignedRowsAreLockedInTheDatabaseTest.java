package uk.supervision.integrity;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.database.MigrationAccount;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.DatabaseRights;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The application's own database account cannot rewrite or remove anything signed: raw UPDATE and DELETE
 * statements through its pool are refused by the database (H2 and MariaDB/MySQL alike), while the very
 * same statements run as the migration account would succeed, so the refusal is about rights.
 */
@MicronautTest(transactional = false)
class SignedRowsAreLockedInTheDatabaseTest extends ApiTest {

    @Inject
    DataSource dataSource;
    @Inject
    MigrationAccount migration;

    private record Target(String what, String table, String column, String keyColumn, String key) {
    }

    @Test
    void rawUpdatesAndDeletesOfSignedRowsThroughTheApplicationsAccountAreRefused() throws SQLException {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        String supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        String agreement = Signing.activeAgreement(api, supervisor, supervisee, sam.id());
        String session = Signing.signedRecord(api, supervisor, supervisee, sam.id());
        assertEquals(200, api.get("/api/v1/agreements/" + agreement, supervisee).status(), "a logged read");

        List<Target> targets = List.of(
                new Target("agreement content", "signed_item", "content_json", "id",
                        fixtures.string("SELECT id FROM signed_item WHERE item_type = 'AGREEMENT' AND item_id = ?", agreement)),
                new Target("record content", "signed_item", "content_json", "id",
                        fixtures.string("SELECT id FROM signed_item WHERE item_type = 'SESSION_RECORD' AND item_id = ?", session)),
                new Target("agreement signature", "agreement_signature", "content_hash", "id",
                        fixtures.string("SELECT id FROM agreement_signature WHERE agreement_id = ? AND party = 'SUPERVISOR'", agreement)),
                new Target("record signature", "record_signature", "content_hash", "id",
                        fixtures.string("SELECT id FROM record_signature WHERE session_id = ? AND signer_staff_id = ?", session, sam.id())),
                new Target("note signed with the record", "record_note", "text", "id",
                        fixtures.string("SELECT id FROM record_note WHERE session_id = ? AND kind = 'COMMENT'", session)),
                new Target("addendum", "record_note", "text", "id",
                        fixtures.string("SELECT id FROM record_note WHERE session_id = ? AND kind = 'ADDENDUM'", session)),
                new Target("activity log", "activity_log", "summary", "id",
                        fixtures.string("SELECT id FROM activity_log WHERE entity_id = ? AND action = 'AGREEMENT_ACTIVE'", agreement)),
                new Target("whose record a read was", "activity_log_subject", "subject_staff_id", "activity_id",
                        fixtures.string("SELECT id FROM activity_log WHERE entity_id = ? AND action = 'READ'", agreement)),
                new Target("dated staff change", "staff_attribute_change", "category", "id",
                        fixtures.string("SELECT id FROM staff_attribute_change WHERE staff_id = ?", sam.id())));

        for (Target t : targets) {
            assertNotNull(t.key(), t.what() + " exists");
            String select = "SELECT " + t.column() + " FROM " + t.table() + " WHERE " + t.keyColumn() + " = ?";
            String update = "UPDATE " + t.table() + " SET " + t.column() + " = 'tampered' WHERE " + t.keyColumn() + " = ?";
            String delete = "DELETE FROM " + t.table() + " WHERE " + t.keyColumn() + " = ?";
            String before = fixtures.string(select, t.key());

            assertRefused(t.what() + ": UPDATE", update, t.key());
            assertRefused(t.what() + ": DELETE", delete, t.key());
            assertEquals(before, fixtures.string(select, t.key()), t.what() + " unchanged");
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM " + t.table() + " WHERE " + t.keyColumn() + " = ?", t.key()),
                    t.what() + " still there");

            // Control: as the migration account the same UPDATE changes exactly that row (rolled back here).
            try (Connection owner = migration.connect()) {
                owner.setAutoCommit(false);
                try (var ps = owner.prepareStatement(update)) {
                    ps.setString(1, t.key());
                    assertEquals(1, ps.executeUpdate(), t.what() + ": the statement itself is valid");
                } finally {
                    owner.rollback();
                }
            }
        }
    }

    private void assertRefused(String what, String sql, String key) {
        DatabaseRights.assertRefused(dataSource, what, sql, key);
    }
}

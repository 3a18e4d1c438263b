package uk.supervision.support;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The schema on the database the tests run against: MariaDB or MySQL under CI (where a missing server
 * is a failure, never a skip), H2 in MySQL mode otherwise.
 */
@MicronautTest(transactional = false)
class DatabaseTest {
    @Inject
    Fixtures fixtures;

    @Test
    void underCiTheTestsRunOnARealMySqlCompatibleServer() throws SQLException {
        String product = fixtures.databaseProduct();
        System.out.println("Database under test: " + product);
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(product.contains("MariaDB") || product.startsWith("MySQL"), "CI must test on MariaDB/MySQL, got " + product);
        }
    }

    @Test
    void everyMigrationHasBeenApplied() throws SQLException {
        List<String> versions = fixtures.strings("SELECT version FROM flyway_schema_history WHERE success = TRUE ORDER BY installed_rank");
        assertTrue(versions.containsAll(List.of("001", "002")), versions.toString());
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM policy_profile"));
        // Shipped rows have fixed ids (tests may add templates of their own): V002's 15 templates and 223
        // items, V019's four agreement templates (three version 2s and Coventry's 2015 agreement) with 68 items,
        // and V026's three case-discussion version 2s with 35 items (each version 1's, child_view as parents_view).
        assertEquals(22, fixtures.count("SELECT COUNT(*) FROM policy_template WHERE id LIKE '00000000-0000-7000-81%'"));
        assertEquals(223 + 68 + 35, fixtures.count("SELECT COUNT(*) FROM template_item WHERE id LIKE '00000000-0000-7000-82%'"));
    }

    @Test
    void theDatabaseItselfRefusesDuplicateEmailsAndOrphanStaff() {
        World world = fixtures.organisation();
        var sam = world.worker(world.teamA1(), "Sam", "Unique");
        assertThrows(RuntimeException.class, () -> fixtures.execute(
                "UPDATE staff SET email = (SELECT email FROM (SELECT email FROM staff WHERE id = ?) x) WHERE id = ?",
                sam.id(), world.worker(world.teamA1(), "Sam", "Twin").id()));
        assertThrows(RuntimeException.class, () -> fixtures.execute("UPDATE staff SET team_id = ? WHERE id = ?",
                "00000000-0000-0000-0000-000000000000", sam.id()));
    }
}

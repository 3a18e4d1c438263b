package uk.supervision.database;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded H2 default as a newcomer runs it (a file database, the administrator "sa" configured):
 * Flyway migrates as the administrator, and the service connects as the restricted user, again after a
 * restart; the grants are exactly the planned ones.
 */
class EmbeddedDefaultTest {
    @TempDir
    Path dir;

    @Test
    void theServiceConnectsAsARestrictedUserAndStillDoesAfterARestart() throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("supervision") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;AUTO_SERVER=FALSE";
        for (int start = 0; start < 2; start++) {
            try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", url,
                    "datasources.default.username", "sa", "datasources.default.password", ""), "test")) {
                DataSource pool = DelegatingDataSource.unwrapDataSource(context.getBean(DataSource.class));
                try (Connection c = pool.getConnection(); var st = c.createStatement()) {
                    var rs = st.executeQuery("SELECT CURRENT_USER");
                    rs.next();
                    assertEquals(DatabaseSetup.EMBEDDED_APP_USER, rs.getString(1).toLowerCase());
                    assertEquals(0, st.executeUpdate("UPDATE staff SET version = version WHERE id = 'none'"), "ordinary tables: full DML");
                    SQLException refused = assertThrows(SQLException.class, () -> st.executeUpdate("DELETE FROM signed_item"));
                    assertEquals(90096, refused.getErrorCode());
                    assertThrows(SQLException.class, () -> st.execute("DROP TABLE agreement"), "no DDL either");
                }
            }
        }
    }

    @Test
    void appendOnlyTablesGetInsertAndSelectOnlyAndFlywaysHistoryIsReadOnly() {
        List<String> grants = AppGrants.statements(List.of("agreement", "activity_log", "flyway_schema_history", "signed_item"),
                "supervision", "'app'@'%'", true);
        assertEquals(List.of(
                "GRANT SELECT, INSERT, UPDATE, DELETE ON `supervision`.`agreement` TO 'app'@'%'",
                "GRANT SELECT, INSERT ON `supervision`.`activity_log` TO 'app'@'%'",
                "GRANT SELECT ON `supervision`.`flyway_schema_history` TO 'app'@'%'",
                "GRANT SELECT, INSERT ON `supervision`.`signed_item` TO 'app'@'%'"), grants);
        assertTrue(AppGrants.APPEND_ONLY.containsAll(List.of("agreement_signature", "record_signature", "record_note", "activity_log", "signed_item")));
    }
}

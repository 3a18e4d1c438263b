package uk.supervision.testing;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Statements the application's own database account must not be allowed to run (append-only tables). */
public final class DatabaseRights {
    /** H2: not enough rights for object; MySQL/MariaDB: UPDATE/DELETE command denied to user for table. */
    private static final List<Integer> NO_RIGHTS = List.of(90096, 1142);

    private DatabaseRights() {
    }

    /** Runs the statement (one parameter, the key) through the application's pool and expects a refusal for lack of rights. */
    public static void assertRefused(DataSource dataSource, String what, String sql, String key) {
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (Connection app = DelegatingDataSource.unwrapDataSource(dataSource).getConnection(); var ps = app.prepareStatement(sql)) {
                app.setAutoCommit(true);
                ps.setString(1, key);
                ps.executeUpdate();
            }
        }, what + " must be refused by the database");
        assertTrue(NO_RIGHTS.contains(refused.getErrorCode()), what + ": refused for lack of rights, not " + refused.getErrorCode()
                + " " + refused.getMessage());
    }
}

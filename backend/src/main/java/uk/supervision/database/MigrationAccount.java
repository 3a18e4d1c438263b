package uk.supervision.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The account Flyway and the grants run as: owner of the schema, able to grant. The application itself
 * connects with a narrower account (see {@link DatabaseSetup}). separate is false when no migration
 * account was configured and the application's own account had to migrate: then nothing is enforced.
 */
public record MigrationAccount(String url, String user, String password, boolean separate) {
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }
}

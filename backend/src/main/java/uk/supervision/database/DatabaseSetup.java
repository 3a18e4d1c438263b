package uk.supervision.database;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.security.PasswordHasher;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Before the application's connection pool exists: Flyway migrates as the migration account, then the
 * application's account is granted its rights table by table (append-only tables: INSERT and SELECT only).
 * On the embedded H2 default the configured account is the administrator; the application is switched to
 * a restricted H2 user made here, so the embedded default enforces the same rules as MySQL.
 */
@Singleton
public class DatabaseSetup implements BeanCreatedEventListener<DatasourceConfiguration> {
    /** The restricted user the application connects as on the embedded H2 default. */
    public static final String EMBEDDED_APP_USER = "supervision_app";
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseSetup.class);

    private final MigrationAccount migration;

    public DatabaseSetup(MigrationAccount migration) {
        this.migration = migration;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration ds = event.getBean();
        if (!"default".equals(ds.getName())) {
            return ds;
        }
        Flyway.configure().dataSource(migration.url(), migration.user(), migration.password())
                .locations("classpath:db/migration").load().migrate();
        try {
            if (migration.isEmbedded()) {
                String password = embeddedAppPassword();
                grantEmbedded(password);
                ds.setUsername(EMBEDDED_APP_USER);
                ds.setPassword(password);
                ds.setUrl(embeddedAppUrl(migration.url()));
            } else if (migration.separate()) {
                grantMySql(ds.getUsername(), ds.getPassword());
            } else {
                LOG.warn("No migration account is configured (SUPERVISION_DB_MIGRATION_USER): the application's own database "
                        + "account migrated the schema and keeps every right on it, so the DATABASE DOES NOT ENFORCE that signed "
                        + "records, signatures, notes and the activity log are immutable. See the README, 'Running on MySQL or MariaDB'.");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant the application account its table rights: " + e.getMessage(), e);
        }
        return ds;
    }

    private void grantEmbedded(String password) throws SQLException {
        try (Connection c = migration.connect(); Statement st = c.createStatement()) {
            st.execute("CREATE USER IF NOT EXISTS " + EMBEDDED_APP_USER + " PASSWORD '" + password + "'");
            st.execute("ALTER USER " + EMBEDDED_APP_USER + " SET PASSWORD '" + password + "'");
            AppGrants.apply(c, c.getSchema(), EMBEDDED_APP_USER, false);
        }
    }

    private void grantMySql(String appUser, String appPassword) throws SQLException {
        if (appUser.equals(migration.user())) {
            LOG.warn("The migration account and the application account are the same ({}): the DATABASE DOES NOT ENFORCE "
                    + "that signed records are immutable.", appUser);
            return;
        }
        String grantee = AppGrants.mysqlAccount(migration.url(), appUser, appPassword);
        String schema;
        try (Connection c = migration.connect()) {
            schema = c.getCatalog();
            AppGrants.apply(c, schema, grantee, true);
        }
        List<String> wide = AppGrants.databaseWideRights(migration.url(), appUser, appPassword, schema);
        if (!wide.isEmpty()) {
            LOG.warn("The application account {} has database-wide rights that override its table grants, so the DATABASE "
                    + "DOES NOT ENFORCE that signed records are immutable: {}. Revoke them and restart.", grantee, wide);
        }
    }

    /**
     * The same database without the settings only its administrator may make (H2 applies URL settings on
     * every connection); the administrator's connection made them already.
     */
    static String embeddedAppUrl(String url) {
        return url.replaceAll("(?i);(DB_CLOSE_DELAY|DB_CLOSE_ON_EXIT|AUTO_SERVER)=[^;]*", "");
    }

    /** Derived from the administrator's credentials: stable across restarts and across nodes of one database. */
    private String embeddedAppPassword() {
        return PasswordHasher.sha256("supervision-app|" + migration.url() + "|" + migration.user() + "|" + migration.password());
    }
}

package uk.supervision.database;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives the application's database account exactly what it may do, table by table, after every
 * migration: INSERT and SELECT on the append-only tables (signed content, signatures, notes, the activity
 * log and its subjects, dated staff changes), full DML on the rest, SELECT only on Flyway's history. Grants are additive in MySQL, MariaDB and H2, so
 * a database-wide grant would override this: the check at the end says so loudly if one is found.
 */
public final class AppGrants {
    /** Written once, never changed or removed by the application. */
    public static final Set<String> APPEND_ONLY = Set.of("signed_item", "agreement_signature", "record_signature",
            "record_note", "activity_log", "activity_log_subject", "staff_attribute_change",
            "case_discussion_signature", "case_decision", "case_decision_acknowledgement", "webhook_attempt",
            "file_audit_signature", "file_audit_rating", "questionnaire_response", "questionnaire_answer",
            "audit_sample", "audit_sample_file");
    private static final Logger LOG = LoggerFactory.getLogger(AppGrants.class);
    private static final String READ_ONLY = "flyway_schema_history";

    private AppGrants() {
    }

    /** The grants for every table of the migration account's schema, as the statements they run. */
    static List<String> statements(List<String> tables, String schema, String grantee, boolean mysql) {
        List<String> out = new ArrayList<>();
        for (String table : tables) {
            String name = table.toLowerCase(Locale.ROOT);
            String qualified = mysql ? "`" + schema + "`.`" + name + "`" : name;
            String rights = name.equals(READ_ONLY) ? "SELECT" : APPEND_ONLY.contains(name) ? "SELECT, INSERT" : "SELECT, INSERT, UPDATE, DELETE";
            out.add("GRANT " + rights
                    + " ON " + qualified + " TO " + grantee);
        }
        return out;
    }

    /** Revokes the rights an append-only table must not have (left from an older grant), then grants. */
    static void apply(Connection migration, String schema, String grantee, boolean mysql) throws SQLException {
        List<String> tables = tables(migration, schema);
        try (Statement st = migration.createStatement()) {
            for (String table : tables) {
                if (APPEND_ONLY.contains(table.toLowerCase(Locale.ROOT))) {
                    String qualified = mysql ? "`" + schema + "`.`" + table.toLowerCase(Locale.ROOT) + "`" : table.toLowerCase(Locale.ROOT);
                    try {
                        st.execute("REVOKE UPDATE, DELETE ON " + qualified + " FROM " + grantee);
                    } catch (SQLException none) {
                        // Nothing to revoke: the usual case.
                    }
                }
            }
            for (String sql : statements(tables, schema, grantee, mysql)) {
                st.execute(sql);
            }
        }
        LOG.info("Granted the application account {} table rights on {} tables ({} append-only)", grantee, tables.size(),
                tables.stream().filter(t -> APPEND_ONLY.contains(t.toLowerCase(Locale.ROOT))).count());
    }

    static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (var ps = c.prepareStatement("SELECT table_name FROM information_schema.tables WHERE table_schema = ? "
                + "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The MySQL account the application's credentials sign in as ('user'@'host'), asked of the server
     * itself without naming the database, which the account may not be able to open before its grants.
     */
    static String mysqlAccount(String url, String user, String password) throws SQLException {
        String serverOnly = url.replaceFirst("^(jdbc:(?:mysql|mariadb)://[^/?]+)/[^?]*", "$1/");
        try (Connection c = DriverManager.getConnection(serverOnly, user, password);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT CURRENT_USER()")) {
            rs.next();
            String current = rs.getString(1);
            int at = current.lastIndexOf('@');
            return quote(current.substring(0, at)) + "@" + quote(current.substring(at + 1));
        }
    }

    /** Database-wide rights of the application account that would override the table grants, if any. */
    static List<String> databaseWideRights(String url, String user, String password, String schema) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, user, password);
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SHOW GRANTS")) {
            while (rs.next()) {
                String grant = rs.getString(1);
                String upper = grant.toUpperCase(Locale.ROOT);
                boolean wide = upper.contains(" ON *.*") || upper.contains(" ON `" + schema.toUpperCase(Locale.ROOT) + "`.*");
                boolean writes = upper.contains("ALL PRIVILEGES") || upper.contains("UPDATE") || upper.contains("DELETE");
                if (wide && writes) {
                    out.add(grant);
                }
            }
        }
        return out;
    }

    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}

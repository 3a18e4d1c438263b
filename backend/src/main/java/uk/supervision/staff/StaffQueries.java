package uk.supervision.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.api.model.StaffRef;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.support.Sql;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff reads in SQL: the access scope and the filters become one WHERE clause, pages are keyset
 * (family name, given name, id) so deep pages cost the same as the first, and the page's current
 * supervisors come in one further query (never one per row).
 */
@Singleton
public class StaffQueries {
    private static final String COLUMNS = "s.id, s.organisation_id, s.team_id, s.service_id, s.external_ref, s.given_name, "
            + "s.family_name, s.email, s.job_title, s.category, s.employment_type, s.weekly_hours, s.employment_start_date, "
            + "s.post_start_date, s.carries_caseload, s.caseload_size, s.leaving_date, s.leaving_reason, s.version, "
            + "s.created_at, s.updated_at, t.name AS team_name, v.name AS service_name, s.supervision_training_completed_on";
    private static final String FROM = " FROM staff s LEFT JOIN team t ON t.id = s.team_id LEFT JOIN service v ON v.id = s.service_id";

    private final JdbcOperations jdbc;

    public StaffQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The list's filters; the date bounds are inclusive and null when not asked for. */
    public record Filter(String teamId, String serviceId, String category, String employmentType, String status,
                         String text, LocalDate today, LocalDate leavingFrom, LocalDate leavingTo,
                         LocalDate postStartFrom, LocalDate postStartTo) {
        public Filter(String teamId, String serviceId, String category, String employmentType, String status,
                      String text, LocalDate today) {
            this(teamId, serviceId, category, employmentType, status, text, today, null, null, null, null);
        }
    }

    public record Keyset(String familyName, String givenName, String id) {
    }

    public Optional<StaffView> find(String organisationId, String staffId, LocalDate today) {
        List<StaffView> rows = jdbc.prepareStatement("SELECT " + COLUMNS + FROM + " WHERE s.id = ? AND s.organisation_id = ?", ps -> {
            ps.setString(1, staffId);
            ps.setString(2, organisationId);
            return read(ps);
        });
        return withSupervisors(rows, today).stream().findFirst();
    }

    public List<StaffView> page(String organisationId, StaffScope scope, Filter filter, Keyset after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT ").append(COLUMNS).append(FROM).append(" WHERE s.organisation_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        sql.append(scope.sql("s.service_id", "s.id", args));
        if (filter.teamId() != null) {
            sql.append(" AND s.team_id = ?");
            args.add(filter.teamId());
        }
        if (filter.serviceId() != null) {
            sql.append(" AND s.service_id = ?");
            args.add(filter.serviceId());
        }
        if (filter.category() != null) {
            sql.append(" AND s.category = ?");
            args.add(filter.category());
        }
        if (filter.employmentType() != null) {
            sql.append(" AND s.employment_type = ?");
            args.add(filter.employmentType());
        }
        switch (filter.status()) {
            case "leavers" -> sql.append(" AND s.leaving_date IS NOT NULL");
            case "all" -> { }
            default -> {
                sql.append(" AND (s.leaving_date IS NULL OR s.leaving_date >= ?)");
                args.add(filter.today());
            }
        }
        // HR's home asks who leaves or started in a window: filtered here, never on a first page in the browser.
        range(sql, args, "s.leaving_date", filter.leavingFrom(), filter.leavingTo());
        range(sql, args, "s.post_start_date", filter.postStartFrom(), filter.postStartTo());
        if (filter.text() != null && !filter.text().isBlank()) {
            String like = "%" + filter.text().trim().toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            sql.append(" AND (LOWER(s.given_name) LIKE ? OR LOWER(s.family_name) LIKE ? OR LOWER(s.email) LIKE ?"
                    + " OR LOWER(CONCAT(s.given_name, ' ', s.family_name)) LIKE ?)");
            Collections.addAll(args, like, like, like, like);
        }
        if (after != null) {
            sql.append(" AND (s.family_name > ? OR (s.family_name = ? AND (s.given_name > ? OR (s.given_name = ? AND s.id > ?))))");
            Collections.addAll(args, after.familyName(), after.familyName(), after.givenName(), after.givenName(), after.id());
        }
        sql.append(" ORDER BY s.family_name, s.given_name, s.id LIMIT ?");
        args.add(limit);
        List<StaffView> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            bind(ps, args);
            return read(ps);
        });
        return withSupervisors(rows, filter.today());
    }

    private static void range(StringBuilder sql, List<Object> args, String column, LocalDate from, LocalDate to) {
        if (from != null) {
            sql.append(" AND ").append(column).append(" >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND ").append(column).append(" <= ?");
            args.add(to);
        }
    }

    /** Current supervisors of these staff, one query for the lot. */
    public Map<String, StaffRef> currentSupervisors(Collection<String> staffIds, LocalDate today) {
        Map<String, StaffRef> out = new HashMap<>();
        if (staffIds.isEmpty()) {
            return out;
        }
        String sql = "SELECT r.supervisee_id, p.id, p.given_name, p.family_name, p.job_title FROM supervision_relation r "
                + "JOIN staff p ON p.id = r.supervisor_id WHERE r.supervisee_id IN (" + Sql.placeholders(staffIds.size()) + ") "
                + "AND r.from_date <= ? AND (r.to_date IS NULL OR r.to_date >= ?) ORDER BY r.from_date";
        List<Object> args = new ArrayList<>(staffIds);
        args.add(today);
        args.add(today);
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StaffRef ref = new StaffRef(UUID.fromString(rs.getString(2)), rs.getString(3) + " " + rs.getString(4));
                    ref.setJobTitle(rs.getString(5));
                    out.put(rs.getString(1), ref);
                }
            }
            return out;
        });
    }

    private List<StaffView> withSupervisors(List<StaffView> rows, LocalDate today) {
        Map<String, StaffRef> supervisors = currentSupervisors(rows.stream().map(v -> v.staff().id()).toList(), today);
        return rows.stream().map(v -> v.withSupervisor(supervisors.get(v.staff().id()))).toList();
    }

    /** Keeps the day supervision training was completed (null: not yet); the row's other columns are untouched. */
    public void setTrainingCompletedOn(String staffId, LocalDate completedOn) {
        jdbc.prepareStatement("UPDATE staff SET supervision_training_completed_on = ? WHERE id = ?", ps -> {
            ps.setDate(1, completedOn == null ? null : Date.valueOf(completedOn));
            ps.setString(2, staffId);
            return ps.executeUpdate();
        });
    }

    private static List<StaffView> read(PreparedStatement ps) throws SQLException {
        List<StaffView> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Staff s = new Staff(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getBigDecimal(12), localDate(rs.getDate(13)), localDate(rs.getDate(14)),
                        rs.getBoolean(15), rs.getObject(16) == null ? null : rs.getInt(16),
                        localDate(rs.getDate(17)), rs.getString(18), rs.getInt(19),
                        instant(rs.getTimestamp(20)), instant(rs.getTimestamp(21)));
                Date trained = rs.getDate(24);
                out.add(new StaffView(s, rs.getString(22), rs.getString(23), null, trained == null ? null : trained.toLocalDate()));
            }
        }
        return out;
    }

    private static LocalDate localDate(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else if (a instanceof BigDecimal b) {
                ps.setBigDecimal(i + 1, b);
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

}

package uk.supervision.activitylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages of the activity log, newest first by (occurred_at, id), with a keyset cursor. A subject
 * filter walks activity_log_subject's (subject, occurred_at, id) index; the others use the log's
 * indexes on organisation, record and actor.
 */
@Singleton
public class ActivityQueries {
    private final JdbcOperations jdbc;

    public ActivityQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** What to look for; null means "any". The period is [from, to). */
    public record Filter(String organisationId, String subjectId, String recordType, String recordId, String actorAccountId,
                         Instant from, Instant to) {
    }

    public record Subject(String staffId, String displayName) {
    }

    public record Row(long id, Instant occurredAt, String action, String actorAccountId, String actorClientId, String actorStaffId,
                      String actorRoles, String actorName, String recordType, String recordId, String summary, String requestId,
                      String remoteAddress, List<Subject> subjects) {
    }

    public record Page(List<Row> rows, String nextCursor) {
    }

    /** Runs in the caller's transaction; the cursor must be one the same list issued. */
    public Page page(CursorList list, Filter filter, String cursor, int size) {
        boolean bySubject = filter.subjectId() != null;
        String time = bySubject ? "s.occurred_at" : "l.occurred_at";
        String id = bySubject ? "s.activity_id" : "l.id";
        StringBuilder sql = new StringBuilder("SELECT l.id, l.occurred_at, l.action, l.actor_account_id, l.actor_client_id, l.actor_staff_id, "
                + "l.actor_roles, a.display_name, l.entity_type, l.entity_id, l.summary, l.request_id, l.remote_address FROM ");
        sql.append(bySubject ? "activity_log_subject s JOIN activity_log l ON l.id = s.activity_id" : "activity_log l");
        sql.append(" LEFT JOIN account a ON a.id = l.actor_account_id WHERE l.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(filter.organisationId()));
        if (bySubject) {
            sql.append(" AND s.subject_staff_id = ?");
            args.add(filter.subjectId());
        }
        if (filter.recordType() != null) {
            // The search names a record by type and id together; /me/activity filters by the type alone.
            sql.append(" AND l.entity_type = ?");
            args.add(filter.recordType());
            if (filter.recordId() != null) {
                sql.append(" AND l.entity_id = ?");
                args.add(filter.recordId());
            }
        }
        if (filter.actorAccountId() != null) {
            sql.append(" AND l.actor_account_id = ?");
            args.add(filter.actorAccountId());
        }
        if (filter.from() != null) {
            sql.append(" AND ").append(time).append(" >= ?");
            args.add(Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND ").append(time).append(" < ?");
            args.add(Timestamp.from(filter.to()));
        }
        Key after = Key.decode(list, cursor);
        if (after != null) {
            sql.append(" AND (").append(time).append(" < ? OR (").append(time).append(" = ? AND ").append(id).append(" < ?))");
            args.add(Timestamp.from(after.at()));
            args.add(Timestamp.from(after.at()));
            args.add(after.id());
        }
        sql.append(" ORDER BY ").append(time).append(" DESC, ").append(id).append(" DESC LIMIT ?");
        args.add(size + 1);
        List<Row> rows = query(sql.toString(), args);
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        page = withSubjects(page);
        Row last = page.isEmpty() ? null : page.get(page.size() - 1);
        return new Page(page, more ? Cursor.encode(list, last.occurredAt(), last.id()) : null);
    }

    private List<Row> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
                List.of());
    }

    private List<Row> withSubjects(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        List<Object> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.id()));
        Map<Long, List<Subject>> byLog = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT s.activity_id, s.subject_staff_id, CONCAT(st.given_name, ' ', st.family_name) FROM activity_log_subject s "
                + "LEFT JOIN staff st ON st.id = s.subject_staff_id WHERE s.activity_id IN (" + Sql.placeholders(ids.size()) + ") "
                + "ORDER BY s.activity_id, s.subject_staff_id", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setObject(i + 1, ids.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byLog.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new Subject(rs.getString(2), rs.getString(3)));
                }
            }
            return null;
        });
        return rows.stream().map(r -> new Row(r.id(), r.occurredAt(), r.action(), r.actorAccountId(), r.actorClientId(), r.actorStaffId(),
                r.actorRoles(), r.actorName(), r.recordType(), r.recordId(), r.summary(), r.requestId(), r.remoteAddress(),
                byLog.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Instants every engine stores: from 1970 to the end of 9999. */
    public static boolean inRange(Instant at) {
        return !at.isBefore(Instant.EPOCH) && at.isBefore(LAST);
    }

    private static final Instant LAST = Instant.parse("9999-12-31T00:00:00Z");

    /** The sort key of the last row of a page. */
    private record Key(Instant at, long id) {
        static Key decode(CursorList list, String cursor) {
            return Cursor.decode(list, cursor, 2, parts -> {
                Key key = new Key(Instant.parse(parts.get(0)), Long.parseLong(parts.get(1)));
                if (!inRange(key.at())) {
                    throw new IllegalArgumentException("out of range");
                }
                return key;
            });
        }
    }
}

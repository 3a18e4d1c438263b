package uk.supervision.decision;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionDefinition;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.CaseDecision;
import uk.supervision.api.model.CaseDecisionKind;
import uk.supervision.api.model.CaseDecisionPage;
import uk.supervision.api.model.ChildRef;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.TeamRef;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The feed of signed decisions the case-management system files from, oldest first by feed position (positions
 * commit in order, see DecisionFiling), and its acknowledgements. One query per page: the names come joined.
 * Machine clients read the whole organisation; people a management decision when they may read its worker's
 * records, and a case discussion's decision when they may read the discussion (AccessPolicy.decisionsSql in
 * SQL, canReadDecision again on each row returned). Every read of a page or a decision is logged.
 */
@Singleton
public class CaseDecisionFeed {
    private static final String SELECT = "SELECT d.id, d.kind, d.child_id, c.name, c.case_number, d.decision_text, d.rationale,"
            + " d.made_by_staff_id, m.given_name, m.family_name, d.worker_staff_id, w.given_name, w.family_name, d.team_id, t.name,"
            + " d.decided_at, d.signed_at, d.case_discussion_id, a.acknowledged_at, a.filed_as, d.feed_position, d.organisation_id,"
            + " w.service_id, cd.supervisee_id, cd.supervisor_id, sv.service_id"
            + " FROM case_decision d JOIN child c ON c.id = d.child_id JOIN staff m ON m.id = d.made_by_staff_id"
            + " JOIN staff w ON w.id = d.worker_staff_id LEFT JOIN team t ON t.id = d.team_id"
            + " LEFT JOIN case_discussion cd ON cd.id = d.case_discussion_id LEFT JOIN staff sv ON sv.id = cd.supervisor_id"
            + " LEFT JOIN case_decision_acknowledgement a ON a.decision_id = d.id";
    static final String RECORD_TYPE = "case_decision";

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final Clock clock;

    public CaseDecisionFeed(JdbcOperations jdbc, AccessPolicy access, ActivityLog activityLog, ReadLog readLog, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.clock = clock;
    }

    /**
     * One row as read, with what the access check needs: the worker, and for a case discussion's decision the
     * discussion's parties and its supervisor (null for a management decision).
     */
    private record Row(CaseDecision view, long position, String organisationId, Staff worker,
                       AccessPolicy.Parties discussion, Staff supervisor) {
    }

    /** A page of the feed; the read is logged (who read whose decisions) in the same read-write transaction. */
    @Transactional
    public CaseDecisionPage list(Caller caller, Integer limit, String cursor, Boolean acknowledged, UUID childId, UUID teamId) {
        access.requireReadDecisions(caller);
        int size = Cursor.limit(limit);
        Long after = Cursor.decode(CursorList.CASE_DECISIONS, cursor, 1, keys -> Long.parseLong(keys.get(0)));
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder(SELECT).append(" WHERE d.organisation_id = ?");
        args.add(caller.organisationId());
        if (after != null) {
            sql.append(" AND d.feed_position > ?");
            args.add(after);
        }
        if (acknowledged != null) {
            sql.append(acknowledged ? " AND a.decision_id IS NOT NULL" : " AND a.decision_id IS NULL");
        }
        if (childId != null) {
            sql.append(" AND d.child_id = ?");
            args.add(childId.toString());
        }
        if (teamId != null) {
            sql.append(" AND d.team_id = ?");
            args.add(teamId.toString());
        }
        if (!caller.isClient()) {
            sql.append(access.decisionsSql(caller, "d.case_discussion_id", "w.service_id", "d.worker_staff_id",
                    "cd.supervisee_id", "cd.supervisor_id", "sv.service_id", args));
        }
        sql.append(" ORDER BY d.feed_position LIMIT ?");
        args.add(size + 1);
        List<Row> rows = query(sql.toString(), args);
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        List<Row> readable = page.stream().filter(r -> canRead(caller, r)).toList();
        readLog.record(caller, RecordRead.list(RECORD_TYPE, readable.stream().map(r -> r.worker().id()).toList(), readable.size()));
        CaseDecisionPage out = new CaseDecisionPage(readable.stream().map(Row::view).toList());
        if (more) {
            out.setNextCursor(Cursor.encode(CursorList.CASE_DECISIONS, page.get(page.size() - 1).position()));
        }
        return out;
    }

    /** One decision; the read is logged in the same read-write transaction. */
    @Transactional
    public CaseDecision get(Caller caller, String id) {
        access.requireReadDecisions(caller);
        Row row = readable(caller, id);
        readLog.record(caller, RecordRead.one(RECORD_TYPE, id, List.of(row.worker().id())));
        return row.view();
    }

    /** The decision as just recorded by the caller (not a read of someone's records: nothing logged). */
    CaseDecision recorded(Caller caller, String id) {
        return readable(caller, id).view();
    }

    /**
     * The first acknowledgement is kept. The acknowledgement's primary key is the decision id: of two at once,
     * INSERT IGNORE lets one in and the other finds it, so both answer with the stored one. READ_COMMITTED:
     * under MariaDB's REPEATABLE READ the loser's re-read would see its snapshot from before the winner's commit,
     * and answer without the acknowledgement.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public CaseDecision acknowledge(Caller caller, String id, String filedAs) {
        access.requireAcknowledgeDecision(caller);
        readable(caller, id);
        int inserted = jdbc.prepareStatement("INSERT IGNORE INTO case_decision_acknowledgement (decision_id, organisation_id, client_id,"
                + " filed_as, acknowledged_at) VALUES (?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, caller.organisationId());
            ps.setString(3, caller.clientId());
            ps.setString(4, filedAs == null || filedAs.isBlank() ? null : filedAs.strip());
            ps.setTimestamp(5, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
        activityLog.record(caller, inserted == 1 ? "CASE_DECISION_ACKNOWLEDGED" : "CASE_DECISION_ACKNOWLEDGED_AGAIN",
                "case_decision", id, filedAs == null ? null : "filed as " + filedAs);
        return readable(caller, id).view();
    }

    private Row readable(Caller caller, String id) {
        List<Row> found = query(SELECT + " WHERE d.id = ?", List.of(id));
        if (found.isEmpty() || !canRead(caller, found.get(0))) {
            // Another organisation's decision, or one the caller may not read, is as absent as a missing one.
            if (!found.isEmpty() && caller.organisationId() != null && caller.organisationId().equals(found.get(0).organisationId())) {
                throw Problems.forbidden("Decisions about children are read by the people in supervision with this worker, their managers and quality assurance.");
            }
            throw Problems.notFound("decision");
        }
        return found.get(0);
    }

    private boolean canRead(Caller caller, Row r) {
        return access.canReadDecision(caller, r.organisationId(), r.worker(), r.discussion(), r.supervisor());
    }

    private List<Row> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        CaseDecision d = new CaseDecision(UUID.fromString(rs.getString(1)), CaseDecisionKind.fromValue(rs.getString(2)),
                new ChildRef(UUID.fromString(rs.getString(3)), rs.getString(4), rs.getString(5)), rs.getString(6),
                new StaffRef(UUID.fromString(rs.getString(8)), rs.getString(9) + " " + rs.getString(10)),
                utc(rs.getTimestamp(16)), utc(rs.getTimestamp(17)));
        d.setRationale(rs.getString(7));
        d.setWorker(new StaffRef(UUID.fromString(rs.getString(11)), rs.getString(12) + " " + rs.getString(13)));
        if (rs.getString(14) != null) {
            d.setTeam(new TeamRef(UUID.fromString(rs.getString(14)), rs.getString(15)));
        }
        if (rs.getString(18) != null) {
            d.setCaseDiscussionId(UUID.fromString(rs.getString(18)));
        }
        if (rs.getTimestamp(19) != null) {
            d.setAcknowledgedAt(utc(rs.getTimestamp(19)));
            d.setFiledAs(rs.getString(20));
        }
        // Enough of the worker for the access rule (service and id), read in the same query.
        Staff worker = new Staff(rs.getString(11), rs.getString(22), null, rs.getString(23), null, rs.getString(12),
                rs.getString(13), null, null, null, null, null, null, null, false, 0, null, null, 0, null, null);
        AccessPolicy.Parties discussion = null;
        Staff supervisor = null;
        if (rs.getString(18) != null) {
            discussion = new AccessPolicy.Parties(rs.getString(22), List.of(rs.getString(24)), rs.getString(25));
            supervisor = new Staff(rs.getString(25), rs.getString(22), null, rs.getString(26), null, null,
                    null, null, null, null, null, null, null, null, false, 0, null, null, 0, null, null);
        }
        return new Row(d, rs.getLong(21), rs.getString(22), worker, discussion, supervisor);
    }

    private static java.time.OffsetDateTime utc(Timestamp t) {
        return t.toInstant().atOffset(ZoneOffset.UTC);
    }
}

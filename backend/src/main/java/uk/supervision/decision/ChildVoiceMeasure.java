package uk.supervision.decision;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.ChildViewReason;
import uk.supervision.api.model.ChildVoiceRecorded;
import uk.supervision.api.model.ChildVoiceRecordedCounts;
import uk.supervision.api.model.ChildVoiceRecordedRow;
import uk.supervision.api.model.TeamRef;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Sql;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The child's voice reported apart (issue 8): per team of the supervisee, the signed case discussions in the
 * period, those with the child's view recorded, and those with a reason given, per reason (docs/measures.md).
 * A discussion with a reason is counted under its reason, never as recorded. One query over case_discussion.
 */
@Singleton
public class ChildVoiceMeasure {
    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final Clock clock;

    public ChildVoiceMeasure(JdbcOperations jdbc, AccessPolicy access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    /** The reason as stored in the discussion's content (compact JSON); an escaped quote in free text never matches. */
    private static String reason(ChildViewReason r) {
        return "cd.content_json LIKE '%\"reason\":\"" + r.getValue() + "\"%'";
    }

    @Transactional(readOnly = true)
    public ChildVoiceRecorded measure(Caller caller, LocalDate from, LocalDate to) {
        AccessPolicy.TeamScope scope = access.decisionsFiledScope(caller);
        LocalDate last = to == null ? LocalDate.now(clock) : to;
        LocalDate first = from == null ? last.minusDays(DecisionsFiledMeasure.DEFAULT_DAYS - 1L) : from;
        if (last.isBefore(first)) {
            throw Problems.rule("#to", "The end of the period cannot be before its start.");
        }
        List<ChildVoiceRecordedRow> rows = scope.allTeams() || !scope.serviceIds().isEmpty() || !scope.teamIds().isEmpty()
                ? count(caller.organisationId(), scope, first, last) : List.of();
        int[] t = new int[6];
        for (ChildVoiceRecordedRow r : rows) {
            t[0] += r.getSigned();
            t[1] += r.getViewRecorded();
            t[2] += r.getReasonGiven();
            t[3] += r.getTooYoung();
            t[4] += r.getNotSeenSinceLastDiscussion();
            t[5] += r.getDeclined();
        }
        ChildVoiceRecordedCounts total = new ChildVoiceRecordedCounts(t[0], t[1], t[2], t[3], t[4], t[5]);
        if (t[0] > 0) {
            total.setShare((double) t[1] / t[0]);
        }
        return new ChildVoiceRecorded(first, last, rows, total);
    }

    private List<ChildVoiceRecordedRow> count(String organisationId, AccessPolicy.TeamScope scope, LocalDate first, LocalDate last) {
        Timestamp start = Timestamp.from(first.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        List<Object> args = new ArrayList<>(List.of(organisationId, start, end));
        String anyReason = "(" + reason(ChildViewReason.TOO_YOUNG) + " OR " + reason(ChildViewReason.NOT_SEEN_SINCE_LAST_DISCUSSION)
                + " OR " + reason(ChildViewReason.DECLINED) + ")";
        StringBuilder sql = new StringBuilder("SELECT s.team_id, t.name, COUNT(*),"
                + " SUM(CASE WHEN cd.child_view_status = 'RECORDED' AND NOT " + anyReason + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + reason(ChildViewReason.TOO_YOUNG) + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + reason(ChildViewReason.NOT_SEEN_SINCE_LAST_DISCUSSION) + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN " + reason(ChildViewReason.DECLINED) + " THEN 1 ELSE 0 END)"
                + " FROM case_discussion cd JOIN staff s ON s.id = cd.supervisee_id JOIN team t ON t.id = s.team_id"
                + " WHERE cd.organisation_id = ? AND cd.status = 'SIGNED' AND cd.signed_at >= ? AND cd.signed_at < ?");
        if (!scope.allTeams()) {
            List<String> any = new ArrayList<>();
            if (!scope.teamIds().isEmpty()) {
                any.add("s.team_id IN (" + Sql.placeholders(scope.teamIds().size()) + ")");
                args.addAll(scope.teamIds());
            }
            if (!scope.serviceIds().isEmpty()) {
                any.add("t.service_id IN (" + Sql.placeholders(scope.serviceIds().size()) + ")");
                args.addAll(scope.serviceIds());
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        sql.append(" GROUP BY s.team_id, t.name ORDER BY t.name, s.team_id");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<ChildVoiceRecordedRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int reasons = rs.getInt(5) + rs.getInt(6) + rs.getInt(7);
                    ChildVoiceRecordedRow row = new ChildVoiceRecordedRow(new TeamRef(UUID.fromString(rs.getString(1)), rs.getString(2)),
                            rs.getInt(3), rs.getInt(4), reasons, rs.getInt(5), rs.getInt(6), rs.getInt(7));
                    row.setShare((double) row.getViewRecorded() / row.getSigned());
                    out.add(row);
                }
            }
            return out;
        });
    }
}

package uk.supervision.decision;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.DecisionsFiled;
import uk.supervision.api.model.DecisionsFiledRow;
import uk.supervision.api.model.DecisionsFiledTotal;
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
 * Per team, the share of signed decisions the case-management system acknowledged within 24 hours of signing
 * (docs/measures.md). Counted in SQL over the index (organisation_id, team_id, signed_at), one query.
 */
@Singleton
public class DecisionsFiledMeasure {
    static final int HOURS_ALLOWED = 24;
    /** The default period: the last 30 days, today included. */
    static final int DEFAULT_DAYS = 30;

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final Clock clock;

    public DecisionsFiledMeasure(JdbcOperations jdbc, AccessPolicy access, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public DecisionsFiled measure(Caller caller, LocalDate from, LocalDate to) {
        AccessPolicy.TeamScope scope = access.decisionsFiledScope(caller);
        LocalDate today = LocalDate.now(clock);
        LocalDate last = to == null ? today : to;
        LocalDate first = from == null ? last.minusDays(DEFAULT_DAYS - 1L) : from;
        if (last.isBefore(first)) {
            throw Problems.rule("#to", "The end of the period cannot be before its start.");
        }
        List<DecisionsFiledRow> rows = new ArrayList<>();
        if (scope.allTeams() || !scope.serviceIds().isEmpty() || !scope.teamIds().isEmpty()) {
            rows = count(caller.organisationId(), scope, first, last);
        }
        int[] total = new int[5];
        for (DecisionsFiledRow r : rows) {
            total[0] += r.getSigned();
            total[1] += r.getAcknowledgedWithin24Hours();
            total[2] += r.getAcknowledgedLater();
            total[3] += r.getWaiting();
            total[4] += r.getNotYetDue();
        }
        DecisionsFiledTotal sum = new DecisionsFiledTotal(total[0], total[1], total[2], total[3], total[4]);
        if (total[0] - total[4] > 0) {
            sum.setShare((double) total[1] / (total[0] - total[4]));
        }
        return new DecisionsFiled(first, last, HOURS_ALLOWED, rows, sum);
    }

    private List<DecisionsFiledRow> count(String organisationId, AccessPolicy.TeamScope scope, LocalDate first, LocalDate last) {
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp start = Timestamp.from(first.atStartOfDay(clock.getZone()).toInstant());
        Timestamp end = Timestamp.from(last.plusDays(1).atStartOfDay(clock.getZone()).toInstant());
        List<Object> args = new ArrayList<>(List.of(now, now, organisationId, start, end));
        String due = "TIMESTAMPADD(HOUR, " + HOURS_ALLOWED + ", d.signed_at)";
        StringBuilder sql = new StringBuilder("SELECT d.team_id, t.name, COUNT(*),"
                + " SUM(CASE WHEN a.acknowledged_at IS NOT NULL AND a.acknowledged_at <= " + due + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.acknowledged_at IS NOT NULL AND a.acknowledged_at > " + due + " THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.acknowledged_at IS NULL AND " + due + " <= ? THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN a.acknowledged_at IS NULL AND " + due + " > ? THEN 1 ELSE 0 END)"
                + " FROM case_decision d JOIN team t ON t.id = d.team_id"
                + " LEFT JOIN case_decision_acknowledgement a ON a.decision_id = d.id"
                + " WHERE d.organisation_id = ? AND d.team_id IS NOT NULL AND d.signed_at >= ? AND d.signed_at < ?");
        if (!scope.allTeams()) {
            List<String> any = new ArrayList<>();
            if (!scope.teamIds().isEmpty()) {
                any.add("d.team_id IN (" + Sql.placeholders(scope.teamIds().size()) + ")");
                args.addAll(scope.teamIds());
            }
            if (!scope.serviceIds().isEmpty()) {
                any.add("t.service_id IN (" + Sql.placeholders(scope.serviceIds().size()) + ")");
                args.addAll(scope.serviceIds());
            }
            sql.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        sql.append(" GROUP BY d.team_id, t.name ORDER BY t.name, d.team_id");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<DecisionsFiledRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DecisionsFiledRow row = new DecisionsFiledRow(new TeamRef(UUID.fromString(rs.getString(1)), rs.getString(2)),
                            rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7));
                    int counted = row.getSigned() - row.getNotYetDue();
                    if (counted > 0) {
                        row.setShare((double) row.getAcknowledgedWithin24Hours() / counted);
                    }
                    out.add(row);
                }
            }
            return out;
        });
    }
}

package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.measure.SourceSql.By;
import uk.supervision.measure.SourceSql.Row;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decisions filed on the child's record within 24 hours of signing, as the decisions-filed dashboard counts them
 * (docs/measures.md): placed in the team the decision copied when signed (case_decision.team_id) and that team's
 * service; a person's figure is the decisions about them as the worker. Two queries: the month facts of the
 * decisions signed and acknowledged in time (decision 0037), and, live, the last day's decisions not yet due.
 */
@Singleton
@Transactional(readOnly = true)
public class DecisionMeasures extends GroupedSource implements FactSource {
    static final String FILED_WITHIN_24_HOURS = "decisions.filedWithin24Hours";
    static final int HOURS_ALLOWED = 24;

    private static final List<MeasureDef> DEFINITIONS = List.of(
            new MeasureDef(FILED_WITHIN_24_HOURS, "Decisions on the child's record within 24 hours", MeasureGroup.CASE_DISCUSSIONS,
                    MeasureKind.SHARE, MeasureUnit.DECISIONS, false, 1.0, false));

    private static final String FROM = "case_decision d LEFT JOIN team t ON t.id = d.team_id"
            + " LEFT JOIN case_decision_acknowledgement a ON a.decision_id = d.id";
    private static final String DUE = "TIMESTAMPADD(HOUR, " + HOURS_ALLOWED + ", d.signed_at)";
    private static final SourceSql.Cols COLS = new SourceSql.Cols("t.service_id", "d.team_id", "d.worker_staff_id");

    private final JdbcOperations jdbc;
    private final Clock clock;

    public DecisionMeasures(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<MeasureDef> definitions() {
        return DEFINITIONS;
    }

    @Override
    Loaded load(MeasureTarget scope, MeasurePeriod period, By by, Set<String> keys) {
        // Not yet due depends on now: counted live over the last day's decisions (few, and indexed by signing time).
        Timestamp now = Timestamp.from(clock.instant());
        Timestamp dayAgo = Timestamp.from(clock.instant().minus(Duration.ofHours(HOURS_ALLOWED + 1)));
        SourceSql.Spec waiting = new SourceSql.Spec(null, FROM, "d.organisation_id = ? AND d.signed_at > ? AND a.acknowledged_at IS NULL"
                + " AND " + DUE + " > ?", List.of(scope.organisationId(), dayAgo, now), "d.signed_at", COLS, List.of(), List.of("1"),
                List.of(), List.of("SUM(v0)"));
        return new Loaded(List.of(SourceSql.query(jdbc, spec(scope.organisationId()), scope, period, by),
                SourceSql.query(jdbc, waiting, scope, period, by)));
    }

    /** Decisions signed, and acknowledged in time: neither changes with the passing of time, so both are facts. */
    private static SourceSql.Spec spec(String organisationId) {
        return new SourceSql.Spec("decisions", FROM, "d.organisation_id = ?", List.of(organisationId), "d.signed_at", COLS, List.of(),
                List.of("1", "CASE WHEN a.acknowledged_at IS NOT NULL AND a.acknowledged_at <= " + DUE + " THEN 1 ELSE 0 END"),
                List.of(), List.of("SUM(v0)", "SUM(v1)"));
    }

    @Override
    public List<SourceSql.Spec> factSpecs(String organisationId) {
        return List.of(spec(organisationId));
    }

    /** Decisions signed, and decisions acknowledged (both written once, at the time they record). */
    @Override
    public SourceFacts.Changes changedSince(String organisationId, Timestamp since) {
        return new SourceFacts.Changes("SELECT signed_at FROM case_decision WHERE organisation_id = ? AND signed_at > ?"
                + " UNION SELECT d.signed_at FROM case_decision_acknowledgement a JOIN case_decision d ON d.id = a.decision_id"
                + " WHERE a.organisation_id = ? AND a.acknowledged_at > ?", List.of(organisationId, since, organisationId, since));
    }

    @Override
    Map<String, Figure> fold(Object context, List<List<Row>> rows, Set<String> keys) {
        long signed = 0;
        long inTime = 0;
        long notYetDue = 0;
        for (Row r : rows.get(0)) {
            signed += r.sums()[0];
            inTime += r.sums()[1];
        }
        for (Row r : rows.get(1)) {
            notYetDue += r.sums()[0];
        }
        // Not yet acknowledged and still inside its 24 hours: it can still make it, so it counts neither way. Counted
        // live, it may include decisions the facts do not hold yet (up to a refresh behind): never more than they hold.
        notYetDue = Math.max(0, Math.min(notYetDue, signed - inTime));
        return Map.of(FILED_WITHIN_24_HOURS, Figure.share(FILED_WITHIN_24_HOURS, inTime, signed - notYetDue, signed));
    }
}

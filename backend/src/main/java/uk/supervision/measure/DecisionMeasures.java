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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decisions filed on the child's record within 24 hours of signing, as the decisions-filed dashboard counts them
 * (docs/measures.md): placed in the team the decision copied when signed (case_decision.team_id) and that team's
 * service; a person's figure is the decisions about them as the worker. One query over case_decision.
 */
@Singleton
@Transactional(readOnly = true)
public class DecisionMeasures extends GroupedSource {
    static final String FILED_WITHIN_24_HOURS = "decisions.filedWithin24Hours";
    static final int HOURS_ALLOWED = 24;

    private static final List<MeasureDef> DEFINITIONS = List.of(
            new MeasureDef(FILED_WITHIN_24_HOURS, "Decisions on the child's record within 24 hours", MeasureGroup.CASE_DISCUSSIONS,
                    MeasureKind.SHARE, MeasureUnit.DECISIONS, false, 1.0, false));

    private static final String FROM = "case_decision d LEFT JOIN team t ON t.id = d.team_id"
            + " LEFT JOIN case_decision_acknowledgement a ON a.decision_id = d.id";
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
        String due = "TIMESTAMPADD(HOUR, " + HOURS_ALLOWED + ", d.signed_at)";
        Timestamp now = Timestamp.from(clock.instant());
        SourceSql.Spec spec = new SourceSql.Spec(FROM, "d.organisation_id = ?", List.of(scope.organisationId()), "d.signed_at", COLS,
                List.of(),
                List.of("1",
                        "CASE WHEN a.acknowledged_at IS NOT NULL AND a.acknowledged_at <= " + due + " THEN 1 ELSE 0 END",
                        "CASE WHEN a.acknowledged_at IS NULL AND " + due + " > ? THEN 1 ELSE 0 END"),
                List.of(now), List.of("SUM(v0)", "SUM(v1)", "SUM(v2)"));
        return new Loaded(List.of(SourceSql.query(jdbc, spec, scope, period, by)));
    }

    @Override
    Map<String, Figure> fold(Object context, List<List<Row>> rows, Set<String> keys) {
        long signed = 0;
        long inTime = 0;
        long notYetDue = 0;
        for (Row r : rows.get(0)) {
            signed += r.sums()[0];
            inTime += r.sums()[1];
            notYetDue += r.sums()[2];
        }
        // Not yet acknowledged and still inside its 24 hours: it can still make it, so it counts neither way.
        return Map.of(FILED_WITHIN_24_HOURS, Figure.share(FILED_WITHIN_24_HOURS, inTime, signed - notYetDue, signed));
    }
}

package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.ChildViewReason;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.measure.SourceSql.By;
import uk.supervision.measure.SourceSql.Row;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The child's view in signed case discussions (docs/measures.md): recorded, or a reason given instead, per reason.
 * Same definitions as the child-voice dashboard, but placed in the supervisee's team on the day of the discussion
 * (staff_team_history), so a later move does not move past discussions. One query over case_discussion.
 */
@Singleton
@Transactional(readOnly = true)
public class CaseDiscussionMeasures extends GroupedSource implements FactSource {
    static final String VIEW_RECORDED = "caseDiscussions.childViewRecorded";
    static final String REASON_GIVEN = "caseDiscussions.reasonGiven";

    /** The reasons in the order shown, with the words the product uses for them. */
    static final List<Map.Entry<ChildViewReason, String>> REASONS = List.of(
            Map.entry(ChildViewReason.TOO_YOUNG, "Too young to give a view"),
            Map.entry(ChildViewReason.NOT_SEEN_SINCE_LAST_DISCUSSION, "Not seen since the last discussion"),
            Map.entry(ChildViewReason.DECLINED, "Declined to give a view"));

    private static final List<MeasureDef> DEFINITIONS = List.of(
            new MeasureDef(VIEW_RECORDED, "Case discussions that recorded the child's view", MeasureGroup.CASE_DISCUSSIONS,
                    MeasureKind.SHARE, MeasureUnit.DISCUSSIONS, false, null, false),
            new MeasureDef(REASON_GIVEN, "Case discussions that gave a reason instead of the child's view", MeasureGroup.CASE_DISCUSSIONS,
                    MeasureKind.DISTRIBUTION, MeasureUnit.DISCUSSIONS, false, null, false));

    /** The supervisee's placement on the day of the discussion; their placement now when no history covers that day. */
    private static final String FROM = "case_discussion cd JOIN staff s ON s.id = cd.supervisee_id"
            + " LEFT JOIN staff_team_history h ON h.staff_id = cd.supervisee_id AND h.from_date <= cd.discussed_on"
            + " AND (h.to_date IS NULL OR h.to_date >= cd.discussed_on)";
    private static final SourceSql.Cols COLS = new SourceSql.Cols(
            "CASE WHEN h.id IS NULL THEN s.service_id ELSE h.service_id END",
            "CASE WHEN h.id IS NULL THEN s.team_id ELSE h.team_id END",
            "cd.supervisee_id");

    private final JdbcOperations jdbc;

    public CaseDiscussionMeasures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** As ChildVoiceMeasure: the reason as stored in the content (compact JSON); an escaped quote in free text never matches. */
    private static String reason(ChildViewReason r) {
        return "cd.content_json LIKE '%\"reason\":\"" + r.getValue() + "\"%'";
    }

    @Override
    public List<MeasureDef> definitions() {
        return DEFINITIONS;
    }

    @Override
    Loaded load(MeasureTarget scope, MeasurePeriod period, By by, Set<String> keys) {
        return new Loaded(List.of(SourceSql.query(jdbc, spec(scope.organisationId()), scope, period, by)));
    }

    /** Signed discussions, recorded, and per reason; the reason's LIKE runs when facts are written, or for one person. */
    private static SourceSql.Spec spec(String organisationId) {
        List<String> reasons = REASONS.stream().map(e -> reason(e.getKey())).toList();
        List<String> values = new ArrayList<>();
        values.add("1");
        values.add("CASE WHEN cd.child_view_status = 'RECORDED' AND NOT (" + String.join(" OR ", reasons) + ") THEN 1 ELSE 0 END");
        reasons.forEach(r -> values.add("CASE WHEN " + r + " THEN 1 ELSE 0 END"));
        return new SourceSql.Spec("caseDiscussions", FROM, "cd.organisation_id = ? AND cd.status = 'SIGNED'", List.of(organisationId),
                "cd.signed_at", COLS, List.of(), values, List.of(), List.of("SUM(v0)", "SUM(v1)", "SUM(v2)", "SUM(v3)", "SUM(v4)"));
    }

    @Override
    public List<SourceSql.Spec> factSpecs(String organisationId) {
        return List.of(spec(organisationId));
    }

    /**
     * Discussions changed (signed), and those placed anew: of supervisees whose team history was recorded (a move,
     * back-dated or not: from its first day on), or whose staff row changed where no history covers the day.
     */
    @Override
    public SourceFacts.Changes changedSince(String organisationId, Timestamp since) {
        String signed = "cd.organisation_id = ? AND cd.status = 'SIGNED'";
        return new SourceFacts.Changes("SELECT cd.signed_at FROM case_discussion cd WHERE " + signed + " AND cd.updated_at > ?"
                + " UNION SELECT cd.signed_at FROM staff_team_history h JOIN case_discussion cd ON cd.supervisee_id = h.staff_id"
                + " AND cd.discussed_on >= h.from_date WHERE h.recorded_at > ? AND " + signed
                + " UNION SELECT cd.signed_at FROM staff s JOIN case_discussion cd ON cd.supervisee_id = s.id WHERE s.organisation_id = ?"
                + " AND s.updated_at > ? AND " + signed + " AND NOT EXISTS (SELECT 1 FROM staff_team_history h WHERE h.staff_id = s.id"
                + " AND h.from_date <= cd.discussed_on AND (h.to_date IS NULL OR h.to_date >= cd.discussed_on))",
                List.of(organisationId, since, since, organisationId, organisationId, since, organisationId));
    }

    @Override
    Map<String, Figure> fold(Object context, List<List<Row>> rows, Set<String> keys) {
        long[] t = new long[5];
        for (Row r : rows.get(0)) {
            for (int i = 0; i < t.length; i++) {
                t[i] += r.sums()[i];
            }
        }
        Map<String, Figure> out = new LinkedHashMap<>();
        if (keys.contains(VIEW_RECORDED)) {
            out.put(VIEW_RECORDED, Figure.share(VIEW_RECORDED, t[1], t[0], t[0]));
        }
        if (keys.contains(REASON_GIVEN)) {
            List<Figure.Part> parts = new ArrayList<>();
            for (int i = 0; i < REASONS.size(); i++) {
                parts.add(new Figure.Part(REASONS.get(i).getValue(), t[2 + i], null));
            }
            out.put(REASON_GIVEN, Figure.distribution(REASON_GIVEN, parts, t[0]));
        }
        return out;
    }
}

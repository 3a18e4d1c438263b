package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.api.model.OverallGradeAnswer;
import uk.supervision.api.model.SupervisionFunction;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.measure.SourceSql.By;
import uk.supervision.measure.SourceSql.Row;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Completed file audits (docs/measures.md): the grades given, and the mean rating per question and per function of
 * supervision (1 = Excellent, 5 = Poor: lower is better). An audit counts when it was completed and signed, in the
 * month it was signed, wherever it was started; it belongs to the supervisee's team and service when the audit began
 * (file_audit.team_id, service_id) and, for a person, to the supervisee whose file it was. Two queries: the audits
 * per grade, and the ratings per question and function.
 */
@Singleton
@Transactional(readOnly = true)
public class AuditMeasures extends GroupedSource implements FactSource {
    static final String GRADES = "audits.grades";
    static final String PER_QUESTION = "audits.ratingPerQuestion";
    static final String PER_FUNCTION = "audits.ratingPerFunction";

    /** The grades in the order shown, best first, with the words the product uses for them. */
    static final List<Map.Entry<OverallGradeAnswer, String>> GRADE_LABELS = List.of(
            Map.entry(OverallGradeAnswer.OUTSTANDING, "Outstanding"),
            Map.entry(OverallGradeAnswer.GOOD, "Good"),
            Map.entry(OverallGradeAnswer.REQUIRES_IMPROVEMENT, "Requires improvement"),
            Map.entry(OverallGradeAnswer.INADEQUATE, "Inadequate"));
    static final Map<SupervisionFunction, String> FUNCTION_LABELS = new LinkedHashMap<>();

    static {
        FUNCTION_LABELS.put(SupervisionFunction.MANAGEMENT, "Management");
        FUNCTION_LABELS.put(SupervisionFunction.SUPPORT, "Support");
        FUNCTION_LABELS.put(SupervisionFunction.DEVELOPMENT, "Development");
        FUNCTION_LABELS.put(SupervisionFunction.MEDIATION, "Mediation");
    }

    private static final List<MeasureDef> DEFINITIONS = List.of(
            new MeasureDef(GRADES, "File audit grades", MeasureGroup.AUDITS, MeasureKind.DISTRIBUTION, MeasureUnit.AUDITS, false, null, false),
            new MeasureDef(PER_QUESTION, "Mean audit rating per question (1 = Excellent, 5 = Poor)", MeasureGroup.AUDITS,
                    MeasureKind.AVERAGE, MeasureUnit.RATING, true, null, false),
            new MeasureDef(PER_FUNCTION, "Mean audit rating per function of supervision (1 = Excellent, 5 = Poor)", MeasureGroup.AUDITS,
                    MeasureKind.AVERAGE, MeasureUnit.RATING, true, null, false));

    private static final SourceSql.Cols COLS = new SourceSql.Cols("a.service_id", "a.team_id", "a.supervisee_id");
    /** Completed means signed (decision 0026); completed_at is the signing time, written with the signature. */
    private static final String AUDITS = "file_audit a JOIN file_audit_signature sig ON sig.file_audit_id = a.id";

    private final JdbcOperations jdbc;
    private final PolicyService policy;

    public AuditMeasures(JdbcOperations jdbc, PolicyService policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    @Override
    public List<MeasureDef> definitions() {
        return DEFINITIONS;
    }

    @Override
    Loaded load(MeasureTarget scope, MeasurePeriod period, By by, Set<String> keys) {
        List<SourceSql.Spec> specs = factSpecs(scope.organisationId());
        List<Row> gradeRows = SourceSql.query(jdbc, specs.get(0), scope, period, by);
        List<Row> ratingRows = List.of();
        if (keys.contains(PER_QUESTION) || keys.contains(PER_FUNCTION)) {
            ratingRows = SourceSql.query(jdbc, specs.get(1), scope, period, by);
        }
        if (ratingRows.isEmpty()) {
            return new Loaded(List.of(gradeRows, ratingRows), new Labels(List.of(), Map.of()));
        }
        List<TemplateItemEntity> items = ratedItems(scope.organisationId());
        Set<String> former = new java.util.TreeSet<>();
        ratingRows.forEach(r -> former.add(r.extras().get(0)));
        items.forEach(i -> former.remove(i.itemKey()));
        return new Loaded(List.of(gradeRows, ratingRows), new Labels(items,
                SourceSql.formerLabels(jdbc, scope.organisationId(), TemplateKind.AUDIT.getValue(), former)));
    }

    /** The audits per grade, and the ratings per question and function. */
    @Override
    public List<SourceSql.Spec> factSpecs(String organisationId) {
        List<Object> org = List.of(organisationId);
        return List.of(
                new SourceSql.Spec("audits.grades", AUDITS, "a.organisation_id = ?", org, "a.completed_at", COLS,
                        List.of("a.grade"), List.of("1"), List.of(), List.of("SUM(v0)")),
                new SourceSql.Spec("audits.ratings", AUDITS + " JOIN file_audit_rating r ON r.file_audit_id = a.id",
                        "a.organisation_id = ?", org, "a.completed_at", COLS, List.of("r.item_key", "r.function_tag"),
                        List.of("r.rating"), List.of(), List.of("SUM(v0)", "COUNT(*)")));
    }

    /** Audits changed: signing writes completed_at and updated_at together, ratings and signature with them. */
    @Override
    public SourceFacts.Changes changedSince(String organisationId, java.sql.Timestamp since) {
        return auditsChanged(organisationId, since);
    }

    static SourceFacts.Changes auditsChanged(String organisationId, java.sql.Timestamp since) {
        return new SourceFacts.Changes("SELECT completed_at FROM file_audit WHERE organisation_id = ? AND updated_at > ?"
                + " AND completed_at IS NOT NULL", List.of(organisationId, since));
    }

    /** The current form's rated questions, and the wording of questions rated on an earlier form. */
    record Labels(List<TemplateItemEntity> items, Map<String, String> former) {
    }

    @Override
    Map<String, Figure> fold(Object context, List<List<Row>> rows, Set<String> keys) {
        Map<String, Long> perGrade = new HashMap<>();
        long audits = 0;
        for (Row r : rows.get(0)) {
            perGrade.merge(String.valueOf(r.extras().get(0)), r.sums()[0], Long::sum);
            audits += r.sums()[0];
        }
        Map<String, Figure> out = new LinkedHashMap<>();
        if (keys.contains(GRADES)) {
            List<Figure.Part> parts = new ArrayList<>();
            for (Map.Entry<OverallGradeAnswer, String> g : GRADE_LABELS) {
                parts.add(new Figure.Part(g.getValue(), perGrade.getOrDefault(g.getKey().getValue(), 0L), null));
            }
            // A completed audit always has a grade; the distribution's total is the audits graded.
            Figure f = Figure.distribution(GRADES, parts, audits);
            out.put(GRADES, f);
        }
        long sum = 0;
        long n = 0;
        Map<String, long[]> perQuestion = new LinkedHashMap<>();
        Map<String, long[]> perFunction = new LinkedHashMap<>();
        for (Row r : rows.get(1)) {
            sum += r.sums()[0];
            n += r.sums()[1];
            long[] q = perQuestion.computeIfAbsent(r.extras().get(0), k -> new long[2]);
            q[0] += r.sums()[0];
            q[1] += r.sums()[1];
            if (r.extras().get(1) != null) {
                long[] f = perFunction.computeIfAbsent(r.extras().get(1), k -> new long[2]);
                f[0] += r.sums()[0];
                f[1] += r.sums()[1];
            }
        }
        if (keys.contains(PER_QUESTION)) {
            List<Figure.Part> parts = new ArrayList<>();
            Map<String, long[]> left = new LinkedHashMap<>(perQuestion);
            Labels labels = (Labels) context;
            for (TemplateItemEntity item : labels.items()) {
                parts.add(part(item.label(), left.remove(item.itemKey())));
            }
            // Questions rated on an earlier form, no longer on the active one: shown after, in key order.
            left.keySet().stream().sorted().forEach(k -> parts.add(part(labels.former().getOrDefault(k, "A question no longer on the form"), left.get(k))));
            out.put(PER_QUESTION, new Figure(PER_QUESTION, sum, n, n == 0 ? null : (double) sum / n, parts, audits));
        }
        if (keys.contains(PER_FUNCTION)) {
            List<Figure.Part> parts = new ArrayList<>();
            long fs = 0;
            long fn = 0;
            for (Map.Entry<SupervisionFunction, String> f : FUNCTION_LABELS.entrySet()) {
                long[] v = perFunction.get(f.getKey().getValue());
                parts.add(part(f.getValue(), v));
                if (v != null) {
                    fs += v[0];
                    fn += v[1];
                }
            }
            out.put(PER_FUNCTION, new Figure(PER_FUNCTION, fs, fn, fn == 0 ? null : (double) fs / fn, parts, audits));
        }
        return out;
    }

    private static Figure.Part part(String label, long[] sumAndCount) {
        if (sumAndCount == null || sumAndCount[1] == 0) {
            return new Figure.Part(label, 0L, null);
        }
        return new Figure.Part(label, sumAndCount[1], (double) sumAndCount[0] / sumAndCount[1]);
    }

    private List<TemplateItemEntity> ratedItems(String organisationId) {
        return policy.activeTemplate(organisationId, TemplateKind.AUDIT).items().stream()
                .filter(i -> "RATING_1_5".equals(i.answerType()))
                .sorted(Comparator.comparingInt(TemplateItemEntity::position)).toList();
    }
}

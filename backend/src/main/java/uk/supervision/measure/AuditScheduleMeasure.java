package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.AuditScheduleRules;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.audit.Quarter;
import uk.supervision.measure.SourceSql.By;
import uk.supervision.measure.SourceSql.Row;
import uk.supervision.policy.PolicyService;
import uk.supervision.support.Sql;

import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * File audits done against the schedule the organisation's policy sets (decision 0026; docs/measures.md): of the
 * audits the schedule asked for with a deadline in the period, those signed by their deadline. Asked for: each file
 * of the quality assurance sample of a quarter (deadline: the quarter's end), and one audit a month by each service
 * manager (deadline: the month's end). A deadline still ahead counts only once met. At most three queries.
 */
@Singleton
@Transactional(readOnly = true)
public class AuditScheduleMeasure implements MeasureSource, FactSource {
    static final String DONE_AGAINST_SCHEDULE = "audits.doneAgainstSchedule";

    private static final List<MeasureDef> DEFINITIONS = List.of(
            new MeasureDef(DONE_AGAINST_SCHEDULE, "Scheduled file audits done on time", MeasureGroup.AUDITS, MeasureKind.SHARE,
                    MeasureUnit.AUDITS, false, 1.0, false));

    private final JdbcOperations jdbc;
    private final PolicyService policy;

    public AuditScheduleMeasure(JdbcOperations jdbc, PolicyService policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** The service managers' monthly audits signed, per auditor. */
    @Override
    public List<SourceSql.Spec> factSpecs(String organisationId) {
        return List.of(new SourceSql.Spec("audits.monthly", "file_audit a JOIN file_audit_signature sig ON sig.file_audit_id = a.id",
                "a.organisation_id = ? AND a.kind = 'SERVICE_MANAGER_MONTHLY'", List.of(organisationId), "a.completed_at",
                new SourceSql.Cols("a.service_id", "a.team_id", "a.supervisee_id"), List.of("a.auditor_staff_id"), List.of("1"),
                List.of(), List.of("SUM(v0)")));
    }

    @Override
    public SourceFacts.Changes changedSince(String organisationId, java.sql.Timestamp since) {
        return AuditMeasures.auditsChanged(organisationId, since);
    }

    /** One audit asked for: where it belongs (a monthly audit belongs to each service its manager manages, no team). */
    record Slot(Set<String> services, String team, int month, boolean done) {
    }

    @Override
    public List<MeasureDef> definitions() {
        return DEFINITIONS;
    }

    @Override
    public Map<String, Figure> figures(MeasureTarget scope, MeasurePeriod period) {
        long[] t = new long[2];
        slots(scope, period).forEach(s -> add(t, s));
        return Map.of(DONE_AGAINST_SCHEDULE, figure(t));
    }

    @Override
    public Map<String, Map<String, Figure>> breakdown(MeasureTarget parent, MeasurePeriod period, Set<String> keys) {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        if (!keys.contains(DONE_AGAINST_SCHEDULE) || !SourceSql.below(parent)) {
            return out;
        }
        Map<String, long[]> perUnit = new LinkedHashMap<>();
        for (Slot s : slots(parent, period)) {
            for (String unit : units(parent, s)) {
                add(perUnit.computeIfAbsent(unit, u -> new long[2]), s);
            }
        }
        perUnit.forEach((unit, t) -> out.put(unit, Map.of(DONE_AGAINST_SCHEDULE, figure(t))));
        return out;
    }

    @Override
    public Map<YearMonth, Figure> series(MeasureTarget scope, String key, MeasurePeriod period) {
        Map<YearMonth, Figure> out = new LinkedHashMap<>();
        if (!DONE_AGAINST_SCHEDULE.equals(key)) {
            return out;
        }
        List<YearMonth> months = period.months();
        Map<Integer, long[]> perMonth = new java.util.TreeMap<>();
        slots(scope, period).forEach(s -> add(perMonth.computeIfAbsent(s.month(), m -> new long[2]), s));
        perMonth.forEach((m, t) -> out.put(months.get(m), figure(t)));
        return out;
    }

    @Override
    public Map<String, Map<YearMonth, Figure>> seriesBreakdown(MeasureTarget parent, String key, MeasurePeriod period) {
        Map<String, Map<YearMonth, Figure>> out = new LinkedHashMap<>();
        if (!DONE_AGAINST_SCHEDULE.equals(key) || !SourceSql.below(parent)) {
            return out;
        }
        List<YearMonth> months = period.months();
        Map<String, Map<Integer, long[]>> acc = new LinkedHashMap<>();
        for (Slot s : slots(parent, period)) {
            for (String unit : units(parent, s)) {
                add(acc.computeIfAbsent(unit, u -> new java.util.TreeMap<>()).computeIfAbsent(s.month(), m -> new long[2]), s);
            }
        }
        acc.forEach((unit, perMonth) -> {
            Map<YearMonth, Figure> series = new LinkedHashMap<>();
            perMonth.forEach((m, t) -> series.put(months.get(m), figure(t)));
            out.put(unit, series);
        });
        return out;
    }

    private static void add(long[] t, Slot s) {
        t[0]++;
        if (s.done()) {
            t[1]++;
        }
    }

    private static Figure figure(long[] t) {
        return Figure.share(DONE_AGAINST_SCHEDULE, t[1], t[0], t[0]);
    }

    /** The units one level below the parent a slot counts in: its services, or its team. */
    private static Set<String> units(MeasureTarget parent, Slot s) {
        if (parent.kind() == MeasureScopeKind.DIRECTORATE) {
            return s.services();
        }
        return s.team() == null ? Set.of() : Set.of(s.team());
    }

    /** The audits asked for with a deadline in the period, in the scope: at most three queries. */
    List<Slot> slots(MeasureTarget scope, MeasurePeriod period) {
        PolicyRules rules = policy.effectiveRules(scope.organisationId());
        AuditScheduleRules schedule = rules.getAuditSchedule() == null ? new AuditScheduleRules() : rules.getAuditSchedule();
        List<Slot> out = new ArrayList<>();
        if (Boolean.TRUE.equals(schedule.getQaSampleQuarterly())) {
            out.addAll(sampleFiles(scope, period));
        }
        if (Boolean.TRUE.equals(schedule.getServiceManagerMonthly())
                && (scope.kind() == MeasureScopeKind.DIRECTORATE || scope.kind() == MeasureScopeKind.SERVICE)) {
            out.addAll(monthlyAudits(scope, period));
        }
        return out;
    }

    /**
     * Each file of the sample of each quarter ending in the period, placed where it was when drawn; done when its
     * audit (same sample, same supervisee) was signed by the quarter's end.
     */
    private List<Slot> sampleFiles(MeasureTarget scope, MeasurePeriod period) {
        List<YearMonth> months = period.months();
        Map<String, Integer> quarterMonth = new LinkedHashMap<>();
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i).getMonthValue() % 3 == 0) {
                quarterMonth.put(Quarter.of(months.get(i).atDay(1)).toString(), i);
            }
        }
        if (quarterMonth.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        StringBuilder deadline = new StringBuilder("CASE s.quarter");
        for (String q : quarterMonth.keySet()) {
            deadline.append(" WHEN ? THEN ?");
            args.add(q);
            args.add(SourceSql.startOf(Quarter.parse(q, "#quarter").lastDay().plusDays(1)));
        }
        deadline.append(" END");
        args.add(scope.organisationId());
        args.addAll(quarterMonth.keySet());
        String filter = SourceSql.scopeCondition(scope, new SourceSql.Cols("f.service_id", "f.team_id", "f.supervisee_id"), args);
        String sql = "SELECT s.quarter, f.service_id, f.team_id, COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM file_audit a"
                + " JOIN file_audit_signature sig ON sig.file_audit_id = a.id WHERE a.sample_id = f.sample_id"
                + " AND a.supervisee_id = f.supervisee_id AND sig.signed_at < " + deadline + ") THEN 1 ELSE 0 END)"
                + " FROM audit_sample s JOIN audit_sample_file f ON f.sample_id = s.id"
                + " WHERE s.organisation_id = ? AND s.quarter IN (" + Sql.placeholders(quarterMonth.size()) + ")" + filter
                + " GROUP BY s.quarter, f.service_id, f.team_id";
        YearMonth current = YearMonth.from(period.today());
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Slot> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int month = quarterMonth.get(rs.getString(1));
                    boolean ended = months.get(month).isBefore(current);
                    Set<String> services = rs.getString(2) == null ? Set.of() : Set.of(rs.getString(2));
                    long files = rs.getLong(4);
                    long done = rs.getLong(5);
                    for (long k = 0; k < files; k++) {
                        // A quarter still running: a file not yet audited can still be, so it is not counted yet.
                        if (k < done || ended) {
                            out.add(new Slot(services, rs.getString(3), month, k < done));
                        }
                    }
                }
            }
            return out;
        });
    }

    /**
     * One audit a month by each service manager now (an enabled account with the role and a staff record), in each
     * service they manage; done when they signed a monthly audit in that month.
     */
    private List<Slot> monthlyAudits(MeasureTarget scope, MeasurePeriod period) {
        List<Object> args = new ArrayList<>(List.of(scope.organisationId()));
        String serviceFilter = "";
        if (scope.kind() == MeasureScopeKind.SERVICE) {
            serviceFilter = " AND g.service_id = ?";
            args.add(scope.id());
        }
        Map<String, Set<String>> managers = new LinkedHashMap<>();
        jdbc.prepareStatement("SELECT ac.staff_id, g.service_id FROM role_grant g JOIN account ac ON ac.id = g.account_id"
                + " WHERE ac.organisation_id = ? AND ac.enabled = TRUE AND ac.staff_id IS NOT NULL AND g.role = 'SERVICE_MANAGER'"
                + serviceFilter, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Set<String> services = managers.computeIfAbsent(rs.getString(1), k -> new HashSet<>());
                    if (rs.getString(2) != null) {
                        services.add(rs.getString(2));
                    }
                }
            }
            return null;
        });
        if (managers.isEmpty()) {
            return List.of();
        }
        MeasureTarget organisation = new MeasureTarget(MeasureScopeKind.DIRECTORATE, scope.organisationId(), null, scope.name(), null, false);
        SourceSql.Spec signed = factSpecs(scope.organisationId()).get(0);
        Set<String> done = new HashSet<>();
        for (Row r : SourceSql.query(jdbc, signed, organisation, period, By.MONTH)) {
            done.add(r.extras().get(0) + "/" + r.month());
        }
        List<YearMonth> months = period.months();
        YearMonth current = YearMonth.from(period.today());
        List<Slot> out = new ArrayList<>();
        managers.forEach((manager, services) -> {
            for (int m = 0; m < months.size(); m++) {
                boolean isDone = done.contains(manager + "/" + m);
                // This month's audit can still be done: counted only once it is.
                if (isDone || months.get(m).isBefore(current)) {
                    Set<String> in = scope.kind() == MeasureScopeKind.SERVICE ? Set.of(scope.id()) : services;
                    out.add(new Slot(in, null, m, isDone));
                }
            }
        });
        return out;
    }
}

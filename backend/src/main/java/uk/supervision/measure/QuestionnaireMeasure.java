package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.audit.Quarter;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;
import uk.supervision.questionnaire.Suppression;
import uk.supervision.support.Sql;

import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Part 2 of the audit tool (docs/measures.md): per statement, the share of respondents rating their supervision Good
 * or Very good. Answers carry only their quarter, so a period covers the quarters it overlaps that have ended (as
 * the Part 2 results page, which never shows a quarter still taking answers), and a month of a series shows its
 * quarter. A group's statements are shown only when Suppression (the results page's rules, over the organisation's
 * directorate, services and teams) shows it over the whole period and in every one of its quarters with answers, so
 * no period can be subtracted from another to lay bare a small group; otherwise there are no parts, whoever asks.
 * A person has no figure: the answers name no one. Fixed queries: respondents, answers, the rules, and the labels.
 */
@Singleton
@Transactional(readOnly = true)
public class QuestionnaireMeasure implements MeasureSource {
    static final String STATEMENTS = "questionnaire.statements";
    static final int DEFAULT_MINIMUM = 5;
    private static final String DIRECTORATE = "D";

    private static final List<MeasureDef> DEFINITIONS = List.of(
            new MeasureDef(STATEMENTS, "Supervisees rating their supervision Good or Very good, per statement", MeasureGroup.QUESTIONNAIRE,
                    MeasureKind.DISTRIBUTION, MeasureUnit.ANSWERS, false, null, false));

    private final JdbcOperations jdbc;
    private final PolicyService policy;

    public QuestionnaireMeasure(JdbcOperations jdbc, PolicyService policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** One quarter's counts: respondents per group (D, S:service, T:team), and per group and statement [good, answered]. */
    static final class Counts {
        final Map<String, Integer> respondents = new HashMap<>();
        final Map<String, Map<String, long[]>> answers = new HashMap<>();
    }

    /** Everything read once for a call: the quarters' counts, the tree's parents, the labels and the minimum. */
    record Data(Map<Quarter, Counts> quarters, Map<String, String> parents, List<TemplateItemEntity> statements, int minimum,
                Map<String, String> former, Map<Set<Quarter>, Counts> sums, Map<Set<Quarter>, Set<String>> hidden) {
        Data(Map<Quarter, Counts> quarters, Map<String, String> parents, List<TemplateItemEntity> statements, int minimum,
             Map<String, String> former) {
            this(quarters, parents, statements, minimum, former, new HashMap<>(), new HashMap<>());
        }
    }

    @Override
    public List<MeasureDef> definitions() {
        return DEFINITIONS;
    }

    @Override
    public Map<String, Figure> figures(MeasureTarget scope, MeasurePeriod period) {
        if (scope.kind() == MeasureScopeKind.PERSON) {
            return Map.of(STATEMENTS, nothing(0));
        }
        Data data = read(scope.organisationId(), quarters(period));
        return Map.of(STATEMENTS, figure(data, node(scope.kind(), scope.id()), data.quarters().keySet()));
    }

    @Override
    public Map<String, Map<String, Figure>> breakdown(MeasureTarget parent, MeasurePeriod period, Set<String> keys) {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        if (!keys.contains(STATEMENTS) || !SourceSql.below(parent)) {
            return out;
        }
        Data data = read(parent.organisationId(), quarters(period));
        for (String child : children(data, node(parent.kind(), parent.id()))) {
            out.put(child.substring(2), Map.of(STATEMENTS, figure(data, child, data.quarters().keySet())));
        }
        return out;
    }

    @Override
    public Map<YearMonth, Figure> series(MeasureTarget scope, String key, MeasurePeriod period) {
        Map<YearMonth, Figure> out = new LinkedHashMap<>();
        if (!STATEMENTS.equals(key) || scope.kind() == MeasureScopeKind.PERSON) {
            return out;
        }
        Data data = read(scope.organisationId(), quarters(period));
        monthly(data, node(scope.kind(), scope.id()), period, out);
        return out;
    }

    @Override
    public Map<String, Map<YearMonth, Figure>> seriesBreakdown(MeasureTarget parent, String key, MeasurePeriod period) {
        Map<String, Map<YearMonth, Figure>> out = new LinkedHashMap<>();
        if (!STATEMENTS.equals(key) || !SourceSql.below(parent)) {
            return out;
        }
        Data data = read(parent.organisationId(), quarters(period));
        for (String child : children(data, node(parent.kind(), parent.id()))) {
            Map<YearMonth, Figure> series = new LinkedHashMap<>();
            monthly(data, child, period, series);
            out.put(child.substring(2), series);
        }
        return out;
    }

    private void monthly(Data data, String node, MeasurePeriod period, Map<YearMonth, Figure> out) {
        for (YearMonth m : period.months()) {
            Quarter q = Quarter.of(m.atDay(1));
            Counts c = data.quarters().get(q);
            if (c != null && c.respondents.getOrDefault(node, 0) > 0) {
                out.put(m, figure(data, node, Set.of(q)));
            }
        }
    }

    /** The quarters the period overlaps that have ended by its today. */
    static List<Quarter> quarters(MeasurePeriod period) {
        Set<Quarter> out = new LinkedHashSet<>();
        for (YearMonth m : period.months()) {
            Quarter q = Quarter.of(m.atDay(1));
            if (q.lastDay().isBefore(period.today())) {
                out.add(q);
            }
        }
        return new ArrayList<>(out);
    }

    private static String node(MeasureScopeKind kind, String id) {
        return switch (kind) {
            case DIRECTORATE -> DIRECTORATE;
            case SERVICE -> "S:" + id;
            case TEAM -> "T:" + id;
            case PERSON -> "P:" + id;
        };
    }

    private static List<String> children(Data data, String parent) {
        return data.parents().entrySet().stream().filter(e -> parent.equals(e.getValue())).map(Map.Entry::getKey).sorted().toList();
    }

    /** A group's figure over some quarters: shown only when every check of the class comment passes. */
    private static Figure figure(Data data, String node, Collection<Quarter> quarters) {
        Set<Quarter> set = new HashSet<>(quarters);
        set.retainAll(data.quarters().keySet());
        Counts sum = data.sums().computeIfAbsent(set, k -> sum(data, k));
        int respondents = sum.respondents.getOrDefault(node, 0);
        if (respondents == 0) {
            return nothing(0);
        }
        boolean shown = !hidden(data, set).contains(node);
        if (set.size() > 1) {
            for (Quarter q : set) {
                if (data.quarters().get(q).respondents.getOrDefault(node, 0) > 0 && hidden(data, Set.of(q)).contains(node)) {
                    shown = false;
                }
            }
        }
        if (!shown) {
            return nothing(respondents);
        }
        Map<String, long[]> items = new LinkedHashMap<>(sum.answers.getOrDefault(node, Map.of()));
        List<Figure.Part> parts = new ArrayList<>();
        for (TemplateItemEntity s : data.statements()) {
            parts.add(part(s.label(), items.remove(s.itemKey())));
        }
        items.keySet().stream().sorted().forEach(k -> parts.add(part(data.former().getOrDefault(k, "A statement no longer on the form"), items.get(k))));
        return new Figure(STATEMENTS, respondents, respondents, (double) respondents, parts, respondents);
    }

    private static Counts sum(Data data, Set<Quarter> quarters) {
        Counts sum = new Counts();
        for (Quarter q : quarters) {
            Counts c = data.quarters().get(q);
            c.respondents.forEach((k, n) -> sum.respondents.merge(k, n, Integer::sum));
            c.answers.forEach((k, items) -> items.forEach((item, v) -> {
                long[] t = sum.answers.computeIfAbsent(k, x -> new HashMap<>()).computeIfAbsent(item, x -> new long[2]);
                t[0] += v[0];
                t[1] += v[1];
            }));
        }
        return sum;
    }

    /** The groups Suppression hides over these quarters' respondents, over the organisation's tree; decided once a call. */
    private static Set<String> hidden(Data data, Set<Quarter> quarters) {
        return data.hidden().computeIfAbsent(quarters, k -> {
            Counts c = data.sums().computeIfAbsent(k, x -> sum(data, x));
            List<Suppression.Node> nodes = new ArrayList<>();
            c.respondents.forEach((g, n) -> nodes.add(new Suppression.Node(g, data.parents().get(g), depth(g), n)));
            return new HashSet<>(Suppression.decide(nodes, data.minimum()).keySet());
        });
    }

    /** No statements: nothing was answered, or the group is too small to show (whoever asks). */
    private static Figure nothing(int respondents) {
        return new Figure(STATEMENTS, 0, 0, null, List.of(), respondents);
    }

    private static Figure.Part part(String label, long[] goodAndAnswered) {
        if (goodAndAnswered == null || goodAndAnswered[1] == 0) {
            return new Figure.Part(label, 0L, null);
        }
        return new Figure.Part(label, goodAndAnswered[1], (double) goodAndAnswered[0] / goodAndAnswered[1]);
    }

    private static int depth(String node) {
        return node.equals(DIRECTORATE) ? 0 : node.startsWith("S:") ? 1 : 2;
    }

    // --- quarter facts (decision 0037): rows of measure_source_month at the quarter's first day ---
    static final String RESPONDENTS = "questionnaire.respondents";
    static final String ANSWERS = "questionnaire.answers";
    private static final String FACT_COLUMNS = "INSERT INTO measure_source_month (organisation_id, source, month_start, computed_at,"
            + " service_id, team_id, e0, e1, s0, s1, s2, s3, s4) ";

    /**
     * Writes a quarter's facts anew: respondents per service and team, and per statement those answering Good or
     * Very good and all who answered it. Three statements; returns the rows written.
     */
    @Transactional
    public int writeQuarter(String organisationId, Quarter quarter, java.sql.Timestamp computedAt) {
        java.sql.Date first = java.sql.Date.valueOf(quarter.firstDay());
        update("DELETE FROM measure_source_month WHERE organisation_id = ? AND month_start = ? AND source IN (?, ?)",
                List.of(organisationId, first, RESPONDENTS, ANSWERS));
        List<Object> args = List.of(organisationId, RESPONDENTS, first, computedAt, organisationId, quarter.toString());
        int rows = update(FACT_COLUMNS + "SELECT ?, ?, ?, ?, service_id, team_id, NULL, NULL, COUNT(*), 0, 0, 0, 0"
                + " FROM questionnaire_response WHERE organisation_id = ? AND quarter = ? GROUP BY service_id, team_id", args);
        List<Object> answerArgs = List.of(organisationId, ANSWERS, first, computedAt, organisationId, quarter.toString());
        return rows + update(FACT_COLUMNS + "SELECT ?, ?, ?, ?, r.service_id, r.team_id, a.item_key, NULL,"
                + " SUM(CASE WHEN a.rating <= 2 THEN 1 ELSE 0 END), COUNT(*), 0, 0, 0 FROM questionnaire_response r"
                + " JOIN questionnaire_answer a ON a.response_id = r.id WHERE r.organisation_id = ? AND r.quarter = ?"
                + " GROUP BY r.service_id, r.team_id, a.item_key", answerArgs);
    }

    /**
     * Whether a quarter's responses differ in number from its facts. Responses carry no time (an answer must not
     * say when it was given, decision 0030), and are only ever added to the quarter of the day they are given, so
     * the refresher compares the counts of the current and the previous quarter instead; one statement.
     */
    public boolean quarterChanged(String organisationId, Quarter quarter) {
        return jdbc.prepareStatement("SELECT (SELECT COUNT(*) FROM questionnaire_response WHERE organisation_id = ? AND quarter = ?)"
                + " - (SELECT COALESCE(SUM(s0), 0) FROM measure_source_month WHERE organisation_id = ? AND source = ? AND month_start = ?)", ps -> {
            ps.setString(1, organisationId);
            ps.setString(2, quarter.toString());
            ps.setString(3, organisationId);
            ps.setString(4, RESPONDENTS);
            ps.setDate(5, java.sql.Date.valueOf(quarter.firstDay()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getLong(1) != 0;
            }
        });
    }

    /** The quarters with responses, for a full rebuild; one statement. */
    public List<Quarter> answeredQuarters(String organisationId) {
        List<Quarter> out = new ArrayList<>();
        for (String q : Sql.ids(jdbc, "SELECT DISTINCT quarter FROM questionnaire_response WHERE organisation_id = ?", List.of(organisationId))) {
            out.add(Quarter.parse(q, "#quarter"));
        }
        return out;
    }

    private int update(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps.executeUpdate();
        });
    }

    /** Respondents and answers per quarter, service and team for the whole organisation, from the quarter facts: two queries, plus labels. */
    Data read(String organisationId, List<Quarter> quarters) {
        Map<Quarter, Counts> perQuarter = new LinkedHashMap<>();
        Map<String, String> parents = new HashMap<>();
        Integer configured = policy.effectiveRules(organisationId).getSuppressionMinimum();
        int minimum = configured == null ? DEFAULT_MINIMUM : configured;
        if (quarters.isEmpty()) {
            return new Data(perQuarter, parents, List.of(), minimum, Map.of());
        }
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        quarters.forEach(q -> args.add(java.sql.Date.valueOf(q.firstDay())));
        String in = " AND month_start IN (" + Sql.placeholders(quarters.size()) + ")";
        query("SELECT month_start, service_id, team_id, SUM(s0), 0, NULL FROM measure_source_month WHERE organisation_id = ?"
                + " AND source = '" + RESPONDENTS + "'" + in + " GROUP BY month_start, service_id, team_id", args, perQuarter, parents, true);
        query("SELECT month_start, service_id, team_id, SUM(s0), SUM(s1), e0 FROM measure_source_month WHERE organisation_id = ?"
                + " AND source = '" + ANSWERS + "'" + in + " GROUP BY month_start, service_id, team_id, e0", args, perQuarter, parents, false);
        List<TemplateItemEntity> statements = perQuarter.isEmpty() ? List.of()
                : policy.activeTemplate(organisationId, TemplateKind.QUESTIONNAIRE).items();
        Set<String> former = new java.util.TreeSet<>();
        perQuarter.values().forEach(c -> c.answers.values().forEach(items -> former.addAll(items.keySet())));
        statements.forEach(i -> former.remove(i.itemKey()));
        return new Data(perQuarter, parents, statements, minimum,
                SourceSql.formerLabels(jdbc, organisationId, TemplateKind.QUESTIONNAIRE.getValue(), former));
    }

    /** Adds a query's rows to every group a response counts in: the directorate, its service, its team. */
    private void query(String sql, List<Object> args, Map<Quarter, Counts> perQuarter, Map<String, String> parents, boolean respondents) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counts c = perQuarter.computeIfAbsent(Quarter.of(rs.getDate(1).toLocalDate()), q -> new Counts());
                    List<String> path = new ArrayList<>(List.of(DIRECTORATE));
                    if (rs.getString(2) != null) {
                        String s = "S:" + rs.getString(2);
                        parents.putIfAbsent(s, DIRECTORATE);
                        path.add(s);
                        if (rs.getString(3) != null) {
                            String t = "T:" + rs.getString(3);
                            parents.putIfAbsent(t, s);
                            path.add(t);
                        }
                    }
                    for (String g : path) {
                        if (respondents) {
                            c.respondents.merge(g, rs.getInt(4), Integer::sum);
                        } else {
                            long[] t = c.answers.computeIfAbsent(g, x -> new HashMap<>()).computeIfAbsent(rs.getString(6), x -> new long[2]);
                            t[0] += rs.getLong(4);
                            t[1] += rs.getLong(5);
                        }
                    }
                }
            }
            return null;
        });
    }
}

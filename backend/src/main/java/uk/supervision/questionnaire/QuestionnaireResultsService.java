package uk.supervision.questionnaire;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.QuestionnaireResults;
import uk.supervision.api.model.ResultGroup;
import uk.supervision.api.model.ResultLevel;
import uk.supervision.api.model.StatementDistribution;
import uk.supervision.api.model.SuppressionReason;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.audit.Quarter;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Part 2 answers counted per directorate, service, team and supervisor-within-team for an ended quarter, with
 * {@link Suppression} decided over the whole organisation before the caller's view is cut out (decision 0028).
 */
@Singleton
public class QuestionnaireResultsService {
    private static final String DIRECTORATE = "D";

    private final JdbcOperations jdbc;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final QuestionnaireService questionnaires;
    private final Clock clock;

    public QuestionnaireResultsService(JdbcOperations jdbc, PolicyService policy, AccessPolicy access,
                                       QuestionnaireService questionnaires, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.access = access;
        this.questionnaires = questionnaires;
        this.clock = clock;
    }

    /** One group of the tree with its counts: respondents, and per statement the count of each rating (1..5). */
    static final class Group {
        final String key;
        final String parentKey;
        final ResultLevel level;
        final String id;
        final String serviceId;
        String name;
        int respondents;
        final Map<String, int[]> counts = new HashMap<>();

        Group(String key, String parentKey, ResultLevel level, String id, String serviceId) {
            this.key = key;
            this.parentKey = parentKey;
            this.level = level;
            this.id = id;
            this.serviceId = serviceId;
        }

        int depth() {
            return level.ordinal();
        }
    }

    @Transactional(readOnly = true)
    public QuestionnaireResults results(Caller caller, String quarterText) {
        AccessPolicy.ResultsView view = access.questionnaireResultsView(caller);
        Quarter quarter = Quarter.parse(quarterText, "#quarter");
        LocalDate today = LocalDate.now(clock.withZone(QuestionnaireService.LONDON));
        if (!quarter.lastDay().isBefore(today)) {
            throw Problems.rule("/quarter", "Figures are shown for a quarter that has ended: until then they change as answers "
                    + "arrive, and comparing them before and after one answer would give it away.");
        }
        String org = caller.organisationId();
        int minimum = questionnaires.minimum(org);
        Map<String, Group> groups = new LinkedHashMap<>();
        Group directorate = new Group(DIRECTORATE, null, ResultLevel.DIRECTORATE, null, null);
        directorate.name = organisationName(org);
        groups.put(DIRECTORATE, directorate);

        // Respondents per leaf (service, team, supervisor), summed up the tree.
        jdbc.prepareStatement("SELECT service_id, team_id, supervisor_id, COUNT(*) FROM questionnaire_response "
                + "WHERE organisation_id = ? AND quarter = ? GROUP BY service_id, team_id, supervisor_id", ps -> {
            ps.setString(1, org);
            ps.setString(2, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int n = rs.getInt(4);
                    for (Group g : path(groups, rs.getString(1), rs.getString(2), rs.getString(3))) {
                        g.respondents += n;
                    }
                }
            }
            return null;
        });
        // Counts per statement per rating, per leaf, in SQL.
        jdbc.prepareStatement("SELECT r.service_id, r.team_id, r.supervisor_id, a.item_key, a.rating, COUNT(*) "
                + "FROM questionnaire_response r JOIN questionnaire_answer a ON a.response_id = r.id "
                + "WHERE r.organisation_id = ? AND r.quarter = ? GROUP BY r.service_id, r.team_id, r.supervisor_id, a.item_key, a.rating", ps -> {
            ps.setString(1, org);
            ps.setString(2, quarter.toString());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String item = rs.getString(4);
                    int rating = rs.getInt(5);
                    int n = rs.getInt(6);
                    for (Group g : path(groups, rs.getString(1), rs.getString(2), rs.getString(3))) {
                        g.counts.computeIfAbsent(item, k -> new int[5])[rating - 1] += n;
                    }
                }
            }
            return null;
        });
        names(groups);

        List<Suppression.Node> nodes = groups.values().stream()
                .map(g -> new Suppression.Node(g.key, g.parentKey, g.depth(), g.respondents)).toList();
        Map<String, Suppression.Reason> suppressed = Suppression.decide(nodes, minimum);

        PolicyService.ActiveTemplate template = policy.activeTemplate(org, TemplateKind.QUESTIONNAIRE);
        List<Group> ordered = new ArrayList<>(groups.values());
        ordered.sort(Comparator.comparing((Group g) -> sortKey(groups, g)));
        List<ResultGroup> out = new ArrayList<>();
        for (Group g : ordered) {
            if (!visible(view, g)) {
                continue;
            }
            Suppression.Reason reason = suppressed.get(g.key);
            List<StatementDistribution> statements = new ArrayList<>();
            if (reason == null) {
                for (String key : template.keys()) {
                    int[] c = g.counts.getOrDefault(key, new int[5]);
                    statements.add(new StatementDistribution(key, c[0], c[1], c[2], c[3], c[4]));
                }
            }
            ResultGroup rg = new ResultGroup(g.level, g.name, reason != null, statements);
            rg.setId(g.id == null ? null : UUID.fromString(g.id));
            Group parent = g.parentKey == null ? null : groups.get(g.parentKey);
            rg.setParentId(parent == null || parent.id == null ? null : UUID.fromString(parent.id));
            if (reason != null) {
                rg.setSuppressedBecause(SuppressionReason.valueOf(reason.name()));
            } else {
                rg.setRespondents(g.respondents);
            }
            out.add(rg);
        }
        return new QuestionnaireResults(quarter.toString(), minimum, QuestionnaireService.statements(template), out);
    }

    /** The groups a response counts in: the directorate, its service, its team, and its supervisor within that team. */
    private static List<Group> path(Map<String, Group> groups, String serviceId, String teamId, String supervisorId) {
        List<Group> out = new ArrayList<>();
        out.add(groups.get(DIRECTORATE));
        if (serviceId == null) {
            return out;
        }
        String s = "S:" + serviceId;
        out.add(groups.computeIfAbsent(s, k -> new Group(k, DIRECTORATE, ResultLevel.SERVICE, serviceId, serviceId)));
        if (teamId == null) {
            return out;
        }
        String t = "T:" + teamId;
        out.add(groups.computeIfAbsent(t, k -> new Group(k, s, ResultLevel.TEAM, teamId, serviceId)));
        String p = "P:" + teamId + ":" + supervisorId;
        out.add(groups.computeIfAbsent(p, k -> new Group(k, t, ResultLevel.SUPERVISOR, supervisorId, serviceId)));
        return out;
    }

    private static boolean visible(AccessPolicy.ResultsView view, Group g) {
        if (view.everything() || g.level == ResultLevel.DIRECTORATE) {
            return true;
        }
        if (view.servicesInFull().contains(g.serviceId)) {
            return true;
        }
        if (view.allServices() && g.level == ResultLevel.SERVICE) {
            return true;
        }
        return g.level == ResultLevel.SUPERVISOR && g.id != null && g.id.equals(view.supervisorId());
    }

    private static String sortKey(Map<String, Group> groups, Group g) {
        List<String> parts = new ArrayList<>();
        for (Group x = g; x != null; x = x.parentKey == null ? null : groups.get(x.parentKey)) {
            parts.add(0, (x.name == null ? "" : x.name) + "\u0000" + x.key);
        }
        return String.join("\u0001", parts);
    }

    private String organisationName(String org) {
        return jdbc.prepareStatement("SELECT name FROM organisation WHERE id = ?", ps -> {
            ps.setString(1, org);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "Directorate";
            }
        });
    }

    /** The groups' names, one query a level (services, teams, supervisors), however many groups there are. */
    private void names(Map<String, Group> groups) {
        for (ResultLevel level : List.of(ResultLevel.SERVICE, ResultLevel.TEAM, ResultLevel.SUPERVISOR)) {
            List<Group> atLevel = groups.values().stream().filter(g -> g.id != null && g.level == level).toList();
            if (atLevel.isEmpty()) {
                continue;
            }
            List<String> ids = atLevel.stream().map(g -> g.id).distinct().toList();
            String q = switch (level) {
                case SERVICE -> "SELECT id, name, NULL FROM service WHERE id IN (";
                case TEAM -> "SELECT id, name, NULL FROM team WHERE id IN (";
                default -> "SELECT id, given_name, family_name FROM staff WHERE id IN (";
            } + uk.supervision.support.Sql.placeholders(ids.size()) + ")";
            Map<String, String> found = jdbc.prepareStatement(q, ps -> {
                for (int k = 0; k < ids.size(); k++) {
                    ps.setString(k + 1, ids.get(k));
                }
                Map<String, String> out = new HashMap<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), level == ResultLevel.SUPERVISOR ? rs.getString(2) + " " + rs.getString(3) : rs.getString(2));
                    }
                }
                return out;
            });
            atLevel.forEach(g -> g.name = found.getOrDefault(g.id, ""));
        }
    }
}

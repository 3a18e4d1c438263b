package uk.supervision.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.Ids;
import uk.supervision.team.Team;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every number an elected member can obtain for one flow measure (records.unsigned: numerator the records not yet
 * signed, denominator the records due, which is also the figure's group), and every one-step subtraction between
 * them: a parent minus its shown units, a period minus its shown months, and the shown units (or months) added up
 * when their parent (or period) is hidden. None may give a group of 1 to 4 records. Two months L and M, records due:
 * <pre>
 *            L    M   L..M     (every team has 5 or 6 counted staff each month, so no team is hidden whole)
 *   team A1  3    6    9       A1 in L is 3 records: hidden for its own group
 *   team A2  7    8   15
 *   team A3  6    9   15       A3 in L is hidden as the next smallest beside A1 (16 - 7 would give 9, A1 + A3)
 *   team B1  5    5   10       service B's only team
 *   service A 16  23  39, service B 5  5  10, directorate 21  28  49
 * </pre>
 * Without the period rule, A1's L..M (9) minus its M (6) gives its hidden L (3).
 */
@MicronautTest(transactional = false)
class MeasureDifferencingApiTest extends ApiTest {
    static final String KEY = "records.unsigned";
    static final int MINIMUM = 5;
    private final YearMonth m = YearMonth.now(ZoneId.of("Europe/London")).minusMonths(1);
    private final YearMonth l = m.minusMonths(1);

    /** A figure as the member got it: null numbers when hidden. */
    record Seen(Long numerator, Long denominator) {
        boolean shown() {
            return denominator != null;
        }
    }

    @Test
    void noOneStepSubtractionGivesASuppressedGroup() {
        Team a3 = team("Team A3");
        facts(world.teamA1(), new int[]{1, 1, 1, 0, 0}, new int[]{2, 1, 1, 1, 1});
        facts(world.teamA2(), new int[]{2, 2, 1, 1, 1}, new int[]{2, 2, 2, 1, 1});
        facts(a3, new int[]{1, 1, 1, 1, 1, 1}, new int[]{2, 2, 2, 1, 1, 1});
        facts(world.teamB1(), new int[]{1, 1, 1, 1, 1}, new int[]{1, 1, 1, 1, 1});
        MeasureFacts.teams(fixtures, world.org().id(), Instant.now());
        String member = api.token(world.accountOnly(Role.ELECTED_MEMBER).username(), Fixtures.PASSWORD);

        String dir = "DIRECTORATE";
        String sa = "SERVICE:" + world.serviceA().id();
        String sb = "SERVICE:" + world.serviceB().id();
        String t1 = "TEAM:" + world.teamA1().id();
        String t2 = "TEAM:" + world.teamA2().id();
        String t3 = "TEAM:" + a3.id();
        String tb = "TEAM:" + world.teamB1().id();
        Map<String, List<String>> children = Map.of(dir, List.of(sa, sb), sa, List.of(t1, t2, t3), sb, List.of(tb));
        List<String> scopes = List.of(dir, sa, sb, t1, t2, t3, tb);
        String whole = l + ".." + m;
        List<String> periods = List.of(whole, l + ".." + l, m + ".." + m);

        // Everything the member can ask for, each number kept under (scope, period); two routes must agree.
        Map<String, Seen> seen = new LinkedHashMap<>();
        for (String scope : scopes) {
            for (String p : periods) {
                JsonNode set = ok(api.get("/api/v1/measures?" + query(scope) + range(p), member));
                note(seen, scope, p, figure(set.get("measures")));
            }
            JsonNode series = ok(api.get("/api/v1/measures/series?measure=" + KEY + "&" + query(scope) + range(whole), member));
            for (JsonNode point : series.get("points")) {
                String month = point.get("month").asText();
                note(seen, scope, month + ".." + month, point.get("suppressed").asBoolean() ? new Seen(null, null)
                        : new Seen(point.get("numerator").asLong(), point.get("denominator").asLong()));
            }
        }
        for (String parent : List.of(dir, sa, sb)) {
            for (String p : periods) {
                JsonNode b = ok(api.get("/api/v1/measures/breakdown?" + query(parent) + range(p), member));
                note(seen, parent, p, figure(b.get("total").get("measures")));
                for (JsonNode row : b.get("rows")) {
                    String unit = row.get("scope").get("kind").asText() + ":" + row.get("scope").get("id").asText();
                    note(seen, unit, p, row.get("suppressed").asBoolean() ? new Seen(null, null) : figure(row.get("measures")));
                }
            }
        }

        // The script is what the member was shown: hand-worked figures, and the small month hidden.
        assertEquals(new Seen(49L, 49L), seen.get(dir + "@" + whole));
        assertEquals(new Seen(39L, 39L), seen.get(sa + "@" + whole));
        assertEquals(new Seen(15L, 15L), seen.get(t2 + "@" + whole));
        assertEquals(new Seen(6L, 6L), seen.get(t1 + "@" + m + ".." + m));
        assertFalse(seen.get(t1 + "@" + l + ".." + l).shown(), "3 records: fewer than the minimum");
        assertFalse(seen.get(t3 + "@" + l + ".." + l).shown(), "beside A1, the next smallest");
        assertEquals(scopes.size() * periods.size(), seen.size());

        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (String p : periods) {
            for (Map.Entry<String, List<String>> family : children.entrySet()) {
                leaks.addAll(subtract(seen, family.getKey() + "@" + p, family.getValue().stream().map(c -> c + "@" + p).toList()));
                tried++;
            }
        }
        for (String scope : scopes) {
            leaks.addAll(subtract(seen, scope + "@" + whole, List.of(scope + "@" + l + ".." + l, scope + "@" + m + ".." + m)));
            tried++;
        }
        assertEquals(3 * 3 + 7, tried);
        assertTrue(leaks.isEmpty(), "a suppressed group worked out: " + leaks);
    }

    /**
     * One whole and its disjoint parts (a parent and its units, a period and its months): when the whole is shown,
     * the whole minus the shown parts stands for the hidden parts together; when it is hidden and every part shown,
     * the parts added up give it. Either way a group (records due) of 1 to minimum - 1 is a leak.
     */
    private static List<String> subtract(Map<String, Seen> seen, String whole, List<String> parts) {
        Seen w = seen.get(whole);
        long numerator = 0;
        long denominator = 0;
        boolean allShown = true;
        for (String part : parts) {
            Seen s = seen.get(part);
            if (s.shown()) {
                numerator += s.numerator();
                denominator += s.denominator();
            } else {
                allShown = false;
            }
        }
        List<String> out = new ArrayList<>();
        if (w.shown() && w.denominator() - denominator > 0 && w.denominator() - denominator < MINIMUM) {
            out.add(whole + " minus the shown of " + parts + " = " + (w.numerator() - numerator) + " of " + (w.denominator() - denominator));
        }
        if (!w.shown() && allShown && denominator > 0 && denominator < MINIMUM) {
            out.add("the parts of hidden " + whole + " add up to " + numerator + " of " + denominator);
        }
        return out;
    }

    /** Records due per person in L and in M (index i is the same person both months). */
    private void facts(Team team, int[] inL, int[] inM) {
        for (int i = 0; i < inL.length; i++) {
            var s = world.worker(team, "Rec" + i, "Flow");
            MeasureFacts.person(fixtures, s, l, true, true, inL[i]);
            MeasureFacts.person(fixtures, s, m, true, true, inM[i]);
        }
    }

    private Team team(String name) {
        String id = Ids.newId();
        fixtures.execute("INSERT INTO team (id, service_id, name, created_at) VALUES (?, ?, ?, ?)", id, world.serviceA().id(), name,
                Timestamp.from(Instant.now()));
        return new Team(id, world.serviceA().id(), name, Instant.now());
    }

    private static void note(Map<String, Seen> seen, String scope, String period, Seen s) {
        String key = scope + "@" + period;
        Seen before = seen.get(key);
        if (before != null && before.shown() && s.shown()) {
            assertEquals(before, s, key + ": two routes, two figures");
        }
        // A number shown by any route is a number the member has.
        if (before == null || !before.shown()) {
            seen.put(key, s);
        }
    }

    private static Seen figure(JsonNode measures) {
        for (JsonNode mm : measures) {
            if (mm.get("key").asText().equals(KEY)) {
                return mm.get("suppressed").asBoolean() ? new Seen(null, null) : new Seen(mm.get("numerator").asLong(), mm.get("denominator").asLong());
            }
        }
        throw new AssertionError("No " + KEY + " in " + measures);
    }

    private static String query(String scope) {
        int colon = scope.indexOf(':');
        return colon < 0 ? "scope=" + scope : "scope=" + scope.substring(0, colon) + "&scopeId=" + scope.substring(colon + 1);
    }

    private static String range(String period) {
        String[] fromTo = period.split("\\.\\.");
        return "&from=" + fromTo[0] + "&to=" + fromTo[1];
    }

    private static JsonNode ok(Api.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }
}

package uk.supervision.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measures over HTTP with real tokens, on monthly facts written for this month:
 * <pre>
 *   team A1: 5 people, 4 on track, 3 with a signed agreement   (exactly the minimum group size of 5)
 *   team A2: 4 people, 1 on track, 2 signed                     (below the minimum)
 *   team B1: 5 people, 3 on track, 5 signed                     (service B's only team)
 *   service A 9 people (5 on track, 5 signed), service B 5 (3, 5), directorate 14 (8, 10)
 * </pre>
 * For an aggregate-only caller team A2 is suppressed whole, and team A1 (the only other team of service A, whose
 * total is shown) is suppressed by differencing: 9 - 5 would give A2 away. Service A's manager sees both in full.
 */
@MicronautTest(transactional = false)
class MeasureApiTest extends ApiTest {
    static final String ON_TRACK = "sessions.withinInterval";
    static final String SIGNED = "agreements.activeSigned";
    private final YearMonth month = YearMonth.now(ZoneId.of("Europe/London"));
    private final List<Staff> a1 = new ArrayList<>();
    private final List<Staff> a2 = new ArrayList<>();
    private final List<Staff> b1 = new ArrayList<>();
    private String member;
    private String manager;
    private World.Person supervisor;

    @BeforeEach
    void facts() {
        for (int i = 0; i < 5; i++) {
            a1.add(world.worker(world.teamA1(), "Ada" + i, "Measured"));
            MeasureFacts.person(fixtures, a1.get(i), month, i < 4, i < 3);
        }
        for (int i = 0; i < 4; i++) {
            a2.add(world.worker(world.teamA2(), "Abe" + i, "Measured"));
            MeasureFacts.person(fixtures, a2.get(i), month, i < 1, i < 2);
        }
        for (int i = 0; i < 5; i++) {
            b1.add(world.worker(world.teamB1(), "Bo" + i, "Measured"));
            MeasureFacts.person(fixtures, b1.get(i), month, i < 3, true);
        }
        MeasureFacts.teams(fixtures, world.org().id(), Instant.parse("2026-01-01T10:00:00Z"));
        member = token(world.accountOnly(Role.ELECTED_MEMBER));
        manager = token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER));
        supervisor = world.person(world.teamB1(), "Sid", Role.SUPERVISOR);
        world.supervise(supervisor.staff(), a1.get(4));
    }

    @Test
    void anElectedMemberSeesAggregatesWithSmallGroupsSuppressed() {
        JsonNode a2Set = ok(api.get(measures("TEAM", world.teamA2().id()), member));
        assertTrue(a2Set.get("suppressed").asBoolean(), "4 counted is below the minimum of 5: the whole team");
        assertEquals(5, a2Set.get("minimumGroupSize").asInt());
        assertFalse(a2Set.hasNonNull("population"));
        assertTrue(a2Set.get("measures").size() > 0);
        for (JsonNode m : a2Set.get("measures")) {
            assertTrue(m.get("suppressed").asBoolean(), m.toString());
            assertEquals("FEWER_THAN_MINIMUM", m.get("suppressedBecause").asText());
            assertFalse(m.hasNonNull("value"));
            assertFalse(m.hasNonNull("numerator"));
        }

        // Team B1 has exactly 5: shown, 3 of 5 on track.
        JsonNode b1Set = ok(api.get(measures("TEAM", world.teamB1().id()), member));
        assertFalse(b1Set.get("suppressed").asBoolean());
        assertEquals(5, b1Set.get("population").get("counted").asInt());
        assertFigure(measure(b1Set, ON_TRACK), 3, 5);
        assertFigure(measure(b1Set, SIGNED), 5, 5);

        // Team A1 (5) alone would give team A2 away by subtraction from service A: suppressed by differencing.
        JsonNode a1Set = ok(api.get(measures("TEAM", world.teamA1().id()), member));
        assertFalse(a1Set.get("suppressed").asBoolean());
        assertEquals("DIFFERENCING", measure(a1Set, ON_TRACK).get("suppressedBecause").asText());
        assertFalse(measure(a1Set, ON_TRACK).hasNonNull("value"));

        // The directorate: 8 of 14 on track, 10 of 14 signed, 14 - 10 = 4 without one.
        JsonNode d = ok(api.get(measures("DIRECTORATE", null), member));
        assertEquals("DIRECTORATE", d.get("scope").get("kind").asText());
        assertEquals(world.org().name(), d.get("scope").get("name").asText());
        assertFigure(measure(d, ON_TRACK), 8, 14);
        assertFigure(measure(d, SIGNED), 10, 14);
        assertEquals(4, measure(d, "agreements.missing").get("numerator").asInt());
        assertEquals(List.of("sessions.withinInterval", "sessions.overdue", "records.unsigned", "agreements.missing",
                "agreements.activeSigned"), texts(d.get("headline")));
        assertEquals(month.toString(), d.get("to").asText());
        assertEquals(month.minusMonths(11).toString(), d.get("from").asText());
        // The oldest facts were computed at the time written into measure_team_month.
        assertEquals(Instant.parse("2026-01-01T10:00:00Z"), Instant.parse(d.get("computedAt").asText()));
    }

    @Test
    void theServiceManagerSeesTheSameTeamsInFull() {
        JsonNode a2Set = ok(api.get(measures("TEAM", world.teamA2().id()), manager));
        assertFalse(a2Set.get("suppressed").asBoolean());
        assertEquals(4, a2Set.get("population").get("counted").asInt());
        assertFigure(measure(a2Set, ON_TRACK), 1, 4);
        assertFigure(measure(a2Set, SIGNED), 2, 4);
        assertFigure(measure(ok(api.get(measures("TEAM", world.teamA1().id()), manager)), ON_TRACK), 4, 5);

        // Outside service A the manager sees totals only: team B1's 5 are shown, its people are not listed.
        assertFigure(measure(ok(api.get(measures("TEAM", world.teamB1().id()), manager)), ON_TRACK), 3, 5);
        assertEquals(403, api.get(people("TEAM", world.teamB1().id(), ON_TRACK, 10), manager).status());
    }

    @Test
    void theBreakdownSuppressesTheSmallTeamAndTheNextSmallestForAMember() {
        JsonNode b = ok(api.get("/api/v1/measures/breakdown?scope=SERVICE&scopeId=" + world.serviceA().id(), member));
        assertEquals(List.of("Team A1", "Team A2"), names(b.get("rows")));
        JsonNode rowA1 = b.get("rows").get(0);
        JsonNode rowA2 = b.get("rows").get(1);
        assertFalse(rowA1.get("suppressed").asBoolean());
        assertEquals(5, rowA1.get("counted").asInt());
        assertEquals("DIFFERENCING", measure(rowA1, ON_TRACK).get("suppressedBecause").asText());
        assertTrue(rowA2.get("suppressed").asBoolean());
        assertFalse(rowA2.hasNonNull("counted"));
        assertEquals("FEWER_THAN_MINIMUM", measure(rowA2, ON_TRACK).get("suppressedBecause").asText());
        assertEquals(9, b.get("total").get("counted").asInt());
        assertFigure(measure(b.get("total"), ON_TRACK), 5, 9);
        // Only the headline measures, in their order.
        assertEquals(List.of("sessions.withinInterval", "sessions.overdue", "records.unsigned", "agreements.missing",
                "agreements.activeSigned"), keys(b.get("headline")));

        JsonNode full = ok(api.get("/api/v1/measures/breakdown?scope=SERVICE&scopeId=" + world.serviceA().id(), manager));
        assertFigure(measure(full.get("rows").get(0), ON_TRACK), 4, 5);
        assertFigure(measure(full.get("rows").get(1), ON_TRACK), 1, 4);
        assertEquals(4, full.get("rows").get(1).get("counted").asInt());

        // The directorate's services: 9 and 5, neither small.
        JsonNode d = ok(api.get("/api/v1/measures/breakdown?scope=DIRECTORATE", member));
        assertEquals(List.of(world.serviceA().name(), world.serviceB().name()), names(d.get("rows")));
        assertFigure(measure(d.get("rows").get(0), ON_TRACK), 5, 9);
        assertFigure(measure(d.get("rows").get(1), ON_TRACK), 3, 5);
        assertFigure(measure(d.get("total"), ON_TRACK), 8, 14);
    }

    @Test
    void aSeriesSaysInWordsWhatItShowsAndSuppressesMonthByMonth() {
        String monthName = month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear();
        JsonNode full = ok(api.get(series("TEAM", world.teamA2().id(), ON_TRACK), manager));
        assertEquals(12, full.get("points").size());
        JsonNode last = full.get("points").get(11);
        assertEquals(month.toString(), last.get("month").asText());
        assertEquals(0.25, last.get("value").asDouble(), 1e-9);
        assertFalse(full.get("points").get(0).hasNonNull("value"));
        assertEquals("Staff on track with one-to-one supervision was 25% in " + monthName
                + ", the only month with a figure (11 months with nothing to count).", full.get("summary").asText());

        JsonNode hidden = ok(api.get(series("TEAM", world.teamA1().id(), ON_TRACK), member));
        assertTrue(hidden.get("points").get(11).get("suppressed").asBoolean());
        assertFalse(hidden.get("points").get(11).hasNonNull("value"));
        assertEquals("Staff on track with one-to-one supervision: no month from " + month.minusMonths(11).getMonth()
                        .getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.minusMonths(11).getYear() + " to " + monthName
                        + " has a figure (1 month suppressed to protect groups of fewer than 5; 11 months with nothing to count).",
                hidden.get("summary").asText());
    }

    @Test
    void aMonthOfASmallTeamIsHiddenEvenWhenItsFigureCountsManySessions() {
        // Team A2's 4 people held 2 one-to-ones each this month: 8 sessions, a group of 8, but about 4 people.
        fixtures.execute("UPDATE measure_person_month SET one_to_one_held = 2 WHERE team_id = ?", world.teamA2().id());
        MeasureFacts.teams(fixtures, world.org().id(), Instant.now());
        String url = series("TEAM", world.teamA2().id(), "sessions.oneToOneHeld");
        assertEquals(8.0, ok(api.get(url, manager)).get("points").get(11).get("value").asDouble());
        JsonNode hidden = ok(api.get(url, member)).get("points").get(11);
        assertTrue(hidden.get("suppressed").asBoolean());
        assertFalse(hidden.hasNonNull("value"));
        // Its set is hidden whole too.
        assertTrue(measure(ok(api.get(measures("TEAM", world.teamA2().id()), member)), "sessions.oneToOneHeld").get("suppressed").asBoolean());
    }

    @Test
    void theDrillDownListsThePeopleWorstFirstPageByPageForThoseWhoMaySeeThem() {
        // One of team A1's five is not on track (a1[4]): first. The other four in a stable order after.
        List<String> seen = new ArrayList<>();
        String next = people("TEAM", world.teamA1().id(), ON_TRACK, 2);
        int pages = 0;
        while (next != null) {
            JsonNode page = ok(api.get(next, manager));
            page.get("items").forEach(i -> seen.add(i.get("staff").get("id").asText()));
            assertEquals(ON_TRACK, page.get("measure").get("key").asText());
            if (pages == 0) {
                JsonNode first = page.get("items").get(0);
                assertFalse(first.get("inNumerator").asBoolean());
                assertEquals(a1.get(4).displayName(), first.get("staff").get("displayName").asText());
                assertEquals("Team A1", first.get("team").get("name").asText());
                assertTrue(page.get("items").get(1).get("inNumerator").asBoolean());
            }
            next = page.hasNonNull("nextCursor") ? people("TEAM", world.teamA1().id(), ON_TRACK, 2) + "&cursor="
                    + page.get("nextCursor").asText() : null;
            pages++;
        }
        assertEquals(3, pages, "5 people, 2 a page");
        assertEquals(5, seen.size());
        assertEquals(ids(a1), new HashSet<>(seen));
        assertEquals(a1.get(4).id(), seen.get(0));

        // Sid supervises only a1[4]: team A1 is his supervisee's team (full view), but he is shown only her.
        String sid = token(supervisor);
        JsonNode his = ok(api.get(people("TEAM", world.teamA1().id(), ON_TRACK, 10), sid));
        assertEquals(List.of(a1.get(4).id()), texts(his.get("items"), "staff", "id"));
        assertFigure(measure(ok(api.get(measures("PERSON", a1.get(4).id()), sid)), ON_TRACK), 0, 1);

        // Totals-only callers are refused the names; a measure not about people has no one to list.
        assertEquals(403, api.get(people("TEAM", world.teamA1().id(), ON_TRACK, 10), member).status());
        Api.Response flow = api.get(people("TEAM", world.teamA1().id(), "sessions.oneToOneHeld", 10), manager);
        assertProblem(flow, 422, "#measure");
    }

    @Test
    void whoMayAskWhat() {
        String practitioner = token(world.person(world.teamA1(), "Pat", Role.PRACTITIONER));
        World.Person pat = world.person(world.teamA1(), "Pia", Role.PRACTITIONER);
        assertEquals(403, api.get(measures("TEAM", world.teamA1().id()), practitioner).status());
        assertEquals(403, api.get(measures("DIRECTORATE", null), practitioner).status());
        assertEquals(200, api.get(measures("PERSON", pat.id()), token(pat)).status(), "one's own measures");
        assertEquals(403, api.get(measures("PERSON", a1.get(0).id()), practitioner).status());
        assertEquals(403, api.get(measures("PERSON", a1.get(0).id()), member).status(), "never a person for aggregates");

        // Supervisors, HR and administrators outside their full view: totals, small groups suppressed.
        for (String caller : List.of(token(supervisor), token(world.person(world.teamA1(), "Hana", Role.HR)),
                token(world.accountOnly(Role.ADMIN)))) {
            assertTrue(ok(api.get(measures("TEAM", world.teamA2().id()), caller)).get("suppressed").asBoolean());
            assertFigure(measure(ok(api.get(measures("DIRECTORATE", null), caller)), ON_TRACK), 8, 14);
            assertEquals(403, api.get(measures("PERSON", a2.get(0).id()), caller).status());
        }
        // QA auditors and an organisation-wide head of service: everything in full.
        Staff hosStaff = world.worker(world.teamB1(), "Hal", "Head");
        String hos = api.token(fixtures.account(world.org(), hosStaff, null, Role.HEAD_OF_SERVICE).username(), Fixtures.PASSWORD);
        for (String caller : List.of(token(world.person(world.teamB1(), "Quinn", Role.QA_AUDITOR)), hos)) {
            assertFigure(measure(ok(api.get(measures("TEAM", world.teamA2().id()), caller)), ON_TRACK), 1, 4);
            assertFigure(measure(ok(api.get(measures("PERSON", a2.get(0).id()), caller)), ON_TRACK), 1, 1);
        }

        // Machine clients: with measures:read, totals of the directorate, services and teams; never a person.
        String admin = token(world.accountOnly(Role.ADMIN));
        String reporting = clientToken(admin, "measures:read");
        assertTrue(ok(api.get(measures("TEAM", world.teamA2().id()), reporting)).get("suppressed").asBoolean());
        assertFigure(measure(ok(api.get(measures("SERVICE", world.serviceB().id()), reporting)), ON_TRACK), 3, 5);
        assertEquals(403, api.get(measures("PERSON", a1.get(0).id()), reporting).status());
        assertEquals(403, api.get(people("TEAM", world.teamA1().id(), ON_TRACK, 10), reporting).status());
        assertEquals(403, api.get(measures("DIRECTORATE", null), clientToken(admin, "staff.read")).status());
    }

    @Test
    void unknownScopesAre404AndBadQuestions422() {
        World elsewhere = fixtures.organisation();
        assertProblem(api.get(measures("TEAM", UUID.randomUUID().toString()), manager), 404, null);
        assertProblem(api.get(measures("TEAM", elsewhere.teamA1().id()), manager), 404, null);
        assertProblem(api.get(measures("SERVICE", elsewhere.serviceA().id()), member), 404, null);
        assertProblem(api.get(measures("PERSON", elsewhere.worker(elsewhere.teamA1(), "Oz", "Other").id()), manager), 404, null);
        assertProblem(api.get("/api/v1/measures?scope=TEAM", manager), 422, "#scopeId");
        assertProblem(api.get("/api/v1/measures?scope=DIRECTORATE&scopeId=" + world.serviceA().id(), manager), 422, "#scopeId");
        assertProblem(api.get("/api/v1/measures/breakdown?scope=PERSON&scopeId=" + a1.get(0).id(), manager), 422, "#scope");
        assertProblem(api.get("/api/v1/measures/breakdown?scope=TEAM&scopeId=" + world.teamA1().id(), manager), 422, "#scope");
        assertProblem(api.get(series("TEAM", world.teamA1().id(), "no.such"), manager), 422, "#measure");
        assertProblem(api.get(people("TEAM", world.teamA1().id(), "no.such", 5), manager), 422, "#measure");
        // Malformed: an unknown scope kind, a month that is not one, a period backwards, a month not yet begun.
        assertEquals(400, api.get("/api/v1/measures?scope=WARD", manager).status());
        assertEquals(400, api.get("/api/v1/measures?scope=DIRECTORATE&from=2026-13", manager).status());
        assertProblem(api.get("/api/v1/measures?scope=DIRECTORATE&from=" + month + "&to=" + month.minusMonths(1), manager), 400, "#from");
        assertProblem(api.get("/api/v1/measures?scope=DIRECTORATE&to=" + month.plusMonths(1), manager), 400, "#to");
        assertEquals(401, api.get(measures("DIRECTORATE", null), null).status());
    }

    // ---- helpers

    private String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    private String clientToken(String adminToken, String scope) {
        Api.Response made = api.post("/api/v1/machine-clients", adminToken, Map.of("name", Fixtures.unique("Reporting"), "scopes", List.of(scope)));
        assertEquals(201, made.status(), made.body());
        Api.Response r = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + made.json().get("clientId").asText() + "&client_secret=" + made.json().get("clientSecret").asText());
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    private static String measures(String kind, String id) {
        return "/api/v1/measures?scope=" + kind + (id == null ? "" : "&scopeId=" + id);
    }

    private static String series(String kind, String id, String key) {
        return "/api/v1/measures/series?scope=" + kind + "&scopeId=" + id + "&measure=" + key;
    }

    private static String people(String kind, String id, String key, int limit) {
        return "/api/v1/measures/people?scope=" + kind + "&scopeId=" + id + "&measure=" + key + "&limit=" + limit;
    }

    private static JsonNode ok(Api.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static JsonNode measure(JsonNode setOrRow, String key) {
        for (JsonNode m : setOrRow.get("measures")) {
            if (m.get("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("No " + key + " in " + setOrRow);
    }

    private static void assertFigure(JsonNode m, long numerator, long denominator) {
        assertFalse(m.get("suppressed").asBoolean(), m::toString);
        assertEquals(numerator, m.get("numerator").asLong(), m::toString);
        assertEquals(denominator, m.get("denominator").asLong(), m::toString);
        assertEquals((double) numerator / denominator, m.get("value").asDouble(), 1e-9);
    }

    private static void assertProblem(Api.Response r, int status, String pointer) {
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.contentType().startsWith("application/problem+json"), r::toString);
        if (pointer != null) {
            assertEquals(pointer, r.json().get("errors").get(0).get("pointer").asText(), r::toString);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> texts(JsonNode array, String field, String inner) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.get(field).get(inner).asText()));
        return out;
    }

    private static List<String> names(JsonNode rows) {
        return texts(rows, "scope", "name");
    }

    private static List<String> keys(JsonNode definitions) {
        List<String> out = new ArrayList<>();
        definitions.forEach(d -> out.add(d.get("key").asText()));
        return out;
    }

    private static Set<String> ids(List<Staff> people) {
        Set<String> out = new HashSet<>();
        people.forEach(s -> out.add(s.id()));
        return out;
    }
}

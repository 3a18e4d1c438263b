package uk.supervision.measure;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The measures over HTTP from real records: the scripted team of MeasureScript (sessions, agreements, records,
 * a leaver, an agency worker, a starter) folded into the monthly facts by the refresher. At M's end team A1 counts
 * exactly 5 (S, P1, P3, P4, P5) and team A2 counts 1 (S2); the figures are worked out in PeopleMeasuresTest.
 */
@MicronautTest(transactional = false)
class MeasureRealFiguresApiTest extends ApiTest {
    @Inject
    MeasureFactsRefresher refresher;
    MeasureScript script;
    String period;

    @BeforeEach
    void script() {
        script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        period = "&from=" + script.l + "&to=" + script.m;
    }

    @Test
    void theManagerSeesTeamA1InFullAndAMemberSeesItHiddenBesideTheTeamOfOne() {
        String manager = token(world.person(world.teamA2(), "Meg", Role.SERVICE_MANAGER));
        JsonNode full = ok(api.get("/api/v1/measures?scope=TEAM&scopeId=" + world.teamA1().id() + period, manager));
        assertFalse(full.get("suppressed").asBoolean());
        // Counted 5; left out: P2 (left), P7 (first week), P6 (agency on 8 hours).
        JsonNode population = full.get("population");
        assertEquals(List.of(5, 1, 1, 1), List.of(population.get("counted").asInt(), population.get("leavers").asInt(),
                population.get("firstWeek").asInt(), population.get("agencyUnder10Hours").asInt()));
        // P1 and P3 have signed agreements and are within the interval: 2 of 5 each; 2 of the 5 records signed by both.
        assertFigure(measure(full, "agreements.activeSigned"), 2, 5);
        assertFigure(measure(full, "sessions.withinInterval"), 2, 5);
        assertFigure(measure(full, "records.signedByBoth"), 2, 5);

        // For a member: team A2's single counted person is hidden, so team A1, the only other team of service A, is
        // hidden by differencing (service A's 6 - team A1's 5 would give S2 away).
        String member = token(world.accountOnly(Role.ELECTED_MEMBER));
        JsonNode a1 = ok(api.get("/api/v1/measures?scope=TEAM&scopeId=" + world.teamA1().id() + period, member));
        assertFalse(a1.get("suppressed").asBoolean(), "5 counted is exactly the minimum: the team is not hidden whole");
        assertEquals("DIFFERENCING", measure(a1, "agreements.activeSigned").get("suppressedBecause").asText());
        assertTrue(ok(api.get("/api/v1/measures?scope=TEAM&scopeId=" + world.teamA2().id() + period, member)).get("suppressed").asBoolean());
        JsonNode service = ok(api.get("/api/v1/measures?scope=SERVICE&scopeId=" + world.serviceA().id() + period, member));
        assertFalse(service.get("suppressed").asBoolean());
        assertEquals(6, service.get("population").get("counted").asInt());
        assertFalse(measure(service, "agreements.activeSigned").get("suppressed").asBoolean());
    }

    @Test
    void theSeriesAndTheDrillDownFromRealRecords() {
        String manager = token(world.person(world.teamA2(), "Meg", Role.SERVICE_MANAGER));
        JsonNode series = ok(api.get("/api/v1/measures/series?scope=TEAM&measure=sessions.oneToOneHeld&scopeId="
                + world.teamA1().id() + period, manager));
        // L: P1, P2, P5 held one = 3; M: P1, P3 = 2.
        assertEquals(3.0, series.get("points").get(0).get("value").asDouble());
        assertEquals(2.0, series.get("points").get(1).get("value").asDouble());
        assertEquals("One-to-one sessions held fell from 3 to 2 sessions since "
                + script.l.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + script.l.getYear() + ".", series.get("summary").asText());

        // Worst first: the three without a signed agreement (S, P4, P5), then P1 and P3.
        JsonNode people = ok(api.get("/api/v1/measures/people?scope=TEAM&measure=agreements.activeSigned&scopeId="
                + world.teamA1().id() + period, manager));
        List<String> ids = new ArrayList<>();
        List<Boolean> in = new ArrayList<>();
        people.get("items").forEach(i -> {
            ids.add(i.get("staff").get("id").asText());
            in.add(i.get("inNumerator").asBoolean());
        });
        assertEquals(List.of(false, false, false, true, true), in);
        assertEquals(Set.of(script.s.id(), script.p4.id(), script.p5.id()), Set.copyOf(ids.subList(0, 3)));
        assertEquals(Set.of(script.p1.id(), script.p3.id()), Set.copyOf(ids.subList(3, 5)));
    }

    private String token(uk.supervision.testing.World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    private static JsonNode ok(Api.Response r) {
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    private static JsonNode measure(JsonNode set, String key) {
        for (JsonNode m : set.get("measures")) {
            if (m.get("key").asText().equals(key)) {
                return m;
            }
        }
        throw new AssertionError("No " + key + " in " + set);
    }

    private static void assertFigure(JsonNode m, long numerator, long denominator) {
        assertFalse(m.get("suppressed").asBoolean(), m::toString);
        assertEquals(numerator, m.get("numerator").asLong(), m::toString);
        assertEquals(denominator, m.get("denominator").asLong(), m::toString);
    }
}

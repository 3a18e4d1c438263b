package uk.supervision.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.testing.ApiTest;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The people measures of a scripted team (MeasureScript), read from the facts the refresher keeps; every expected
 * value is worked out by hand below from the script.
 */
@MicronautTest(transactional = false)
class PeopleMeasuresTest extends ApiTest {
    @Inject
    PeopleMeasures measures;
    @Inject
    MeasureFactsRefresher refresher;

    MeasureScript script;

    @BeforeEach
    void script() {
        script = new MeasureScript(fixtures, world).build();
        MeasureFactsRefresher.Outcome outcome = refresher.refresh(world.org().id());
        assertTrue(outcome.full(), "the organisation had never been refreshed");
    }

    private MeasureTarget team() {
        return new MeasureTarget(MeasureScopeKind.TEAM, world.org().id(), world.teamA1().id(), "Team A1", world.serviceA().id(), false);
    }

    private MeasureTarget service() {
        return new MeasureTarget(MeasureScopeKind.SERVICE, world.org().id(), world.serviceA().id(), "Service A", null, false);
    }

    private MeasureTarget person(String id) {
        return new MeasureTarget(MeasureScopeKind.PERSON, world.org().id(), id, "Person", world.serviceA().id(), false);
    }

    @Test
    void stockMeasuresAreTheLastMonthsEnd() {
        Map<String, Figure> f = measures.figures(team(), script.period());
        // Counted at M's end: S, P1, P3, P4, P5 = 5 (P2 left, P6 agency on 8 hours, P7 in the first week): exactly the minimum.
        assertEquals(5, f.get("agreements.activeSigned").groupSize());
        // Signed agreements: P1 and P3 -> 2 of 5; missing: S, P4, P5 = 3.
        assertFigure(f.get("agreements.activeSigned"), 2, 5, 0.4);
        assertEquals(3.0, f.get("agreements.missing").value());
        // P3's agreement was made with S; S2 took over on L's 15th, after signing: its review fell due then -> 1.
        assertEquals(1.0, f.get("agreements.reviewOverdue").value());
        // P1 (last held M's 5th, due 28 days later: due soon) and P3 (M's 20th: on track) are within the interval;
        // S and P4 never had a one-to-one in 2 years (breach), P5's last was L's 1st (past 6 weeks, not yet 2 months).
        assertFigure(f.get("sessions.withinInterval"), 2, 5, 0.4);
        assertEquals(3.0, f.get("sessions.overdue").value());
        assertEquals(3.0, f.get("sessions.pastLongestGap").value());
        assertEquals(2.0, f.get("sessions.inBreach").value());
        // The longest gap: S's and P4's, from their start in post to M's end.
        LocalDate end = script.m.atEndOfMonth();
        assertEquals((double) ChronoUnit.DAYS.between(script.started, end), f.get("sessions.longestGap").value());
        // All five have been employed over a year; nobody had 10 sessions in the last 12 months -> 0 of 5.
        assertFigure(f.get("sessions.annualMinimum"), 0, 5, 0.0);
        // P1's action due on M's 10th is still open; P4's was closed on M's 20th before its due date.
        assertEquals(1.0, f.get("actions.overdue").value());
        // S is the team's only manager: supervising since the start, training due 6 months later, trained after 1 month.
        assertFigure(f.get("workforce.managersTrained"), 1, 1, 1.0);
        // Caseloads 10, 20 (P1), 10, 10, 10: one above 15 -> 1 of 5; average 60 / 5 = 12.
        assertFigure(f.get("workforce.caseloadAboveLevel"), 1, 5, 0.2);
        assertEquals(12.0, f.get("workforce.averageCaseload").value());
    }

    @Test
    void flowMeasuresAddUpThePeriodsMonths() {
        Map<String, Figure> f = measures.figures(team(), script.period());
        // One-to-ones held: L: P1 (5th), P2 (3rd, still counted in L), P5 (1st); M: P1 (5th), P3 (20th) = 5.
        // P1's and P4's group session is not one of them.
        assertEquals(5.0, f.get("sessions.oneToOneHeld").value());
        assertEquals(5, f.get("sessions.oneToOneHeld").groupSize());
        assertEquals(2.0, f.get("sessions.groupHeld").value());
        // P3's cancelled session was rebooked: 1 of 1.
        assertEquals(1.0, f.get("sessions.cancelled").value());
        assertFigure(f.get("sessions.cancelledRebooked"), 1, 1, 1.0);
        // Minutes: 60 + 90 + 90 + 90 + 120 = 450 over 5 = 90; one (60) is under the 90-minute minimum: 1 of 5.
        assertFigure(f.get("sessions.averageMinutes"), 450, 5, 90.0);
        assertFigure(f.get("sessions.belowMinimumLength"), 1, 5, 0.2);
        // Records of the 5: P1's of M (signed 3 days on) and P3's (2 days on) are signed: 2 of 5, 3 not; (3 + 2) / 2 = 2.5 days.
        assertFigure(f.get("records.signedByBoth"), 2, 5, 0.4);
        assertEquals(3.0, f.get("records.unsigned").value());
        assertFigure(f.get("records.daysToSignature"), 5, 2, 2.5);
    }

    @Test
    void populationSaysWhoIsLeftOutAndWhy() {
        Population p = measures.population(team(), script.period()).orElseThrow();
        assertEquals(new Population(5, 1, 1, 1), p);
        // Service A adds S2 (team A2).
        assertEquals(6, measures.population(service(), script.period()).orElseThrow().counted());
    }

    @Test
    void seriesAndBreakdownAreOneQueryEachAndAgreeWithTheFigures() {
        Map<YearMonth, Figure> series = measures.series(team(), "sessions.oneToOneHeld", script.period());
        // L: P1, P2, P5 = 3; M: P1, P3 = 2.
        assertEquals(3.0, series.get(script.l).value());
        assertEquals(2.0, series.get(script.m).value());

        Map<String, Map<String, Figure>> breakdown = measures.breakdown(service(), script.period(),
                Set.of("sessions.oneToOneHeld", "agreements.activeSigned"));
        assertEquals(5.0, breakdown.get(world.teamA1().id()).get("sessions.oneToOneHeld").value());
        // Team A2: S2 alone, no agreement.
        assertFigure(breakdown.get(world.teamA2().id()).get("agreements.activeSigned"), 0, 1, 0.0);
        assertFalse(breakdown.get(world.teamA2().id()).containsKey("sessions.overdue"), "only the keys asked for");

        Map<String, Map<YearMonth, Figure>> byTeam = measures.seriesBreakdown(service(), "sessions.oneToOneHeld", script.period());
        assertEquals(2.0, byTeam.get(world.teamA1().id()).get(script.m).value());
    }

    @Test
    void aPersonsOwnFiguresAndTheDrillDown() {
        Map<String, Figure> p1 = measures.figures(person(script.p1.id()), script.period());
        assertFigure(p1.get("agreements.activeSigned"), 1, 1, 1.0);
        // P1: two one-to-ones (L's 5th, M's 5th), one record signed of two.
        assertEquals(2.0, p1.get("sessions.oneToOneHeld").value());
        assertFigure(p1.get("records.signedByBoth"), 1, 2, 0.5);

        List<MeasureSource.PersonFigure> people = measures.people(team(), "sessions.withinInterval", script.period()).orElseThrow();
        assertEquals(5, people.size());
        // Worst first: the three not within the interval, then P1 and P3.
        assertEquals(Set.of(script.s.id(), script.p4.id(), script.p5.id()),
                people.subList(0, 3).stream().map(MeasureSource.PersonFigure::staffId).collect(Collectors.toSet()));
        assertEquals(Set.of(script.p1.id(), script.p3.id()),
                people.subList(3, 5).stream().map(MeasureSource.PersonFigure::staffId).collect(Collectors.toSet()));
        assertFalse(people.get(0).inNumerator());
        assertTrue(people.get(4).inNumerator());
        assertTrue(measures.people(team(), "not.a.measure", script.period()).isEmpty());
    }

    @Test
    void theMonthRowsFollowTheTimeline() {
        String org = world.org().id();
        // P5 finished the ASYE on M's 15th: newly qualified at L's end, registered at M's.
        assertEquals("NEWLY_QUALIFIED", fixtures.string("SELECT category FROM measure_person_month WHERE organisation_id = ? AND staff_id = ? "
                + "AND month_start = ?", org, script.p5.id(), java.sql.Date.valueOf(script.l.atDay(1))));
        assertEquals("REGISTERED_SOCIAL_WORKER", fixtures.string("SELECT category FROM measure_person_month WHERE organisation_id = ? "
                + "AND staff_id = ? AND month_start = ?", org, script.p5.id(), java.sql.Date.valueOf(script.m.atDay(1))));
        // P3's supervisor at L's end is S2 (from the 15th).
        assertEquals(script.s2.id(), fixtures.string("SELECT supervisor_id FROM measure_person_month WHERE organisation_id = ? "
                + "AND staff_id = ? AND month_start = ?", org, script.p3.id(), java.sql.Date.valueOf(script.l.atDay(1))));
        // P2 has no row after the month they left; P7 none before the month they started.
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE staff_id = ? AND month_start > ?",
                script.p2.id(), java.sql.Date.valueOf(script.m.atDay(1))));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE staff_id = ? AND month_start < ?",
                script.p7.id(), java.sql.Date.valueOf(script.m.atDay(1))));
        assertEquals("FIRST_WEEK", fixtures.string("SELECT excluded_because FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                script.p7.id(), java.sql.Date.valueOf(script.m.atDay(1))));
        // P4's group session is a group session, never a one-to-one.
        assertEquals(1, fixtures.count("SELECT group_held FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                script.p4.id(), java.sql.Date.valueOf(script.m.atDay(1))));
        assertEquals(0, fixtures.count("SELECT one_to_one_held FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                script.p4.id(), java.sql.Date.valueOf(script.m.atDay(1))));
        // The team row of M is the sum of its people: 5 counted.
        assertEquals(5, fixtures.count("SELECT counted_staff FROM measure_team_month WHERE team_id = ? AND month_start = ?",
                world.teamA1().id(), java.sql.Date.valueOf(script.m.atDay(1))));
        assertNull(fixtures.string("SELECT excluded_because FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                script.s.id(), java.sql.Date.valueOf(script.m.atDay(1))));
    }

    private static void assertFigure(Figure f, long numerator, long denominator, double value) {
        assertEquals(numerator, f.numerator(), f.key() + " numerator");
        assertEquals(denominator, f.denominator(), f.key() + " denominator");
        assertEquals(value, f.value(), 1e-9, f.key() + " value");
    }
}

package uk.supervision.measure;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.staff.Staff;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.StatementCounter;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The refresher folds changes in, recomputes nobody else, and costs the same statements however many people and months. */
@MicronautTest(transactional = false)
@Property(name = StatementCounter.ENABLED, value = "true")
class MeasureFactsRefresherTest extends ApiTest {
    @Inject
    MeasureFactsRefresher refresher;
    @Inject
    PeopleMeasures measures;
    @Inject
    MeasureFactsJob job;

    /** Moves the watermark to now, as if every change so far had been folded in. */
    private void allFoldedIn() throws InterruptedException {
        fixtures.execute("UPDATE measure_refresh SET changes_up_to = ? WHERE organisation_id = ?", Timestamp.from(Instant.now()), world.org().id());
        // A change made next is stamped after the watermark: MariaDB here keeps whole seconds, so a second later.
        Thread.sleep(1100);
    }

    private String computedAt(Staff person, YearMonth month) {
        return fixtures.string("SELECT computed_at FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                person.id(), Date.valueOf(month.atDay(1)));
    }

    private String teamComputedAt(String teamId, YearMonth month) {
        return fixtures.string("SELECT computed_at FROM measure_team_month WHERE team_id = ? AND month_start = ?", teamId,
                Date.valueOf(month.atDay(1)));
    }

    private long countedStaff(String teamId, YearMonth month) {
        return fixtures.count("SELECT counted_staff FROM measure_team_month WHERE team_id = ? AND month_start = ?", teamId,
                Date.valueOf(month.atDay(1)));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    /** The scheduled path itself, as a running service takes it: its own connection and transaction per organisation. */
    @Test
    void theScheduledJobBuildsAnOrganisationsFactsOnItsOwn() {
        String org = world.org().id();
        world.person(world.teamA1(), "Jo", uk.supervision.api.model.Role.PRACTITIONER);
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM measure_refresh WHERE organisation_id = ?", org), "never refreshed yet");
        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'measure-facts'");
        int refreshed = job.run();
        assertTrue(refreshed >= 1, "organisations refreshed: " + refreshed);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM measure_refresh WHERE organisation_id = ?", org));
        assertTrue(fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE organisation_id = ?", org) > 0,
                "the organisation's people have their months");
        assertNull(fixtures.string("SELECT holder FROM scheduler_lease WHERE name = 'measure-facts'"),
                "the lease is let go when the run ends, so the next service on this database need not wait for it");
    }

    @Test
    void aSignatureIsFoldedInAndNobodyElseIsRecomputed() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        allFoldedIn();
        String p5Before = computedAt(script.p5, script.l);
        String p1Before = computedAt(script.p1, script.l);

        // P1's record of L's 5th is signed on L's 9th (the signature moves the record's updated_at, as signing does).
        fixtures.execute("UPDATE session_record SET status = 'SIGNED', signed_at = ?, updated_at = ? WHERE session_id = ?",
                MeasureScript.noon(script.l.atDay(9)), now(), script.p1RecordL);
        MeasureFactsRefresher.Outcome outcome = refresher.refresh(world.org().id());

        assertFalse(outcome.full());
        // P1 and the supervisor S (the other side of P1's relation), nobody else; nothing recomputed for the day.
        assertEquals(2, outcome.peopleRewritten());
        assertEquals(0, outcome.peopleRecomputedForToday());
        assertNotEquals(p1Before, computedAt(script.p1, script.l));
        assertEquals(p5Before, computedAt(script.p5, script.l), "P5 had no change");
        // Records signed by both: 3 of 5 now; days to signature (3 + 2 + 4) / 3 = 3.
        MeasureTarget team = new MeasureTarget(MeasureScopeKind.TEAM, world.org().id(), world.teamA1().id(), "Team A1", null, false);
        Figure signed = measures.figures(team, script.period()).get("records.signedByBoth");
        assertEquals(3, signed.numerator());
        assertEquals(3.0, measures.figures(team, script.period()).get("records.daysToSignature").value());
    }

    @Test
    void eachKindOfChangeIsFound() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        String org = world.org().id();
        // Each row below moves the time column the refresher reads for one table; the person's months are rewritten.
        record Change(String what, Staff person, String sql, Object... args) {
        }
        Change[] changes = {
                new Change("a session (cancelled, held, timed)", script.p3, "UPDATE supervision_session SET updated_at = ? WHERE id = ?", null, script.p3Cancelled),
                new Change("a record (written, signed)", script.p1, "UPDATE session_record SET updated_at = ? WHERE session_id = ?", null, script.p1RecordL),
                new Change("an agreement", script.p3, "UPDATE agreement SET updated_at = ? WHERE supervisee_id = ?", null, script.p3.id()),
                new Change("an action", script.p4, "UPDATE supervision_action SET updated_at = ? WHERE supervisee_id = ?", null, script.p4.id()),
                new Change("the staff row (training, leaving)", script.p6, "UPDATE staff SET updated_at = ? WHERE id = ?", null, script.p6.id()),
                new Change("an attribute change", script.p5, "UPDATE staff_attribute_change SET recorded_at = ? WHERE staff_id = ?", null, script.p5.id()),
                new Change("a move", script.p7, "UPDATE staff_team_history SET recorded_at = ? WHERE staff_id = ?", null, script.p7.id()),
                new Change("a new supervisor (both sides)", script.s2, "UPDATE supervision_relation SET created_at = ? WHERE supervisor_id = ?", null, script.s2.id()),
        };
        for (Change c : changes) {
            allFoldedIn();
            String before = computedAt(c.person(), script.m);
            Object[] args = c.args().clone();
            args[0] = now();
            // Some tables are insert-only for the service's account: the schema owner moves the time instead.
            assertTrue(fixtures.asMigrationAccount(c.sql(), args) > 0, c.what());
            MeasureFactsRefresher.Outcome outcome = refresher.refresh(org);
            assertTrue(outcome.peopleRewritten() >= 1, c.what());
            assertNotEquals(before, computedAt(c.person(), script.m), c.what() + " was not folded in");
        }
        // The supervisee side of the new relation too: P3 was rewritten with S2.
        allFoldedIn();
        String p3Before = computedAt(script.p3, script.m);
        fixtures.execute("UPDATE supervision_relation SET created_at = ? WHERE supervisor_id = ?", now(), script.s2.id());
        refresher.refresh(org);
        assertNotEquals(p3Before, computedAt(script.p3, script.m));
    }

    @Test
    void onceADayEveryoneCurrentAndPreviousMonthAreRecomputed() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        allFoldedIn();
        fixtures.execute("UPDATE measure_refresh SET all_recomputed_on = ? WHERE organisation_id = ?",
                Date.valueOf(LocalDate.now().minusDays(1)), world.org().id());
        String oldMonth = computedAt(script.p5, script.m);
        String thisMonth = computedAt(script.p5, YearMonth.now());

        MeasureFactsRefresher.Outcome outcome = refresher.refresh(world.org().id());
        // Everyone but P2, who left before last month began: S, S2, P1, P3, P4, P5, P6, P7 = 8.
        assertEquals(8, outcome.peopleRecomputedForToday());
        assertEquals(0, outcome.peopleRewritten());
        assertNotEquals(thisMonth, computedAt(script.p5, YearMonth.now()));
        assertEquals(oldMonth, computedAt(script.p5, script.m), "an older month is left as it was");
        // Not again the same day.
        assertEquals(0, refresher.refresh(world.org().id()).peopleRecomputedForToday());
    }

    /** A person's facts of a month, every figure the sessions and actions feed, as one line. */
    private String facts(Staff person, YearMonth month) {
        return fixtures.string("SELECT CONCAT_WS(' ', within_interval, past_longest_gap, in_breach, longest_gap_days, one_to_one_held, "
                + "group_held, held_last_12_months, meets_annual_minimum, cancelled, minutes_held, records_due, actions_overdue) "
                + "FROM measure_person_month WHERE staff_id = ? AND month_start = ?", person.id(), Date.valueOf(month.atDay(1)));
    }

    @Test
    void theDailyRecomputeReadsFromABoundAndGivesWhatAFullRebuildGives() throws Exception {
        LocalDate today = LocalDate.now();
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        Staff supervisor = world.worker(world.teamA1(), "Sal", "Visor");
        Staff longServer = fixtures.staff(world.org(), world.teamA1(), null, "Lin", "Longserver", "REGISTERED_SOCIAL_WORKER",
                "PERMANENT", today.minusYears(6));
        fixtures.supervise(supervisor, longServer, today.minusYears(6));
        MeasureScript script = new MeasureScript(fixtures, world);
        // Six years of one-to-ones every three months, the last 16 months ago: before the daily recompute's bound
        // (13 months before last month began), so only "the last one before the bound" can give the clock and the gap.
        LocalDate last = today.minusMonths(16);
        for (LocalDate d = today.minusYears(6).plusMonths(1); !d.isAfter(last); d = d.plusMonths(3)) {
            script.session(supervisor, "ONE_TO_ONE", "HELD", d, 60, longServer);
        }
        script.session(supervisor, "ONE_TO_ONE", "HELD", last, 75, longServer);
        script.session(supervisor, "ONE_TO_ONE", "CANCELLED", previous.atDay(5), null, longServer);
        script.session(supervisor, "GROUP", "HELD", previous.atDay(10), 90, longServer);
        // An action overdue for five years and still open; one closed four years ago (before the bound: not read).
        script.action(longServer, today.minusYears(5), today.minusYears(5).minusDays(10), "OPEN", null);
        script.action(longServer, today.minusYears(4), today.minusYears(4).minusDays(10), "DONE", today.minusYears(4));

        refresher.rebuild(world.org().id());
        String fullPrevious = facts(longServer, previous);
        String fullCurrent = facts(longServer, YearMonth.now());
        // Hand-worked: the gap runs from the last session to today; nothing held in the last year; one action overdue.
        long gap = java.time.temporal.ChronoUnit.DAYS.between(last, today);
        assertEquals(gap, fixtures.count("SELECT longest_gap_days FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                longServer.id(), Date.valueOf(YearMonth.now().atDay(1))));
        assertEquals(0, fixtures.count("SELECT held_last_12_months + one_to_one_held FROM measure_person_month WHERE staff_id = ? "
                + "AND month_start = ?", longServer.id(), Date.valueOf(YearMonth.now().atDay(1))));
        assertEquals(1, fixtures.count("SELECT actions_overdue FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                longServer.id(), Date.valueOf(YearMonth.now().atDay(1))));
        assertEquals(2, fixtures.count("SELECT cancelled + group_held FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                longServer.id(), Date.valueOf(previous.atDay(1))));

        // The daily recompute rewrites those two months from what it reads: they come out the same.
        fixtures.execute("DELETE FROM measure_person_month WHERE staff_id = ? AND month_start >= ?", longServer.id(),
                Date.valueOf(previous.atDay(1)));
        allFoldedIn();
        fixtures.execute("UPDATE measure_refresh SET all_recomputed_on = ? WHERE organisation_id = ?",
                Date.valueOf(today.minusDays(1)), world.org().id());
        MeasureFactsRefresher.Outcome outcome = refresher.refresh(world.org().id());
        assertEquals(0, outcome.peopleRewritten());
        assertEquals(2, outcome.peopleRecomputedForToday());
        assertEquals(fullPrevious, facts(longServer, previous));
        assertEquals(fullCurrent, facts(longServer, YearMonth.now()));
        // Older months are not touched: all months from the employment start are still there.
        assertEquals(PersonMonths.months(today.minusYears(6), null, today).size(),
                fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE staff_id = ?", longServer.id()));
    }

    @Test
    void theStatementsOfARebuildDoNotGrowWithPeopleOrMonths() {
        new MeasureScript(fixtures, world).build();
        StatementCounter.reset();
        refresher.rebuild(world.org().id());
        int small = StatementCounter.count();

        // A second organisation: the same script, five more people with four years of history and sessions each.
        World bigger = fixtures.organisation();
        MeasureScript more = new MeasureScript(fixtures, bigger).build();
        for (int i = 0; i < 5; i++) {
            Staff extra = fixtures.staff(bigger.org(), bigger.teamA1(), null, "Extra", "Person" + i, "REGISTERED_SOCIAL_WORKER",
                    "PERMANENT", LocalDate.now().minusYears(4));
            fixtures.supervise(more.s, extra, LocalDate.now().minusYears(4));
            for (int k = 1; k <= 6; k++) {
                more.session(more.s, "ONE_TO_ONE", "HELD", LocalDate.now().minusMonths(k * 6L), 90, extra);
            }
        }
        StatementCounter.reset();
        refresher.rebuild(bigger.org().id());
        int large = StatementCounter.count();
        assertEquals(small, large, String.join("\n", StatementCounter.statements()));
        assertTrue(fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE organisation_id = ?", bigger.org().id())
                > fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE organisation_id = ?", world.org().id()) + 5 * 40);
    }

    @Test
    void eachReadOfTheMeasuresIsOneStatement() {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        MeasureTarget directorate = new MeasureTarget(MeasureScopeKind.DIRECTORATE, world.org().id(), null, "Directorate", null, true);
        MeasureTarget team = new MeasureTarget(MeasureScopeKind.TEAM, world.org().id(), world.teamA1().id(), "Team A1", null, false);
        // A ten-year period reads no more than a two-month one.
        MeasurePeriod decade = new MeasurePeriod(YearMonth.now().minusMonths(119), YearMonth.now(), LocalDate.now());
        for (MeasurePeriod period : new MeasurePeriod[]{script.period(), decade}) {
            StatementCounter.reset();
            measures.figures(directorate, period);
            measures.breakdown(directorate, period, java.util.Set.copyOf(PeopleMeasures.keys()));
            measures.series(team, "sessions.withinInterval", period);
            measures.seriesBreakdown(directorate, "sessions.withinInterval", period);
            measures.population(team, period);
            measures.people(team, "sessions.overdue", period);
            assertEquals(6, StatementCounter.count(), String.join("\n", StatementCounter.statements()));
        }
    }

    @Test
    void aTrainingDateKeptThroughTheApiIsFoldedIn() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        allFoldedIn();
        Date m = Date.valueOf(script.m.atDay(1));
        assertEquals(1, fixtures.count("SELECT trained_in_time FROM measure_person_month WHERE staff_id = ? AND month_start = ?", script.s.id(), m));

        // HR records that S completed the training 7 months after becoming a supervisor: after the 6-month deadline.
        String hr = api.token(world.person(null, "Hannah", uk.supervision.api.model.Role.HR).username(), uk.supervision.testing.Fixtures.PASSWORD);
        uk.supervision.testing.Api.Response read = api.get("/api/v1/staff/" + script.s.id(), hr);
        com.fasterxml.jackson.databind.JsonNode s = read.json();
        java.util.Map<String, Object> body = new java.util.HashMap<>();
        for (String f : new String[]{"givenName", "familyName", "email", "jobTitle", "category", "employmentType", "employmentStartDate",
                "postStartDate"}) {
            body.put(f, s.get(f).asText());
        }
        body.put("weeklyHours", s.get("weeklyHours").asDouble());
        body.put("carriesCaseload", s.get("carriesCaseload").asBoolean());
        body.put("caseloadSize", s.get("caseloadSize").asInt());
        body.put("supervisionTrainingCompletedOn", script.started.plusMonths(7).toString());
        uk.supervision.testing.Api.Response updated = api.put("/api/v1/staff/" + script.s.id(), hr, body, read.header("ETag"));
        assertEquals(200, updated.status(), updated.body());

        MeasureFactsRefresher.Outcome outcome = refresher.refresh(world.org().id());
        assertTrue(outcome.peopleRewritten() >= 1);
        assertEquals(1, fixtures.count("SELECT training_due FROM measure_person_month WHERE staff_id = ? AND month_start = ?", script.s.id(), m));
        assertEquals(0, fixtures.count("SELECT trained_in_time FROM measure_person_month WHERE staff_id = ? AND month_start = ?", script.s.id(), m));
    }
    @Test
    void onlyTheTeamsOfThePeopleRewrittenAreRebuilt() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        allFoldedIn();
        String a1Before = teamComputedAt(world.teamA1().id(), script.l);
        String a2Before = teamComputedAt(world.teamA2().id(), script.l);
        assertNotNull(a2Before, "S2 (team A2) has a row in L");

        // P1's record is signed: P1 and S are rewritten, both in team A1, so team A1's months are rebuilt and team A2's are not.
        fixtures.execute("UPDATE session_record SET status = 'SIGNED', signed_at = ?, updated_at = ? WHERE session_id = ?",
                MeasureScript.noon(script.l.atDay(9)), now(), script.p1RecordL);
        MeasureFactsRefresher.Outcome outcome = refresher.refresh(world.org().id());

        assertEquals(2, outcome.peopleRewritten());
        assertNotEquals(a1Before, teamComputedAt(world.teamA1().id(), script.l));
        assertEquals(a2Before, teamComputedAt(world.teamA2().id(), script.l), "team A2 had nobody rewritten");
    }

    @Test
    void aMoveRebuildsTheOldTeamAndTheNewOne() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        refresher.refresh(world.org().id());
        allFoldedIn();
        long a1 = countedStaff(world.teamA1().id(), script.m);
        long a2 = countedStaff(world.teamA2().id(), script.m);

        // P5 (counted in team A1 in M) is recorded as having been in team A2 all along: A1 counts one fewer in M, A2 one more.
        fixtures.asMigrationAccount("UPDATE staff_team_history SET team_id = ?, recorded_at = ? WHERE staff_id = ?",
                world.teamA2().id(), now(), script.p5.id());
        refresher.refresh(world.org().id());

        assertEquals(a1 - 1, countedStaff(world.teamA1().id(), script.m));
        assertEquals(a2 + 1, countedStaff(world.teamA2().id(), script.m));
    }

    @Test
    void aSupervisorsChangeLeavesPeopleTheyStoppedSupervisingLongAgo() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        // Olive was supervised by S from five years ago until three years ago, and by nobody since.
        Staff olive = fixtures.staff(world.org(), world.teamA1(), null, "Olive", "Old", "REGISTERED_SOCIAL_WORKER", "PERMANENT",
                LocalDate.now().minusYears(5));
        String relation = fixtures.supervise(script.s, olive, LocalDate.now().minusYears(5)).id();
        fixtures.asMigrationAccount("UPDATE supervision_relation SET to_date = ? WHERE id = ?", Date.valueOf(LocalDate.now().minusYears(3)), relation);
        refresher.refresh(world.org().id());
        allFoldedIn();
        String oliveBefore = computedAt(olive, script.m);
        String p1Before = computedAt(script.p1, script.m);

        fixtures.execute("UPDATE staff SET updated_at = ? WHERE id = ?", now(), script.s.id());
        refresher.refresh(world.org().id());

        assertNotEquals(p1Before, computedAt(script.p1, script.m), "P1, supervised by S now, is recomputed with S");
        assertEquals(oliveBefore, computedAt(olive, script.m), "Olive's relation with S ended three years ago");
    }

    @Test
    void aLeaversRemovedRelationStillRecomputesTheOtherSide() throws Exception {
        MeasureScript script = new MeasureScript(fixtures, world).build();
        // Quinn (team A2) has been supervised by S2 for the last 10 days only.
        Staff quinn = world.worker(world.teamA2(), "Quinn", "Partner");
        LocalDate from = LocalDate.now().minusDays(10);
        fixtures.supervise(script.s2, quinn, from);
        refresher.refresh(world.org().id());
        allFoldedIn();
        Date thisMonth = Date.valueOf(YearMonth.now().atDay(1));
        assertEquals(script.s2.id(), fixtures.string("SELECT supervisor_id FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                quinn.id(), thisMonth));

        // S2's leaving date is recorded late, 20 days ago: as the leaver service does, relations open then end on it and the
        // one starting after it (Quinn's) is removed. Only S2's staff row carries the time of the change.
        LocalDate last = LocalDate.now().minusDays(20);
        fixtures.asMigrationAccount("UPDATE staff SET leaving_date = ?, updated_at = ? WHERE id = ?", Date.valueOf(last), now(), script.s2.id());
        fixtures.asMigrationAccount("UPDATE supervision_relation SET to_date = ? WHERE supervisor_id = ? AND from_date <= ? "
                + "AND (to_date IS NULL OR to_date > ?)", Date.valueOf(last), script.s2.id(), Date.valueOf(last), Date.valueOf(last));
        assertEquals(1, fixtures.asMigrationAccount("DELETE FROM supervision_relation WHERE supervisor_id = ? AND from_date > ?",
                script.s2.id(), Date.valueOf(last)));
        refresher.refresh(world.org().id());

        // Quinn now has no supervisor this month.
        assertNull(fixtures.string("SELECT supervisor_id FROM measure_person_month WHERE staff_id = ? AND month_start = ?",
                quinn.id(), thisMonth));
    }
}

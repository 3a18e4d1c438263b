package uk.supervision.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.ApiTest;

import java.sql.Connection;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.measure.CaseworkMeasuresTest.LONDON;
import static uk.supervision.measure.CaseworkMeasuresTest.assertShare;
import static uk.supervision.measure.CaseworkMeasuresTest.at;
import static uk.supervision.measure.CaseworkMeasuresTest.directorate;
import static uk.supervision.measure.CaseworkMeasuresTest.service;
import static uk.supervision.measure.CaseworkMeasuresTest.team;

/**
 * The source facts (decision 0037): the job folds in a new signed discussion, acknowledgement, signed audit and
 * Part 2 answers and writes again only the months they touch, and lets its lease go; and the facts give, for every
 * scope above a person and every grouping, exactly what the rows give. Months: m1 two months ago, m2 last month,
 * m3 this month (Europe/London).
 */
@MicronautTest(transactional = false)
class SourceFactsRefresherTest extends ApiTest {
    private static final Timestamp LONG_AGO = Timestamp.from(Instant.parse("2000-01-01T00:00:00Z"));
    private final LocalDate today = LocalDate.now(LONDON);
    private final YearMonth m3 = YearMonth.from(today);
    private final YearMonth m2 = m3.minusMonths(1);
    private final YearMonth m1 = m3.minusMonths(2);

    @Inject
    SourceFactsRefresher refresher;
    @Inject
    SourceFactsJob job;
    @Inject
    CaseDiscussionMeasures discussions;
    @Inject
    DecisionMeasures decisions;
    @Inject
    AuditMeasures audits;
    @Inject
    QuestionnaireMeasure questionnaire;
    @Inject
    List<FactSource> sources;
    @Inject
    JdbcOperations jdbc;
    @Inject
    TransactionOperations<Connection> transactions;

    @Test
    void theJobFoldsInChangesRewritingOnlyTheirMonthsAndLetsItsLeaseGo() {
        String org = world.org().id();
        SourceRows rows = new SourceRows(fixtures, org);
        Staff priya = world.worker(world.teamA1(), "Priya", "Supervisor");
        Staff sam = world.worker(world.teamA1(), "Sam", "Worker");
        Staff bo = world.worker(world.teamB1(), "Bo", "Worker");
        Staff quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR).staff();
        String child = rows.child(sam);
        String question = rows.ratedQuestion();
        // Written when signed: a discussion recording the view (m1), a decision filed in 2 hours (m1), one signed
        // half an hour ago and not yet filed (m3: not yet due), a Good audit (m1).
        rows.discussion(child, sam, priya, at(m1, 10, 12), at(m1, 10, 12), null);
        rows.decision(child, sam, sam.teamId(), at(m1, 10, 12), at(m1, 10, 14));
        String recent = rows.decision(child, sam, sam.teamId(), Instant.now().minus(Duration.ofMinutes(30)), null);
        rows.audit("AD_HOC", sam, quinn, at(m1, 12, 12), "GOOD", Map.of(question, 2), "MANAGEMENT");

        // Never refreshed: the job builds the organisation's facts whole, and lets its lease go.
        assertTrue(job.run() >= 1);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM scheduler_lease WHERE name = ? AND holder IS NULL AND lease_until IS NULL",
                SourceFactsJob.LEASE), "the lease is free again");
        MeasurePeriod period = new MeasurePeriod(m1, m3, today);
        Quarter last = Quarter.of(today).previous();
        MeasurePeriod lastQuarter = new MeasurePeriod(YearMonth.from(last.firstDay()), YearMonth.from(last.lastDay()), today);
        // Before: 1 discussion, recorded -> 1/1; decisions 2 signed, 1 not yet due, the other in time -> 1/1 of 2;
        // audits: 1 Good; Part 2: nobody last quarter.
        assertShare(discussions.figures(directorate(world), period).get(CaseDiscussionMeasures.VIEW_RECORDED), 1, 1, 1);
        assertShare(decisions.figures(directorate(world), period).get(DecisionMeasures.FILED_WITHIN_24_HOURS), 1, 1, 2);
        Figure grades = audits.figures(directorate(world), period).get(AuditMeasures.GRADES);
        assertEquals(List.of(1L, 0L), List.of(grades.parts().get(1).count(), grades.parts().get(2).count()), grades.toString());
        assertEquals(0, questionnaire.figures(directorate(world), lastQuarter).get(QuestionnaireMeasure.STATEMENTS).groupSize());

        // Everything above is older than the watermark (the people too: their rows and team history were written
        // long ago); the facts written so far are marked to see which are rewritten.
        fixtures.execute("UPDATE staff SET updated_at = ? WHERE organisation_id = ?", LONG_AGO, org);
        fixtures.execute("UPDATE staff_team_history SET recorded_at = ? WHERE staff_id IN (SELECT id FROM staff WHERE organisation_id = ?)", LONG_AGO, org);
        fixtures.execute("UPDATE measure_source_refresh SET changes_up_to = ? WHERE organisation_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofMinutes(1))), org);
        fixtures.execute("UPDATE measure_source_month SET computed_at = ? WHERE organisation_id = ?", LONG_AGO, org);
        long m1Facts = monthFacts(m1, false);
        assertTrue(m1Facts >= 3, "m1 holds a discussion, decision, grade and rating row: " + m1Facts);

        // Now: a discussion signed late for m2 (Bo declined), the recent decision filed (in time: only this touches
        // m3), Bo's audit signed for m2 (Requires improvement), and five Part 2 answers for last quarter.
        Instant now = Instant.now();
        rows.discussion(child, bo, priya, at(m2, 5, 12), now, "DECLINED");
        rows.acknowledge(recent, now);
        String late = rows.audit("AD_HOC", bo, quinn, at(m2, 25, 12), "REQUIRES_IMPROVEMENT", Map.of(question, 4), "MANAGEMENT");
        fixtures.execute("UPDATE file_audit SET updated_at = ? WHERE id = ?", Timestamp.from(now), late); // signed for m2, written now
        for (int i = 0; i < 5; i++) {
            rows.response(last, bo, Map.of("s1", 1));
        }
        assertTrue(job.run() >= 1);

        // After: 2 discussions, 1 recorded -> 1/2, 1 declined; decisions both in time -> 2/2 of 2; audits 1 Good,
        // 1 Requires improvement; Part 2: 5 respondents last quarter.
        Map<String, Figure> cd = discussions.figures(directorate(world), period);
        assertShare(cd.get(CaseDiscussionMeasures.VIEW_RECORDED), 1, 2, 2);
        assertEquals(1L, cd.get(CaseDiscussionMeasures.REASON_GIVEN).parts().get(2).count());
        assertShare(decisions.figures(directorate(world), period).get(DecisionMeasures.FILED_WITHIN_24_HOURS), 2, 2, 2);
        grades = audits.figures(directorate(world), period).get(AuditMeasures.GRADES);
        assertEquals(List.of(1L, 1L), List.of(grades.parts().get(1).count(), grades.parts().get(2).count()), grades.toString());
        assertEquals(5, questionnaire.figures(directorate(world), lastQuarter).get(QuestionnaireMeasure.STATEMENTS).groupSize());
        assertEquals(5, questionnaire.figures(service(world, world.serviceB().id()), lastQuarter).get(QuestionnaireMeasure.STATEMENTS).groupSize());

        // Only m2 and m3 were written again: every m1 row is as it was; no m2 or m3 row is.
        assertEquals(m1Facts, monthFacts(m1, true), "m1 untouched");
        assertEquals(0, monthFacts(m2, true) + monthFacts(m3, true), "m2 and m3 rewritten");
        assertTrue(monthFacts(m2, false) > 0 && monthFacts(m3, false) > 0);

        // Straight after: only the changes within the overlap (the same two months) again, and no quarter (its
        // count of responses has not changed); the daily recompute was done today.
        SourceFactsRefresher.Outcome again = refresher.refresh(org);
        assertEquals(new SourceFactsRefresher.Outcome(false, 2, 0, again.rowsWritten()), again);
    }

    @Test
    void factsGiveWhatTheRowsGiveForEveryScopeAndGrouping() {
        String org = world.org().id();
        SourceRows rows = new SourceRows(fixtures, org);
        Staff priya = world.worker(world.teamA1(), "Priya", "Supervisor");
        Staff sam = world.worker(world.teamA1(), "Sam", "Worker");
        Staff ash = world.worker(world.teamA2(), "Ash", "Worker");
        Staff bo = world.worker(world.teamB1(), "Bo", "Worker");
        Staff quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR).staff();
        String child = rows.child(sam);
        String question = rows.ratedQuestion();
        rows.discussion(child, sam, priya, at(m1.minusMonths(1), 20, 12), at(m1.minusMonths(1), 20, 12), null);  // before the period
        rows.discussion(child, sam, priya, at(m1, 3, 12), at(m1, 3, 12), null);
        rows.discussion(child, sam, priya, at(m2, 3, 12), at(m2, 3, 12), "TOO_YOUNG");
        rows.discussion(child, ash, priya, at(m2, 4, 12), at(m2, 4, 12), "DECLINED");
        rows.discussion(child, bo, priya, at(m3, 1, 0).plusSeconds(60), at(m3, 1, 0), null);
        // Sam moved to team A2 from m2's first day: his m1 discussion stays in A1, his m2 one is A2's.
        fixtures.execute("UPDATE staff SET team_id = ? WHERE id = ?", world.teamA2().id(), sam.id());
        fixtures.execute("UPDATE staff_team_history SET to_date = ? WHERE staff_id = ? AND to_date IS NULL", Date.valueOf(m1.atEndOfMonth()), sam.id());
        fixtures.execute("INSERT INTO staff_team_history (id, staff_id, team_id, service_id, from_date, to_date, recorded_at) VALUES (?, ?, ?, ?, ?, NULL, ?)",
                Ids.newId(), sam.id(), world.teamA2().id(), world.serviceA().id(), Date.valueOf(m2.atDay(1)), Timestamp.from(Instant.now()));
        rows.decision(child, sam, world.teamA1().id(), at(m1, 5, 12), at(m1, 5, 13));
        rows.decision(child, ash, ash.teamId(), at(m2, 5, 12), at(m2, 6, 18));                      // late
        rows.decision(child, bo, bo.teamId(), at(m2, 7, 12), null);                                 // waiting
        rows.decision(child, bo, null, at(m2, 8, 12), at(m2, 8, 13));                               // no team: no service
        rows.decision(child, bo, bo.teamId(), Instant.now().minus(Duration.ofHours(2)), null);      // not yet due
        rows.audit("AD_HOC", sam, quinn, at(m1, 9, 12), "GOOD", Map.of(question, 2, "retired", 3), "MANAGEMENT");
        rows.audit("AD_HOC", bo, quinn, at(m2, 9, 12), "INADEQUATE", Map.of(question, 5), null);
        rows.audit("SERVICE_MANAGER_MONTHLY", ash, quinn, at(m2, 10, 12), "GOOD", Map.of(), null);
        refresher.rebuild(org);

        MeasurePeriod period = new MeasurePeriod(m1, m3, today);
        List<MeasureTarget> scopes = List.of(directorate(world), service(world, world.serviceA().id()), service(world, world.serviceB().id()),
                team(world, world.teamA1()), team(world, world.teamA2()), team(world, world.teamB1()));
        int compared = 0;
        for (FactSource source : sources) {
            for (SourceSql.Spec spec : source.factSpecs(org)) {
                for (MeasureTarget scope : scopes) {
                    for (SourceSql.By by : SourceSql.By.values()) {
                        List<String> facts = normal(query(spec, scope, period, by));
                        List<String> raw = normal(raw(spec, scope, period, by));
                        assertEquals(raw, facts, spec.name() + " " + scope.kind() + " " + scope.id() + " " + by);
                        compared += raw.size();
                    }
                }
            }
        }
        assertTrue(compared > 100, "rows compared: " + compared);
        // And by hand: in m1..m3, 4 discussions signed (the one before the period not), 1 recorded in m1 and 1 in m3;
        // reasons: too young 1, not seen 0, declined 1.
        assertEquals(List.of("null|-1|[]|[4, 2, 1, 0, 1]"), normal(query(discussions.factSpecs(org).get(0),
                directorate(world), period, SourceSql.By.ALL)));
        // Service A by team: A1 Sam's m1 (recorded); A2 Sam's m2 (too young) and Ash's (declined).
        assertEquals(List.of(world.teamA1().id() + "|-1|[]|[1, 1, 0, 0, 0]", world.teamA2().id() + "|-1|[]|[2, 0, 1, 0, 1]").stream().sorted().toList(),
                normal(query(discussions.factSpecs(org).get(0), service(world, world.serviceA().id()), period, SourceSql.By.UNIT)));
    }

    private List<SourceSql.Row> query(SourceSql.Spec spec, MeasureTarget scope, MeasurePeriod period, SourceSql.By by) {
        return transactions.executeRead(s -> SourceSql.query(jdbc, spec, scope, period, by));
    }

    private List<SourceSql.Row> raw(SourceSql.Spec spec, MeasureTarget scope, MeasurePeriod period, SourceSql.By by) {
        return transactions.executeRead(s -> SourceSql.raw(jdbc, spec, scope, period, by));
    }

    /** Rows as comparable text, in order. */
    private static List<String> normal(List<SourceSql.Row> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.unit() + "|" + r.month() + "|" + r.extras() + "|" + Arrays.toString(r.sums())));
        return out.stream().sorted().toList();
    }


    /** The organisation's month facts of a month (not Part 2's quarter rows); only those still marked when asked. */
    private long monthFacts(YearMonth month, boolean stillMarked) {
        return fixtures.count("SELECT COUNT(*) FROM measure_source_month WHERE organisation_id = ? AND month_start = ?"
                + " AND source NOT IN (?, ?)" + (stillMarked ? " AND computed_at = ?" : ""),
                stillMarked ? new Object[]{world.org().id(), Date.valueOf(month.atDay(1)), QuestionnaireMeasure.RESPONDENTS, QuestionnaireMeasure.ANSWERS, LONG_AGO}
                        : new Object[]{world.org().id(), Date.valueOf(month.atDay(1)), QuestionnaireMeasure.RESPONDENTS, QuestionnaireMeasure.ANSWERS});
    }
}

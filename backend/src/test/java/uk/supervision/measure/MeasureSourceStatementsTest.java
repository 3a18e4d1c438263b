package uk.supervision.measure;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.StatementCounter;
import uk.supervision.testing.World;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.measure.CaseworkMeasuresTest.LONDON;
import static uk.supervision.measure.CaseworkMeasuresTest.at;
import static uk.supervision.measure.CaseworkMeasuresTest.directorate;
import static uk.supervision.measure.CaseworkMeasuresTest.service;

/**
 * Each source answers with the same number of statements however many units and months hold rows: counted at the
 * JDBC driver before and after the organisation's rows spread over more teams, services, months and quarters.
 */
@MicronautTest(transactional = false)
@Property(name = StatementCounter.ENABLED, value = "true")
class MeasureSourceStatementsTest extends ApiTest {
    private final LocalDate today = LocalDate.now(LONDON);
    private final YearMonth m3 = YearMonth.from(today);

    @Inject
    CaseDiscussionMeasures discussions;
    @Inject
    DecisionMeasures decisions;
    @Inject
    AuditMeasures audits;
    @Inject
    AuditScheduleMeasure schedule;
    @Inject
    QuestionnaireMeasure questionnaire;

    @Inject
    SourceFactsRefresher sourceFacts;
    private SourceRows rows;

    @Test
    void noStatementPerUnitOrMonth() {
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        world.person(world.teamA2(), "Mo", Role.SERVICE_MANAGER);
        Staff sam = world.worker(world.teamA1(), "Sam", "Worker");
        Staff bo = world.worker(world.teamB1(), "Bo", "Worker");
        Staff ash = world.worker(world.teamA2(), "Ash", "Worker");
        Quarter last = Quarter.of(today).previous();
        rows = new SourceRows(fixtures, world.org().id());
        String child = rows.child(sam);
        // One of everything in one team and month.
        decision(child, sam, at(m3.minusMonths(1), 10, 12));
        audit(sam, quinn.staff(), at(m3.minusMonths(1), 10, 12));
        sample(last, sam);
        for (int i = 0; i < 5; i++) {
            response(last, sam);
        }
        int before = statements(1);

        // The same spread over every team, both services, months and quarters.
        for (Staff s : List.of(bo, ash, sam)) {
            for (int m = 0; m < 12; m++) {
                decision(child, s, at(m3.minusMonths(m), 1, 12));
                audit(s, quinn.staff(), at(m3.minusMonths(m), 1, 12));
            }
            sample(last.previous(), s);
            for (int i = 0; i < 6; i++) {
                response(last.previous(), s);
                response(last, s);
            }
        }
        // 1 + 3 people x 12 months (this month's first day among them) = 37 decisions signed in the 12 months.
        int after = statements(37);
        assertEquals(before, after, StatementCounter.statements().toString());
        // 31 calls (figures, two breakdowns, and a series and a series per unit for each key of each source), each a
        // fixed few statements: the counting queries plus the policy's rules and the form's wording where used.
        assertTrue(after <= 31 * 4, "a fixed few a call: " + after);
    }

    /**
     * Every method of every source for the directorate over 12 months, after the facts are rebuilt (the decisions
     * they hold checked) and a warm-up; the statements sent.
     */
    private int statements(long decisionsSigned) {
        sourceFacts.rebuild(world.org().id());
        assertEquals(decisionsSigned, decisions.figures(directorate(world), new MeasurePeriod(m3.minusMonths(11), m3, today))
                .get(DecisionMeasures.FILED_WITHIN_24_HOURS).groupSize());
        Runnable all = () -> {
            MeasurePeriod period = new MeasurePeriod(m3.minusMonths(11), m3, today);
            MeasureTarget d = directorate(world);
            MeasureTarget a = service(world, world.serviceA().id());
            for (MeasureSource s : List.of(discussions, decisions, audits, schedule, questionnaire)) {
                s.figures(d, period);
                Set<String> keys = Set.copyOf(s.definitions().stream().map(MeasureDef::key).toList());
                s.breakdown(d, period, keys);
                s.breakdown(a, period, keys);
                for (String key : keys) {
                    s.series(d, key, period);
                    s.seriesBreakdown(d, key, period);
                }
            }
        };
        all.run();
        StatementCounter.reset();
        all.run();
        return StatementCounter.count();
    }

    private void decision(String childId, Staff worker, Instant signedAt) {
        rows.decision(childId, worker, worker.teamId(), signedAt, null);
    }

    private void audit(Staff supervisee, Staff auditor, Instant completed) {
        rows.audit("AD_HOC", supervisee, auditor, completed, "GOOD", Map.of(rows.ratedQuestion(), 2, "retired", 2), "MANAGEMENT");
    }

    private void sample(Quarter quarter, Staff file) {
        String id = fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ? AND quarter = ?", world.org().id(), quarter.toString()) > 0
                ? fixtures.string("SELECT id FROM audit_sample WHERE organisation_id = ? AND quarter = ?", world.org().id(), quarter.toString())
                : UUID.randomUUID().toString();
        if (fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE id = ?", id) == 0) {
            fixtures.execute("INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, "
                    + "drawn_by_account_id, drawn_at) VALUES (?, ?, ?, 3, 42, 10, NULL, ?, ?)", id, world.org().id(), quarter.toString(),
                    UUID.randomUUID().toString(), Timestamp.from(Instant.now()));
        }
        long n = fixtures.count("SELECT COUNT(*) FROM audit_sample_file WHERE sample_id = ?", id);
        if (fixtures.count("SELECT COUNT(*) FROM audit_sample_file WHERE sample_id = ? AND supervisee_id = ?", id, file.id()) == 0) {
            fixtures.execute("INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id) VALUES (?, ?, ?, ?, ?)",
                    id, n, file.id(), file.teamId(), file.serviceId());
        }
    }

    private void response(Quarter quarter, Staff about) {
        rows.response(quarter, about, Map.of("s1", 2, "s2", 2, "retired", 2));
    }
}

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

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
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

    private long position = 1;

    @Test
    void noStatementPerUnitOrMonth() {
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        world.person(world.teamA2(), "Mo", Role.SERVICE_MANAGER);
        Staff sam = world.worker(world.teamA1(), "Sam", "Worker");
        Staff bo = world.worker(world.teamB1(), "Bo", "Worker");
        Staff ash = world.worker(world.teamA2(), "Ash", "Worker");
        Quarter last = Quarter.of(today).previous();
        String child = child(sam);
        // One of everything in one team and month.
        decision(child, sam, at(m3.minusMonths(1), 10, 12));
        audit(sam, quinn.staff(), at(m3.minusMonths(1), 10, 12));
        sample(last, sam);
        for (int i = 0; i < 5; i++) {
            response(last, sam);
        }
        int before = statements();

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
        int after = statements();
        assertEquals(before, after, StatementCounter.statements().toString());
        // 31 calls (figures, two breakdowns, and a series and a series per unit for each key of each source), each a
        // fixed few statements: the counting queries plus the policy's rules and the form's wording where used.
        assertTrue(after <= 31 * 4, "a fixed few a call: " + after);
    }

    /** Every method of every source for the directorate over 12 months, after a warm-up; the statements sent. */
    private int statements() {
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

    private String child(Staff worker) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", id, world.org().id(), uk.supervision.testing.Fixtures.unique("CV"), worker.id(), now, now);
        return id;
    }

    private void decision(String childId, Staff worker, Instant signedAt) {
        fixtures.execute("INSERT INTO case_decision (id, organisation_id, feed_position, kind, child_id, worker_staff_id, team_id, decision_text,"
                        + " made_by_staff_id, made_by_account_id, decided_at, signed_at, content_hash) VALUES (?, ?, ?, 'MANAGEMENT', ?, ?, ?, 'A decision', ?, ?, ?, ?, ?)",
                UUID.randomUUID().toString(), world.org().id(), position++, childId, worker.id(), worker.teamId(), worker.id(), UUID.randomUUID().toString(),
                Timestamp.from(signedAt), Timestamp.from(signedAt), "0".repeat(64));
    }

    private void audit(Staff supervisee, Staff auditor, Instant completed) {
        String id = UUID.randomUUID().toString();
        String template = fixtures.string("SELECT t.id FROM organisation_policy p JOIN policy_template t ON t.profile_id = p.profile_id AND t.kind = 'AUDIT' "
                + "WHERE p.organisation_id = ? ORDER BY t.version DESC", world.org().id());
        LocalDate on = LocalDate.ofInstant(completed, LONDON);
        String quarter = Quarter.of(on).toString();
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                        + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                        + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at) "
                        + "VALUES (?, ?, 'AD_HOC', NULL, ?, ?, ?, ?, ?, ?, 'Auditor', ?, ?, ?, ?, ?, 'COMPLETED', '{}', 'GOOD', ?, ?, NULL, 2, ?, ?)",
                id, world.org().id(), supervisee.id(), auditor.id(), supervisee.teamId(), supervisee.serviceId(), auditor.id(),
                UUID.randomUUID().toString(), Date.valueOf(on.minusMonths(3)), Date.valueOf(on), Date.valueOf(on), quarter, template,
                "a".repeat(64), Timestamp.from(completed), Timestamp.from(completed), Timestamp.from(completed));
        fixtures.execute("INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, auditor.id(), UUID.randomUUID().toString(), Timestamp.from(completed), "a".repeat(64));
        String rated = fixtures.string("SELECT item_key FROM template_item WHERE template_id = ? AND answer_type = 'RATING_1_5' ORDER BY position", template);
        for (String key : List.of(rated, "retired")) {
            fixtures.execute("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, quarter, function_tag, rating) "
                    + "VALUES (?, ?, ?, ?, ?, 'MANAGEMENT', 2)", id, key, world.org().id(), supervisee.serviceId(), quarter);
        }
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
        String id = UUID.randomUUID().toString();
        String template = fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = 'QUESTIONNAIRE' ORDER BY t.version DESC", world.org().id());
        fixtures.execute("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, "
                + "audit_id, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", id, world.org().id(), template, quarter.toString(),
                about.id(), about.teamId(), about.serviceId());
        for (String key : List.of("s1", "s2", "retired")) {
            fixtures.execute("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, ?, 2)", id, key);
        }
    }
}

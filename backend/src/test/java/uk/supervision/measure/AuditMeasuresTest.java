package uk.supervision.measure;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static uk.supervision.measure.CaseworkMeasuresTest.LONDON;
import static uk.supervision.measure.CaseworkMeasuresTest.assertShare;
import static uk.supervision.measure.CaseworkMeasuresTest.at;
import static uk.supervision.measure.CaseworkMeasuresTest.directorate;
import static uk.supervision.measure.CaseworkMeasuresTest.person;
import static uk.supervision.measure.CaseworkMeasuresTest.service;
import static uk.supervision.measure.CaseworkMeasuresTest.team;

/**
 * File audit measures over audits written as completing one writes them (file_audit, its signature and ratings),
 * at chosen instants; the organisation follows Coventry 2016 (quarterly sample and service managers' monthly audit).
 */
@MicronautTest(transactional = false)
class AuditMeasuresTest extends ApiTest {
    private final LocalDate today = LocalDate.now(LONDON);
    private final YearMonth m3 = YearMonth.from(today);
    private final YearMonth m2 = m3.minusMonths(1);
    private final YearMonth m1 = m3.minusMonths(2);

    @Inject
    AuditMeasures audits;
    @Inject
    AuditScheduleMeasure schedule;
    @Inject
    SourceFactsRefresher sourceFacts;

    @Test
    void gradesAndMeanRatingsCountAuditsSignedInThePeriodWhereverTheyStarted() {
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        Staff sam = world.worker(world.teamA1(), "Sam", "Worker");
        Staff bo = world.worker(world.teamB1(), "Bo", "Worker");
        String template = template("AUDIT");
        List<String> rated = fixtures.strings("SELECT item_key FROM template_item WHERE template_id = ? AND answer_type = 'RATING_1_5' ORDER BY position", template);
        String q1 = rated.get(0);
        String q2 = rated.get(1);
        // The form's first two rated questions are about mediation and management (V002).
        assertEquals("MEDIATION", fixtures.string("SELECT function_tag FROM template_item WHERE template_id = ? AND item_key = ?", template, q1));
        assertEquals("MANAGEMENT", fixtures.string("SELECT function_tag FROM template_item WHERE template_id = ? AND item_key = ?", template, q2));

        // a1: started three months before the period, signed in m1: Good, q1 = 2, q2 = 3.
        audit("AD_HOC", null, sam, quinn.staff(), at(m1.minusMonths(3), 2, 9), at(m1, 10, 12), "GOOD", Map.of(q1, 2, q2, 3));
        // a2: m2, Requires improvement, q1 = 4, q2 = 5.
        audit("AD_HOC", null, sam, quinn.staff(), at(m2, 1, 9), at(m2, 5, 12), "REQUIRES_IMPROVEMENT", Map.of(q1, 4, q2, 5));
        // a3: Bo (service B), m2, Outstanding, q1 = 1.
        audit("AD_HOC", null, bo, quinn.staff(), at(m2, 1, 9), at(m2, 20, 12), "OUTSTANDING", Map.of(q1, 1));
        // a4: a draft (never signed): not counted. a5: signed this month: after the period.
        audit("AD_HOC", null, bo, quinn.staff(), at(m1, 1, 9), null, "INADEQUATE", Map.of());
        audit("AD_HOC", null, bo, quinn.staff(), at(m1, 1, 9), Instant.now().minusSeconds(60), "INADEQUATE", Map.of(q1, 5, "retired", 3));

        sourceFacts.rebuild(world.org().id());
        MeasurePeriod period = new MeasurePeriod(m1, m2, today);
        Map<String, Figure> all = audits.figures(directorate(world), period);
        // Grades of a1, a2, a3: one Outstanding, one Good, one Requires improvement.
        Figure grades = all.get(AuditMeasures.GRADES);
        assertEquals(List.of(new Figure.Part("Outstanding", 1L, null), new Figure.Part("Good", 1L, null),
                new Figure.Part("Requires improvement", 1L, null), new Figure.Part("Inadequate", 0L, null)), grades.parts());
        assertEquals(3, grades.groupSize());
        // Per question: q1 (2 + 4 + 1) / 3 = 7/3; q2 (3 + 5) / 2 = 4; every other rated question none. Overall 15 / 5 = 3.
        Figure perQuestion = all.get(AuditMeasures.PER_QUESTION);
        assertShare(perQuestion, 15, 5, 3);
        assertEquals(rated.size(), perQuestion.parts().size());
        assertEquals(new Figure.Part(label(template, q1), 3L, 7.0 / 3), perQuestion.parts().get(0));
        assertEquals(new Figure.Part(label(template, q2), 2L, 4.0), perQuestion.parts().get(1));
        assertEquals(new Figure.Part(label(template, rated.get(2)), 0L, null), perQuestion.parts().get(2));
        // Per function, in the order Management, Support, Development, Mediation: q2 is management, q1 mediation.
        Figure perFunction = all.get(AuditMeasures.PER_FUNCTION);
        assertEquals(List.of(new Figure.Part("Management", 2L, 4.0), new Figure.Part("Support", 0L, null),
                new Figure.Part("Development", 0L, null), new Figure.Part("Mediation", 3L, 7.0 / 3)), perFunction.parts());
        assertShare(perFunction, 15, 5, 3);

        // Service A: a1, a2; Sam the same; team A2: none.
        Figure serviceA = audits.figures(service(world, world.serviceA().id()), period).get(AuditMeasures.GRADES);
        assertEquals(List.of(0L, 1L, 1L, 0L), serviceA.parts().stream().map(Figure.Part::count).toList());
        assertEquals(2, audits.figures(person(world, sam), period).get(AuditMeasures.PER_QUESTION).groupSize());
        Figure none = audits.figures(team(world, world.teamA2()), period).get(AuditMeasures.PER_QUESTION);
        assertEquals(0, none.groupSize());
        assertNull(none.value());

        // Breakdown by service: B holds a3 alone (q1 = 1).
        Map<String, Map<String, Figure>> services = audits.breakdown(directorate(world), period, Set.of(AuditMeasures.PER_QUESTION));
        assertShare(services.get(world.serviceB().id()).get(AuditMeasures.PER_QUESTION), 1, 1, 1);
        assertShare(services.get(world.serviceA().id()).get(AuditMeasures.PER_QUESTION), 14, 4, 2);
        // Series of grades: m1 a1 (Good); m2 a2 and a3.
        Map<YearMonth, Figure> series = audits.series(directorate(world), AuditMeasures.GRADES, period);
        assertEquals(List.of(0L, 1L, 0L, 0L), series.get(m1).parts().stream().map(Figure.Part::count).toList());
        assertEquals(List.of(1L, 0L, 1L, 0L), series.get(m2).parts().stream().map(Figure.Part::count).toList());
        Map<String, Map<YearMonth, Figure>> teams = audits.seriesBreakdown(service(world, world.serviceA().id()), AuditMeasures.PER_FUNCTION, period);
        assertEquals(Set.of(world.teamA1().id()), teams.keySet());
        assertShare(teams.get(world.teamA1().id()).get(m2), 9, 2, 1);

        // This month: a5 alone, with a rating of a question no form of the profile has any more: shown after the
        // form's questions under words, never its key; overall (5 + 3) / 2 = 4; it has no function, so per function 5.
        Map<String, Figure> thisMonth = audits.figures(directorate(world), new MeasurePeriod(m3, m3, today));
        Figure retired = thisMonth.get(AuditMeasures.PER_QUESTION);
        assertShare(retired, 8, 2, 1);
        assertEquals(new Figure.Part("A question no longer on the form", 1L, 3.0), retired.parts().get(retired.parts().size() - 1));
        assertShare(thisMonth.get(AuditMeasures.PER_FUNCTION), 5, 1, 1);
        assertEquals(List.of(0L, 0L, 0L, 1L), thisMonth.get(AuditMeasures.GRADES).parts().stream().map(Figure.Part::count).toList());
    }

    @Test
    void scheduledAuditsAreDoneWhenSignedByTheirDeadline() {
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        World.Person mo = world.person(world.teamA2(), "Mo", Role.SERVICE_MANAGER);
        Staff sam = world.worker(world.teamA1(), "Sam", "Worker");
        Staff wren = world.worker(world.teamA1(), "Wren", "Worker");
        Staff bo = world.worker(world.teamB1(), "Bo", "Worker");
        Quarter current = Quarter.of(today);
        Quarter last = current.previous();
        YearMonth first = YearMonth.from(last.firstDay());
        YearMonth lastMonth = YearMonth.from(last.lastDay());
        MeasurePeriod period = new MeasurePeriod(first, m3, today);
        int months = period.months().size();
        // This quarter's sample counts only when this quarter ends within the period, i.e. this month ends it.
        int q = m3.getMonthValue() % 3 == 0 ? 1 : 0;

        // Last quarter's sample: Sam (audited on its last day: in time), Bo (signed the next morning: late), Wren (never).
        String sample = sample(last, sam, bo, wren);
        audit("QA_SAMPLE", sample, sam, quinn.staff(), at(first, 2, 9), at(lastMonth, last.lastDay().getDayOfMonth(), 12), "GOOD", Map.of());
        audit("QA_SAMPLE", sample, bo, quinn.staff(), at(first, 2, 9), at(lastMonth.plusMonths(1), 1, 9), "GOOD", Map.of());
        // This quarter's: Sam done already; Bo not yet (the quarter runs: not counted).
        String now = sample(current, sam, bo);
        audit("QA_SAMPLE", now, sam, quinn.staff(), Instant.now().minusSeconds(120), Instant.now().minusSeconds(60), "GOOD", Map.of());
        // Mo, service manager of service A: monthly audits signed in the quarter's first and last months and this month;
        // one in the second month still a draft.
        audit("SERVICE_MANAGER_MONTHLY", null, wren, mo.staff(), at(first, 2, 9), at(first, 10, 12), "GOOD", Map.of());
        audit("SERVICE_MANAGER_MONTHLY", null, wren, mo.staff(), at(first, 2, 9), at(lastMonth, 10, 12), "GOOD", Map.of());
        audit("SERVICE_MANAGER_MONTHLY", null, sam, mo.staff(), at(first.plusMonths(1), 2, 9), null, "GOOD", Map.of());
        audit("SERVICE_MANAGER_MONTHLY", null, sam, mo.staff(), Instant.now().minusSeconds(120), Instant.now().minusSeconds(60), "GOOD", Map.of());

        sourceFacts.rebuild(world.org().id());
        String key = AuditScheduleMeasure.DONE_AGAINST_SCHEDULE;
        // Sample files: 3 of last quarter (Sam done) + q of this one (Sam, done). Mo: one a month; the months - 1 ended
        // ones count, 2 done; this month's is done so counts too: months slots, 3 done.
        assertShare(schedule.figures(directorate(world), period).get(key), 1 + q + 3, 3 + q + months, 3 + q + months);
        // Service A: Sam and Wren of last quarter (1 done), q, and Mo's months; service B: Bo (late).
        assertShare(schedule.figures(service(world, world.serviceA().id()), period).get(key), 1 + q + 3, 2 + q + months, 2 + q + months);
        Map<String, Map<String, Figure>> services = schedule.breakdown(directorate(world), period, Set.of(key));
        assertShare(services.get(world.serviceB().id()).get(key), 0, 1, 1);
        assertShare(services.get(world.serviceA().id()).get(key), 1 + q + 3, 2 + q + months, 2 + q + months);
        // A team has only sample files (a service manager's audit is of any of their teams' files): A1 = Sam, Wren (+ q).
        assertShare(schedule.figures(team(world, world.teamA1()), period).get(key), 1 + q, 2 + q, 2 + q);
        assertShare(schedule.breakdown(service(world, world.serviceA().id()), period, Set.of(key)).get(world.teamA1().id()).get(key), 1 + q, 2 + q, 2 + q);
        assertShare(schedule.figures(person(world, wren), period).get(key), 0, 1, 1);
        // Series: the quarter's last month holds its 3 files (1 done) and Mo's audit (done); its first month Mo's (done);
        // the second Mo's draft (not done).
        Map<YearMonth, Figure> series = schedule.series(directorate(world), key, period);
        assertShare(series.get(lastMonth), 2, 4, 4);
        assertShare(series.get(first), 1, 1, 1);
        assertShare(series.get(first.plusMonths(1)), 0, 1, 1);
        assertShare(series.get(m3), 1 + q, 1 + q, 1 + q);
        assertShare(schedule.seriesBreakdown(directorate(world), key, period).get(world.serviceB().id()).get(lastMonth), 0, 1, 1);
    }

    private String template(String kind) {
        return fixtures.string("SELECT t.id FROM organisation_policy p JOIN policy_template t ON t.profile_id = p.profile_id AND t.kind = ? "
                + "WHERE p.organisation_id = ? ORDER BY t.version DESC", kind, world.org().id());
    }

    private String label(String template, String key) {
        return fixtures.string("SELECT label FROM template_item WHERE template_id = ? AND item_key = ?", template, key);
    }

    private String sample(Quarter quarter, Staff... files) {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, "
                        + "drawn_by_account_id, drawn_at) VALUES (?, ?, ?, ?, 42, 10, NULL, ?, ?)", id, world.org().id(), quarter.toString(),
                files.length, UUID.randomUUID().toString(), Timestamp.from(quarter.firstDay().atStartOfDay(LONDON).toInstant()));
        for (int i = 0; i < files.length; i++) {
            fixtures.execute("INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id) VALUES (?, ?, ?, ?, ?)",
                    id, i, files[i].id(), files[i].teamId(), files[i].serviceId());
        }
        return id;
    }

    /** An audit of the supervisee's file begun at one instant and, unless null, completed and signed at another. */
    private void audit(String kind, String sampleId, Staff supervisee, Staff auditor, Instant begun, Instant completed, String grade,
                       Map<String, Integer> ratings) {
        String id = UUID.randomUUID().toString();
        String org = world.org().id();
        String template = template("AUDIT");
        LocalDate on = LocalDate.ofInstant(completed == null ? begun : completed, LONDON);
        String quarter = Quarter.of(on).toString();
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                        + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                        + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Auditor', ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, NULL, 2, ?, ?)",
                id, org, kind, sampleId, supervisee.id(), auditor.id(), supervisee.teamId(), supervisee.serviceId(), auditor.id(),
                UUID.randomUUID().toString(), Date.valueOf(on.minusMonths(3)), Date.valueOf(on), Date.valueOf(on), quarter, template,
                completed == null ? "DRAFT" : "COMPLETED", completed == null ? null : grade, completed == null ? null : "a".repeat(64),
                completed == null ? null : Timestamp.from(completed), Timestamp.from(begun), Timestamp.from(completed == null ? begun : completed));
        if (completed == null) {
            return;
        }
        fixtures.execute("INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, auditor.id(), UUID.randomUUID().toString(), Timestamp.from(completed), "a".repeat(64));
        ratings.forEach((key, rating) -> fixtures.execute("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, "
                        + "quarter, function_tag, rating) VALUES (?, ?, ?, ?, ?, (SELECT function_tag FROM template_item WHERE template_id = ? AND item_key = ?), ?)",
                id, key, org, supervisee.serviceId(), quarter, template, key, rating));
    }
}

package uk.supervision.demo;

import uk.supervision.api.model.AuditKind;
import uk.supervision.api.model.AuditSample;
import uk.supervision.api.model.AuditSampleFile;
import uk.supervision.audit.Quarter;
import uk.supervision.demo.DemoAuditWork.Followed;
import uk.supervision.demo.DemoStories.Team;
import uk.supervision.demo.DemoSupervision.Person;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static uk.supervision.demo.DemoTimeline.workingDayOnOrAfter;
import static uk.supervision.demo.DemoTimeline.workingDayOnOrBefore;

/**
 * The demo's file audits and Part 2 questionnaires (issue 9), told after {@link DemoCaseStories} on the same timeline.
 * The previous quarter: Rachel (quality assurance) draws a sample of 4 with a fixed seed and audits it (Requires
 * improvement with two actions, one since done; Good; Outstanding; one left in draft), Marcus audits a file of the
 * Referral and Assessment Service every month, Rachel sends the Part 2 questionnaire to the whole Referral service, and
 * the service's staff answer it and their audits' questionnaires (the Looked After Children staff drawn leave theirs
 * unanswered, so the directorate's figures are the Referral service's and both can be shown, while the small groups
 * below are suppressed); Rachel writes the themes of the Referral service's report, not signed off. The current
 * quarter: no sample drawn, Marcus's audits done up to last month (this month's is due), and a round to the Assessments
 * Team answered by everyone but Jordan, whose questionnaire is still open (Sam has none open: the browser tests count
 * what his home shows).
 * About 60 of the demo's ~610 replayed steps (measured: see DemoDataApiTest's load).
 */
final class DemoAudits {
    static final long SAMPLE_SEED = 20_260_917L;
    static final int SAMPLE_SIZE = 4;

    private final DemoAuditWork does;
    private final DemoTimeline timeline;
    private final LocalDate today;

    DemoAudits(DemoAuditWork does, DemoTimeline timeline, LocalDate today) {
        this.does = does;
        this.timeline = timeline;
        this.today = today;
    }

    /** The previous quarter's sample as drawn, its files in the order they are audited. */
    private static final class Drawn {
        String sampleId;
        final List<String> files = new ArrayList<>();
        final Set<String> completed = new LinkedHashSet<>();
    }

    void tell(Team t) {
        Quarter current = Quarter.of(today);
        Quarter previous = current.previous();
        LocalDate first = previous.firstDay();
        Person rachel = t.rachel();
        String referral = t.priya().staff().serviceId();
        Map<String, Person> people = new HashMap<>();
        for (Person p : List.of(t.helen(), t.marcus(), t.priya(), t.sam(), t.jordan(), t.alex(), t.chris(), t.tom(), t.aisha(), t.ben(), t.owen())) {
            people.put(p.staff().id(), p);
        }
        Set<String> referralStaff = new LinkedHashSet<>();
        people.values().stream().filter(p -> referral.equals(p.staff().serviceId())).forEach(p -> referralStaff.add(p.staff().id()));

        // A round to the whole Referral and Assessment Service early in the quarter, answered within days.
        LocalDate round = workingDayOnOrAfter(first.plusDays(9));
        timeline.at(round, LocalTime.of(10, 0), () -> does.issueRound(rachel, referral, null, round.plusDays(21)));
        int mood = 0;
        for (Person p : List.of(t.priya(), t.sam(), t.alex(), t.chris(), t.owen())) {
            int m = mood++;
            timeline.at(workingDayOnOrAfter(round.plusDays(1 + m % 3)), LocalTime.of(9 + m, 15), () -> does.answerOpen(p, m));
        }

        // The sample, drawn in the quarter's first week: files of Priya's supervisees are audited first, then the rest of the
        // Referral service's, then the others'; three completed, the fourth left in draft.
        Drawn drawn = new Drawn();
        timeline.at(workingDayOnOrAfter(first.plusDays(6)), LocalTime.of(9, 30), () -> {
            AuditSample s = does.draw(rachel, previous, SAMPLE_SIZE, SAMPLE_SEED);
            drawn.sampleId = s.getId().toString();
            s.getFiles().stream().map(AuditSampleFile::getSupervisee).map(r -> r.getId().toString())
                    .sorted(Comparator.comparingInt((String id) -> rank(people.get(id), t, referral))).forEach(drawn.files::add);
        });
        String[] grades = {DemoAuditWords.REQUIRES_IMPROVEMENT, DemoAuditWords.GOOD, DemoAuditWords.OUTSTANDING};
        Followed improve = null;
        for (int i = 0; i < SAMPLE_SIZE; i++) {
            int at = i;
            LocalDate started = workingDayOnOrAfter(first.plusDays(20 + 14 * i));
            Followed audit = new Followed();
            timeline.at(started, LocalTime.of(10, 0), () -> does.start(rachel, AuditKind.QA_SAMPLE,
                    java.util.UUID.fromString(drawn.sampleId), drawn.files.get(at), audit));
            if (i == SAMPLE_SIZE - 1) {
                timeline.at(started, LocalTime.of(11, 30), () -> does.write(rachel, audit, DemoAuditWords.GOOD, true, List.of()));
                continue;
            }
            String grade = grades[i];
            LocalDate completed = workingDayOnOrAfter(started.plusDays(1));
            timeline.at(started, LocalTime.of(15, 0), () -> does.write(rachel, audit, grade,
                    false, DemoAuditWords.REQUIRES_IMPROVEMENT.equals(grade) ? improvements(audit) : List.of()));
            timeline.at(completed, LocalTime.of(11, 0), () -> {
                does.complete(rachel, audit);
                drawn.completed.add(audit.superviseeId);
            });
            // The Referral service's staff answer their audit's questionnaire; the others leave theirs (it closes after 28 days).
            int m = mood++;
            timeline.at(workingDayOnOrAfter(completed.plusDays(2)), LocalTime.of(16, 0), () -> {
                if (referralStaff.contains(audit.superviseeId)) {
                    does.answerOpen(people.get(audit.superviseeId), m);
                }
            });
            if (i == 0) {
                improve = audit;
            }
        }
        // The first action of the audit that required improvement (the audited supervisor's) is done a month later.
        Followed needed = improve;
        timeline.at(workingDayOnOrAfter(first.plusDays(52)), LocalTime.of(14, 0), () -> {
            String manager = does.managerOf(needed.supervisorId);
            Person by = people.get(manager != null ? manager : t.helen().staff().id());
            does.done(by, needed.trackedActionIds.get(0));
        });

        // Marcus's monthly audit, every month from the previous quarter's first to last month (this month's is due).
        List<Person> priyas = List.of(t.alex(), t.chris(), t.sam());
        int month = 0;
        String[] monthly = {DemoAuditWords.GOOD, DemoAuditWords.OUTSTANDING, DemoAuditWords.GOOD, DemoAuditWords.GOOD};
        for (YearMonth m = YearMonth.from(first); m.isBefore(YearMonth.from(today)); m = m.plusMonths(1)) {
            int k = month++;
            LocalDate day = workingDayOnOrAfter(m.atDay(12));
            Followed audit = new Followed();
            // Files already audited this quarter are audited again first, so fewer files are left out of the next sample.
            timeline.at(day, LocalTime.of(9, 0), () -> {
                List<Person> order = new ArrayList<>(priyas);
                order.sort(Comparator.comparingInt(p -> drawn.completed.contains(p.staff().id()) ? 0 : 1));
                does.start(t.marcus(), AuditKind.SERVICE_MANAGER_MONTHLY, null, order.get(k % order.size()).staff().id(), audit);
            });
            timeline.at(day, LocalTime.of(11, 0), () -> does.write(t.marcus(), audit, monthly[k % monthly.length], false, List.of()));
            timeline.at(day, LocalTime.of(15, 30), () -> does.complete(t.marcus(), audit));
            int md = mood++;
            timeline.at(workingDayOnOrAfter(day.plusDays(1)), LocalTime.of(12, 30), () -> does.answerOpen(people.get(audit.superviseeId), md));
        }

        // The Referral service's report for the previous quarter: themes written by Rachel, not signed off.
        LocalDate report = workingDayOnOrBefore(today.minusDays(1)).isBefore(current.firstDay().plusDays(7))
                ? workingDayOnOrBefore(today.minusDays(1)) : workingDayOnOrAfter(current.firstDay().plusDays(7));
        timeline.at(report, LocalTime.of(8, 30), () -> does.writeReport(rachel, referral, previous, DemoAuditWords.THEMES,
                DemoAuditWords.RECOMMENDATIONS));

        // This quarter: a round to the Assessments Team two days ago, answered by everyone but Jordan.
        LocalDate team = workingDayOnOrBefore(today.minusDays(2));
        timeline.at(team, LocalTime.of(8, 0), () -> does.issueRound(rachel, null, t.sam().staff().teamId(), team.plusDays(28)));
        int n = 0;
        for (Person p : List.of(t.priya(), t.sam(), t.alex(), t.chris())) {
            int m = mood + n;
            timeline.at(team, LocalTime.of(10 + n++, 0), () -> does.answerOpen(p, m));
        }
    }

    /** Two actions, owned by the audited supervisor and the manager above them, due in a few weeks' time from the real today. */
    private List<Object[]> improvements(Followed audit) {
        String manager = does.managerOf(audit.supervisorId);
        return List.of(
                new Object[]{"Hold supervision every four weeks and write the record within a week of the session.", audit.supervisorId,
                        today.plusDays(21)},
                new Object[]{"Review the team's carried-over actions with the supervisor at their next supervision.",
                        manager != null ? manager : audit.supervisorId, today.plusDays(49)});
    }

    /** Priya's supervisees first, then the rest of the Referral service, then the others. */
    private static int rank(Person p, Team t, String referral) {
        if (p == null) {
            return 3;
        }
        String supervisor = null;
        if (List.of(t.sam(), t.jordan(), t.alex(), t.chris()).contains(p)) {
            supervisor = t.priya().staff().id();
        }
        if (supervisor != null) {
            return 0;
        }
        return referral.equals(p.staff().serviceId()) ? 1 : 2;
    }
}

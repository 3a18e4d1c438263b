package uk.supervision.compliance;

import jakarta.inject.Singleton;
import uk.supervision.agreement.Agreement;
import uk.supervision.agreement.AgreementRepository;
import uk.supervision.agreement.AgreementSnapshots;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.policy.PolicyService;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffAttributeHistory;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The dates a series of one-to-one sessions falls on: each next date one interval later, at the interval in
 * force for the person on the date before it (agreement, cadence step, category, profile: the schedule's own
 * rule, {@link ScheduleCalculator#intervalInForce}). The booking page's preview and the booking itself both
 * come from here, so what is shown is what is booked (a Central Bedfordshire new starter fortnightly until
 * four months in, then four-weekly; administrative staff eight-weekly).
 */
@Singleton
public class SessionCadence {
    /** A date of the series and the interval in force on it (the gap to the next); source null when the interval was given. */
    public record Dated(LocalDate date, Period interval, IntervalSource source) {
    }

    private final ScheduleCalculator calculator;
    private final PolicyService policy;
    private final StaffAttributeHistory attributes;
    private final AgreementRepository agreements;
    private final AgreementSnapshots snapshots;

    public SessionCadence(ScheduleCalculator calculator, PolicyService policy, StaffAttributeHistory attributes,
                          AgreementRepository agreements, AgreementSnapshots snapshots) {
        this.calculator = calculator;
        this.policy = policy;
        this.attributes = attributes;
        this.agreements = agreements;
        this.snapshots = snapshots;
    }

    /** count dates from first; every intervalWeeks when given, otherwise at the person's cadence. */
    public List<Dated> series(Staff person, LocalDate first, int count, Integer intervalWeeks) {
        Step step = stepFor(person, intervalWeeks);
        List<Dated> out = new ArrayList<>();
        LocalDate date = first;
        for (int i = 0; i < count; i++) {
            ScheduleCalculator.Interval in = step.on(date);
            out.add(new Dated(date, in.interval(), in.source()));
            date = date.plus(in.interval());
        }
        return out;
    }

    /** The first date after a session on {@code after}: one interval later, and not before today (an overdue one is due now). */
    public LocalDate nextAfter(Staff person, LocalDate after, Integer intervalWeeks, LocalDate today) {
        LocalDate next = after.plus(stepFor(person, intervalWeeks).on(after).interval());
        return next.isBefore(today) ? today : next;
    }

    private interface Step {
        ScheduleCalculator.Interval on(LocalDate day);
    }

    private Step stepFor(Staff person, Integer intervalWeeks) {
        if (intervalWeeks != null) {
            ScheduleCalculator.Interval given = new ScheduleCalculator.Interval(Period.ofWeeks(intervalWeeks), null);
            return day -> given;
        }
        PolicyRules rules = policy.effectiveRules(person.organisationId());
        Supervisee supervisee = new Supervisee(attributes.timeline(person).periods().stream().map(ComplianceService::attributes).toList(),
                person.employmentStartDate(), person.postStartDate(), person.leavingDate(), null);
        Period agreed = agreedInterval(person.id());
        return day -> calculator.intervalInForce(rules, supervisee, agreed, day);
    }

    /** The interval of the person's active agreement as signed (the snapshot, not the writable row), or null. */
    private Period agreedInterval(String superviseeId) {
        List<Agreement> active = agreements.findBySuperviseeIdAndStatusIn(superviseeId, List.of(Agreement.ACTIVE));
        Map<String, AgreementSnapshots.SignedTerms> signed = snapshots.signedTerms(active.stream().map(Agreement::id).toList());
        for (Agreement a : active) {
            Integer weeks = signed.containsKey(a.id()) ? signed.get(a.id()).intervalWeeks() : a.intervalWeeks();
            if (weeks != null) {
                return Period.ofWeeks(weeks);
            }
        }
        return null;
    }
}

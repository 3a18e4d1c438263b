package uk.supervision.compliance;

import jakarta.inject.Singleton;
import uk.supervision.api.model.AgreementSetsInterval;
import uk.supervision.api.model.CadenceStep;
import uk.supervision.api.model.CadenceStepMeasuredFrom;
import uk.supervision.api.model.CategoryInterval;
import uk.supervision.api.model.PolicyRules;

import java.time.LocalDate;
import java.time.Period;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The compliance engine: computes one person's one-to-one supervision schedule from the organisation's policy
 * rules (DOMAIN sections 3, 4 and 15), the person's start dates and their category, employment type and hours
 * as in force on the day computed for (decision 0007), their agreement and the sessions held. Pure calculation:
 * no clock, no storage; the caller passes "today".
 *
 * <p>All dates are calendar arithmetic with {@link Period} on {@link LocalDate}: P1M from 31 January is the last
 * day of February, P12M from 29 February is 28 February. A date "due" is still in time on that day; it is
 * overdue from the next day.
 */
@Singleton
public class ScheduleCalculator {

    /** DUE_SOON covers the 7 days before the due date and the due date itself (one working week's notice). */
    public static final int DUE_SOON_DAYS = 7;

    /** The window for the yearly minimum: the 12 months ending today. */
    private static final Period YEAR = Period.ofMonths(12);

    /**
     * @param rules                the organisation's effective policy rules (a profile with its overrides)
     * @param person               the supervisee
     * @param agreement            their current agreement, or null if none has been drawn up
     * @param oneToOneSessionsHeld dates of one-to-one sessions held (group sessions never count), any order
     * @param today                the day to compute for
     */
    public Schedule compute(PolicyRules rules, Supervisee person, AgreementTerms agreement,
                            List<LocalDate> oneToOneSessionsHeld, LocalDate today) {
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(person, "person");
        Objects.requireNonNull(today, "today");
        List<LocalDate> held = (oneToOneSessionsHeld == null ? List.<LocalDate>of() : oneToOneSessionsHeld).stream()
                .filter(Objects::nonNull)
                // A session dated after today has not been held yet (a booked date is not a session held).
                .filter(d -> !d.isAfter(today))
                // Sessions before the employment start belong to an earlier employment and are ignored.
                .filter(d -> !d.isBefore(person.employmentStartDate()))
                .toList();
        LocalDate lastHeld = held.stream().max(Comparator.naturalOrder()).orElse(null);
        // NOT_STARTED means not yet employed; a future start in a new post does not stop the person's schedule.
        boolean notStarted = today.isBefore(person.employmentStartDate());
        boolean left = person.leavingDate() != null && today.isAfter(person.leavingDate());

        // The clock runs from the last session held, or from the start in post when none has been held. A change
        // of supervisor does not reset it: the schedule follows the person (DOMAIN section 13).
        LocalDate measuredFrom = lastHeld != null ? lastHeld : person.postStartDate();

        Period agreed = agreement != null && agreement.state() == AgreementState.ACTIVE ? agreement.interval() : null;
        // Category, employment type and hours as in force on the day computed for (decision 0007): an NQSW who
        // completed the ASYE yesterday is on the standard cadence today, a change after today is not yet seen.
        Supervisee.Attributes now = person.on(today);
        LocalDate since = person.inForceSince(today);
        // No capping at a cadence step boundary: the interval in force on the day the clock starts decides the
        // whole gap (a new starter seen 1 day before the 4-month switch is next due 2 weeks later). When the
        // attributes changed after the clock started, the steps are read on the day of the change instead.
        LocalDate stepDay = since != null && since.isAfter(measuredFrom) ? since : measuredFrom;
        Chosen chosen = intervalOn(stepDay, rules, person, now, agreed);
        // Flagged whenever the profile leaves this person's interval to the agreement and no signed one sets it.
        boolean agreedIntervalMissing = agreed == null && agreementSetsInterval(rules.getAgreementSetsInterval(), now);

        // The clock still runs from the last session (a change resets nothing), but a shorter cadence that took
        // effect after it cannot make the person due before the day it took effect.
        LocalDate nextDue = measuredFrom.plus(chosen.interval());
        if (since != null && nextDue.isBefore(since)) {
            nextDue = since;
        }
        // The longest gap is profile-wide; an interval longer than it (by agreement or category) moves it out to
        // the due date, otherwise 8-weekly admin staff would be "past the longest gap" after 4 weeks.
        LocalDate latestAllowed = later(nextDue, measuredFrom.plus(period(rules.getLongestInterval())));
        // The breach limit is absolute ("never more than 2 months"): no agreement or category extends it.
        LocalDate breachDate = rules.getBreachAfter() == null ? null : measuredFrom.plus(period(rules.getBreachAfter()));

        ScheduleStatus status;
        if (left) {
            status = ScheduleStatus.LEFT;
        } else if (notStarted) {
            status = ScheduleStatus.NOT_STARTED;
        } else if (breachDate != null && today.isAfter(breachDate)) {
            status = ScheduleStatus.BREACH;
        } else if (today.isAfter(latestAllowed)) {
            // Where the longest gap equals the interval (Central Bedfordshire, LGA) OVERDUE is skipped.
            status = ScheduleStatus.PAST_LONGEST_GAP;
        } else if (today.isAfter(nextDue)) {
            status = ScheduleStatus.OVERDUE;
        } else if (!today.isBefore(nextDue.minusDays(DUE_SOON_DAYS))) {
            status = ScheduleStatus.DUE_SOON;
        } else {
            status = ScheduleStatus.ON_TRACK;
        }

        // The 12 months ending today: a session on the same date a year ago has dropped out.
        LocalDate yearAgo = today.minus(YEAR);
        int inLastYear = (int) held.stream().filter(d -> d.isAfter(yearAgo)).count();
        Integer minimum = rules.getMinimumSessionsPerYear();
        // Judged only after 12 months of employment (sessions follow the person across posts, so employment,
        // not the post, is the measure); leavers are not judged.
        boolean fullYear = !today.isBefore(person.employmentStartDate().plus(YEAR));
        Boolean meetsMinimum = minimum == null || left || !fullYear ? null : inLastYear >= minimum;

        AgreementStatus agreementStatus;
        LocalDate dueBy = null;
        LocalDate reviewDue = null;
        if (agreement == null || agreement.state() == AgreementState.AWAITING_SIGNATURES) {
            // The first agreement is due within agreementWithin of the start in post (Coventry P3M, CB P4W).
            dueBy = rules.getAgreementWithin() == null ? null
                    : person.postStartDate().plus(period(rules.getAgreementWithin()));
            if (agreement != null) {
                // Awaiting signatures is reported as such even past the deadline; agreementDueBy shows the deadline.
                agreementStatus = AgreementStatus.AWAITING_SIGNATURE;
            } else {
                agreementStatus = dueBy != null && today.isAfter(dueBy) ? AgreementStatus.NONE_OVERDUE : AgreementStatus.NONE;
            }
        } else {
            LocalDate signedOn = agreement.signedOn();
            reviewDue = rules.getAgreementReviewEvery() == null ? null : signedOn.plus(period(rules.getAgreementReviewEvery()));
            // A change of supervisor makes the review due on the new one's first day, on every profile (DOMAIN
            // section 4): the rule the agreement itself shows.
            LocalDate newSupervisor = SupervisorChange.reviewDueFrom(signedOn, agreement.supervisorId(),
                    person.currentSupervisorId(), person.currentSupervisorSince());
            if (newSupervisor != null) {
                reviewDue = reviewDue == null ? newSupervisor : earlier(reviewDue, newSupervisor);
            }
            agreementStatus = reviewDue != null && today.isAfter(reviewDue) ? AgreementStatus.REVIEW_OVERDUE : AgreementStatus.ACTIVE;
        }

        if (left) {
            // A leaver has nothing due: no session dates, no agreement deadlines, never an overdue agreement.
            nextDue = null;
            latestAllowed = null;
            breachDate = null;
            dueBy = null;
            reviewDue = null;
            if (agreementStatus == AgreementStatus.NONE_OVERDUE) {
                agreementStatus = AgreementStatus.NONE;
            } else if (agreementStatus == AgreementStatus.REVIEW_OVERDUE) {
                agreementStatus = AgreementStatus.ACTIVE;
            }
        }

        return new Schedule(chosen.interval(), chosen.source(), agreedIntervalMissing, measuredFrom, lastHeld,
                nextDue, latestAllowed, breachDate, status, inLastYear, minimum, meetsMinimum, agreementStatus,
                dueBy, reviewDue);
    }

    private record Chosen(Period interval, IntervalSource source) {
    }

    /** An interval and where it comes from. */
    public record Interval(Period interval, IntervalSource source) {
    }

    /**
     * The interval in force for a person on a day, with the attributes in force that day: what a session held on
     * that day makes the next one due after (the same rule {@link #compute} applies to the last session held).
     *
     * @param agreed the interval of their signed agreement, or null
     */
    public Interval intervalInForce(PolicyRules rules, Supervisee person, Period agreed, LocalDate day) {
        Chosen chosen = intervalOn(day, rules, person, person.on(day), agreed);
        return new Interval(chosen.interval(), chosen.source());
    }

    /**
     * The interval in force on a day: a cadence step applying that day (first match wins), unless a signed
     * agreement sets a shorter one; otherwise the agreement; otherwise the category interval; otherwise the
     * profile's normal interval.
     */
    private static Chosen intervalOn(LocalDate day, PolicyRules rules, Supervisee person, Supervisee.Attributes values, Period agreed) {
        CadenceStep step = stepOn(day, rules.getCadenceSteps(), person, values);
        if (step != null) {
            Period stepInterval = period(step.getInterval());
            // While a step applies the shorter of step and agreement wins (DOMAIN 15: CB's 2 weeks beats the
            // agreement's 4; Coventry/LGA: "more often by agreement"); equal lengths are reported as the step.
            if (agreed != null && day.plus(agreed).isBefore(day.plus(stepInterval))) {
                return new Chosen(agreed, IntervalSource.AGREEMENT);
            }
            return new Chosen(stepInterval, IntervalSource.CADENCE_STEP);
        }
        Chosen profile = profileInterval(rules, values);
        // Outside the steps the agreement wins over the profile when shorter; when longer only where the profile
        // allows a permanent deviation (Coventry) or leaves this person's interval to the agreement. Otherwise the
        // profile's intervals are minimum frequencies (Central Bedfordshire, LGA) and the profile's stands.
        if (agreed != null && (!day.plus(agreed).isAfter(day.plus(profile.interval())) || mayLengthen(rules, values))) {
            return new Chosen(agreed, IntervalSource.AGREEMENT);
        }
        return profile;
    }

    /** The category interval (first match wins, as for steps), else the profile's normal interval. */
    private static Chosen profileInterval(PolicyRules rules, Supervisee.Attributes values) {
        if (rules.getCategoryIntervals() != null) {
            for (CategoryInterval ci : rules.getCategoryIntervals()) {
                if (ci.getCategories() != null && ci.getCategories().contains(values.category())) {
                    return new Chosen(period(ci.getInterval()), IntervalSource.CATEGORY);
                }
            }
        }
        return new Chosen(period(rules.getNormalInterval()), IntervalSource.PROFILE);
    }

    private static boolean mayLengthen(PolicyRules rules, Supervisee.Attributes values) {
        return Boolean.TRUE.equals(rules.getAgreementMayLengthenInterval()) || agreementSetsInterval(rules.getAgreementSetsInterval(), values);
    }

    /**
     * The longest interval an agreement may set for this person on a day, or null when any is allowed: the
     * interval the profile gives them without an agreement (its cadence step, category or normal interval),
     * unless the profile allows longer or leaves their interval to the agreement.
     */
    public Period longestAgreedInterval(PolicyRules rules, Supervisee person, LocalDate day) {
        Supervisee.Attributes values = person.on(day);
        if (mayLengthen(rules, values)) {
            return null;
        }
        // A cadence step (a new starter's 2 weeks) beats a longer agreement while it lasts, so the limit is the
        // interval after the steps: a new starter may agree "at least every 4 weeks" (BIC 532).
        return profileInterval(rules, values).interval();
    }

    private static CadenceStep stepOn(LocalDate day, List<CadenceStep> steps, Supervisee person, Supervisee.Attributes values) {
        if (steps == null) {
            return null;
        }
        for (CadenceStep step : steps) {
            // A null or empty filter list means every category / employment type.
            boolean categoryMatches = step.getCategories() == null || step.getCategories().isEmpty()
                    || step.getCategories().contains(values.category());
            boolean typeMatches = step.getEmploymentTypes() == null || step.getEmploymentTypes().isEmpty()
                    || step.getEmploymentTypes().contains(values.employmentType());
            if (!categoryMatches || !typeMatches) {
                continue;
            }
            LocalDate base = step.getMeasuredFrom() == CadenceStepMeasuredFrom.POST_START
                    ? person.postStartDate() : person.employmentStartDate();
            // A step covers [base + from, base + until): at exactly "until" the next rule applies.
            if (!day.isBefore(base.plus(period(step.getFrom()))) && day.isBefore(base.plus(period(step.getUntil())))) {
                return step;
            }
        }
        return null;
    }

    private static boolean agreementSetsInterval(AgreementSetsInterval rule, Supervisee.Attributes person) {
        if (rule == null) {
            return false;
        }
        boolean typeMatches = rule.getEmploymentTypes() == null || rule.getEmploymentTypes().isEmpty()
                || rule.getEmploymentTypes().contains(person.employmentType());
        // "Working less than 10 hours a week": strictly below maximumWeeklyHours; exactly 10 is not under 10.
        boolean hoursMatch = rule.getMaximumWeeklyHours() == null || person.weeklyHours() < rule.getMaximumWeeklyHours();
        return typeMatches && hoursMatch;
    }

    private static Period period(String iso) {
        return Period.parse(iso);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}

package uk.supervision.measure;

import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.compliance.AgreementState;
import uk.supervision.compliance.AgreementStatus;
import uk.supervision.compliance.AgreementTerms;
import uk.supervision.compliance.Schedule;
import uk.supervision.compliance.ScheduleCalculator;
import uk.supervision.compliance.ScheduleStatus;
import uk.supervision.compliance.Supervisee;

import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The facts of one person's months (decision 0032): one {@link Row} per calendar month they were employed in,
 * as things stood at the month's end (today for the current month). Pure calculation: the caller reads the
 * person's history and passes today. The schedule (within the interval, past the longest gap, breach, the
 * yearly minimum, the agreement's review) is {@link ScheduleCalculator}'s, evaluated at the month's end with the
 * agreement in force that day.
 */
public final class PersonMonths {

    /** Agency staff working fewer hours a week than this are not counted (DOMAIN section 15). */
    static final double AGENCY_MINIMUM_HOURS = 10;
    /** People in their first days of employment are not counted: nothing can be due of them yet. */
    static final int FIRST_DAYS = 7;
    static final int DEFAULT_CASELOAD_LEVEL = 15;
    static final Period DEFAULT_MANAGER_TRAINING = Period.ofMonths(6);
    static final Period DEFAULT_ALL_MANAGERS_TRAINING = Period.ofMonths(12);
    /** The most months kept for one person: the longest period the measures are asked for. */
    static final int MAX_MONTHS = MeasurePeriod.MAX_MONTHS;

    public static final String LEAVER = "LEAVER";
    public static final String FIRST_WEEK = "FIRST_WEEK";
    public static final String AGENCY_UNDER_10_HOURS = "AGENCY_UNDER_10_HOURS";

    /** Category, employment type, hours and caseload from a date (the person's attribute timeline). */
    public record Attributes(LocalDate from, String category, String employmentType, double weeklyHours,
                             boolean carriesCaseload, Integer caseloadSize) {
    }

    /** A period in a team or directly in a service; to inclusive, null = still there. */
    public record Placement(String teamId, String serviceId, LocalDate from, LocalDate to) {
    }

    /** A supervision relation from the person's side: the other person, from, to (inclusive, null = open). */
    public record Relation(String otherId, LocalDate from, LocalDate to) {
        boolean on(LocalDate day) {
            return !from.isAfter(day) && (to == null || !to.isBefore(day));
        }
    }

    /**
     * A session the person took part in.
     *
     * @param held           held (a record may exist): HELD, RECORDED or SIGNED
     * @param rebooked       cancelled and rebooked as another session
     * @param recordSigned   its record is signed by both
     * @param recordSignedOn the day (Europe/London) the record was signed by both, or null
     */
    public record Session(String id, boolean group, boolean held, boolean cancelled, LocalDate meetingDate, Integer actualMinutes,
                          boolean rebooked, boolean recordSigned, LocalDate recordSignedOn) {
    }

    /**
     * One version of the person's agreement.
     *
     * @param signedOn  the day signed by both (null while awaiting signatures)
     * @param createdOn the day it was drawn up
     * @param endedOn   the day it was ended, or null
     */
    public record Agreement(String id, String status, LocalDate createdOn, LocalDate signedOn, LocalDate endedOn,
                            Integer intervalWeeks, String supervisorId) {
    }

    /** An action the person is to do: open from createdOn until closedOn (null: still open). */
    public record Action(LocalDate dueDate, LocalDate createdOn, LocalDate closedOn) {
    }

    /** Everything one person's months are computed from. */
    public record Person(String staffId, LocalDate employmentStart, LocalDate postStart, LocalDate leavingDate,
                         LocalDate trainingCompletedOn, List<Attributes> attributes, List<Placement> placements,
                         List<Relation> supervisors, List<Relation> supervisees, List<Session> sessions,
                         List<Agreement> agreements, List<Action> actions) {
    }

    /** One measure_person_month row (less the organisation and the time computed). */
    public record Row(YearMonth month, String staffId, String teamId, String serviceId, String supervisorId, String excludedBecause,
                      String category, String employmentType, boolean agreementSigned, boolean agreementReviewOverdue,
                      boolean withinInterval, boolean pastLongestGap, boolean inBreach, Integer longestGapDays,
                      int oneToOneHeld, int groupHeld, int heldLast12Months, Boolean meetsAnnualMinimum, int cancelled,
                      int cancelledRebooked, int minutesHeld, int minutesCountedSessions, int heldBelowMinimum,
                      int recordsDue, int recordsSignedBoth, int signatureDaysTotal, int signatureDaysCount, int actionsOverdue,
                      boolean isManager, boolean carriesCaseload, boolean trainingDue, boolean trainedInTime, Integer caseload,
                      boolean caseloadAboveLevel) {
    }

    private final ScheduleCalculator calculator;

    public PersonMonths(ScheduleCalculator calculator) {
        this.calculator = calculator;
    }

    /** The months from the employment start (at most {@link #MAX_MONTHS} back) to the leaving month or this month. */
    public static List<YearMonth> months(LocalDate employmentStart, LocalDate leavingDate, LocalDate today) {
        YearMonth last = YearMonth.from(today);
        if (leavingDate != null && YearMonth.from(leavingDate).isBefore(last)) {
            last = YearMonth.from(leavingDate);
        }
        YearMonth first = YearMonth.from(employmentStart);
        YearMonth floor = YearMonth.from(today).minusMonths(MAX_MONTHS - 1);
        if (first.isBefore(floor)) {
            first = floor;
        }
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    /** The person's rows for the given months (normally {@link #months}); a month before employment gives none. */
    public List<Row> compute(PolicyRules rules, Person p, List<YearMonth> months, LocalDate today) {
        List<Row> out = new ArrayList<>();
        List<LocalDate> heldOneToOne = p.sessions().stream().filter(s -> s.held() && !s.group()).map(Session::meetingDate).sorted().toList();
        for (YearMonth month : months) {
            if (month.isAfter(YearMonth.from(today)) || month.atEndOfMonth().isBefore(p.employmentStart())) {
                continue;
            }
            out.add(month(rules, p, heldOneToOne, month, today));
        }
        return out;
    }

    private Row month(PolicyRules rules, Person p, List<LocalDate> heldOneToOne, YearMonth month, LocalDate today) {
        LocalDate first = month.atDay(1);
        LocalDate end = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
        Attributes attrs = attributesOn(p.attributes(), end);
        Placement place = placementOn(p.placements(), end);
        Relation supervisor = latestOn(p.supervisors(), end);

        String excluded = null;
        if (p.leavingDate() != null && !p.leavingDate().isAfter(end)) {
            excluded = LEAVER; // left on or before the month's end (today in the current month)
        } else if (end.isBefore(p.employmentStart().plusDays(FIRST_DAYS))) {
            excluded = FIRST_WEEK; // the month ends within their first 7 days of employment
        } else if (EmploymentType.AGENCY.name().equals(attrs.employmentType()) && attrs.weeklyHours() < AGENCY_MINIMUM_HOURS) {
            excluded = AGENCY_UNDER_10_HOURS;
        }

        // The post in force that day: a later post's start is not yet known then, so the employment start stands in.
        LocalDate postStart = p.postStart().isAfter(end) ? p.employmentStart() : p.postStart();
        // A post start recorded before the employment start (history entered in the wrong order) must not stop the
        // whole organisation's refresh: the schedule runs from the employment start, as the staff record's rule says.
        if (postStart.isBefore(p.employmentStart())) {
            postStart = p.employmentStart();
        }
        Supervisee person = new Supervisee(p.attributes().stream().map(a -> new Supervisee.Attributes(a.from(),
                StaffCategory.fromValue(a.category()), EmploymentType.fromValue(a.employmentType()), a.weeklyHours())).toList(),
                p.employmentStart(), postStart, p.leavingDate(), supervisor == null ? null : supervisor.from(),
                supervisor == null ? null : supervisor.otherId());
        AgreementTerms agreement = agreementOn(p.agreements(), end);
        Schedule schedule = calculator.compute(rules, person, agreement, heldOneToOne, end);
        ScheduleStatus status = schedule.status();

        int oneToOne = 0;
        int group = 0;
        int cancelled = 0;
        int rebooked = 0;
        int minutes = 0;
        int timed = 0;
        int shortOnes = 0;
        int recordsDue = 0;
        int signed = 0;
        int signatureDays = 0;
        int signatureCount = 0;
        int minimum = rules.getMinimumSessionMinutes() == null ? 0 : rules.getMinimumSessionMinutes();
        for (Session s : p.sessions()) {
            if (s.meetingDate().isBefore(first) || s.meetingDate().isAfter(month.atEndOfMonth())) {
                continue;
            }
            if (s.group()) {
                // Group sessions are never one-to-ones: they count as attended, nothing else.
                group += s.held() ? 1 : 0;
                continue;
            }
            if (s.cancelled()) {
                cancelled++;
                rebooked += s.rebooked() ? 1 : 0;
            }
            if (!s.held()) {
                continue;
            }
            oneToOne++;
            if (s.actualMinutes() != null) {
                timed++;
                minutes += s.actualMinutes();
                shortOnes += s.actualMinutes() < minimum ? 1 : 0;
            }
            recordsDue++;
            if (s.recordSigned()) {
                signed++;
                if (s.recordSignedOn() != null) {
                    signatureCount++;
                    signatureDays += (int) Math.max(0, ChronoUnit.DAYS.between(s.meetingDate(), s.recordSignedOn()));
                }
            }
        }

        int actionsOverdue = 0;
        for (Action a : p.actions()) {
            boolean open = !a.createdOn().isAfter(end) && (a.closedOn() == null || a.closedOn().isAfter(end));
            if (open && a.dueDate().isBefore(end)) {
                actionsOverdue++;
            }
        }

        boolean manager = p.supervisees().stream().anyMatch(r -> r.on(end));
        boolean trainingDue = false;
        boolean trainedInTime = false;
        if (manager) {
            LocalDate since = managerSince(p.supervisees(), end);
            Period within = attrs.carriesCaseload()
                    ? period(rules.getManagerTrainingWithin(), DEFAULT_MANAGER_TRAINING)
                    : period(rules.getAllManagersTrainingWithin(), DEFAULT_ALL_MANAGERS_TRAINING);
            LocalDate deadline = since.plus(within);
            // The deadline day itself is still in time; training is due once it has passed.
            trainingDue = end.isAfter(deadline);
            trainedInTime = trainingDue && p.trainingCompletedOn() != null && !p.trainingCompletedOn().isAfter(deadline);
        }
        int level = rules.getCaseloadLevel() == null ? DEFAULT_CASELOAD_LEVEL : rules.getCaseloadLevel();
        Integer caseload = attrs.carriesCaseload() ? attrs.caseloadSize() : null;

        return new Row(month, p.staffId(), place == null ? null : place.teamId(), place == null ? null : place.serviceId(),
                supervisor == null ? null : supervisor.otherId(), excluded, attrs.category(), attrs.employmentType(),
                agreement != null && agreement.state() == AgreementState.ACTIVE,
                schedule.agreementStatus() == AgreementStatus.REVIEW_OVERDUE,
                status == ScheduleStatus.ON_TRACK || status == ScheduleStatus.DUE_SOON,
                status == ScheduleStatus.PAST_LONGEST_GAP || status == ScheduleStatus.BREACH,
                status == ScheduleStatus.BREACH,
                longestGap(heldOneToOne, postStart, first, end),
                oneToOne, group, schedule.sessionsInLast12Months(), schedule.meetsMinimum(), cancelled, rebooked, minutes, timed,
                shortOnes, recordsDue, signed, signatureDays, signatureCount, actionsOverdue, manager, attrs.carriesCaseload(),
                trainingDue, trainedInTime, caseload, caseload != null && caseload > level);
    }

    /**
     * The longest stretch without a one-to-one that ends in the month: between consecutive sessions held (the
     * first stretch from the start in post), and the open stretch from the last session to the month's end.
     */
    static Integer longestGap(List<LocalDate> heldSorted, LocalDate postStart, LocalDate monthStart, LocalDate end) {
        LocalDate previous = postStart;
        long longest = -1;
        for (LocalDate d : heldSorted) {
            if (d.isBefore(postStart)) {
                continue;
            }
            if (d.isAfter(end)) {
                break;
            }
            if (!d.isBefore(monthStart)) {
                longest = Math.max(longest, ChronoUnit.DAYS.between(previous, d));
            }
            previous = d;
        }
        if (!end.isBefore(previous)) {
            longest = Math.max(longest, ChronoUnit.DAYS.between(previous, end));
        }
        return longest < 0 ? null : (int) longest;
    }

    /** The first day of the current unbroken run of supervising someone (relations that touch or overlap join up). */
    static LocalDate managerSince(List<Relation> asSupervisor, LocalDate day) {
        List<Relation> sorted = asSupervisor.stream().filter(r -> !r.from().isAfter(day))
                .sorted(Comparator.comparing(Relation::from)).toList();
        LocalDate runStart = null;
        LocalDate runEnd = null; // null = open
        boolean open = false;
        for (Relation r : sorted) {
            boolean joins = runStart != null && (open || !r.from().isAfter(runEnd.plusDays(1)));
            if (!joins) {
                runStart = r.from();
                runEnd = r.to();
                open = r.to() == null;
            } else if (!open) {
                if (r.to() == null) {
                    open = true;
                } else if (r.to().isAfter(runEnd)) {
                    runEnd = r.to();
                }
            }
        }
        return runStart;
    }

    static Attributes attributesOn(List<Attributes> attributes, LocalDate day) {
        List<Attributes> sorted = attributes.stream().sorted(Comparator.comparing(Attributes::from)).toList();
        Attributes found = sorted.get(0);
        for (Attributes a : sorted) {
            if (!a.from().isAfter(day)) {
                found = a;
            }
        }
        return found;
    }

    /** Where the person was that day; before the first placement they were where it put them. */
    static Placement placementOn(List<Placement> placements, LocalDate day) {
        Placement found = null;
        Placement earliest = null;
        for (Placement pl : placements) {
            if (!pl.from().isAfter(day) && (pl.to() == null || !pl.to().isBefore(day))
                    && (found == null || pl.from().isAfter(found.from()))) {
                found = pl;
            }
            if (earliest == null || pl.from().isBefore(earliest.from())) {
                earliest = pl;
            }
        }
        return found != null ? found : earliest != null && earliest.from().isAfter(day) ? earliest : null;
    }

    private static Relation latestOn(List<Relation> relations, LocalDate day) {
        return relations.stream().filter(r -> r.on(day)).max(Comparator.comparing(Relation::from)).orElse(null);
    }

    /**
     * The agreement in force that day: the one signed last on or before it, unless it had ended by then; while
     * none is signed, one drawn up and awaiting signatures (drafts do not count).
     */
    static AgreementTerms agreementOn(List<Agreement> agreements, LocalDate day) {
        Agreement signed = agreements.stream().filter(a -> a.signedOn() != null && !a.signedOn().isAfter(day))
                .max(Comparator.comparing(Agreement::signedOn)).orElse(null);
        if (signed != null && (signed.endedOn() == null || signed.endedOn().isAfter(day))) {
            return new AgreementTerms(AgreementState.ACTIVE, signed.intervalWeeks() == null ? null : Period.ofWeeks(signed.intervalWeeks()),
                    signed.signedOn(), signed.supervisorId());
        }
        boolean awaiting = agreements.stream().anyMatch(a -> "AWAITING_SIGNATURES".equals(a.status())
                && !a.createdOn().isAfter(day) && (signed == null || a.createdOn().isAfter(signed.signedOn())));
        return awaiting ? new AgreementTerms(AgreementState.AWAITING_SIGNATURES, null, null) : null;
    }

    private static Period period(String iso, Period fallback) {
        return iso == null ? fallback : Period.parse(iso);
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}

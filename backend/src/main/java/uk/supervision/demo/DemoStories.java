package uk.supervision.demo;

import uk.supervision.api.model.ActionReview;
import uk.supervision.api.model.ActionReviewOutcome;
import uk.supervision.api.model.SessionParty;
import uk.supervision.demo.DemoSupervision.Agreement;
import uk.supervision.demo.DemoSupervision.Person;
import uk.supervision.demo.DemoSupervision.Session;
import uk.supervision.security.Caller;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static uk.supervision.demo.DemoTimeline.workingDayOnOrAfter;
import static uk.supervision.demo.DemoTimeline.workingDayOnOrBefore;

/**
 * Eighteen months of one demo organisation, one small method per story ("Chris: past the limit, agreement
 * due for review"): Priya's team in full, a year for Priya and Marcus (enough for the yearly minimum), the last
 * few months for the other team and the Emergency Duty Team (each step costs start-up time). Every date is counted back from the day the demo is loaded, so the team looks the
 * same whatever the date. To add a story: a method here, called from {@link #tell}.
 */
final class DemoStories {
    private static final LocalTime START = LocalTime.of(10, 0);
    private static final int MINUTES = 90;

    /** The people the stories are about, and the administrator who registers the demo's machine client. */
    record Team(Person helen, Person marcus, Person priya, Person sam, Person jordan, Person alex, Person chris,
                Person tom, Person aisha, Person ben, Person owen, Caller admin, Person rachel) {
    }

    /** A supervisor and a supervisee, where they meet, and the actions still open between them. */
    private static final class Pair {
        final Person supervisor;
        final Person supervisee;
        final String place;
        final List<String> open = new ArrayList<>();
        int count;

        Pair(Person supervisor, Person supervisee, String place) {
            this.supervisor = supervisor;
            this.supervisee = supervisee;
            this.place = place;
        }
    }

    /** A meeting held on a day, for the case work told after the stories ({@link DemoCaseStories}). */
    record Held(Session session, LocalDate day) {
    }

    private final DemoSupervision does;
    private final DemoTimeline timeline;
    private final LocalDate today;
    private final Map<String, List<Held>> held = new HashMap<>();

    DemoStories(DemoSupervision does, DemoTimeline timeline, LocalDate today) {
        this.does = does;
        this.timeline = timeline;
        this.today = today;
    }

    void tell(Team t) {
        samOnTrackWithEighteenMonthsSigned(t);
        jordanNewlyQualifiedOnTheWeeklyStep(t);
        alexOverdueAfterACancelledAndRebookedSession(t);
        chrisPastTheLimitWithHisAgreementDueForReview(t);
        priyaOnTrackWithMarcus(t);
        owenPastTheLongestGapWithASessionNotRecorded(t);
        marcusOnTrackWithHelen(t);
        tomDueSoonWithHelen(t);
        aishaOnTrackWithTom(t);
        benEveryEightWeeksByAgreement(t);
    }

    /** The meetings held with this supervisee, oldest first. */
    List<Held> held(Person supervisee) {
        return held.getOrDefault(supervisee.staff().id(), List.of());
    }

    // ---- the stories

    /**
     * Sam: 18 months of signed records (one with his comment, one with a confidential note), on track, nothing
     * booked yet. His agreement is still on paper: drafting it is the first thing a newcomer can try (and the
     * browser tests do).
     */
    private void samOnTrackWithEighteenMonthsSigned(Team t) {
        Pair p = new Pair(t.priya(), t.sam(), "Room 2, Civic Centre");
        List<LocalDate> days = every(4, today.minusMonths(18), workingDayOnOrBefore(today.minusDays(18)));
        List<Session> held = regular(p, days, null, false);
        Session commented = held.get(held.size() - 4);
        LocalDate day = days.get(days.size() - 4);
        // Sam comments before signing; the supervisor's signature is then out of date, so she signs again.
        LocalDate next = workingDayOnOrAfter(day.plusDays(1));
        timeline.at(next, LocalTime.of(9, 0), () -> does.comment(p.supervisee, commented,
                "I would add that the transfer of the M family was delayed by the court timetable, not by the team."));
        timeline.at(next, LocalTime.of(12, 0), () -> does.sign(p.supervisor, commented));
    }

    /** Jordan: newly qualified, started 3½ weeks ago: weekly sessions, the latest awaiting his signature, his agreement too. */
    private void jordanNewlyQualifiedOnTheWeeklyStep(Team t) {
        Pair p = new Pair(t.priya(), t.jordan(), "Room 4, Civic Centre");
        LocalDate start = t.jordan().staff().postStartDate();
        Agreement a = new Agreement();
        LocalDate drafted = workingDayOnOrAfter(start.plusDays(3));
        // Left to the profile (no interval agreed): the LGA step makes it weekly for his first six weeks.
        timeline.at(drafted, LocalTime.of(14, 0), () -> does.draftAndSend(p.supervisor, p.supervisee, null, p.place, a));
        timeline.at(drafted, LocalTime.of(14, 5), () -> does.signAgreement(p.supervisor, a));
        List<LocalDate> days = List.of(start, start.plusWeeks(1), start.plusWeeks(2), start.plusWeeks(3));
        Session last = null;
        for (int i = 0; i < days.size(); i++) {
            LocalDate next = i + 1 < days.size() ? days.get(i + 1) : start.plusWeeks(4);
            last = meeting(p, i == 0 ? start : days.get(i - 1), days.get(i), next, 7);
            if (i + 1 < days.size()) {
                signedBySupervisee(p, last, days.get(i));
            }
        }
        book(p, days.get(days.size() - 1), start.plusWeeks(4));
    }

    /** Alex: agency locum; his last session was cancelled by him and rebooked; the record before it is unsigned and his actions are overdue. */
    private void alexOverdueAfterACancelledAndRebookedSession(Team t) {
        Pair p = new Pair(t.priya(), t.alex(), "Room 2, Civic Centre");
        LocalDate start = t.alex().staff().postStartDate();
        agreement(p, workingDayOnOrAfter(start.plusDays(14)), 4, true);
        List<LocalDate> days = every(4, start.plusDays(7), workingDayOnOrBefore(today.minusDays(31)));
        regular(p, days.subList(0, days.size() - 1), days.get(days.size() - 1), false);
        LocalDate lastDay = days.get(days.size() - 1);
        LocalDate missed = lastDay.plusWeeks(4);
        meeting(p, days.get(days.size() - 2), lastDay, missed, 14);   // written and signed by Priya; Alex has not signed
        Session cancelled = book(p, lastDay, missed);
        Session rebooked = new Session();
        timeline.at(workingDayOnOrBefore(missed.minusDays(1)), LocalTime.of(16, 30), () -> does.cancel(p.supervisee, SessionParty.SUPERVISEE,
                "Alex is in court all day for a final hearing.", cancelled, workingDayOnOrAfter(today.plusDays(2)), rebooked));
    }

    /** Chris: last seen 10 weeks ago, the next session postponed and never rebooked: past the limit; his agreement is 13 months old. */
    private void chrisPastTheLimitWithHisAgreementDueForReview(Team t) {
        Pair p = new Pair(t.priya(), t.chris(), "Family Centre, meeting room 1");
        agreement(p, workingDayOnOrBefore(today.minusMonths(13)), 4, true);
        List<LocalDate> days = every(4, today.minusMonths(18), workingDayOnOrBefore(today.minusDays(70)));
        LocalDate lastDay = days.get(days.size() - 1);
        LocalDate next = lastDay.plusWeeks(4);
        regular(p, days.subList(0, days.size() - 1), days.get(days.size() - 1), false);
        Session last = meeting(p, days.get(days.size() - 2), lastDay, next, 30);
        signedBySupervisee(p, last, lastDay);
        timeline.at(lastDay, LocalTime.of(15, 2), () -> does.action(p.supervisor, p.supervisee, p.supervisee,
                "Complete the moving-on plan for the D family", lastDay.plusDays(30), last));
        Session postponed = book(p, lastDay, next);
        timeline.at(workingDayOnOrBefore(next.minusDays(1)), LocalTime.of(17, 0), () -> does.postpone(p.supervisor, postponed,
                "Priya is covering the duty desk; a new date to follow."));
    }

    /** Priya: supervised by Marcus, on track, the next session booked. */
    private void priyaOnTrackWithMarcus(Team t) {
        Pair p = new Pair(t.marcus(), t.priya(), "Marcus's office, Civic Centre");
        agreement(p, workingDayOnOrBefore(today.minusMonths(11)), 4, true);
        List<LocalDate> days = every(4, today.minusMonths(12), workingDayOnOrBefore(today.minusDays(12)));
        regular(p, days, days.get(days.size() - 1).plusWeeks(4), true);
    }

    /** Owen: part-time on the Emergency Duty Team; a session that passed was never recorded as held: past the longest gap. */
    private void owenPastTheLongestGapWithASessionNotRecorded(Team t) {
        Pair p = new Pair(t.marcus(), t.owen(), "Emergency Duty Team office");
        LocalDate start = t.owen().staff().postStartDate();
        agreement(p, workingDayOnOrAfter(start.plusDays(21)), 4, true);
        List<LocalDate> days = every(4, later(start.plusDays(14), today.minusMonths(6)), workingDayOnOrBefore(today.minusDays(45)));
        regular(p, days, days.get(days.size() - 1).plusWeeks(4), true);
    }

    /** Marcus: supervised by Helen, on track. */
    private void marcusOnTrackWithHelen(Team t) {
        Pair p = new Pair(t.helen(), t.marcus(), "Helen's office, Civic Centre");
        agreement(p, workingDayOnOrBefore(today.minusMonths(9)), 4, true);
        List<LocalDate> days = every(4, today.minusMonths(12), workingDayOnOrBefore(today.minusDays(20)));
        regular(p, days, days.get(days.size() - 1).plusWeeks(4), true);
    }

    /** Tom: supervised by Helen since he became a team manager a year ago; due soon, the next session booked. */
    private void tomDueSoonWithHelen(Team t) {
        Pair p = new Pair(t.helen(), t.tom(), "Helen's office, Civic Centre");
        LocalDate since = t.tom().staff().postStartDate();
        agreement(p, workingDayOnOrAfter(since.plusDays(14)), 4, true);
        List<LocalDate> days = every(4, later(since.plusDays(7), today.minusMonths(5)), workingDayOnOrBefore(today.minusDays(26)));
        regular(p, days, workingDayOnOrAfter(today.plusDays(1)), true);
    }

    /** Aisha: senior practitioner supervised by Tom, on track. */
    private void aishaOnTrackWithTom(Team t) {
        Pair p = new Pair(t.tom(), t.aisha(), "Looked After Children Team, room 3");
        LocalDate since = today.minusYears(1);
        agreement(p, workingDayOnOrAfter(since.plusDays(20)), 4, true);
        List<LocalDate> days = every(4, today.minusMonths(5), workingDayOnOrBefore(today.minusDays(9)));
        regular(p, days, days.get(days.size() - 1).plusWeeks(4), true);
    }

    /** Ben: business support, supervised by Aisha every 8 weeks as his agreement says. */
    private void benEveryEightWeeksByAgreement(Team t) {
        Pair p = new Pair(t.aisha(), t.ben(), "Looked After Children Team, room 3");
        LocalDate since = today.minusYears(1);
        agreement(p, workingDayOnOrAfter(since.plusDays(7)), 8, true);
        List<LocalDate> days = every(8, today.minusMonths(5), workingDayOnOrBefore(today.minusDays(33)));
        regular(p, days, days.get(days.size() - 1).plusWeeks(8), true);
    }

    // ---- the steps stories are made of

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** Days every so many weeks, counted back from the last, none before the first; oldest first. */
    private static List<LocalDate> every(int weeks, LocalDate first, LocalDate last) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = last; !d.isBefore(first); d = d.minusWeeks(weeks)) {
            days.add(0, workingDayOnOrBefore(d));
        }
        return days;
    }

    /**
     * Meetings on these days, each booked at the end of the one before, held, written and signed by both.
     * The last record names {@code next} as the next date, and books it when {@code bookNext}.
     */
    private List<Session> regular(Pair p, List<LocalDate> days, LocalDate next, boolean bookNext) {
        List<Session> out = new ArrayList<>();
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            LocalDate following = i + 1 < days.size() ? days.get(i + 1) : next;
            // The first is booked that morning: the history starts there (or the supervisor has only just taken over).
            Session s = meeting(p, i == 0 ? day : days.get(i - 1), day, following, 14);
            signedBySupervisee(p, s, day);
            out.add(s);
        }
        if (bookNext && !days.isEmpty()) {
            book(p, days.get(days.size() - 1), next);
        }
        return out;
    }

    /**
     * One meeting: booked on {@code bookedOn}, held on {@code day}, its record written that afternoon (every
     * agenda item, open actions reviewed as done, a new action due in {@code actionDueDays}) and signed by
     * the supervisor.
     */
    private Session meeting(Pair p, LocalDate bookedOn, LocalDate day, LocalDate next, int actionDueDays) {
        Session s = book(p, bookedOn, day);
        timeline.at(day, START.plusMinutes(MINUTES + 5), () -> does.held(p.supervisor, s, MINUTES));
        held.computeIfAbsent(p.supervisee.staff().id(), k -> new ArrayList<>()).add(new Held(s, day));
        int n = p.count++;
        timeline.at(day, LocalTime.of(15, 0), () -> {
            List<ActionReview> reviews = new ArrayList<>();
            p.open.forEach(id -> reviews.add(DemoSupervision.review(id, ActionReviewOutcome.DONE, "Done.")));
            DemoWords.Record words = DemoWords.record(p.supervisee.name(), n, next);
            if (n % 7 == 3) {
                words = new DemoWords.Record(words.name(), n, words.reflection(), words.futureAgenda(), next,
                        p.supervisee.name() + " talked about a family bereavement; time off agreed. Not for the file beyond this note.");
            }
            does.write(p.supervisor, s, words, reviews);
            p.open.clear();
            p.open.add(does.action(p.supervisor, p.supervisee, p.supervisee, DemoWords.action(n), day.plusDays(actionDueDays), s));
        });
        timeline.at(day, LocalTime.of(15, 10), () -> does.sign(p.supervisor, s));
        return s;
    }

    private void signedBySupervisee(Pair p, Session s, LocalDate day) {
        LocalDate on = workingDayOnOrAfter(day.plusDays(1));
        if (on.isBefore(today)) {
            timeline.at(on, LocalTime.of(9, 30), () -> does.sign(p.supervisee, s));
        }
    }

    /** Booked at the end of the meeting on {@code bookedOn} (or that morning when it is the same day). */
    private Session book(Pair p, LocalDate bookedOn, LocalDate day) {
        Session s = new Session();
        LocalTime at = bookedOn.equals(day) ? LocalTime.of(9, 0) : START.plusMinutes(MINUTES + 10);
        timeline.at(bookedOn, at, () -> does.book(p.supervisor, p.supervisee, day, START, MINUTES, p.place, s));
        return s;
    }

    /** An agreement drafted, sent and signed by the supervisor that day, and by the supervisee the next working day. */
    private void agreement(Pair p, LocalDate day, Integer weeks, boolean countersigned) {
        Agreement a = new Agreement();
        timeline.at(day, LocalTime.of(14, 0), () -> does.draftAndSend(p.supervisor, p.supervisee, weeks, p.place, a));
        timeline.at(day, LocalTime.of(14, 5), () -> does.signAgreement(p.supervisor, a));
        if (countersigned) {
            timeline.at(workingDayOnOrAfter(day.plusDays(1)), LocalTime.of(9, 15), () -> does.signAgreement(p.supervisee, a));
        }
    }
}

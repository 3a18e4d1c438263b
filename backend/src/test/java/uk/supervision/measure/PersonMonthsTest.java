package uk.supervision.measure;

import org.junit.jupiter.api.Test;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.compliance.AgreementState;
import uk.supervision.compliance.AgreementTerms;
import uk.supervision.compliance.ScheduleCalculator;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The facts of one person's months, by hand (no database). Policy: every 4 weeks, at most 6, breach after 2 months. */
class PersonMonthsTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 17);
    private static final LocalDate START = LocalDate.of(2025, 1, 6);
    private final PersonMonths facts = new PersonMonths(new ScheduleCalculator());

    private static PolicyRules rules() {
        PolicyRules r = new PolicyRules("P4W", "P6W", 90, List.of(), List.of(), 5);
        r.setBreachAfter("P2M");
        r.setMinimumSessionsPerYear(10);
        return r;
    }

    private static PersonMonths.Attributes attrs(LocalDate from, String category, String type, double hours, boolean caseload, Integer size) {
        return new PersonMonths.Attributes(from, category, type, hours, caseload, size);
    }

    private record Builder(List<PersonMonths.Attributes> attributes, List<PersonMonths.Session> sessions,
                           List<PersonMonths.Relation> supervisors, List<PersonMonths.Relation> supervisees,
                           List<PersonMonths.Agreement> agreements, List<PersonMonths.Action> actions) {
        Builder() {
            this(new ArrayList<>(List.of(attrs(START, "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, true, 12))), new ArrayList<>(),
                    new ArrayList<>(List.of(new PersonMonths.Relation("sup-1", START, null))), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }

        Builder held(LocalDate day, Integer minutes) {
            sessions.add(new PersonMonths.Session("s" + sessions.size(), false, true, false, day, minutes, false, false, null));
            return this;
        }

        PersonMonths.Person person(LocalDate leaving, LocalDate trained) {
            return new PersonMonths.Person("p", START, START, leaving, trained, attributes, List.of(new PersonMonths.Placement("t", "v", START, null)),
                    supervisors, supervisees, sessions, agreements, actions);
        }
    }

    private PersonMonths.Row month(PersonMonths.Person p, YearMonth m) {
        return facts.compute(rules(), p, List.of(m), TODAY).get(0);
    }

    @Test
    void oneRowPerMonthEmployedAtMostTenYearsBack() {
        // January 2025 to June 2026: 18 months; a leaver on 3 March 2026 stops at March.
        assertEquals(18, PersonMonths.months(START, null, TODAY).size());
        assertEquals(YearMonth.of(2026, 3), PersonMonths.months(START, LocalDate.of(2026, 3, 3), TODAY).get(14));
        assertEquals(15, PersonMonths.months(START, LocalDate.of(2026, 3, 3), TODAY).size());
        assertEquals(120, PersonMonths.months(LocalDate.of(2001, 1, 1), null, TODAY).size());
    }

    @Test
    void exclusions() {
        Builder b = new Builder();
        // Leaving on 31 May: left on the month's end -> LEAVER in May; in April still counted.
        PersonMonths.Person leaver = b.person(LocalDate.of(2026, 5, 31), null);
        assertEquals(PersonMonths.LEAVER, month(leaver, YearMonth.of(2026, 5)).excludedBecause());
        assertNull(month(leaver, YearMonth.of(2026, 4)).excludedBecause());
        // Started 6 January: at 31 January (day 26) counted; a start on 25 January is day 7 at the month's end:
        // 25..31 is 7 days, so the first week has ended only on 1 February -> FIRST_WEEK in January.
        PersonMonths.Person late = new PersonMonths.Person("p", LocalDate.of(2025, 1, 25), LocalDate.of(2025, 1, 25), null, null,
                List.of(attrs(LocalDate.of(2025, 1, 25), "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, true, 5)), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of());
        assertEquals(PersonMonths.FIRST_WEEK, month(late, YearMonth.of(2025, 1)).excludedBecause());
        PersonMonths.Person day8 = new PersonMonths.Person("p", LocalDate.of(2025, 1, 24), LocalDate.of(2025, 1, 24), null, null,
                late.attributes(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        assertNull(month(day8, YearMonth.of(2025, 1)).excludedBecause(), "24..31 January is 8 days");
        // Agency on 9.5 hours: excluded; on exactly 10: counted.
        Builder agency = new Builder();
        agency.attributes().set(0, attrs(START, "REGISTERED_SOCIAL_WORKER", "AGENCY", 9.5, false, null));
        assertEquals(PersonMonths.AGENCY_UNDER_10_HOURS, month(agency.person(null, null), YearMonth.of(2026, 2)).excludedBecause());
        agency.attributes().set(0, attrs(START, "REGISTERED_SOCIAL_WORKER", "AGENCY", 10, false, null));
        assertNull(month(agency.person(null, null), YearMonth.of(2026, 2)).excludedBecause());
    }

    @Test
    void longestGapEndsInTheMonth() {
        // Held 10 Jan and 20 Feb 2026 (41 days), then nothing: in February the longest stretch ending there is 41
        // days; in March the open stretch from 20 Feb to 31 March is 39 days; in January 10 Jan minus the
        // last one before it. Start in post 6 Jan 2025: with no earlier session the January gap is 369 days.
        List<LocalDate> held = List.of(LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 20));
        assertEquals(41, PersonMonths.longestGap(held, START, LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28)));
        assertEquals(39, PersonMonths.longestGap(held, START, LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31)));
        assertEquals(369, PersonMonths.longestGap(held, START, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 31)));
    }

    @Test
    void sessionsOfTheMonth() {
        Builder b = new Builder().held(LocalDate.of(2026, 4, 2), 60).held(LocalDate.of(2026, 4, 20), 95).held(LocalDate.of(2026, 3, 30), null);
        // A group session and a cancelled, rebooked one; a record signed 4 days after its session.
        b.sessions().add(new PersonMonths.Session("g", true, true, false, LocalDate.of(2026, 4, 9), 90, false, false, null));
        b.sessions().add(new PersonMonths.Session("c", false, false, true, LocalDate.of(2026, 4, 15), null, true, false, null));
        b.sessions().add(new PersonMonths.Session("c2", false, false, true, LocalDate.of(2026, 4, 16), null, false, false, null));
        b.sessions().set(0, new PersonMonths.Session("s0", false, true, false, LocalDate.of(2026, 4, 2), 60, false, true, LocalDate.of(2026, 4, 6)));
        PersonMonths.Row april = month(b.person(null, null), YearMonth.of(2026, 4));
        assertEquals(2, april.oneToOneHeld());
        assertEquals(1, april.groupHeld());
        assertEquals(2, april.cancelled());
        assertEquals(1, april.cancelledRebooked());
        assertEquals(155, april.minutesHeld());
        assertEquals(2, april.minutesCountedSessions());
        assertEquals(1, april.heldBelowMinimum());
        assertEquals(2, april.recordsDue());
        assertEquals(1, april.recordsSignedBoth());
        assertEquals(4, april.signatureDaysTotal());
        assertEquals(1, april.signatureDaysCount());
        // At 30 April: last held 20 April, due 18 May -> on track.
        assertTrue(april.withinInterval());
        // 30 March, 2 April, 20 April: 3 in the last 12 months; a year employed -> the minimum applies, not met.
        assertEquals(3, april.heldLast12Months());
        assertEquals(Boolean.FALSE, april.meetsAnnualMinimum());
    }

    @Test
    void agreementInForceAtTheMonthsEnd() {
        List<PersonMonths.Agreement> versions = List.of(
                new PersonMonths.Agreement("a1", "SUPERSEDED", LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 20), null, null, "sup-1"),
                new PersonMonths.Agreement("a2", "ENDED", LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 12), LocalDate.of(2026, 3, 3), 3, "sup-1"),
                new PersonMonths.Agreement("a3", "AWAITING_SIGNATURES", LocalDate.of(2026, 3, 10), null, null, null, "sup-1"));
        // December 2025: version 1; February 2026: version 2 with its 3 weeks; March: version 2 ended, 3 awaits.
        assertEquals(LocalDate.of(2025, 1, 20), PersonMonths.agreementOn(versions, LocalDate.of(2025, 12, 31)).signedOn());
        AgreementTerms feb = PersonMonths.agreementOn(versions, LocalDate.of(2026, 2, 28));
        assertEquals(java.time.Period.ofWeeks(3), feb.interval());
        assertEquals(AgreementState.AWAITING_SIGNATURES, PersonMonths.agreementOn(versions, LocalDate.of(2026, 3, 31)).state());
        assertNull(PersonMonths.agreementOn(versions, LocalDate.of(2025, 1, 15)));
    }

    @Test
    void managersTrainingAndCaseloads() {
        Builder b = new Builder();
        // Supervising from 1 March 2025 to 30 June, again from 2 July (a break of one day: a new run), and an
        // overlapping second supervisee from 1 August.
        b.supervisees().add(new PersonMonths.Relation("x", LocalDate.of(2025, 3, 1), LocalDate.of(2025, 6, 30)));
        b.supervisees().add(new PersonMonths.Relation("y", LocalDate.of(2025, 7, 2), null));
        b.supervisees().add(new PersonMonths.Relation("z", LocalDate.of(2025, 8, 1), null));
        assertEquals(LocalDate.of(2025, 7, 2), PersonMonths.managerSince(b.supervisees(), LocalDate.of(2026, 1, 31)));
        // Carrying a caseload: due 6 months on (2 January 2026). Trained on 2 January: in time; in December not yet due.
        PersonMonths.Row jan = month(b.person(null, LocalDate.of(2026, 1, 2)), YearMonth.of(2026, 1));
        assertTrue(jan.isManager());
        assertTrue(jan.trainingDue());
        assertTrue(jan.trainedInTime());
        assertFalse(month(b.person(null, null), YearMonth.of(2025, 12)).trainingDue());
        // Trained a day late.
        assertFalse(month(b.person(null, LocalDate.of(2026, 1, 3)), YearMonth.of(2026, 1)).trainedInTime());
        // Caseload 12 against the default level 15: not above; 16 is.
        assertFalse(jan.caseloadAboveLevel());
        b.attributes().add(attrs(LocalDate.of(2026, 1, 20), "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, true, 16));
        PersonMonths.Row after = month(b.person(null, LocalDate.of(2026, 1, 2)), YearMonth.of(2026, 1));
        assertTrue(after.caseloadAboveLevel());
        assertEquals(16, after.caseload());
    }

    @Test
    void actionsOverdueAtTheMonthsEnd() {
        Builder b = new Builder();
        b.actions().add(new PersonMonths.Action(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 3, 1), null));
        b.actions().add(new PersonMonths.Action(LocalDate.of(2026, 4, 10), LocalDate.of(2026, 3, 1), LocalDate.of(2026, 5, 2)));
        b.actions().add(new PersonMonths.Action(LocalDate.of(2026, 4, 30), LocalDate.of(2026, 3, 1), null));
        // At 30 April: the first two (due the 10th, open then); the third is due on the day itself, still in time.
        assertEquals(2, month(b.person(null, null), YearMonth.of(2026, 4)).actionsOverdue());
        // At 31 May: the first and third are open and past due; the second was closed on 2 May.
        assertEquals(2, month(b.person(null, null), YearMonth.of(2026, 5)).actionsOverdue());
    }
}

package uk.supervision.compliance;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.policy.PolicyRepositories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The compliance engine against the three shipped policy profiles (their rules_json read from the migrated
 * database).
 *
 * <p>Table vocabulary:
 * <ul>
 *   <li>profile: COV = Coventry 2016, CB = Central Bedfordshire 2012, LGA = LGA standard 5;</li>
 *   <li>person: "category employmentType weeklyHours", category SW = registered social worker, NQSW = newly
 *       qualified (ASYE), ADMIN = administrative/domestic;</li>
 *   <li>facts (space separated, "-" for none): start=D (employment and post start), employed=D, post=D,
 *       supervisor=D (current supervisor since), leaving=D, agreed=P (agreement interval), signed=D (agreement
 *       ACTIVE, signed that day), awaiting (agreement awaiting signatures). Defaults: employed 2020-01-06, in post
 *       since 2024-05-01, no agreement; agreed=P without signed or awaiting is ACTIVE, signed 2026-06-01;</li>
 *   <li>held: one-to-one session dates, space separated; "-" = null / none.</li>
 * </ul>
 */
@MicronautTest(transactional = false)
class ScheduleCalculatorTest {

    /** The tables' short names for the shipped profiles' codes. */
    private static final Map<String, String> PROFILE_CODES = Map.of(
            "COV", "COVENTRY_2016", "CB", "CENTRAL_BEDFORDSHIRE_2012", "LGA", "LGA_STANDARD_5");
    private final ScheduleCalculator calculator = new ScheduleCalculator();
    @Inject
    PolicyRepositories.Profiles profiles;
    @Inject
    JsonMapper json;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # case                                                   | prof | person            | facts                                  | held                             | today      | interval | source       | nextDue    | latestAllowed | breach     | status           | agreedIntervalMissing
        COV 9 days after a session: on track                      | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-03-10 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | ON_TRACK         | false
        COV 8 days before due: still on track                     | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-03-21 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | ON_TRACK         | false
        COV 7 days before due: due soon                           | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-03-22 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | DUE_SOON         | false
        COV exactly 4 weeks: due today, not overdue               | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-03-29 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | DUE_SOON         | false
        COV 4 weeks + 1 day: overdue                              | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-03-30 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | OVERDUE          | false
        COV exactly 6 weeks: still only overdue                   | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-04-12 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | OVERDUE          | false
        COV 6 weeks + 1 day: past the longest gap                 | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-04-13 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | PAST_LONGEST_GAP | false
        COV exactly 2 months: not yet a breach                    | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-05-01 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | PAST_LONGEST_GAP | false
        COV 2 months + 1 day: breach                              | COV  | SW PERMANENT 37   | -                                      | 2027-03-01                       | 2027-05-02 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | BREACH           | false
        COV the latest of unsorted sessions counts                | COV  | SW PERMANENT 37   | -                                      | 2027-02-01 2027-03-01 2027-01-04 | 2027-03-10 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | ON_TRACK         | false
        COV month end: 31 Dec + 2 months is 29 Feb 2028          | COV  | SW PERMANENT 37   | -                                      | 2027-12-31                       | 2028-02-29 | P4W      | PROFILE      | 2028-01-28 | 2028-02-11    | 2028-02-29 | PAST_LONGEST_GAP | false
        COV month end: breach from 1 Mar 2028                     | COV  | SW PERMANENT 37   | -                                      | 2027-12-31                       | 2028-03-01 | P4W      | PROFILE      | 2028-01-28 | 2028-02-11    | 2028-02-29 | BREACH           | false
        COV session on leap day 29 Feb 2028                       | COV  | SW PERMANENT 37   | -                                      | 2028-02-29                       | 2028-03-28 | P4W      | PROFILE      | 2028-03-28 | 2028-04-11    | 2028-04-29 | DUE_SOON         | false
        COV nothing held: clock runs from the post start          | COV  | SW PERMANENT 37   | post=2027-01-04                        | -                                | 2027-02-02 | P4W      | PROFILE      | 2027-02-01 | 2027-02-15    | 2027-03-04 | OVERDUE          | false
        COV new supervisor mid-interval: no reset                 | COV  | SW PERMANENT 37   | supervisor=2027-03-15                  | 2027-03-01                       | 2027-03-30 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | OVERDUE          | false
        COV new supervisor before any session: no reset          | COV  | SW PERMANENT 37   | post=2027-01-04 supervisor=2027-01-25  | -                                | 2027-02-02 | P4W      | PROFILE      | 2027-02-01 | 2027-02-15    | 2027-03-04 | OVERDUE          | false
        COV start in the future: not started, due start + 4W     | COV  | SW PERMANENT 37   | start=2027-09-01                       | -                                | 2027-08-15 | P4W      | PROFILE      | 2027-09-29 | 2027-10-13    | 2027-11-01 | NOT_STARTED      | false
        COV starting today: on track                              | COV  | SW PERMANENT 37   | start=2027-09-01                       | -                                | 2027-09-01 | P4W      | PROFILE      | 2027-09-29 | 2027-10-13    | 2027-11-01 | ON_TRACK         | false
        COV agreement 6W, longer than the profile                 | COV  | SW PERMANENT 37   | agreed=P6W                             | 2027-03-01                       | 2027-04-01 | P6W      | AGREEMENT    | 2027-04-12 | 2027-04-12    | 2027-05-01 | ON_TRACK         | false
        COV agreement 2W, shorter than the profile                | COV  | SW PERMANENT 37   | agreed=P2W                             | 2027-03-01                       | 2027-03-16 | P2W      | AGREEMENT    | 2027-03-15 | 2027-04-12    | 2027-05-01 | OVERDUE          | false
        COV agreement 9W cannot stretch the 2-month breach        | COV  | SW PERMANENT 37   | agreed=P9W                             | 2027-03-01                       | 2027-05-02 | P9W      | AGREEMENT    | 2027-05-03 | 2027-05-03    | 2027-05-01 | BREACH           | false
        COV unsigned agreement sets no interval                   | COV  | SW PERMANENT 37   | awaiting agreed=P6W                    | 2027-03-01                       | 2027-04-01 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | OVERDUE          | false
        COV newly qualified: no step, 4-weekly unless agreed      | COV  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-01-11                       | 2027-01-20 | P4W      | PROFILE      | 2027-02-08 | 2027-02-22    | 2027-03-11 | ON_TRACK         | false
        COV leaver before the leaving date: counted               | COV  | SW PERMANENT 37   | leaving=2027-04-30                     | 2027-03-01                       | 2027-03-30 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | OVERDUE          | false
        COV leaver on the leaving date: still counted             | COV  | SW PERMANENT 37   | leaving=2027-04-30                     | 2027-03-01                       | 2027-04-30 | P4W      | PROFILE      | 2027-03-29 | 2027-04-12    | 2027-05-01 | PAST_LONGEST_GAP | false
        COV leaver after the leaving date: left, nothing due      | COV  | SW PERMANENT 37   | leaving=2027-04-30                     | 2027-03-01                       | 2027-05-01 | P4W      | PROFILE      | -          | -             | -          | LEFT             | false
        CB first 4 months: every 2 weeks                          | CB   | SW PERMANENT 37   | start=2027-01-04                       | 2027-03-01                       | 2027-03-07 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | ON_TRACK         | false
        CB new starter 2 weeks + 1 day: overdue                   | CB   | SW PERMANENT 37   | start=2027-01-04                       | 2027-03-01                       | 2027-03-16 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | OVERDUE          | false
        CB new starter 4 weeks + 1 day: past the longest gap      | CB   | SW PERMANENT 37   | start=2027-01-04                       | 2027-03-01                       | 2027-03-30 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | PAST_LONGEST_GAP | false
        CB session the day before 4 months: still 2-weekly       | CB   | SW PERMANENT 37   | start=2027-01-04                       | 2027-05-03                       | 2027-05-05 | P2W      | CADENCE_STEP | 2027-05-17 | 2027-05-31    | -          | ON_TRACK         | false
        CB session at exactly 4 months: 4-weekly                  | CB   | SW PERMANENT 37   | start=2027-01-04                       | 2027-05-04                       | 2027-05-05 | P4W      | PROFILE      | 2027-06-01 | 2027-06-01    | -          | ON_TRACK         | false
        CB new starter, nothing held: due 2 weeks after start    | CB   | SW PERMANENT 37   | start=2027-01-04                       | -                                | 2027-01-19 | P2W      | CADENCE_STEP | 2027-01-18 | 2027-02-01    | -          | OVERDUE          | false
        CB start in the future: not started, due start + 2W     | CB   | SW PERMANENT 37   | start=2027-09-01                       | -                                | 2027-08-15 | P2W      | CADENCE_STEP | 2027-09-15 | 2027-09-29    | -          | NOT_STARTED      | false
        CB new post, long employed: no new-starter step           | CB   | SW PERMANENT 37   | post=2027-03-01                        | -                                | 2027-03-10 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | ON_TRACK         | false
        CB agreement 4W vs new-starter 2W: the 2 weeks win       | CB   | SW PERMANENT 37   | start=2027-01-04 agreed=P4W            | 2027-03-01                       | 2027-03-07 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | ON_TRACK         | false
        CB agreement 2W equal to the step: reported as the step   | CB   | SW PERMANENT 37   | start=2027-01-04 agreed=P2W            | 2027-03-01                       | 2027-03-07 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | ON_TRACK         | false
        CB agreement 1W, shorter than the step: agreement wins    | CB   | SW PERMANENT 37   | start=2027-01-04 agreed=P1W            | 2027-03-01                       | 2027-03-07 | P1W      | AGREEMENT    | 2027-03-08 | 2027-03-29    | -          | DUE_SOON         | false
        CB agreement 3W after the first 4 months                  | CB   | SW PERMANENT 37   | start=2027-01-04 agreed=P3W            | 2027-06-01                       | 2027-06-10 | P3W      | AGREEMENT    | 2027-06-22 | 2027-06-29    | -          | ON_TRACK         | false
        CB administrative staff: due at exactly 8 weeks           | CB   | ADMIN PERMANENT 37| -                                      | 2027-03-01                       | 2027-04-26 | P8W      | CATEGORY     | 2027-04-26 | 2027-04-26    | -          | DUE_SOON         | false
        CB administrative staff 8 weeks + 1 day: past the gap     | CB   | ADMIN PERMANENT 37| -                                      | 2027-03-01                       | 2027-04-27 | P8W      | CATEGORY     | 2027-04-26 | 2027-04-26    | -          | PAST_LONGEST_GAP | false
        CB administrative staff at 5 weeks: on track              | CB   | ADMIN PERMANENT 37| -                                      | 2027-03-01                       | 2027-04-05 | P8W      | CATEGORY     | 2027-04-26 | 2027-04-26    | -          | ON_TRACK         | false
        CB administrative new starter: the 2-week step first      | CB   | ADMIN PERMANENT 37| start=2027-01-04                       | 2027-03-01                       | 2027-03-07 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | ON_TRACK         | false
        CB agency 8 h/week with an agreed 6W                      | CB   | SW AGENCY 8       | agreed=P6W                             | 2027-03-01                       | 2027-04-01 | P6W      | AGREEMENT    | 2027-04-12 | 2027-04-12    | -          | ON_TRACK         | false
        CB agency 8 h/week, no agreement: profile, flagged        | CB   | SW AGENCY 8       | -                                      | 2027-03-01                       | 2027-04-01 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | PAST_LONGEST_GAP | true
        CB agency 8 h/week, agreement unsigned: flagged           | CB   | SW AGENCY 8       | awaiting agreed=P6W                    | 2027-03-01                       | 2027-04-01 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | PAST_LONGEST_GAP | true
        CB agency 9.5 h/week, signed agreement without interval   | CB   | SW AGENCY 9.5     | signed=2026-06-01                      | 2027-03-01                       | 2027-03-10 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | ON_TRACK         | true
        CB agency exactly 10 h/week is not under 10               | CB   | SW AGENCY 10      | -                                      | 2027-03-01                       | 2027-03-10 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | ON_TRACK         | false
        CB agency 9.5 h/week new starter: 2W step beats agreed 6W | CB   | SW AGENCY 9.5     | start=2027-01-04 agreed=P6W            | 2027-03-01                       | 2027-03-07 | P2W      | CADENCE_STEP | 2027-03-15 | 2027-03-29    | -          | ON_TRACK         | false
        CB permanent 8 h/week: the agreement rule is agency only  | CB   | SW PERMANENT 8    | -                                      | 2027-03-01                       | 2027-03-10 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | ON_TRACK         | false
        CB agency admin 8 h/week, no agreement: 8W, flagged      | CB   | ADMIN AGENCY 8    | -                                      | 2027-03-01                       | 2027-04-01 | P8W      | CATEGORY     | 2027-04-26 | 2027-04-26    | -          | ON_TRACK         | true
        LGA registered social worker: monthly                     | LGA  | SW PERMANENT 37   | start=2027-01-04                       | 2027-01-11                       | 2027-01-20 | P1M      | PROFILE      | 2027-02-11 | 2027-02-11    | -          | ON_TRACK         | false
        LGA month end: 31 Jan + 1 month is 28 Feb                 | LGA  | SW PERMANENT 37   | -                                      | 2027-01-31                       | 2027-02-28 | P1M      | PROFILE      | 2027-02-28 | 2027-02-28    | -          | DUE_SOON         | false
        LGA month end: 1 Mar is past the longest gap              | LGA  | SW PERMANENT 37   | -                                      | 2027-01-31                       | 2027-03-01 | P1M      | PROFILE      | 2027-02-28 | 2027-02-28    | -          | PAST_LONGEST_GAP | false
        LGA leap year: 31 Jan 2028 + 1 month is 29 Feb            | LGA  | SW PERMANENT 37   | -                                      | 2028-01-31                       | 2028-02-22 | P1M      | PROFILE      | 2028-02-29 | 2028-02-29    | -          | DUE_SOON         | false
        LGA session on leap day: 29 Feb + 1 month is 29 Mar       | LGA  | SW PERMANENT 37   | -                                      | 2028-02-29                       | 2028-03-01 | P1M      | PROFILE      | 2028-03-29 | 2028-03-29    | -          | ON_TRACK         | false
        LGA newly qualified, first 6 weeks: weekly                | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-01-25                       | 2027-01-26 | P1W      | CADENCE_STEP | 2027-02-01 | 2027-02-25    | -          | DUE_SOON         | false
        LGA newly qualified, 1 week + 1 day: overdue              | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-01-25                       | 2027-02-02 | P1W      | CADENCE_STEP | 2027-02-01 | 2027-02-25    | -          | OVERDUE          | false
        LGA newly qualified, session the day before 6 weeks       | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-02-14                       | 2027-02-15 | P1W      | CADENCE_STEP | 2027-02-21 | 2027-03-14    | -          | DUE_SOON         | false
        LGA newly qualified, session at exactly 6 weeks: 2-weekly | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-02-15                       | 2027-02-16 | P2W      | CADENCE_STEP | 2027-03-01 | 2027-03-15    | -          | ON_TRACK         | false
        LGA newly qualified, session the day before 6 months      | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-07-03                       | 2027-07-05 | P2W      | CADENCE_STEP | 2027-07-17 | 2027-08-03    | -          | ON_TRACK         | false
        LGA newly qualified, session at exactly 6 months: monthly | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | 2027-07-04                       | 2027-07-05 | P1M      | PROFILE      | 2027-08-04 | 2027-08-04    | -          | ON_TRACK         | false
        LGA newly qualified, nothing held: weekly from the start  | LGA  | NQSW PERMANENT 37 | start=2027-01-04                       | -                                | 2027-01-12 | P1W      | CADENCE_STEP | 2027-01-11 | 2027-02-04    | -          | OVERDUE          | false
        LGA newly qualified steps run from the post start         | LGA  | NQSW PERMANENT 37 | employed=2026-01-05 post=2027-01-04    | 2027-01-11                       | 2027-01-12 | P1W      | CADENCE_STEP | 2027-01-18 | 2027-02-11    | -          | DUE_SOON         | false
        LGA newly qualified, agreed 2W in the weekly stage        | LGA  | NQSW PERMANENT 37 | start=2027-01-04 agreed=P2W            | 2027-01-11                       | 2027-01-12 | P1W      | CADENCE_STEP | 2027-01-18 | 2027-02-11    | -          | DUE_SOON         | false
        LGA social worker with an agreed 3W                       | LGA  | SW PERMANENT 37   | agreed=P3W                             | 2027-03-01                       | 2027-03-10 | P3W      | AGREEMENT    | 2027-03-22 | 2027-04-01    | -          | ON_TRACK         | false
        CB agreement 12W for a permanent SW: the 4 weeks stand   | CB   | SW PERMANENT 37   | agreed=P12W                            | 2027-03-01                       | 2027-04-05 | P4W      | PROFILE      | 2027-03-29 | 2027-03-29    | -          | PAST_LONGEST_GAP | false
        CB agreement 12W for admin staff: the 8 weeks stand      | CB   | ADMIN PERMANENT 37| agreed=P12W                            | 2027-03-01                       | 2027-04-05 | P8W      | CATEGORY     | 2027-04-26 | 2027-04-26    | -          | ON_TRACK         | false
        CB agreement 8W equal to the admin interval: agreement   | CB   | ADMIN PERMANENT 37| agreed=P8W                             | 2027-03-01                       | 2027-04-05 | P8W      | AGREEMENT    | 2027-04-26 | 2027-04-26    | -          | ON_TRACK         | false
        LGA agreement 6W for a registered SW: monthly stands     | LGA  | SW PERMANENT 37   | agreed=P6W                             | 2027-03-01                       | 2027-04-02 | P1M      | PROFILE      | 2027-04-01 | 2027-04-01    | -          | PAST_LONGEST_GAP | false
        """)
    void schedule(String name, String profile, String person, String facts, String held, LocalDate today,
                  String interval, IntervalSource source, LocalDate nextDue, LocalDate latestAllowed,
                  LocalDate breach, ScheduleStatus status, boolean agreedIntervalMissing) {
        Case c = Case.of(person, facts);
        Schedule s = calculator.compute(profile(profile), c.person(), c.agreement(), dates(held), today);
        assertAll(name,
                () -> assertEquals(Period.parse(interval), s.interval(), "interval"),
                () -> assertEquals(source, s.intervalSource(), "intervalSource"),
                () -> assertEquals(nextDue, s.nextDue(), "nextDue"),
                () -> assertEquals(latestAllowed, s.latestAllowed(), "latestAllowed"),
                () -> assertEquals(breach, s.breachDate(), "breachDate"),
                () -> assertEquals(status, s.status(), "status"),
                () -> assertEquals(agreedIntervalMissing, s.agreedIntervalMissing(), "agreedIntervalMissing"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # case                                                         | prof | facts                                              | today      | agreementStatus    | agreementDueBy | agreementReviewDue
        COV no agreement 3 months after the post start: due today       | COV  | start=2027-01-04                                   | 2027-04-04 | NONE               | 2027-04-04     | -
        COV no agreement 3 months + 1 day after the post start: overdue | COV  | start=2027-01-04                                   | 2027-04-05 | NONE_OVERDUE       | 2027-04-04     | -
        COV new post: the 3 months run from the post start              | COV  | post=2027-03-01                                    | 2027-06-02 | NONE_OVERDUE       | 2027-06-01     | -
        COV awaiting signatures, past the deadline                      | COV  | start=2027-01-04 awaiting                          | 2027-05-01 | AWAITING_SIGNATURE | 2027-04-04     | -
        COV active: the annual review is due 12 months after signing    | COV  | start=2027-01-04 signed=2027-02-01                 | 2028-02-01 | ACTIVE             | -              | 2028-02-01
        COV active: review overdue 12 months + 1 day after signing      | COV  | start=2027-01-04 signed=2027-02-01                 | 2028-02-02 | REVIEW_OVERDUE     | -              | 2028-02-01
        COV new supervisor after signing: review due on their first day | COV  | start=2027-01-04 signed=2027-02-01 supervisor=2027-06-01 | 2027-06-01 | ACTIVE       | -              | 2027-06-01
        COV new supervisor after signing: overdue the day after         | COV  | start=2027-01-04 signed=2027-02-01 supervisor=2027-06-01 | 2027-06-02 | REVIEW_OVERDUE | -            | 2027-06-01
        COV supervisor from before signing: annual review only          | COV  | start=2027-01-04 signed=2027-02-01 supervisor=2027-01-04 | 2027-06-02 | ACTIVE       | -              | 2028-02-01
        COV supervisor took over on the signing day: annual review only | COV  | start=2027-01-04 signed=2027-02-01 supervisor=2027-02-01 | 2027-06-02 | ACTIVE       | -              | 2028-02-01
        COV signed on leap day 29 Feb 2028: review due 28 Feb 2029      | COV  | start=2028-01-03 signed=2028-02-29                 | 2029-03-01 | REVIEW_OVERDUE     | -              | 2029-02-28
        COV leaver after the leaving date: nothing overdue              | COV  | leaving=2027-04-30                                 | 2027-05-01 | NONE               | -              | -
        COV leaver with an agreement past review: not overdue           | COV  | signed=2025-01-06 leaving=2027-04-30               | 2027-05-01 | ACTIVE             | -              | -
        CB no agreement 4 weeks after the start: due today              | CB   | start=2027-01-04                                   | 2027-02-01 | NONE               | 2027-02-01     | -
        CB no agreement 4 weeks + 1 day after the start: overdue        | CB   | start=2027-01-04                                   | 2027-02-02 | NONE_OVERDUE       | 2027-02-01     | -
        CB active: no annual review in the profile                      | CB   | start=2027-01-04 signed=2027-01-20                 | 2029-06-01 | ACTIVE             | -              | -
        CB new supervisor after signing: review overdue                 | CB   | start=2027-01-04 signed=2027-01-20 supervisor=2027-06-01 | 2027-07-01 | REVIEW_OVERDUE | -            | 2027-06-01
        LGA sets no deadline for an agreement                           | LGA  | -                                                  | 2027-06-01 | NONE               | -              | -
        LGA new supervisor after signing: review due                    | LGA  | signed=2026-03-02 supervisor=2027-01-04            | 2027-01-05 | REVIEW_OVERDUE     | -              | 2027-01-04
        """)
    void agreement(String name, String profile, String facts, LocalDate today, AgreementStatus status,
                   LocalDate dueBy, LocalDate reviewDue) {
        Case c = Case.of("SW PERMANENT 37", facts);
        Schedule s = calculator.compute(profile(profile), c.person(), c.agreement(), List.of(), today);
        assertAll(name,
                () -> assertEquals(status, s.agreementStatus(), "agreementStatus"),
                () -> assertEquals(dueBy, s.agreementDueBy(), "agreementDueBy"),
                () -> assertEquals(reviewDue, s.agreementReviewDue(), "agreementReviewDue"));
    }

    /** Sessions are generated: {@code count} sessions every 4 weeks from {@code first}. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
        # case                                                      | prof | employed   | first      | count | today      | inLast12Months | minimum | meets
        COV 10 sessions in the last 12 months: meets the minimum     | COV  | 2020-01-06 | 2026-06-01 | 10    | 2027-05-01 | 10             | 10      | true
        COV 9 sessions in the last 12 months: below the minimum      | COV  | 2020-01-06 | 2026-06-01 | 9     | 2027-05-01 | 9              | 10      | false
        COV a session exactly 12 months ago has dropped out          | COV  | 2020-01-06 | 2026-05-01 | 10    | 2027-05-01 | 9              | 10      | false
        COV a session 12 months less a day ago still counts          | COV  | 2020-01-06 | 2026-05-02 | 10    | 2027-05-01 | 10             | 10      | true
        COV sessions booked after today do not count                 | COV  | 2020-01-06 | 2027-04-03 | 3     | 2027-05-01 | 2              | 10      | false
        COV employed less than 12 months: not judged yet             | COV  | 2026-05-02 | 2026-05-04 | 3     | 2027-05-01 | 3              | 10      | -
        COV employed exactly 12 months: judged                       | COV  | 2026-05-01 | 2026-05-04 | 11    | 2027-05-01 | 11             | 10      | true
        CB sets no yearly minimum                                    | CB   | 2020-01-06 | 2026-06-01 | 3     | 2027-05-01 | 3              | -       | -
        LGA sets no yearly minimum                                   | LGA  | 2020-01-06 | 2026-06-01 | 12    | 2027-05-01 | 12             | -       | -
        """)
    void sessionsInTheLast12Months(String name, String profile, LocalDate employed, LocalDate first, int count,
                                   LocalDate today, int inLast12Months, Integer minimum, Boolean meets) {
        Case c = Case.of("SW PERMANENT 37", "start=" + employed);
        List<LocalDate> held = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            held.add(first.plusWeeks(4L * i));
        }
        Schedule s = calculator.compute(profile(profile), c.person(), null, held, today);
        assertAll(name,
                () -> assertEquals(inLast12Months, s.sessionsInLast12Months(), "sessionsInLast12Months"),
                () -> assertEquals(minimum, s.minimumPerYear(), "minimumPerYear"),
                () -> assertEquals(meets, s.meetsMinimum(), "meetsMinimum"));
    }

    @Test
    void lastHeldIgnoresBookedDatesAndAnEarlierEmployment() {
        Case c = Case.of("SW PERMANENT 37", "start=2026-01-05");
        List<LocalDate> held = List.of(LocalDate.parse("2027-04-20"), LocalDate.parse("2027-03-01"),
                LocalDate.parse("2025-12-01"), LocalDate.parse("2027-02-01"));
        Schedule s = calculator.compute(profile("COV"), c.person(), null, held, LocalDate.parse("2027-03-10"));
        assertEquals(LocalDate.parse("2027-03-01"), s.lastHeld());
        assertEquals(LocalDate.parse("2027-03-01"), s.measuredFrom());
        assertEquals(2, s.sessionsInLast12Months(), "neither the booked 20 April nor the 2025 session count");
        assertEquals(LocalDate.parse("2027-03-29"), s.nextDue());
    }

    @Test
    void nothingHeldMeansNoLastSessionAndTheClockFromThePostStart() {
        Case c = Case.of("SW PERMANENT 37", "employed=2020-01-06 post=2027-01-04");
        Schedule s = calculator.compute(profile("COV"), c.person(), null, null, LocalDate.parse("2027-01-10"));
        assertNull(s.lastHeld());
        assertEquals(LocalDate.parse("2027-01-04"), s.measuredFrom());
        assertEquals(0, s.sessionsInLast12Months());
        assertEquals(false, s.meetsMinimum(), "employed for years, none held");
        assertEquals(ScheduleStatus.ON_TRACK, s.status());
    }

    @Test
    void whichCategoriesGet8WeeksIsAProfileSetting() {
        PolicyRules rules = profile("CB");
        rules.getCategoryIntervals().get(0).getCategories().add(StaffCategory.UNQUALIFIED_PRACTITIONER);
        Supervisee unqualified = new Supervisee(StaffCategory.UNQUALIFIED_PRACTITIONER, EmploymentType.PERMANENT, 37,
                LocalDate.parse("2020-01-06"), LocalDate.parse("2024-05-01"), null, null);
        Schedule s = calculator.compute(rules, unqualified, null, List.of(LocalDate.parse("2027-03-01")), LocalDate.parse("2027-03-10"));
        assertEquals(Period.ofWeeks(8), s.interval());
        assertEquals(IntervalSource.CATEGORY, s.intervalSource());
        Schedule shipped = calculator.compute(profile("CB"), unqualified, null, List.of(LocalDate.parse("2027-03-01")), LocalDate.parse("2027-03-10"));
        assertEquals(Period.ofWeeks(4), shipped.interval(), "the shipped profile gives 8 weeks to administrative staff only");
    }

    @Test
    void aCadenceStepCanBeLimitedToEmploymentTypes() {
        PolicyRules rules = profile("CB");
        rules.getCadenceSteps().get(0).setEmploymentTypes(new ArrayList<>(List.of(EmploymentType.PERMANENT)));
        Supervisee agency = new Supervisee(StaffCategory.REGISTERED_SOCIAL_WORKER, EmploymentType.AGENCY, 37,
                LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-04"), null, null);
        Schedule s = calculator.compute(rules, agency, null, List.of(LocalDate.parse("2027-03-01")), LocalDate.parse("2027-03-07"));
        assertEquals(Period.ofWeeks(4), s.interval());
        assertEquals(IntervalSource.PROFILE, s.intervalSource());
    }

    @Test
    void aLeaverHasNothingDueAndIsNotJudged() {
        Case c = Case.of("SW PERMANENT 37", "leaving=2027-04-30");
        List<LocalDate> held = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            held.add(LocalDate.parse("2026-06-01").plusWeeks(4L * i));
        }
        Schedule s = calculator.compute(profile("COV"), c.person(), null, held, LocalDate.parse("2027-05-01"));
        assertEquals(ScheduleStatus.LEFT, s.status());
        assertEquals(LocalDate.parse("2027-04-05"), s.lastHeld());
        assertNull(s.nextDue());
        assertNull(s.latestAllowed());
        assertNull(s.breachDate());
        assertEquals(12, s.sessionsInLast12Months());
        assertNull(s.meetsMinimum());
    }

    @Test
    void invalidInputIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new AgreementTerms(AgreementState.ACTIVE, Period.ofWeeks(4), null), "ACTIVE without a signing date");
        assertThrows(IllegalArgumentException.class,
                () -> new AgreementTerms(AgreementState.ACTIVE, Period.ZERO, LocalDate.parse("2027-01-04")), "zero interval");
        assertThrows(IllegalArgumentException.class,
                () -> new Supervisee(StaffCategory.REGISTERED_SOCIAL_WORKER, EmploymentType.PERMANENT, 37,
                        LocalDate.parse("2027-01-04"), LocalDate.parse("2027-01-03"), null, null), "post before employment");
        Case c = Case.of("SW PERMANENT 37", "-");
        assertThrows(NullPointerException.class, () -> calculator.compute(profile("COV"), c.person(), null, List.of(), null));
    }

    @Test
    void dueSoonIsTheSevenDaysBeforeTheDueDate() {
        assertEquals(7, ScheduleCalculator.DUE_SOON_DAYS);
        Case c = Case.of("SW PERMANENT 37", "-");
        List<LocalDate> held = List.of(LocalDate.parse("2027-03-01"));
        for (int day = 1; day <= 28; day++) {
            LocalDate today = LocalDate.parse("2027-03-01").plusDays(day);
            Schedule s = calculator.compute(profile("COV"), c.person(), null, held, today);
            assertEquals(day >= 21 ? ScheduleStatus.DUE_SOON : ScheduleStatus.ON_TRACK, s.status(), today.toString());
        }
        assertFalse(calculator.compute(profile("COV"), c.person(), null, held, LocalDate.parse("2027-03-29")).agreedIntervalMissing());
        assertTrue(calculator.compute(profile("COV"), c.person(), null, held, LocalDate.parse("2027-03-30")).status()
                == ScheduleStatus.OVERDUE);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Attributes over time (decision 0007): the values in force on the day computed for

    /** An NQSW in post from 4 January 2027 on the LGA profile: weekly for 6 weeks, fortnightly to 6 months, then monthly. */
    private static Supervisee nqswWhoCompletesTheAsyeOn(LocalDate completed) {
        LocalDate start = LocalDate.parse("2027-01-04");
        return new Supervisee(List.of(
                new Supervisee.Attributes(start, StaffCategory.NEWLY_QUALIFIED, EmploymentType.PERMANENT, 37),
                new Supervisee.Attributes(completed, StaffCategory.REGISTERED_SOCIAL_WORKER, EmploymentType.PERMANENT, 37)),
                start, start, null, null);
    }

    @Test
    void anNqswCompletingTheAsyeMovesToTheStandardCadenceOnThatDay() {
        Supervisee person = nqswWhoCompletesTheAsyeOn(LocalDate.parse("2027-03-01"));
        List<LocalDate> held = List.of(LocalDate.parse("2027-02-22"));

        Schedule before = calculator.compute(profile("LGA"), person, null, held, LocalDate.parse("2027-02-26"));
        assertEquals(Period.ofWeeks(2), before.interval(), "still newly qualified: fortnightly");
        assertEquals(IntervalSource.CADENCE_STEP, before.intervalSource());
        assertEquals(LocalDate.parse("2027-03-08"), before.nextDue());
        assertEquals(ScheduleStatus.ON_TRACK, before.status());

        Schedule after = calculator.compute(profile("LGA"), person, null, held, LocalDate.parse("2027-03-03"));
        assertEquals(Period.ofMonths(1), after.interval(), "qualified from 1 March: monthly, the clock still from 22 February");
        assertEquals(IntervalSource.PROFILE, after.intervalSource());
        assertEquals(LocalDate.parse("2027-03-22"), after.nextDue());
        assertEquals(ScheduleStatus.ON_TRACK, after.status());

        // On 9 March the NQSW cadence would make them overdue; the standard one in force then does not.
        assertEquals(ScheduleStatus.ON_TRACK, calculator.compute(profile("LGA"), person, null, held, LocalDate.parse("2027-03-09")).status());
        Supervisee stillNewlyQualified = nqswWhoCompletesTheAsyeOn(LocalDate.parse("2027-12-31"));
        Schedule stayed = calculator.compute(profile("LGA"), stillNewlyQualified, null, held, LocalDate.parse("2027-03-09"));
        assertEquals(ScheduleStatus.OVERDUE, stayed.status(), "the same dates without the ASYE completed");
        assertEquals(LocalDate.parse("2027-03-08"), stayed.nextDue());

        // The next session after qualifying starts a monthly gap.
        Schedule next = calculator.compute(profile("LGA"), person, null,
                List.of(LocalDate.parse("2027-02-22"), LocalDate.parse("2027-03-05")), LocalDate.parse("2027-03-10"));
        assertEquals(LocalDate.parse("2027-04-05"), next.nextDue());
        assertEquals(IntervalSource.PROFILE, next.intervalSource());
    }

    @Test
    void aChangeToAShorterCadenceIsNotDueBeforeTheDayItTookEffect() {
        // Administrative staff on Central Bedfordshire are 8-weekly; as a registered social worker 4-weekly.
        LocalDate start = LocalDate.parse("2024-01-08");
        Supervisee person = new Supervisee(List.of(
                new Supervisee.Attributes(start, StaffCategory.ADMINISTRATIVE, EmploymentType.PERMANENT, 37),
                new Supervisee.Attributes(LocalDate.parse("2027-03-10"), StaffCategory.REGISTERED_SOCIAL_WORKER, EmploymentType.PERMANENT, 37)),
                start, start, null, null);
        List<LocalDate> held = List.of(LocalDate.parse("2027-02-01"));

        Schedule before = calculator.compute(profile("CB"), person, null, held, LocalDate.parse("2027-03-09"));
        assertEquals(Period.ofWeeks(8), before.interval());
        assertEquals(IntervalSource.CATEGORY, before.intervalSource());
        assertEquals(LocalDate.parse("2027-03-29"), before.nextDue());
        assertEquals(ScheduleStatus.ON_TRACK, before.status());

        Schedule onTheDay = calculator.compute(profile("CB"), person, null, held, LocalDate.parse("2027-03-10"));
        assertEquals(Period.ofWeeks(4), onTheDay.interval());
        assertEquals(LocalDate.parse("2027-03-10"), onTheDay.nextDue(), "4 weeks from 1 February had passed before the change");
        assertEquals(ScheduleStatus.DUE_SOON, onTheDay.status());
        assertEquals(ScheduleStatus.PAST_LONGEST_GAP,
                calculator.compute(profile("CB"), person, null, held, LocalDate.parse("2027-03-11")).status());
    }

    @Test
    void hoursAndEmploymentTypeAreReadOnTheDayToo() {
        // Central Bedfordshire: agency staff under 10 hours a week have their interval set in their agreement.
        LocalDate start = LocalDate.parse("2024-01-08");
        Supervisee person = new Supervisee(List.of(
                new Supervisee.Attributes(start, StaffCategory.REGISTERED_SOCIAL_WORKER, EmploymentType.AGENCY, 8),
                new Supervisee.Attributes(LocalDate.parse("2027-03-01"), StaffCategory.REGISTERED_SOCIAL_WORKER, EmploymentType.AGENCY, 30)),
                start, start, null, null);
        List<LocalDate> held = List.of(LocalDate.parse("2027-02-15"));
        assertTrue(calculator.compute(profile("CB"), person, null, held, LocalDate.parse("2027-02-28")).agreedIntervalMissing());
        assertFalse(calculator.compute(profile("CB"), person, null, held, LocalDate.parse("2027-03-01")).agreedIntervalMissing());
    }

    // ---------------------------------------------------------------------------------------------------------
    // Table plumbing

    private static final Map<String, StaffCategory> CATEGORIES = Map.of(
            "SW", StaffCategory.REGISTERED_SOCIAL_WORKER,
            "NQSW", StaffCategory.NEWLY_QUALIFIED,
            "ADMIN", StaffCategory.ADMINISTRATIVE,
            "UNQ", StaffCategory.UNQUALIFIED_PRACTITIONER,
            "STUDENT", StaffCategory.STUDENT);

    private record Case(Supervisee person, AgreementTerms agreement) {
        static Case of(String person, String facts) {
            String[] p = person.trim().split("\\s+");
            Map<String, String> f = new HashMap<>();
            if (facts != null) {
                for (String token : facts.trim().split("\\s+")) {
                    String[] kv = token.split("=", 2);
                    f.put(kv[0], kv.length == 2 ? kv[1] : "");
                }
            }
            LocalDate employed = date(f.getOrDefault("employed", f.getOrDefault("start", "2020-01-06")));
            LocalDate post = date(f.getOrDefault("post", f.getOrDefault("start", "2024-05-01")));
            Supervisee supervisee = new Supervisee(CATEGORIES.get(p[0]), EmploymentType.valueOf(p[1]),
                    Double.parseDouble(p[2]), employed, post, date(f.get("leaving")), date(f.get("supervisor")));
            Period agreed = f.containsKey("agreed") ? Period.parse(f.get("agreed")) : null;
            AgreementTerms agreement = null;
            if (f.containsKey("awaiting")) {
                agreement = new AgreementTerms(AgreementState.AWAITING_SIGNATURES, agreed, null);
            } else if (f.containsKey("signed") || agreed != null) {
                agreement = new AgreementTerms(AgreementState.ACTIVE, agreed, date(f.getOrDefault("signed", "2026-06-01")));
            }
            return new Case(supervisee, agreement);
        }
    }

    private static LocalDate date(String text) {
        return text == null ? null : LocalDate.parse(text);
    }

    private static List<LocalDate> dates(String text) {
        return text == null ? List.of() : Arrays.stream(text.trim().split("\\s+")).map(LocalDate::parse).toList();
    }

    /**
     * A fresh PolicyRules for a shipped profile: its rules_json as migrated into the database, read as the
     * product reads it (so a migration that changes a profile changes what these tests test).
     */
    PolicyRules profile(String code) {
        String rulesJson = profiles.findByCode(PROFILE_CODES.get(code)).orElseThrow(() -> new IllegalArgumentException(code)).rulesJson();
        try {
            return json.readValue(rulesJson, Argument.of(PolicyRules.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

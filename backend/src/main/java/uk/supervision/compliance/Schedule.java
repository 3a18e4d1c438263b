package uk.supervision.compliance;

import java.time.LocalDate;
import java.time.Period;

/**
 * One person's supervision schedule on one day.
 *
 * @param interval               the interval between one-to-one sessions in force: for the category, employment
 *                               type and hours in force today, with cadence steps read on {@code measuredFrom} (or
 *                               on the day those attributes took effect, if later; decision 0007)
 * @param intervalSource         where that interval comes from
 * @param agreedIntervalMissing  true when the profile says this person's interval is set in their agreement
 *                               (Central Bedfordshire: agency staff under 10 hours a week) but no signed agreement
 *                               sets one; the interval then falls back to the category or profile
 * @param measuredFrom           the date the clock runs from: the last session held, or the start in post
 * @param lastHeld               the last one-to-one session held on or before today, or null
 * @param nextDue                measuredFrom + interval; null for a leaver
 * @param latestAllowed          the end of the longest allowed gap; null for a leaver
 * @param breachDate             the end of the profile's absolute limit (Coventry 2 months), null where the
 *                               profile has none, or for a leaver
 * @param status                 today's status against the dates above
 * @param sessionsInLast12Months sessions held in the 12 months ending today (today included)
 * @param minimumPerYear         the profile's minimum sessions a year, or null
 * @param meetsMinimum           null when there is no minimum, when the person has been employed less than
 *                               12 months, or has left; otherwise sessionsInLast12Months >= minimumPerYear
 * @param agreementStatus        the agreement as a compliance figure
 * @param agreementDueBy         start in post + the profile's agreementWithin, while no signed agreement exists
 * @param agreementReviewDue     for a signed agreement: the earlier of signing + agreementReviewEvery and the
 *                               date a new supervisor took over after signing; null when neither applies
 */
public record Schedule(Period interval, IntervalSource intervalSource, boolean agreedIntervalMissing,
                       LocalDate measuredFrom, LocalDate lastHeld, LocalDate nextDue, LocalDate latestAllowed,
                       LocalDate breachDate, ScheduleStatus status, int sessionsInLast12Months,
                       Integer minimumPerYear, Boolean meetsMinimum, AgreementStatus agreementStatus,
                       LocalDate agreementDueBy, LocalDate agreementReviewDue) {
}

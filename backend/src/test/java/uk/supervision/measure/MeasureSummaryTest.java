package uk.supervision.measure;

import org.junit.jupiter.api.Test;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasureUnit;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The series in one sentence, for shares, counts and days, with suppressed and empty months said plainly. */
class MeasureSummaryTest {
    static final MeasureDef SHARE = new MeasureDef("sessions.withinInterval", "Staff supervised within the required interval",
            MeasureGroup.SESSIONS, MeasureKind.SHARE, MeasureUnit.PEOPLE, false, 1.0, true);
    static final MeasureDef COUNT = new MeasureDef("sessions.overdue", "Staff overdue for supervision",
            MeasureGroup.SESSIONS, MeasureKind.COUNT, MeasureUnit.PEOPLE, true, null, true);
    static final MeasureDef DAYS = new MeasureDef("records.daysToSignature", "Days from a session to its record signed by both",
            MeasureGroup.RECORDS, MeasureKind.AVERAGE, MeasureUnit.DAYS, true, null, false);

    static MeasurePoint p(String month, Double value) {
        return new MeasurePoint(month, false).value(value);
    }

    static MeasurePoint suppressed(String month) {
        return new MeasurePoint(month, true);
    }

    @Test
    void aShareRoseFellOrStayedInPercent() {
        // 0.61 -> 61%, 0.78 -> 78%, from the first month with a figure.
        assertEquals("Staff supervised within the required interval rose from 61% to 78% since June 2026.",
                MeasureSummary.of(SHARE, List.of(p("2026-06", 0.61), p("2026-07", 0.7), p("2026-08", 0.78)), 5));
        assertEquals("Staff supervised within the required interval fell from 78% to 61% since June 2026.",
                MeasureSummary.of(SHARE, List.of(p("2026-06", 0.78), p("2026-07", 0.61)), 5));
        // 0.604 and 0.596 both read 60%: the words say what the reader sees.
        assertEquals("Staff supervised within the required interval stayed at 60% since June 2026.",
                MeasureSummary.of(SHARE, List.of(p("2026-06", 0.604), p("2026-07", 0.596)), 5));
    }

    @Test
    void countsAndDaysAreWordedByUnit() {
        assertEquals("Staff overdue for supervision rose from 1 to 3 people since May 2026.",
                MeasureSummary.of(COUNT, List.of(p("2026-05", 1.0), p("2026-06", 3.0)), 5));
        assertEquals("Staff overdue for supervision fell from 3 to 1 person since May 2026.",
                MeasureSummary.of(COUNT, List.of(p("2026-05", 3.0), p("2026-06", 1.0)), 5));
        // 12.25 days reads 12.3 (one decimal), 14.0 reads 14.
        assertEquals("Days from a session to its record signed by both rose from 12.3 to 14 days since January 2027.",
                MeasureSummary.of(DAYS, List.of(p("2027-01", 12.25), p("2027-02", 14.0)), 5));
    }

    @Test
    void suppressedAndEmptyMonthsAreSaidPlainly() {
        // June and August have figures; July is suppressed; September has nothing to count.
        assertEquals("Staff supervised within the required interval rose from 50% to 80% since June 2026"
                        + " (1 month suppressed to protect groups of fewer than 5; 1 month with nothing to count).",
                MeasureSummary.of(SHARE, List.of(p("2026-06", 0.5), suppressed("2026-07"), p("2026-08", 0.8),
                        new MeasurePoint("2026-09", false)), 5));
        assertEquals("Staff supervised within the required interval: every month from June 2026 to July 2026 is suppressed"
                        + " to protect groups of fewer than 6.",
                MeasureSummary.of(SHARE, List.of(suppressed("2026-06"), suppressed("2026-07")), 6));
        assertEquals("Staff overdue for supervision: there was nothing to count in any month from June 2026 to July 2026.",
                MeasureSummary.of(COUNT, List.of(new MeasurePoint("2026-06", false), new MeasurePoint("2026-07", false)), 5));
        assertEquals("Staff overdue for supervision was 2 people in July 2026, the only month with a figure (1 month suppressed"
                        + " to protect groups of fewer than 5).",
                MeasureSummary.of(COUNT, List.of(suppressed("2026-06"), p("2026-07", 2.0)), 5));
    }
}

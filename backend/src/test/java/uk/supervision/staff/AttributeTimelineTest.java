package uk.supervision.staff;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How recorded changes fold into the values in force on a day (decision 0007). */
class AttributeTimelineTest {
    private static final LocalDate START = LocalDate.parse("2026-01-05");
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** The staff row holds today's cached values; the timeline must not need them when rows exist. */
    private static final Staff ROW = new Staff("s1", "o1", null, null, null, "Sam", "Asye", "sam@example.test", "Social Worker",
            "ADMINISTRATIVE", "TEMPORARY", BigDecimal.ONE, START, START, false, null, null, null, 1, T0, T0);

    private static StaffAttributeChange change(String from, Instant recorded, String category, Integer hours) {
        return new StaffAttributeChange("c-" + from + recorded, "s1", LocalDate.parse(from), category, null,
                hours == null ? null : BigDecimal.valueOf(hours), null, null, recorded);
    }

    private static StaffAttributeChange first() {
        return new StaffAttributeChange("c0", "s1", START, "NEWLY_QUALIFIED", "PERMANENT", new BigDecimal("37.00"), true, 8, T0);
    }

    @Test
    void eachAttributeTakesItsLatestChangeOnOrBeforeTheDay() {
        AttributeTimeline t = new AttributeTimeline(ROW, List.of(
                change("2026-09-01", T0.plusSeconds(100), "REGISTERED_SOCIAL_WORKER", null),
                first(),
                // Recorded after the category change, dated before it: changes the hours only.
                change("2026-06-01", T0.plusSeconds(200), null, 30)));
        assertEquals("NEWLY_QUALIFIED", t.on(LocalDate.parse("2026-05-31")).category());
        assertEquals(0, new BigDecimal("37").compareTo(t.on(LocalDate.parse("2026-05-31")).weeklyHours()));
        assertEquals(0, new BigDecimal("30").compareTo(t.on(LocalDate.parse("2026-06-01")).weeklyHours()));
        assertEquals("NEWLY_QUALIFIED", t.on(LocalDate.parse("2026-08-31")).category());
        assertEquals("REGISTERED_SOCIAL_WORKER", t.on(LocalDate.parse("2026-09-01")).category());
        assertEquals(0, new BigDecimal("30").compareTo(t.on(LocalDate.parse("2026-09-01")).weeklyHours()), "the later category change keeps the corrected hours");
        assertEquals("PERMANENT", t.on(LocalDate.parse("2027-01-01")).employmentType());
        assertEquals(8, t.on(LocalDate.parse("2027-01-01")).caseloadSize());
        assertEquals("NEWLY_QUALIFIED", t.on(LocalDate.parse("2020-01-01")).category(), "before the first change, the first values");

        List<AttributeTimeline.Period> periods = t.periods();
        assertEquals(3, periods.size());
        assertEquals(LocalDate.parse("2026-05-31"), periods.get(0).to());
        assertEquals(LocalDate.parse("2026-08-31"), periods.get(1).to());
        assertNull(periods.get(2).to());
        assertEquals(List.of("c0", "c-2026-06-01" + T0.plusSeconds(200), "c-2026-09-01" + T0.plusSeconds(100)),
                t.changes().stream().map(StaffAttributeChange::id).toList(), "by effective date");
    }

    @Test
    void onTheSameDayTheChangeRecordedLastWinsAndARepeatedValueStartsNoPeriod() {
        AttributeTimeline t = new AttributeTimeline(ROW, List.of(first(),
                change("2026-09-01", T0.plusSeconds(200), "NEWLY_QUALIFIED", null),
                change("2026-09-01", T0.plusSeconds(100), "REGISTERED_SOCIAL_WORKER", null)));
        assertEquals("NEWLY_QUALIFIED", t.on(LocalDate.parse("2026-10-01")).category(), "the mistaken change was withdrawn");
        assertEquals(1, t.periods().size(), "nothing in force ever changed");
        assertEquals(3, t.changes().size(), "every recorded change is kept");

        // Stored in the same second (whole seconds on MariaDB): the later time-ordered id is the later change.
        AttributeTimeline sameSecond = new AttributeTimeline(ROW, List.of(first(),
                new StaffAttributeChange("0190a000-0000-7000-8000-000000000002", "s1", LocalDate.parse("2026-09-01"),
                        "NEWLY_QUALIFIED", null, null, null, null, T0.plusSeconds(100)),
                new StaffAttributeChange("0190a000-0000-7000-8000-000000000001", "s1", LocalDate.parse("2026-09-01"),
                        "REGISTERED_SOCIAL_WORKER", null, null, null, null, T0.plusSeconds(100))));
        assertEquals("NEWLY_QUALIFIED", sameSecond.on(LocalDate.parse("2026-10-01")).category());
    }

    @Test
    void withoutAnyRecordedChangeTheStaffRowIsUsed() {
        AttributeTimeline t = new AttributeTimeline(ROW, List.of());
        assertEquals("ADMINISTRATIVE", t.on(LocalDate.parse("2026-03-01")).category());
        assertEquals(START, t.periods().get(0).from());
        assertFalse(t.on(START).carriesCaseload());
    }
}

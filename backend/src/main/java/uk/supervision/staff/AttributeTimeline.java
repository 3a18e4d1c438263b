package uk.supervision.staff;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One person's attributes over time, folded from their recorded changes (decision 0007). Per attribute the
 * change with the latest effective date on or before the day wins, and on the same day the one recorded last.
 * Before the first change the first recorded values apply (the person was not yet employed). Attributes no
 * change ever set (a row stored by a path that records no history) come from the staff row.
 */
public final class AttributeTimeline {
    /** Values in force from {@code from} to {@code to} (inclusive; null = still in force). */
    public record Period(LocalDate from, @Nullable LocalDate to, StaffAttributes values) {
    }

    private final List<StaffAttributeChange> changes;
    private final List<Period> periods;

    AttributeTimeline(Staff person, List<StaffAttributeChange> recorded) {
        this.changes = recorded.stream()
                .sorted(Comparator.comparing(StaffAttributeChange::effectiveFrom).thenComparing(StaffAttributeChange::recordedAt)
                        // Ids are time-ordered: they order two changes stored within the same stored second.
                        .thenComparing(StaffAttributeChange::id))
                .toList();
        this.periods = fold(person, changes);
    }

    private static List<Period> fold(Staff person, List<StaffAttributeChange> changes) {
        List<Period> out = new ArrayList<>();
        StaffAttributes values = StaffAttributes.of(person);
        // The earliest known values hold before the first change date too: fold every change of the first date first.
        if (changes.isEmpty()) {
            out.add(new Period(person.employmentStartDate(), null, values));
            return out;
        }
        int i = 0;
        while (i < changes.size()) {
            LocalDate day = changes.get(i).effectiveFrom();
            while (i < changes.size() && changes.get(i).effectiveFrom().equals(day)) {
                values = values.with(changes.get(i++));
            }
            Period last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.values().sameAs(values)) {
                continue; // a change that changed nothing in force (a correction repeating a value) starts no period
            }
            if (last != null) {
                out.set(out.size() - 1, new Period(last.from(), day.minusDays(1), last.values()));
            }
            out.add(new Period(day, null, values));
        }
        return out;
    }

    /** The values in force on a day. */
    public StaffAttributes on(LocalDate day) {
        Period found = periods.get(0);
        for (Period p : periods) {
            if (!p.from().isAfter(day)) {
                found = p;
            }
        }
        return found.values();
    }

    /** The periods, oldest first, each with different values from the one before. */
    public List<Period> periods() {
        return periods;
    }

    /** The recorded changes, by effective date then time recorded. */
    public List<StaffAttributeChange> changes() {
        return changes;
    }
}

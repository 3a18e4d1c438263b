package uk.supervision.staff;

import jakarta.inject.Singleton;
import uk.supervision.problem.Problems;
import uk.supervision.support.Ids;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Reads people's attribute timelines, one query for a whole page of people. */
@Singleton
public class StaffAttributeHistory {
    private final StaffAttributeChangeRepository changes;

    public StaffAttributeHistory(StaffAttributeChangeRepository changes) {
        this.changes = changes;
    }

    public Map<String, AttributeTimeline> timelines(List<Staff> people) {
        Map<String, AttributeTimeline> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        Map<String, List<StaffAttributeChange>> byPerson = new HashMap<>();
        for (StaffAttributeChange c : changes.findByStaffIdInOrderByEffectiveFrom(people.stream().map(Staff::id).toList())) {
            byPerson.computeIfAbsent(c.staffId(), k -> new ArrayList<>()).add(c);
        }
        for (Staff s : people) {
            out.put(s.id(), new AttributeTimeline(s, byPerson.getOrDefault(s.id(), List.of())));
        }
        return out;
    }

    public AttributeTimeline timeline(Staff person) {
        return timelines(List.of(person)).get(person.id());
    }

    /** More is an integration resending in a loop, not a career; it also bounds the history's lists. */
    static final int MAXIMUM_CHANGES = 500;

    /**
     * Records, from a date, the attributes that differ from those in force on that date; nothing earlier or later
     * is altered. Returns the values in force today afterwards (for the staff row's cache).
     */
    public StaffAttributes record(Staff person, LocalDate from, StaffAttributes sent, Instant now, LocalDate today) {
        AttributeTimeline before = timeline(person);
        StaffAttributes then = before.on(from);
        boolean caseloadChanged = then.carriesCaseload() != sent.carriesCaseload() || !Objects.equals(then.caseloadSize(), sent.caseloadSize());
        StaffAttributeChange change = new StaffAttributeChange(Ids.newId(), person.id(), from,
                then.category().equals(sent.category()) ? null : sent.category(),
                then.employmentType().equals(sent.employmentType()) ? null : sent.employmentType(),
                then.weeklyHours().compareTo(sent.weeklyHours()) == 0 ? null : sent.weeklyHours(),
                caseloadChanged ? sent.carriesCaseload() : null,
                caseloadChanged ? sent.caseloadSize() : null, now);
        if (change.category() == null && change.employmentType() == null && change.weeklyHours() == null && !caseloadChanged) {
            return before.on(today);
        }
        if (before.changes().size() >= MAXIMUM_CHANGES) {
            throw Problems.rule("/effectiveDate", person.displayName() + " already has " + MAXIMUM_CHANGES
                    + " recorded changes; no more can be kept.");
        }
        changes.save(change);
        List<StaffAttributeChange> after = new ArrayList<>(before.changes());
        after.add(change);
        return new AttributeTimeline(person, after).on(today);
    }

    /** The first record of a person's values, in force from their employment start. */
    public void start(Staff person, Instant now) {
        changes.save(StaffAttributeChange.all(Ids.newId(), person.id(), person.employmentStartDate(), StaffAttributes.of(person), now));
    }
}

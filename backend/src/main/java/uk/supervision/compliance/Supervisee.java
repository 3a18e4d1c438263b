package uk.supervision.compliance;

import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.StaffCategory;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The facts about one supervised person that the schedule depends on.
 *
 * @param attributes             category, employment type and hours, each set with the date it took effect
 *                               (decision 0007); before the first, the first applies
 * @param employmentStartDate    start of employment with the organisation (required)
 * @param postStartDate          start in the current post (required, not before employment start)
 * @param leavingDate            last working day, or null
 * @param currentSupervisorSince the date the current supervisor took over, or null if unknown; used only to
 *                               make a signed agreement due for review, never to reset the session clock
 * @param currentSupervisorId    today's supervisor, or null if none or unknown (with the above, for that review)
 */
public record Supervisee(List<Attributes> attributes, LocalDate employmentStartDate, LocalDate postStartDate,
                         LocalDate leavingDate, LocalDate currentSupervisorSince, String currentSupervisorId) {

    public Supervisee(List<Attributes> attributes, LocalDate employmentStartDate, LocalDate postStartDate,
                      LocalDate leavingDate, LocalDate currentSupervisorSince) {
        this(attributes, employmentStartDate, postStartDate, leavingDate, currentSupervisorSince, null);
    }

    /**
     * Values in force from a date until the next set's date.
     *
     * @param category       staff category (cadence steps and category intervals match on it)
     * @param employmentType permanent, temporary or agency
     * @param weeklyHours    contracted hours a week
     */
    public record Attributes(LocalDate from, StaffCategory category, EmploymentType employmentType, double weeklyHours) {
        public Attributes {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(employmentType, "employmentType");
        }
    }

    public Supervisee {
        Objects.requireNonNull(employmentStartDate, "employmentStartDate");
        Objects.requireNonNull(postStartDate, "postStartDate");
        if (attributes == null || attributes.isEmpty()) {
            throw new IllegalArgumentException("attributes are required");
        }
        attributes = merged(attributes.stream().sorted(Comparator.comparing(Attributes::from)).toList());
        if (postStartDate.isBefore(employmentStartDate)) {
            throw new IllegalArgumentException("postStartDate is before employmentStartDate");
        }
    }

    /** A person whose attributes never changed. */
    public Supervisee(StaffCategory category, EmploymentType employmentType, double weeklyHours,
                      LocalDate employmentStartDate, LocalDate postStartDate, LocalDate leavingDate,
                      LocalDate currentSupervisorSince) {
        this(List.of(new Attributes(Objects.requireNonNull(employmentStartDate, "employmentStartDate"), category,
                employmentType, weeklyHours)), employmentStartDate, postStartDate, leavingDate, currentSupervisorSince);
    }

    /** The values in force on a day. */
    public Attributes on(LocalDate day) {
        Attributes found = attributes.get(0);
        for (Attributes a : attributes) {
            if (!a.from().isAfter(day)) {
                found = a;
            }
        }
        return found;
    }

    /** The sets of values that took effect after {@code after} and on or before {@code until}, oldest first. */
    public List<Attributes> changesBetween(LocalDate after, LocalDate until) {
        return attributes.stream().filter(a -> a.from().isAfter(after) && !a.from().isAfter(until)).toList();
    }

    /** The set in force on a day took effect then; null when it is the first (in force from the start). */
    public LocalDate inForceSince(LocalDate day) {
        Attributes now = on(day);
        return now == attributes.get(0) ? null : now.from();
    }

    /** Consecutive sets with the same values are one: a change of something else (caseload) starts nothing here. */
    private static List<Attributes> merged(List<Attributes> sorted) {
        List<Attributes> out = new java.util.ArrayList<>();
        for (Attributes a : sorted) {
            Attributes last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last == null || last.category() != a.category() || last.employmentType() != a.employmentType()
                    || Double.compare(last.weeklyHours(), a.weeklyHours()) != 0) {
                out.add(a);
            }
        }
        return List.copyOf(out);
    }
}

package uk.supervision.compliance;

import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.StaffCategory;

import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts about one supervised person that the schedule depends on.
 *
 * @param category               staff category (cadence steps and category intervals match on it)
 * @param employmentType         permanent, temporary or agency
 * @param weeklyHours            contracted hours a week
 * @param employmentStartDate    start of employment with the organisation (required)
 * @param postStartDate          start in the current post (required, not before employment start)
 * @param leavingDate            last working day, or null
 * @param currentSupervisorSince the date the current supervisor took over, or null if unknown; used only to
 *                               make a signed agreement due for review, never to reset the session clock
 */
public record Supervisee(StaffCategory category, EmploymentType employmentType, double weeklyHours,
                         LocalDate employmentStartDate, LocalDate postStartDate, LocalDate leavingDate,
                         LocalDate currentSupervisorSince) {
    public Supervisee {
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(employmentType, "employmentType");
        Objects.requireNonNull(employmentStartDate, "employmentStartDate");
        Objects.requireNonNull(postStartDate, "postStartDate");
        if (postStartDate.isBefore(employmentStartDate)) {
            throw new IllegalArgumentException("postStartDate is before employmentStartDate");
        }
    }
}

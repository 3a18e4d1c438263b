package uk.supervision.staff;

import uk.supervision.api.model.StaffRef;

import java.time.LocalDate;

/**
 * A staff row with the names of its team and service and its current supervisor, for reading; and the day the
 * person completed supervision training (kept apart from the entity: only the staff API and the measures read it).
 */
public record StaffView(Staff staff, String teamName, String serviceName, StaffRef supervisor, LocalDate trainingCompletedOn) {
    public StaffView(Staff staff, String teamName, String serviceName, StaffRef supervisor) {
        this(staff, teamName, serviceName, supervisor, null);
    }

    public StaffView withSupervisor(StaffRef s) {
        return new StaffView(staff, teamName, serviceName, s, trainingCompletedOn);
    }
}

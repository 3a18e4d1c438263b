package uk.supervision.staff;

import uk.supervision.api.model.StaffRef;

/** A staff row with the names of its team and service and its current supervisor, for reading. */
public record StaffView(Staff staff, String teamName, String serviceName, StaffRef supervisor) {
    public StaffView withSupervisor(StaffRef s) {
        return new StaffView(staff, teamName, serviceName, s);
    }
}

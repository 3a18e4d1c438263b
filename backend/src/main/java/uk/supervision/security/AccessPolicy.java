package uk.supervision.security;

import jakarta.inject.Singleton;
import uk.supervision.api.model.Role;
import uk.supervision.problem.Problems;
import uk.supervision.staff.Staff;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.staff.SupervisionRelationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place that decides who may see or change which record. Every service asks it; nothing
 * else makes object-level decisions. Deny by default: a rule not written here is a "no".
 *
 * Relations: self; my supervisees (through the supervision relation, transitively: a team manager
 * sees the staff their deputies supervise); below me in the tree (a manager's services); the whole
 * organisation (HR, QA, administrators, an organisation-wide head of service). Elected members see
 * aggregates only, never a staff record other than their own.
 */
@Singleton
public class AccessPolicy {
    /** How far down supervision chains reach (team manager -> deputy -> senior -> worker ...). */
    private static final int MAX_CHAIN = 6;

    private final SupervisionRelationRepository relations;
    private final Clock clock;

    public AccessPolicy(SupervisionRelationRepository relations, Clock clock) {
        this.relations = relations;
        this.clock = clock;
    }

    /** Which staff records a caller may read: a filter the list queries apply in SQL. */
    public record StaffScope(boolean wholeOrganisation, Set<String> serviceIds, Set<String> staffIds) {
        public boolean isEmpty() {
            return !wholeOrganisation && serviceIds.isEmpty() && staffIds.isEmpty();
        }

        /**
         * The scope as a SQL condition on a person's service and id columns (plus any further
         * alternatives, e.g. "the caller owns it"), appending its parameters; "" for the whole organisation.
         */
        public String sql(String serviceColumn, String staffColumn, List<Object> args, String... orElse) {
            if (wholeOrganisation) {
                return "";
            }
            List<String> any = new java.util.ArrayList<>();
            if (!serviceIds.isEmpty()) {
                any.add(serviceColumn + " IN (" + uk.supervision.support.Sql.placeholders(serviceIds.size()) + ")");
                args.addAll(serviceIds);
            }
            if (!staffIds.isEmpty()) {
                any.add(staffColumn + " IN (" + uk.supervision.support.Sql.placeholders(staffIds.size()) + ")");
                args.addAll(staffIds);
            }
            any.addAll(List.of(orElse));
            return " AND (" + String.join(" OR ", any) + ")";
        }
    }

    public StaffScope staffScope(Caller caller) {
        if (caller.isClient()) {
            return new StaffScope(caller.hasScope(Scopes.STAFF_READ), Set.of(), Set.of());
        }
        if (caller.hasAny(Role.ADMIN, Role.HR, Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return new StaffScope(true, Set.of(), Set.of());
        }
        Set<String> services = caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                ? Set.copyOf(caller.managedServiceIds()) : Set.of();
        Set<String> people = new HashSet<>();
        if (caller.staffId() != null) {
            people.add(caller.staffId());
            if (caller.has(Role.SUPERVISOR) || caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)) {
                people.addAll(superviseesBelow(caller.staffId()));
            }
        }
        return new StaffScope(false, services, people);
    }

    public boolean canSeeStaff(Caller caller, Staff target) {
        if (!sameOrganisation(caller, target)) {
            return false;
        }
        if (caller.isClient()) {
            return caller.hasScope(Scopes.STAFF_READ);
        }
        if (caller.isSelf(target.id())) {
            return true;
        }
        if (caller.hasAny(Role.ADMIN, Role.HR, Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return true;
        }
        if (caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                && target.serviceId() != null && caller.managedServiceIds().contains(target.serviceId())) {
            return true;
        }
        return caller.staffId() != null && caller.hasAny(Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                && isSupervisedBy(target.id(), caller.staffId());
    }

    public void requireSeeStaff(Caller caller, Staff target) {
        if (!canSeeStaff(caller, target)) {
            throw Problems.forbidden("You may not see this person's record: they are not you, not supervised by you and not in a service you manage.");
        }
    }

    /** Create staff and change their details: HR, administrators, HR systems with staff.write. */
    public void requireEditStaffDetails(Caller caller, Staff target) {
        if (target != null && !sameOrganisation(caller, target)) {
            throw Problems.forbidden("This record belongs to another organisation.");
        }
        if (caller.isClient() ? caller.hasScope(Scopes.STAFF_WRITE) : caller.hasAny(Role.HR, Role.ADMIN)) {
            return;
        }
        throw Problems.forbidden("Only HR, administrators and HR systems may add staff or change their details.");
    }

    /**
     * Moves and new supervision relations: HR, administrators and HR systems anywhere; service managers
     * and heads of service within the services they manage (where the person is, and where they go).
     */
    public void requireArrangeSupervision(Caller caller, Staff target, String destinationServiceId) {
        if (!sameOrganisation(caller, target)) {
            throw Problems.forbidden("This record belongs to another organisation.");
        }
        if (caller.isClient() ? caller.hasScope(Scopes.STAFF_WRITE) : caller.hasAny(Role.HR, Role.ADMIN)) {
            return;
        }
        if (!caller.isClient() && managesOrganisation(caller)) {
            return;
        }
        if (!caller.isClient() && caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                && target.serviceId() != null && caller.managedServiceIds().contains(target.serviceId())
                && (destinationServiceId == null || caller.managedServiceIds().contains(destinationServiceId))) {
            return;
        }
        throw Problems.forbidden("Only HR, administrators and the managers of this person's service may change their team or supervisor.");
    }

    /** Organisation structure, policy settings and machine clients: administrators only. */
    public void requireAdministrator(Caller caller) {
        if (caller.isClient() || !caller.has(Role.ADMIN)) {
            throw Problems.forbidden("Only administrators may do this.");
        }
    }

    /** Verifying the signed-item chain (tamper evidence): administrators and QA auditors of the organisation. */
    public void requireIntegrityVerification(Caller caller) {
        if (caller.isClient() || !caller.hasAny(Role.ADMIN, Role.QA_AUDITOR)) {
            throw Problems.forbidden("Only administrators and QA auditors verify the integrity of signed records.");
        }
    }

    /** The team tree and policy are readable by every person in the organisation and by staff.read clients. */
    public void requireReadOrganisation(Caller caller) {
        if (caller.isClient() && !caller.hasScope(Scopes.STAFF_READ)) {
            throw Problems.forbidden("This client was not granted the staff.read scope.");
        }
    }

    public void requireStaffListing(Caller caller) {
        if (caller.isClient()) {
            if (!caller.hasScope(Scopes.STAFF_READ)) {
                throw Problems.forbidden("This client was not granted the staff.read scope.");
            }
            return;
        }
        if (caller.roles().equals(Set.of(Role.ELECTED_MEMBER))) {
            throw Problems.forbidden("Elected members see aggregate figures only, never named records.");
        }
    }

    // ---- supervision records (agreements; later sessions and case discussions)

    /**
     * Supervision records are read by the two parties, the managers above the supervisee (through the
     * supervision chain or the service they manage) and QA auditors. HR, administrators and elected
     * members never read them, whatever their organisation-wide rights to staff records.
     */
    public StaffScope recordScope(Caller caller) {
        if (caller.isClient()) {
            return new StaffScope(false, Set.of(), Set.of());
        }
        if (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return new StaffScope(true, Set.of(), Set.of());
        }
        Set<String> services = caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                ? Set.copyOf(caller.managedServiceIds()) : Set.of();
        Set<String> people = new HashSet<>();
        if (caller.staffId() != null) {
            people.add(caller.staffId());
            if (caller.hasAny(Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)) {
                people.addAll(superviseesBelow(caller.staffId()));
            }
        }
        return new StaffScope(false, services, people);
    }

    /** May the caller read a record between this supervisee and this supervisor? */
    public boolean canReadRecord(Caller caller, Staff supervisee, String supervisorId) {
        if (caller.isClient() || !sameOrganisation(caller, supervisee)) {
            return false;
        }
        if (caller.isSelf(supervisee.id()) || caller.isSelf(supervisorId)) {
            return true;
        }
        if (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return true;
        }
        if (caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                && supervisee.serviceId() != null && caller.managedServiceIds().contains(supervisee.serviceId())) {
            return true;
        }
        return caller.staffId() != null && caller.hasAny(Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                && isSupervisedBy(supervisee.id(), caller.staffId());
    }

    public void requireReadRecord(Caller caller, Staff supervisee, String supervisorId) {
        if (!canReadRecord(caller, supervisee, supervisorId)) {
            throw Problems.forbidden("Supervision records are read only by the two parties, the managers above them and quality assurance.");
        }
    }

    /**
     * Arranging supervision (drafting or reviewing an agreement, planning sessions): the supervisee's current supervisor, or a manager above them
     * (through the chain or the service), on the supervisor's behalf.
     */
    public void requireArrangeSupervisionFor(Caller caller, Staff supervisee, String currentSupervisorId) {
        if (caller.isClient() || !sameOrganisation(caller, supervisee)) {
            throw Problems.forbidden("Only the supervisor or a manager above them may draft an agreement.");
        }
        boolean supervisor = caller.has(Role.SUPERVISOR) && caller.isSelf(currentSupervisorId);
        boolean manager = caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                && (managesOrganisation(caller)
                || (supervisee.serviceId() != null && caller.managedServiceIds().contains(supervisee.serviceId()))
                || (caller.staffId() != null && isSupervisedBy(supervisee.id(), caller.staffId())));
        boolean chain = caller.has(Role.SUPERVISOR) && caller.staffId() != null && !caller.isSelf(supervisee.id())
                && isSupervisedBy(supervisee.id(), caller.staffId());
        if (!(supervisor || manager || chain)) {
            throw Problems.forbidden("Only the supervisee's supervisor or a manager above them may arrange their supervision.");
        }
    }

    private boolean managesOrganisation(Caller caller) {
        return caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE) && caller.managesWholeOrganisation();
    }

    private static boolean sameOrganisation(Caller caller, Staff target) {
        return caller.organisationId() != null && caller.organisationId().equals(target.organisationId());
    }

    /** Staff supervised by this person today, directly or down a chain of supervisors. */
    public Set<String> superviseesBelow(String supervisorStaffId) {
        LocalDate today = LocalDate.now(clock);
        Set<String> found = new HashSet<>();
        Collection<String> frontier = List.of(supervisorStaffId);
        for (int depth = 0; depth < MAX_CHAIN && !frontier.isEmpty(); depth++) {
            Set<String> next = new HashSet<>();
            for (SupervisionRelation r : relations.findCurrentBySupervisors(frontier, today)) {
                if (!r.superviseeId().equals(supervisorStaffId) && found.add(r.superviseeId())) {
                    next.add(r.superviseeId());
                }
            }
            frontier = next;
        }
        return found;
    }

    /** Walks up from the person through their current supervisors. */
    private boolean isSupervisedBy(String staffId, String supervisorStaffId) {
        LocalDate today = LocalDate.now(clock);
        Set<String> seen = new HashSet<>();
        Collection<String> frontier = List.of(staffId);
        for (int depth = 0; depth < MAX_CHAIN && !frontier.isEmpty(); depth++) {
            Set<String> next = new HashSet<>();
            for (SupervisionRelation r : relations.findCurrentBySupervisees(frontier, today)) {
                if (r.supervisorId().equals(supervisorStaffId)) {
                    return true;
                }
                if (seen.add(r.supervisorId())) {
                    next.add(r.supervisorId());
                }
            }
            frontier = next;
        }
        return false;
    }
}

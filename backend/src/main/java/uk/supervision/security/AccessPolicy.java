package uk.supervision.security;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import uk.supervision.api.model.Role;
import uk.supervision.problem.Problems;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.function.Function;

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

    private final JdbcOperations jdbc;
    private final StaffRepository staff;
    private final Clock clock;

    public AccessPolicy(JdbcOperations jdbc, StaffRepository staff, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
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

        /** The same rule as {@link #sql}, for one person already loaded. */
        public boolean covers(Staff person) {
            return wholeOrganisation || (person.serviceId() != null && serviceIds.contains(person.serviceId()))
                    || staffIds.contains(person.id());
        }
    }

    // ---- filters: every operation that returns several records, or records nested in another, passes them here

    /**
     * Who a supervision record (agreement, session, action, later a case discussion) is about and who
     * else is party to it: the supervisor, or an action's owner.
     */
    public record Parties(String organisationId, Collection<String> superviseeIds, String otherPartyId) {
        public static Parties of(String organisationId, String superviseeId, String otherPartyId) {
            return new Parties(organisationId, List.of(superviseeId), otherPartyId);
        }
    }

    /**
     * The records among these that the caller may read, in their order: each is checked on its own, by
     * the rule of {@link #canReadRecord} (a party to it, or allowed to read the records of one of the
     * people it is about). Reading one record never opens the records linked to it.
     */
    public <T> List<T> readableRecords(Caller caller, Collection<T> records, Function<T, Parties> parties) {
        if (records.isEmpty()) {
            return List.of();
        }
        return readableRecords(caller, records, parties, load(records.stream().flatMap(r -> parties.apply(r).superviseeIds().stream()).toList()));
    }

    /** As {@link #readableRecords(Caller, Collection, Function)}, with the people the records are about already read (by id). */
    public <T> List<T> readableRecords(Caller caller, Collection<T> records, Function<T, Parties> parties, Map<String, Staff> people) {
        if (records.isEmpty()) {
            return List.of();
        }
        StaffScope scope = recordScope(caller);
        return records.stream().filter(r -> {
            Parties p = parties.apply(r);
            if (caller.isClient() || caller.organisationId() == null || !caller.organisationId().equals(p.organisationId())) {
                return false;
            }
            if (caller.isSelf(p.otherPartyId())) {
                return true;
            }
            return p.superviseeIds().stream().map(people::get)
                    .anyMatch(s -> s != null && sameOrganisation(caller, s) && scope.covers(s));
        }).toList();
    }

    /** The people among these whose staff record the caller may see (the rule of {@link #canSeeStaff}), in order. */
    public <T> List<T> readableStaff(Caller caller, Collection<T> rows, Function<T, Staff> person) {
        if (rows.isEmpty()) {
            return List.of();
        }
        StaffScope scope = staffScope(caller);
        return rows.stream().filter(r -> sameOrganisation(caller, person.apply(r)) && scope.covers(person.apply(r))).toList();
    }

    /** As {@link #readableStaff}, for rows that carry only a person's id. */
    public <T> List<T> readableStaffIds(Caller caller, Collection<T> rows, Function<T, String> personId) {
        Map<String, Staff> people = load(rows.stream().map(personId).toList());
        return readableStaff(caller, rows.stream().filter(r -> people.containsKey(personId.apply(r))).toList(),
                r -> people.get(personId.apply(r)));
    }

    private Map<String, Staff> load(Collection<String> ids) {
        Map<String, Staff> out = new HashMap<>();
        Set<String> distinct = new HashSet<>(ids);
        distinct.remove(null);
        if (!distinct.isEmpty()) {
            staff.findByIdIn(distinct).forEach(s -> out.put(s.id(), s));
        }
        return out;
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
                people.addAll(callersSuperviseesBelow(caller.staffId()));
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

    /** Searching and exporting the activity log (who read and changed what): administrators and QA auditors. */
    public void requireSearchActivity(Caller caller) {
        if (caller.isClient() || !caller.hasAny(Role.ADMIN, Role.QA_AUDITOR)) {
            throw Problems.forbidden("Only administrators and quality assurance auditors may search the activity log.");
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
     * The lists of supervision work (agreements, sessions, actions, session requests, one's supervisees, the audits
     * due) are for people who may take part in it: any role but elected member. An elected member alone, or a machine
     * client, is refused rather than shown an empty list (deny by default; decision 0033).
     */
    public void requireSupervisionLists(Caller caller) {
        if (caller.isClient()) {
            throw Problems.forbidden("The lists of supervision work are for people signed in to the service, not machine clients.");
        }
        if (caller.roles().stream().noneMatch(r -> r != Role.ELECTED_MEMBER)) {
            throw Problems.forbidden("Elected members see aggregate figures only, never lists of supervision work.");
        }
    }

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
                people.addAll(callersSuperviseesBelow(caller.staffId()));
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

    /**
     * What a supervisee's supervision leaves open (issue 7, 3d): whoever reads their records, and the supervisor
     * they had on their last day, who no longer supervises them once they have left.
     */
    public void requireReadHandover(Caller caller, Staff supervisee, String lastSupervisorId) {
        if (!canReadRecord(caller, supervisee, lastSupervisorId)) {
            throw Problems.forbidden("What a person's supervision leaves open is seen by their supervisor, the managers above them and quality assurance.");
        }
    }

    /** Moving a former supervisor's planned session to the new one (or cancelling it): as arranging supervision. */
    public void requireTransferSession(Caller caller, Staff supervisee, String currentSupervisorId) {
        requireArrangeSupervisionFor(caller, supervisee, currentSupervisorId);
    }

    /**
     * Asking for an extra session (Central Bedfordshire's agreement, clause 1): a person asks their own current
     * supervisor, for themselves only. Machine clients and accounts without a staff record never ask.
     */
    public void requireRequestSession(Caller caller, Staff self) {
        if (caller.isClient() || caller.staffId() == null || self == null || !caller.isSelf(self.id()) || !sameOrganisation(caller, self)) {
            throw Problems.forbidden("Only a supervised member of staff asks for an extra session, for themselves.");
        }
    }

    /** Who sees a request for an extra session: the two parties, the managers above them and QA (as a record). */
    public boolean canSeeSessionRequest(Caller caller, Staff supervisee, String supervisorId) {
        return canReadRecord(caller, supervisee, supervisorId);
    }

    /** Booking or declining a request: the supervisee's current supervisor, or a manager above them. Never the asker. */
    public void requireDecideSessionRequest(Caller caller, Staff supervisee, String currentSupervisorId) {
        if (caller.isSelf(supervisee.id())) {
            throw Problems.forbidden("Your supervisor books or declines your request, not you.");
        }
        requireArrangeSupervisionFor(caller, supervisee, currentSupervisorId);
    }

    /**
     * Adding to the agenda of a person's next session: the person themself or their supervisor today (the
     * two people in the session, as for writing its record). Managers read the record but do not set its agenda.
     */
    public void requireProposeAgendaFor(Caller caller, Staff supervisee, String currentSupervisorId) {
        boolean allowed = !caller.isClient() && sameOrganisation(caller, supervisee)
                && (caller.isSelf(supervisee.id()) || caller.isSelf(currentSupervisorId));
        if (!allowed) {
            throw Problems.forbidden("Only the person or their supervisor adds to the agenda of their next session.");
        }
    }

    // ---- decisions about children offered to the case-management system (issue 8)

    /**
     * A management decision between sessions: a manager of the child's allocated worker - their current
     * supervisor, or a supervisor or manager above them (the chain, or the service they manage). Never the
     * worker themself, never QA, HR, members, administrators or machine clients.
     */
    public void requireRecordManagementDecision(Caller caller, Staff worker) {
        boolean allowed = !caller.isClient() && caller.staffId() != null && sameOrganisation(caller, worker)
                && !caller.isSelf(worker.id())
                && ((caller.hasAny(Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE) && isSupervisedBy(worker.id(), caller.staffId()))
                || (caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE) && (managesOrganisation(caller)
                || (worker.serviceId() != null && caller.managedServiceIds().contains(worker.serviceId())))));
        if (!allowed) {
            throw Problems.forbidden("Only the allocated worker's supervisor or a manager above them records a decision about this child.");
        }
    }

    /**
     * Reading signed decisions: machine clients with case-decisions:read (the whole organisation), and people
     * who read supervision records (the scope of {@link #recordScope} on the decision's worker). HR,
     * administrators and elected members never read them.
     */
    public void requireReadDecisions(Caller caller) {
        if (caller.isClient()) {
            if (!caller.hasScope(Scopes.CASE_DECISIONS_READ)) {
                throw Problems.forbidden("This client was not granted the case-decisions:read scope.");
            }
            return;
        }
        if (!caller.hasAny(Role.PRACTITIONER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.QA_AUDITOR)) {
            throw Problems.forbidden("Decisions about children are read by the people in supervision, their managers and quality assurance.");
        }
    }

    /**
     * Whether the caller may read one decision. A management decision: under the record scope on the child's
     * worker. A case discussion's decision: under the discussion's rule (the two parties, managers above the
     * discussion's supervisor, QA auditors), so the decision never reaches someone refused the discussion.
     * {@code discussion} is null for a management decision.
     */
    public boolean canReadDecision(Caller caller, String decisionOrganisationId, Staff worker, Parties discussion, Staff discussionSupervisor) {
        if (caller.organisationId() == null || !caller.organisationId().equals(decisionOrganisationId)) {
            return false;
        }
        if (caller.isClient()) {
            return caller.hasScope(Scopes.CASE_DECISIONS_READ);
        }
        if (!caller.hasAny(Role.PRACTITIONER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.QA_AUDITOR)) {
            return false;
        }
        if (discussion == null) {
            return worker != null && sameOrganisation(caller, worker) && recordScope(caller).covers(worker);
        }
        return !readableCaseDiscussions(caller, List.of(discussion), d -> d,
                discussionSupervisor == null ? Map.of() : Map.of(discussionSupervisor.id(), discussionSupervisor)).isEmpty();
    }

    /**
     * The same rule as {@link #canReadDecision} as a SQL condition for a person's feed, appending its parameters
     * (" AND (...)", or null when the caller may read no decision at all). The columns are the decision's
     * discussion id, worker (service, id), and the discussion's supervisee, supervisor and supervisor's service.
     */
    public String decisionsSql(Caller caller, String discussionColumn, String workerServiceColumn, String workerColumn,
                               String superviseeColumn, String supervisorColumn, String supervisorServiceColumn, List<Object> args) {
        StaffScope scope = recordScope(caller);
        List<Object> managementArgs = new java.util.ArrayList<>();
        String management = scope.isEmpty() ? "FALSE" : "TRUE" + scope.sql(workerServiceColumn, workerColumn, managementArgs);
        // A discussion's decision: the discussion's own rule, written once in caseDiscussionSql.
        List<Object> discussionArgs = new java.util.ArrayList<>();
        String discussion = "TRUE" + caseDiscussionSql(caller, superviseeColumn, supervisorColumn, supervisorServiceColumn, discussionArgs);
        args.addAll(managementArgs);
        args.addAll(discussionArgs);
        return " AND ((" + discussionColumn + " IS NULL AND " + management + ") OR (" + discussionColumn + " IS NOT NULL AND "
                + discussion + "))";
    }

    /** Filing a decision (acknowledging it): the case-management system only, with its scope. */
    public void requireAcknowledgeDecision(Caller caller) {
        if (!caller.isClient() || !caller.hasScope(Scopes.CASE_DECISIONS_READ)) {
            throw Problems.forbidden("Only the case-management system, with the case-decisions:read scope, acknowledges filing a decision.");
        }
    }

    /** The teams whose decisions-filed figures the caller sees: every team, or these teams and the teams of these services. */
    public record TeamScope(boolean allTeams, Set<String> serviceIds, Set<String> teamIds) {
    }

    /**
     * The 24-hour measure per team: QA auditors and organisation-wide managers every team; service managers
     * and heads of service the teams of their services and of the people below them; supervisors the teams
     * of the people they supervise. Everyone else (and machine clients) 403.
     */
    public TeamScope decisionsFiledScope(Caller caller) {
        if (!caller.isClient() && (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller))) {
            return new TeamScope(true, Set.of(), Set.of());
        }
        if (caller.isClient() || caller.staffId() == null || !caller.hasAny(Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)) {
            throw Problems.forbidden("The share of decisions filed in time is for supervisors, managers and quality assurance.");
        }
        Set<String> services = caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE) ? Set.copyOf(caller.managedServiceIds()) : Set.of();
        Set<String> below = callersSuperviseesBelow(caller.staffId());
        Set<String> teams = below.isEmpty() ? Set.of() : new HashSet<>(jdbc.prepareStatement("SELECT DISTINCT team_id FROM staff WHERE team_id IS NOT NULL AND id IN ("
                + uk.supervision.support.Sql.placeholders(below.size()) + ")", ps -> {
            int i = 1;
            for (String id : below) {
                ps.setString(i++, id);
            }
            return ids(ps);
        }));
        return new TeamScope(false, services, teams);
    }

    private boolean managesOrganisation(Caller caller) {
        return caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE) && caller.managesWholeOrganisation();
    }

    private static boolean sameOrganisation(Caller caller, Staff target) {
        return caller.organisationId() != null && caller.organisationId().equals(target.organisationId());
    }

    /**
     * {@link #superviseesBelow} for the caller's own scope, read once per GET request: a page that filters
     * several lists (the dashboard: people, then their sessions) asks once. Only reads share it, so a request
     * that changes a relation never checks against what it read before the change.
     */
    private Set<String> callersSuperviseesBelow(String staffId) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        if (request.isEmpty() || request.get().getMethod() != HttpMethod.GET) {
            return superviseesBelow(staffId);
        }
        @SuppressWarnings("unchecked")
        Map<String, Set<String>> memo = request.get().getAttribute(BELOW_MEMO, Map.class).orElse(null);
        if (memo == null) {
            memo = new ConcurrentHashMap<>();
            request.get().setAttribute(BELOW_MEMO, memo);
        }
        return memo.computeIfAbsent(staffId + "@" + LocalDate.now(clock), k -> Set.copyOf(superviseesBelow(staffId)));
    }

    private static final String BELOW_MEMO = "supervision.access.supervisees-below";

    /**
     * Staff supervised by this person today, directly or down a chain of supervisors (at most
     * {@link #MAX_CHAIN} levels): one recursive query, however long the chain.
     */
    public Set<String> superviseesBelow(String supervisorStaffId) {
        Date today = Date.valueOf(LocalDate.now(clock));
        return new HashSet<>(jdbc.prepareStatement("WITH RECURSIVE below (id, depth) AS ("
                + "SELECT supervisee_id, 1 FROM supervision_relation WHERE supervisor_id = ?" + CURRENT
                + " UNION ALL SELECT r.supervisee_id, b.depth + 1 FROM supervision_relation r JOIN below b ON r.supervisor_id = b.id"
                + " WHERE b.depth < " + MAX_CHAIN + " AND r.from_date <= ? AND (r.to_date IS NULL OR r.to_date >= ?))"
                + " SELECT DISTINCT id FROM below WHERE id <> ?", ps -> {
            ps.setString(1, supervisorStaffId);
            bindDays(ps, 2, today);
            bindDays(ps, 4, today);
            ps.setString(6, supervisorStaffId);
            return ids(ps);
        }));
    }

    /** Whether a current supervisor of the person, or one above them (at most {@link #MAX_CHAIN} levels), is this one: one recursive query. */
    private boolean isSupervisedBy(String staffId, String supervisorStaffId) {
        Date today = Date.valueOf(LocalDate.now(clock));
        return !jdbc.prepareStatement("WITH RECURSIVE above (id, depth) AS ("
                + "SELECT supervisor_id, 1 FROM supervision_relation WHERE supervisee_id = ?" + CURRENT
                + " UNION ALL SELECT r.supervisor_id, a.depth + 1 FROM supervision_relation r JOIN above a ON r.supervisee_id = a.id"
                + " WHERE a.depth < " + MAX_CHAIN + " AND r.from_date <= ? AND (r.to_date IS NULL OR r.to_date >= ?))"
                + " SELECT id FROM above WHERE id = ? LIMIT 1", ps -> {
            ps.setString(1, staffId);
            bindDays(ps, 2, today);
            bindDays(ps, 4, today);
            ps.setString(6, supervisorStaffId);
            return ids(ps);
        }).isEmpty();
    }

    /** A relation in force on the day bound twice after it. */
    private static final String CURRENT = " AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)";

    private static void bindDays(PreparedStatement ps, int first, Date day) throws SQLException {
        ps.setDate(first, day);
        ps.setDate(first + 1, day);
    }

    private static List<String> ids(PreparedStatement ps) throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    // ---- children and case discussions (issue 8)

    /** Roles that never read supervision records or the children in them, unless the person also holds another role. */
    private static final Set<Role> NO_RECORDS = Set.of(Role.HR, Role.ADMIN, Role.ELECTED_MEMBER);

    private static boolean onlyWithoutRecords(Caller caller) {
        return !caller.roles().isEmpty() && NO_RECORDS.containsAll(caller.roles());
    }

    /**
     * Listing children: clients with children:write (the whole organisation), and people who read records;
     * HR, administrators and elected members are refused.
     */
    public StaffScope childScope(Caller caller) {
        if (caller.isClient()) {
            if (!caller.hasScope(Scopes.CHILDREN_WRITE)) {
                throw Problems.forbidden("This client was not granted the children:write scope.");
            }
            return new StaffScope(true, Set.of(), Set.of());
        }
        if (onlyWithoutRecords(caller)) {
            throw Problems.forbidden("Children are seen by the people whose work they are part of, the managers above them and quality assurance.");
        }
        return recordScope(caller);
    }

    /** One child: as the list, by the allocated worker. */
    public void requireSeeChild(Caller caller, Staff allocatedWorker) {
        StaffScope scope = childScope(caller);
        if (!sameOrganisation(caller, allocatedWorker) || !scope.covers(allocatedWorker)) {
            throw Problems.forbidden("Children are seen by the people whose work they are part of, the managers above them and quality assurance.");
        }
    }

    /** As {@link #requireSeeChild}, answered rather than refused (a client without children:write, HR and the like: no). */
    public boolean canSeeChild(Caller caller, Staff allocatedWorker) {
        if (caller.isClient() ? !caller.hasScope(Scopes.CHILDREN_WRITE) : onlyWithoutRecords(caller)) {
            return false;
        }
        return sameOrganisation(caller, allocatedWorker) && childScope(caller).covers(allocatedWorker);
    }

        /** Adding or changing a child: a client with children:write, or the allocated worker's supervisor or a manager above them. */
    public void requireWriteChild(Caller caller, Staff allocatedWorker, String workersSupervisorId) {
        if (caller.isClient()) {
            if (!caller.hasScope(Scopes.CHILDREN_WRITE) || !sameOrganisation(caller, allocatedWorker)) {
                throw Problems.forbidden("This client was not granted the children:write scope.");
            }
            return;
        }
        if (caller.isSelf(allocatedWorker.id())) {
            throw Problems.forbidden("A child is added by the allocated worker's supervisor or a manager above them.");
        }
        requireArrangeSupervisionFor(caller, allocatedWorker, workersSupervisorId);
    }

    /**
     * Case discussions are read by the two parties, managers above the supervisor (the supervision chain or the
     * service they manage) and QA auditors; never by HR, administrators, elected members or machine clients.
     */
    public StaffScope caseDiscussionScope(Caller caller) {
        if (caller.isClient() || onlyWithoutRecords(caller)) {
            throw Problems.forbidden("Case discussions are read only by the two parties, the managers above them and quality assurance.");
        }
        return recordScope(caller);
    }

    /**
     * The discussions among these the caller may read, in order: the two parties always (whatever other roles they
     * hold); others when the supervisor is within their record scope (managers above the supervisor, QA auditors).
     */
    public <T> List<T> readableCaseDiscussions(Caller caller, Collection<T> rows, Function<T, Parties> parties, Map<String, Staff> people) {
        if (rows.isEmpty() || caller.isClient()) {
            return List.of();
        }
        StaffScope scope = onlyWithoutRecords(caller) ? new StaffScope(false, Set.of(), Set.of()) : recordScope(caller);
        return rows.stream().filter(r -> {
            Parties p = parties.apply(r);
            if (caller.organisationId() == null || !caller.organisationId().equals(p.organisationId())) {
                return false;
            }
            if (caller.isSelf(p.otherPartyId()) || p.superviseeIds().stream().anyMatch(caller::isSelf)) {
                return true;
            }
            Staff supervisor = people.get(p.otherPartyId());
            return supervisor != null && sameOrganisation(caller, supervisor) && scope.covers(supervisor);
        }).toList();
    }

    /** May the caller read this one case discussion (or what it carries: its actions)? The rule of {@link #readableCaseDiscussions}. */
    public boolean canReadCaseDiscussion(Caller caller, String organisationId, String superviseeId, Staff supervisor) {
        return supervisor != null && !readableCaseDiscussions(caller, List.of(supervisor), s -> Parties.of(organisationId, superviseeId, s.id()),
                Map.of(supervisor.id(), supervisor)).isEmpty();
    }

    /**
     * The rule of {@link #readableCaseDiscussions} as a SQL condition (" AND (...)") on a discussion's supervisee, supervisor
     * and supervisor's service columns, for lists that carry a discussion's content; refuses everything for machine clients
     * and people who never read records.
     */
    public String caseDiscussionSql(Caller caller, String superviseeColumn, String supervisorColumn, String supervisorServiceColumn,
                                    List<Object> args) {
        if (caller.isClient() || caller.organisationId() == null) {
            return " AND 1 = 0";
        }
        StaffScope scope = onlyWithoutRecords(caller) ? new StaffScope(false, Set.of(), Set.of()) : recordScope(caller);
        if (caller.staffId() == null) {
            return scope.isEmpty() ? " AND 1 = 0" : scope.sql(supervisorServiceColumn, supervisorColumn, args);
        }
        String sql = scope.sql(supervisorServiceColumn, supervisorColumn, args, superviseeColumn + " = ?", supervisorColumn + " = ?");
        if (!scope.wholeOrganisation()) {
            args.add(caller.staffId());
            args.add(caller.staffId());
        }
        return sql;
    }

    // issue 9: audits

    /**
     * Starting an audit of a supervisee's file (DOMAIN section 7): QA auditors any file in the organisation; service
     * managers the supervisees in the services they manage or below them in the supervision chain; heads of service
     * their services (all when organisation-wide). Never one's own file, never a file one supervises today (no
     * marking one's own work). A sampled audit only by QA, a monthly one by a service manager, a quarterly one by a
     * head of service.
     */
    public void requireStartAudit(Caller caller, Staff supervisee, String currentSupervisorId, String kind) {
        if (caller.isClient() || caller.staffId() == null || !sameOrganisation(caller, supervisee)) {
            throw Problems.forbidden("Audits are started by quality assurance auditors, service managers and heads of service.");
        }
        if (caller.isSelf(supervisee.id())) {
            throw Problems.forbidden("You cannot audit your own supervision file.");
        }
        if (caller.isSelf(currentSupervisorId)) {
            throw Problems.forbidden("You supervise this person: their file is audited by someone who does not mark their own work.");
        }
        boolean qa = caller.has(Role.QA_AUDITOR);
        boolean sm = caller.has(Role.SERVICE_MANAGER) && (managesOrganisation(caller)
                || (supervisee.serviceId() != null && caller.managedServiceIds().contains(supervisee.serviceId()))
                || isSupervisedBy(supervisee.id(), caller.staffId()));
        boolean hos = caller.has(Role.HEAD_OF_SERVICE) && (managesOrganisation(caller)
                || (supervisee.serviceId() != null && caller.managedServiceIds().contains(supervisee.serviceId())));
        boolean allowed = switch (kind) {
            case "QA_SAMPLE" -> qa;
            case "SERVICE_MANAGER_MONTHLY" -> sm;
            case "HEAD_OF_SERVICE_QUARTERLY" -> hos;
            default -> qa || sm || hos;
        };
        if (!allowed) {
            throw Problems.forbidden(switch (kind) {
                case "QA_SAMPLE" -> "Only quality assurance auditors audit the files of the quarterly sample.";
                case "SERVICE_MANAGER_MONTHLY" -> "The monthly audit is a service manager's, of a file in the services they manage.";
                case "HEAD_OF_SERVICE_QUARTERLY" -> "The quarterly audit is a head of service's, of a file in their services.";
                default -> "Audits are started by quality assurance auditors anywhere, and by managers in the services they manage.";
            });
        }
    }

    /**
     * Reading an audit: its auditor (draft and completed) and QA auditors; once completed also the audited supervisor
     * and the managers above them (the record scope covering the supervisor), DOMAIN section 15 "Return copy to".
     * Never the audited supervisee, HR, administrators, elected members or machine clients.
     */
    public boolean canReadAudit(Caller caller, String organisationId, String auditorStaffId, String superviseeId, boolean completed,
                                Staff supervisor) {
        if (caller.isClient() || caller.organisationId() == null || !caller.organisationId().equals(organisationId)) {
            return false;
        }
        if (caller.isSelf(auditorStaffId) || caller.has(Role.QA_AUDITOR)) {
            return true;
        }
        if (!completed || caller.isSelf(superviseeId) || onlyWithoutRecords(caller) || supervisor == null) {
            return false;
        }
        return caller.isSelf(supervisor.id()) || (sameOrganisation(caller, supervisor) && recordScope(caller).covers(supervisor));
    }

    /**
     * The rule of {@link #canReadAudit} as a SQL condition (" AND (...)") for lists, appending its parameters; the
     * columns are the audit's auditor, supervisee, supervisor and supervisor's service, and a condition true when the
     * audit is completed (signed).
     */
    public String auditSql(Caller caller, String auditorColumn, String superviseeColumn, String supervisorColumn,
                           String supervisorServiceColumn, String completedCondition, List<Object> args) {
        if (caller.isClient() || caller.organisationId() == null || caller.staffId() == null && !caller.has(Role.QA_AUDITOR)) {
            return " AND 1 = 0";
        }
        if (caller.has(Role.QA_AUDITOR)) {
            return "";
        }
        if (onlyWithoutRecords(caller)) {
            args.add(caller.staffId());
            return " AND " + auditorColumn + " = ?";
        }
        StaffScope scope = recordScope(caller);
        List<Object> scopeArgs = new ArrayList<>();
        String managers = scope.wholeOrganisation() ? "TRUE" : "FALSE" + scope.sql(supervisorServiceColumn, supervisorColumn, scopeArgs)
                .replaceFirst("^ AND ", " OR ");
        args.add(caller.staffId());
        args.add(caller.staffId());
        args.addAll(scopeArgs);
        return " AND (" + auditorColumn + " = ? OR (" + completedCondition + " AND " + superviseeColumn + " <> ? AND (" + managers + ")))";
    }

    /** Whether {@code candidateId} supervises the person today, directly or up the chain: who may own an audit's action. */
    public boolean isAboveInChain(String staffId, String candidateId) {
        return isSupervisedBy(staffId, candidateId);
    }

    // issue 9: questionnaire

    /**
     * The Part 2 questionnaire's individual answers and who answered (invitations, rounds, the answer linked to an
     * audit, its cross-check): quality assurance auditors only (DOMAIN section 8). The audit's own auditor, the
     * audited supervisor and their managers are refused like everyone else.
     */
    public void requireQuestionnaireAuditor(Caller caller) {
        if (caller.isClient() || !caller.has(Role.QA_AUDITOR)) {
            throw Problems.forbidden("Only quality assurance auditors see who answered the Part 2 questionnaire and what.");
        }
    }

    /** A Part 2 questionnaire is seen and answered by the person invited only. */
    public void requireQuestionnaireInvitee(Caller caller, String inviteeStaffId) {
        if (caller.isClient() || !caller.isSelf(inviteeStaffId)) {
            throw Problems.forbidden("A Part 2 questionnaire is seen and answered only by the person it was sent to.");
        }
    }

    /**
     * Which groups of the Part 2 aggregates a caller sees (the suppression is decided before, over the whole
     * organisation): QA auditors every group; heads of service and service managers their services and everything
     * in them (the whole organisation when their role covers it); a supervisor their own groups; elected members
     * the services only. The directorate is always in the view. Everyone else is refused.
     */
    public record ResultsView(boolean everything, boolean allServices, Set<String> servicesInFull, String supervisorId) {
    }

    public ResultsView questionnaireResultsView(Caller caller) {
        if (caller.isClient()) {
            throw Problems.forbidden("Part 2 aggregates are for people signed in to the service, not machine clients.");
        }
        if (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return new ResultsView(true, true, Set.of(), null);
        }
        boolean manager = caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE);
        boolean supervisor = caller.has(Role.SUPERVISOR) && caller.staffId() != null;
        boolean member = caller.has(Role.ELECTED_MEMBER);
        if (!manager && !supervisor && !member) {
            throw Problems.forbidden("Part 2 aggregates are seen by quality assurance, managers, supervisors (their own groups) and elected members.");
        }
        return new ResultsView(false, member, manager ? Set.copyOf(caller.managedServiceIds()) : Set.of(),
                supervisor ? caller.staffId() : null);
    }

    // issue 9: sample

    /** The quarterly samples (drawing, listing, reading): quality assurance auditors only; never machine clients. */
    public void requireAuditSamples(Caller caller) {
        if (caller.isClient() || caller.organisationId() == null || !caller.has(Role.QA_AUDITOR)) {
            throw Problems.forbidden("Only quality assurance auditors draw and read the quarterly samples of supervision files.");
        }
    }

    // issue 9: audit reports

    /** The services whose quarterly audit reports a caller sees: every service, or those listed. */
    public record ServiceScope(boolean allServices, Set<String> serviceIds) {
        public boolean covers(String serviceId) {
            return allServices || serviceIds.contains(serviceId);
        }
    }

    /**
     * Quarterly audit reports: quality assurance auditors see every service; heads of service and service managers
     * the services they manage (all, when they manage the whole organisation). Everyone else is refused (403).
     */
    public ServiceScope auditReportScope(Caller caller) {
        if (caller.isClient() || caller.organisationId() == null) {
            throw Problems.forbidden("Quarterly audit reports are for quality assurance and the managers of the service.");
        }
        if (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return new ServiceScope(true, Set.of());
        }
        if (caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)) {
            return new ServiceScope(false, Set.copyOf(caller.managedServiceIds()));
        }
        throw Problems.forbidden("Quarterly audit reports are for quality assurance and the managers of the service.");
    }

    public void requireReadAuditReport(Caller caller, String serviceId) {
        if (!auditReportScope(caller).covers(serviceId)) {
            throw Problems.forbidden("You may read the audit reports of the services you manage only.");
        }
    }

    /** Themes and recommendations: quality assurance auditors, and service managers of the service. */
    public boolean canEditAuditReport(Caller caller, String serviceId) {
        if (caller.isClient() || caller.organisationId() == null) {
            return false;
        }
        return caller.has(Role.QA_AUDITOR) || (caller.has(Role.SERVICE_MANAGER)
                && (caller.managesWholeOrganisation() || caller.managedServiceIds().contains(serviceId)));
    }

    public void requireEditAuditReport(Caller caller, String serviceId) {
        requireReadAuditReport(caller, serviceId);
        if (!canEditAuditReport(caller, serviceId)) {
            throw Problems.forbidden("The themes and recommendations are written by quality assurance and the service's service managers.");
        }
    }

    /** Sign-off: a head of service who manages the service, or the whole organisation. */
    public boolean canSignOffAuditReport(Caller caller, String serviceId) {
        if (caller.isClient() || caller.organisationId() == null) {
            return false;
        }
        return caller.has(Role.HEAD_OF_SERVICE) && (caller.managesWholeOrganisation() || caller.managedServiceIds().contains(serviceId));
    }

    public void requireSignOffAuditReport(Caller caller, String serviceId) {
        requireReadAuditReport(caller, serviceId);
        if (!canSignOffAuditReport(caller, serviceId)) {
            throw Problems.forbidden("A head of service over the service signs its audit report off.");
        }
    }

    // issue 10: measures service

    /** How a caller sees a scope's measures: in full (names, nothing suppressed) or as aggregates (small groups suppressed). */
    public enum MeasureView { FULL, AGGREGATE }

    /**
     * Who sees which supervision measures (decision 0033). Full view: QA auditors and organisation-wide managers every
     * scope; service managers and heads of service their services, the teams in them, the teams of the people below
     * them and the people they can see; supervisors the teams of the people below them and those people; anyone their
     * own PERSON scope. Aggregate view (never a PERSON scope): elected members and machine clients with measures:read,
     * and supervisors, managers, HR and administrators outside their full view. Everyone else 403. The scope is
     * already resolved within the caller's organisation: for SERVICE scopeId is the service, for TEAM the team with its
     * service, for PERSON the person.
     */
    public MeasureView measureView(Caller caller, uk.supervision.api.model.MeasureScopeKind kind, String scopeId,
                                   String serviceId, Staff person) {
        if (caller.isClient()) {
            if (!caller.hasScope(Scopes.MEASURES_READ)) {
                throw Problems.forbidden("This client was not granted the measures:read scope.");
            }
            if (kind == uk.supervision.api.model.MeasureScopeKind.PERSON) {
                throw Problems.forbidden("Machine clients see the measures of the directorate, services and teams, never of one person.");
            }
            return MeasureView.AGGREGATE;
        }
        if (kind == uk.supervision.api.model.MeasureScopeKind.PERSON && person != null && caller.isSelf(person.id())) {
            return MeasureView.FULL;
        }
        if (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller)) {
            return MeasureView.FULL;
        }
        boolean manager = caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE);
        boolean supervisor = caller.has(Role.SUPERVISOR) && caller.staffId() != null;
        boolean full = switch (kind) {
            case DIRECTORATE -> false;
            case SERVICE -> manager && caller.managedServiceIds().contains(scopeId);
            case TEAM -> manager && serviceId != null && caller.managedServiceIds().contains(serviceId)
                    || (manager || supervisor) && caller.staffId() != null && teamWhollyBelow(caller.staffId(), scopeId);
            case PERSON -> person != null && (manager && canSeeStaff(caller, person)
                    || supervisor && isSupervisedBy(person.id(), caller.staffId()));
        };
        if (full) {
            return MeasureView.FULL;
        }
        if (kind == uk.supervision.api.model.MeasureScopeKind.PERSON) {
            throw Problems.forbidden("One person's measures are seen by them, the managers above them and quality assurance.");
        }
        if (caller.hasAny(Role.ELECTED_MEMBER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.HR, Role.ADMIN)) {
            return MeasureView.AGGREGATE;
        }
        throw Problems.forbidden("The measures of teams, services and the directorate are for managers, quality assurance, HR, "
                + "administrators and elected members; you may see your own.");
    }

    /** Machine clients without measures:read are refused before anything is looked up. */
    public void requireMeasuresClient(Caller caller) {
        if (caller.isClient() && !caller.hasScope(Scopes.MEASURES_READ)) {
            throw Problems.forbidden("This client was not granted the measures:read scope.");
        }
    }

    /**
     * Whether every current member of the team is this person or below them: supervising one member of a team is no
     * reason to see the rest of it by name. One query after the chain's.
     */
    private boolean teamWhollyBelow(String supervisorStaffId, String teamId) {
        Set<String> below = new HashSet<>(callersSuperviseesBelow(supervisorStaffId));
        below.add(supervisorStaffId);
        Set<String> members = new HashSet<>(jdbc.prepareStatement("SELECT id FROM staff WHERE team_id = ?"
                + " AND (leaving_date IS NULL OR leaving_date >= ?)", ps -> {
            ps.setString(1, teamId);
            ps.setObject(2, LocalDate.now(clock));
            return ids(ps);
        }));
        return !members.isEmpty() && below.containsAll(members);
    }

    /**
     * A PERSON scope is refused before the person is looked up to callers who could never see one but their own
     * (members, machine clients, HR, administrators, practitioners), so a 404 or 403 does not tell them whether a
     * member of staff exists.
     */
    public void requirePersonScopePossible(Caller caller, String staffId) {
        if (caller.isClient()) {
            throw Problems.forbidden("Machine clients see the measures of the directorate, services and teams, never of one person.");
        }
        if (staffId != null && caller.isSelf(staffId)) {
            return;
        }
        if (caller.has(Role.QA_AUDITOR) || managesOrganisation(caller)
                || caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE) || caller.has(Role.SUPERVISOR) && caller.staffId() != null) {
            return;
        }
        throw Problems.forbidden("One person's measures are seen by them, the managers above them and quality assurance.");
    }

}

package uk.supervision.staff;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.ListStaffStatusParameter;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.api.model.StaffCreate;
import uk.supervision.api.model.StaffFields;
import uk.supervision.api.model.StaffHistory;
import uk.supervision.api.model.StaffLeaving;
import uk.supervision.api.model.StaffMove;
import uk.supervision.api.model.StaffPage;
import uk.supervision.api.model.StaffUpdate;
import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.TeamPeriod;
import uk.supervision.api.model.TeamRef;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.ETags;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.team.DirectorateService;
import uk.supervision.team.DirectorateServiceRepository;
import uk.supervision.team.TeamTree;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** People: who they are, where they work, who supervises them, and when they leave. */
@Singleton
public class StaffService {
    private final StaffRepository staff;
    private final StaffQueries queries;
    private final StaffTeamHistoryRepository history;
    private final StaffAttributeHistory attributes;
    private final SupervisionRelationService relations;
    private final SupervisionRelationRepository relationRepository;
    private final DirectorateServiceRepository services;
    private final TeamTree tree;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final Idempotency idempotency;
    private final Leavers leavers;
    private final Clock clock;

    public StaffService(StaffRepository staff, StaffQueries queries, StaffTeamHistoryRepository history,
                        StaffAttributeHistory attributes, SupervisionRelationService relations, SupervisionRelationRepository relationRepository,
                        DirectorateServiceRepository services, TeamTree tree, AccessPolicy access,
                        ActivityLog activityLog, Idempotency idempotency, Leavers leavers, Clock clock) {
        this.staff = staff;
        this.queries = queries;
        this.history = history;
        this.attributes = attributes;
        this.relations = relations;
        this.relationRepository = relationRepository;
        this.services = services;
        this.tree = tree;
        this.access = access;
        this.activityLog = activityLog;
        this.idempotency = idempotency;
        this.leavers = leavers;
        this.clock = clock;
    }

    /*
     * The staff reads hold one connection without a transaction (decision 0020): a read-only transaction costs
     * five round trips on MySQL/MariaDB (auto-commit off, read-only on, commit, and both back) around two or
     * three statements that need no common snapshot; each reads committed rows.
     */
    @Connectable
    public StaffPage list(Caller caller, Integer limit, String cursor, UUID teamId, UUID serviceId,
                          StaffCategory category, EmploymentType employmentType, ListStaffStatusParameter status, String q,
                          DateWindow leaving, DateWindow postStart) {
        access.requireStaffListing(caller);
        leaving.check("leavingFrom", "leavingTo");
        postStart.check("postStartFrom", "postStartTo");
        StaffScope scope = access.staffScope(caller);
        int size = Cursor.limit(limit);
        if (scope.isEmpty()) {
            return new StaffPage(List.of());
        }
        List<String> after = Cursor.decode(CursorList.STAFF, cursor, 3);
        StaffQueries.Filter filter = new StaffQueries.Filter(Ids.str(teamId), Ids.str(serviceId),
                category == null ? null : category.name(), employmentType == null ? null : employmentType.name(),
                status == null ? "current" : status.getValue(), q, today(), leaving.from(), leaving.to(), postStart.from(), postStart.to());
        List<StaffView> rows = queries.page(caller.organisationId(), scope, filter,
                after == null ? null : new StaffQueries.Keyset(after.get(0), after.get(1), after.get(2)), size + 1);
        boolean more = rows.size() > size;
        List<StaffView> page = more ? rows.subList(0, size) : rows;
        StaffPage result = new StaffPage(access.readableStaff(caller, page, StaffView::staff).stream().map(StaffMapper::toDto).toList());
        if (more) {
            Staff last = page.get(page.size() - 1).staff();
            result.setNextCursor(Cursor.encode(CursorList.STAFF, last.familyName(), last.givenName(), last.id()));
        }
        return result;
    }

    @Connectable
    public StaffView get(Caller caller, UUID id) {
        StaffView view = find(caller, id.toString());
        access.requireSeeStaff(caller, view.staff());
        return view;
    }

    @Transactional
    public StaffView create(Caller caller, StaffCreate body, String idempotencyKey) {
        access.requireEditStaffDetails(caller, null);
        var previous = idempotency.previous(caller, idempotencyKey, "createStaff", body);
        if (previous.isPresent()) {
            return queries.find(caller.organisationId(), previous.get(), today()).orElseThrow();
        }
        String org = caller.organisationId();
        checkFields(body.getEmploymentStartDate(), body.getPostStartDate(), body.getCarriesCaseload(), body.getCaseloadSize());
        String email = normaliseEmail(body.getEmail());
        if (staff.existsByOrganisationIdAndEmail(org, email)) {
            throw Problems.conflict("A member of staff with the email " + email + " already exists.");
        }
        if (body.getExternalRef() != null && staff.existsByOrganisationIdAndExternalRef(org, body.getExternalRef())) {
            throw Problems.conflict("A member of staff with the HR reference " + body.getExternalRef() + " already exists.");
        }
        Placement placement = placement(org, body.getTeamId(), body.getServiceId(), "/teamId", "/serviceId");
        Staff supervisor = null;
        if (body.getSupervisorId() != null) {
            supervisor = activeColleague(org, body.getSupervisorId().toString(), "/supervisorId");
        }
        Instant now = clock.instant();
        Staff created = new Staff(Ids.newId(), org, placement.teamId(), placement.serviceId(), blankToNull(body.getExternalRef()),
                body.getGivenName().trim(), body.getFamilyName().trim(), email, body.getJobTitle().trim(),
                body.getCategory().name(), body.getEmploymentType().name(), BigDecimal.valueOf(body.getWeeklyHours()),
                body.getEmploymentStartDate(), body.getPostStartDate(), body.getCarriesCaseload(), body.getCaseloadSize(),
                null, null, 1, now, now);
        staff.save(created);
        queries.setTrainingCompletedOn(created.id(), trainingDate(body.getSupervisionTrainingCompletedOn()));
        attributes.start(created, now);
        history.save(new StaffTeamHistory(Ids.newId(), created.id(), placement.teamId(), placement.serviceId(),
                body.getPostStartDate(), null, now));
        if (supervisor != null) {
            relations.start(caller, supervisor, created, body.getPostStartDate(), "Supervisor on joining");
        }
        idempotency.remember(caller, idempotencyKey, "createStaff", body, created.id());
        activityLog.record(caller, "STAFF_CREATED", "staff", created.id(), created.displayName());
        return queries.find(org, created.id(), today()).orElseThrow();
    }

    @Transactional
    public StaffView update(Caller caller, UUID id, StaffUpdate body, String ifMatch) {
        Staff current = find(caller, id.toString()).staff();
        access.requireEditStaffDetails(caller, current);
        ETags.requireCurrent(ifMatch, current.version());
        checkFields(body.getEmploymentStartDate(), body.getPostStartDate(), body.getCarriesCaseload(), body.getCaseloadSize());
        String email = normaliseEmail(body.getEmail());
        if (!email.equals(current.email()) && staff.existsByOrganisationIdAndEmail(current.organisationId(), email)) {
            throw Problems.conflict("A member of staff with the email " + email + " already exists.");
        }
        String externalRef = blankToNull(body.getExternalRef());
        if (externalRef != null && !externalRef.equals(current.externalRef())
                && staff.existsByOrganisationIdAndExternalRef(current.organisationId(), externalRef)) {
            throw Problems.conflict("A member of staff with the HR reference " + externalRef + " already exists.");
        }
        LocalDate from = effectiveDate(current, body);
        Instant now = clock.instant();
        // Category, employment type, hours and caseload are dated changes; the row keeps today's values as a cache.
        StaffAttributes inForce = attributes.record(current, from, new StaffAttributes(body.getCategory().name(),
                body.getEmploymentType().name(), BigDecimal.valueOf(body.getWeeklyHours()), body.getCarriesCaseload(),
                body.getCaseloadSize()), now, today());
        Staff changed = new Staff(current.id(), current.organisationId(), current.teamId(), current.serviceId(), externalRef,
                body.getGivenName().trim(), body.getFamilyName().trim(), email, body.getJobTitle().trim(),
                inForce.category(), inForce.employmentType(), inForce.weeklyHours(),
                body.getEmploymentStartDate(), body.getPostStartDate(), inForce.carriesCaseload(), inForce.caseloadSize(),
                current.leavingDate(), current.leavingReason(), current.version(), current.createdAt(), now);
        staff.update(changed);
        queries.setTrainingCompletedOn(current.id(), trainingDate(body.getSupervisionTrainingCompletedOn()));
        activityLog.record(caller, "STAFF_UPDATED", "staff", current.id(), changedFields(current, changed)
                + (from.equals(today()) ? "" : " (attributes as from " + from + ")"));
        return queries.find(current.organisationId(), current.id(), today()).orElseThrow();
    }

    /** A training date is a day that has happened: one in the future is refused. */
    private LocalDate trainingDate(LocalDate completedOn) {
        if (completedOn != null && completedOn.isAfter(today())) {
            throw Problems.rule("/supervisionTrainingCompletedOn", "Supervision training cannot be completed on a day after today.");
        }
        return completedOn;
    }

    /** Today unless given; never in the future (planned changes are recorded on the day, as moves are). */
    private LocalDate effectiveDate(Staff current, StaffUpdate body) {
        LocalDate from = body.getEffectiveDate() == null ? today() : body.getEffectiveDate();
        if (from.isAfter(today())) {
            throw Problems.rule("/effectiveDate", "A change takes effect from today or an earlier date. Record a planned change on the day it happens.");
        }
        if (from.isBefore(body.getEmploymentStartDate())) {
            throw Problems.rule("/effectiveDate", "The change cannot take effect before the employment start date.");
        }
        if (current.hasLeftBy(from)) {
            throw Problems.rule("/effectiveDate", current.displayName() + " left on " + current.leavingDate() + "; a change cannot take effect after that.");
        }
        return from;
    }

    @Transactional
    public StaffView recordLeaver(Caller caller, UUID id, StaffLeaving body, String ifMatch) {
        Staff current = find(caller, id.toString()).staff();
        access.requireEditStaffDetails(caller, current);
        ETags.requireCurrent(ifMatch, current.version());
        if (current.leavingDate() != null) {
            throw Problems.conflict(current.displayName() + " is already recorded as leaving on " + current.leavingDate() + ".");
        }
        LocalDate last = body.getLeavingDate();
        if (last.isBefore(current.employmentStartDate())) {
            throw Problems.rule("/leavingDate", "The leaving date cannot be before the employment start date ("
                    + current.employmentStartDate() + ").");
        }
        Staff left = new Staff(current.id(), current.organisationId(), current.teamId(), current.serviceId(), current.externalRef(),
                current.givenName(), current.familyName(), current.email(), current.jobTitle(), current.category(),
                current.employmentType(), current.weeklyHours(), current.employmentStartDate(), current.postStartDate(),
                current.carriesCaseload(), current.caseloadSize(), last, blankToNull(body.getReason()), current.version(),
                current.createdAt(), clock.instant());
        staff.update(left);
        history.closeOpenPeriod(current.id(), last);
        leavers.recorded(caller, left, today());
        activityLog.record(caller, "STAFF_LEAVER_RECORDED", "staff", current.id(), "leaving " + last);
        return queries.find(current.organisationId(), current.id(), today()).orElseThrow();
    }

    @Transactional
    public StaffView move(Caller caller, UUID id, StaffMove body, String ifMatch) {
        Staff current = find(caller, id.toString()).staff();
        if (body.getTeamId() == null && body.getSupervisorId() == null) {
            throw Problems.rule("", "Say where the person moves: a new team, a new supervisor, or both.");
        }
        Placement destination = body.getTeamId() == null ? null
                : placement(current.organisationId(), body.getTeamId(), null, "/teamId", "/teamId");
        access.requireArrangeSupervision(caller, current, destination == null ? null : destination.serviceId());
        ETags.requireCurrent(ifMatch, current.version());
        LocalDate from = body.getEffectiveDate();
        if (current.hasLeftBy(from)) {
            throw Problems.rule("/effectiveDate", current.displayName() + " has left; a leaver cannot move.");
        }
        if (from.isAfter(today())) {
            throw Problems.rule("/effectiveDate", "A move takes effect from today or an earlier date. Record a future move on the day it happens.");
        }
        if (from.isBefore(current.employmentStartDate())) {
            throw Problems.rule("/effectiveDate", "The move cannot be before the employment start date.");
        }
        Instant now = clock.instant();
        String teamId = current.teamId();
        String serviceId = current.serviceId();
        List<String> what = new ArrayList<>();
        if (destination != null && !Objects.equals(destination.teamId(), current.teamId())) {
            history.removeFrom(current.id(), from);
            history.endBefore(current.id(), from, from.minusDays(1));
            history.save(new StaffTeamHistory(Ids.newId(), current.id(), destination.teamId(), destination.serviceId(), from, null, now));
            teamId = destination.teamId();
            serviceId = destination.serviceId();
            what.add("team " + destination.teamId());
        }
        if (body.getSupervisorId() != null) {
            Staff supervisor = activeColleague(current.organisationId(), body.getSupervisorId().toString(), "/supervisorId");
            relations.start(caller, supervisor, current, from, blankToNull(body.getReason()));
            what.add("supervisor " + supervisor.id());
        }
        Staff moved = new Staff(current.id(), current.organisationId(), teamId, serviceId, current.externalRef(),
                current.givenName(), current.familyName(), current.email(), current.jobTitle(), current.category(),
                current.employmentType(), current.weeklyHours(), current.employmentStartDate(), current.postStartDate(),
                current.carriesCaseload(), current.caseloadSize(), current.leavingDate(), current.leavingReason(),
                current.version(), current.createdAt(), now);
        staff.update(moved);
        activityLog.record(caller, "STAFF_MOVED", "staff", current.id(), "from " + from + ": " + String.join(", ", what));
        return queries.find(current.organisationId(), current.id(), today()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public StaffHistory history(Caller caller, UUID id) {
        Staff person = get(caller, id).staff();
        List<StaffTeamHistory> periods = history.findByStaffIdOrderByFromDateAsc(person.id());
        Map<String, TeamTree.TeamInOrganisation> teams = new HashMap<>();
        Map<String, DirectorateService> servicesById = new HashMap<>();
        for (StaffTeamHistory p : periods) {
            if (p.teamId() != null) {
                teams.computeIfAbsent(p.teamId(), t -> tree.find(person.organisationId(), t).orElse(null));
            } else if (p.serviceId() != null) {
                servicesById.computeIfAbsent(p.serviceId(), s -> services.findById(s).orElse(null));
            }
        }
        List<TeamPeriod> teamPeriods = periods.stream().map(p -> {
            TeamPeriod period = new TeamPeriod(p.fromDate());
            period.setToDate(p.toDate());
            TeamTree.TeamInOrganisation t = p.teamId() == null ? null : teams.get(p.teamId());
            if (t != null) {
                period.setTeam(new TeamRef(UUID.fromString(t.teamId()), t.teamName()));
                period.setService(new ServiceRef(UUID.fromString(t.serviceId()), t.serviceName()));
            } else if (p.serviceId() != null && servicesById.get(p.serviceId()) != null) {
                DirectorateService s = servicesById.get(p.serviceId());
                period.setService(new ServiceRef(UUID.fromString(s.id()), s.name()));
            }
            return period;
        }).toList();
        AttributeTimeline timeline = attributes.timeline(person);
        return new StaffHistory(teamPeriods, relations.historyOf(person.id()),
                timeline.periods().stream().map(StaffMapper::toDto).toList(),
                timeline.changes().stream().map(StaffMapper::toDto).toList());
    }

    // ---- helpers

    private StaffView find(Caller caller, String id) {
        return queries.find(caller.organisationId(), id, today())
                .orElseThrow(() -> Problems.notFound("Member of staff " + id));
    }

    private record Placement(String teamId, String serviceId) {
    }

    private Placement placement(String org, UUID teamId, UUID serviceId, String teamPointer, String servicePointer) {
        if (teamId != null) {
            TeamTree.TeamInOrganisation team = tree.find(org, teamId.toString())
                    .orElseThrow(() -> Problems.rule(teamPointer, "There is no such team in your organisation."));
            return new Placement(team.teamId(), team.serviceId());
        }
        if (serviceId != null) {
            DirectorateService service = services.findByIdAndOrganisationId(serviceId.toString(), org)
                    .orElseThrow(() -> Problems.rule(servicePointer, "There is no such service in your organisation."));
            return new Placement(null, service.id());
        }
        return new Placement(null, null);
    }

    private Staff activeColleague(String org, String staffId, String pointer) {
        Staff s = staff.findByIdAndOrganisationId(staffId, org)
                .orElseThrow(() -> Problems.rule(pointer, "There is no such member of staff in your organisation."));
        if (s.hasLeftBy(today())) {
            throw Problems.rule(pointer, s.displayName() + " has left and cannot supervise.");
        }
        return s;
    }

    private static void checkFields(LocalDate employmentStart, LocalDate postStart, Boolean carriesCaseload, Integer caseloadSize) {
        if (postStart.isBefore(employmentStart)) {
            throw Problems.rule("/postStartDate", "The start in the current post cannot be before the employment start date.");
        }
        if (!Boolean.TRUE.equals(carriesCaseload) && caseloadSize != null && caseloadSize > 0) {
            throw Problems.rule("/caseloadSize", "A caseload size is only for staff who carry a caseload.");
        }
    }

    private static String normaliseEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String changedFields(Staff a, Staff b) {
        List<String> changed = new ArrayList<>();
        if (!Objects.equals(a.givenName(), b.givenName()) || !Objects.equals(a.familyName(), b.familyName())) changed.add("name");
        if (!Objects.equals(a.email(), b.email())) changed.add("email");
        if (!Objects.equals(a.jobTitle(), b.jobTitle())) changed.add("jobTitle");
        if (!Objects.equals(a.category(), b.category())) changed.add("category");
        if (!Objects.equals(a.employmentType(), b.employmentType())) changed.add("employmentType");
        if (a.weeklyHours().compareTo(b.weeklyHours()) != 0) changed.add("weeklyHours");
        if (!Objects.equals(a.employmentStartDate(), b.employmentStartDate())) changed.add("employmentStartDate");
        if (!Objects.equals(a.postStartDate(), b.postStartDate())) changed.add("postStartDate");
        if (a.carriesCaseload() != b.carriesCaseload() || !Objects.equals(a.caseloadSize(), b.caseloadSize())) changed.add("caseload");
        if (!Objects.equals(a.externalRef(), b.externalRef())) changed.add("externalRef");
        return changed.isEmpty() ? "no change" : "changed " + String.join(", ", changed);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    /** An inclusive window of days asked for by a list's query parameters; either end may be open. */
    public record DateWindow(LocalDate from, LocalDate to) {
        void check(String fromParameter, String toParameter) {
            if (from != null && to != null && to.isBefore(from)) {
                throw Problems.badParameter(toParameter, toParameter + " (" + to + ") is before " + fromParameter + " (" + from + ").");
            }
        }
    }
}

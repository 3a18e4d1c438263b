package uk.supervision.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.transaction.annotation.Transactional;
import uk.supervision.activitylog.ActivityService;
import uk.supervision.api.AccountApi;
import uk.supervision.api.model.ActivityPage;
import uk.supervision.api.model.ListMyActivityRecordTypeParameter;
import uk.supervision.api.model.Me;
import uk.supervision.api.model.OrganisationRef;
import uk.supervision.api.model.Role;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.security.CallerProvider;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffQueries;
import uk.supervision.staff.StaffView;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.team.DirectorateService;
import uk.supervision.team.DirectorateServiceRepository;
import uk.supervision.team.OrganisationRepository;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MeController implements AccountApi {
    private final CallerProvider callers;
    private final AccountRepository accounts;
    private final OrganisationRepository organisations;
    private final StaffQueries staff;
    private final SupervisionRelationRepository relations;
    private final AccessPolicy access;
    private final ActivityService activity;
    private final DirectorateServiceRepository services;
    private final Clock clock;

    public MeController(CallerProvider callers, AccountRepository accounts, OrganisationRepository organisations,
                        StaffQueries staff, SupervisionRelationRepository relations, AccessPolicy access,
                        ActivityService activity, DirectorateServiceRepository services, Clock clock) {
        this.activity = activity;
        this.services = services;
        this.callers = callers;
        this.accounts = accounts;
        this.organisations = organisations;
        this.staff = staff;
        this.relations = relations;
        this.access = access;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public HttpResponse<Me> getMe() {
        Caller caller = callers.person();
        Account account = accounts.findById(caller.accountId()).orElseThrow();
        var organisation = organisations.findById(account.organisationId()).orElseThrow();
        LocalDate today = LocalDate.now(clock);
        List<uk.supervision.api.model.StaffRef> supervisors = new ArrayList<>();
        List<uk.supervision.api.model.Staff> supervisees = new ArrayList<>();
        StaffView self = null;
        if (account.staffId() != null) {
            self = staff.find(account.organisationId(), account.staffId(), today).orElse(null);
            if (self != null && self.supervisor() != null) {
                supervisors.add(self.supervisor());
            }
            // All current supervisees in one keyset query (never one query per person).
            java.util.Set<String> superviseeIds = new java.util.HashSet<>();
            for (SupervisionRelation r : relations.findCurrentBySupervisors(List.of(account.staffId()), today)) {
                superviseeIds.add(r.superviseeId());
            }
            if (!superviseeIds.isEmpty()) {
                // A relation alone shows nobody's record: each supervisee is checked as a read of them would be.
                access.readableStaff(caller, staff.page(account.organisationId(), new AccessPolicy.StaffScope(false, java.util.Set.of(), superviseeIds),
                                new StaffQueries.Filter(null, null, null, null, "current", null, today), null, 500), StaffView::staff)
                        .forEach(v -> supervisees.add(StaffMapper.toDto(v)));
            }
        }
        Me me = new Me(UUID.fromString(account.id()), account.username(), account.displayName(),
                caller.roles().stream().sorted().toList(),
                new OrganisationRef(UUID.fromString(organisation.id()), organisation.name()), supervisors, supervisees,
                managedServices(caller));
        if (self != null) {
            me.setStaff(StaffMapper.toDto(self));
        }
        return HttpResponse.ok(me);
    }

    /**
     * The services a service manager's or head of service's grants name, or all of the organisation's for a grant
     * over the whole organisation: their home shows these, whichever service their own staff record is in.
     */
    private List<ServiceRef> managedServices(Caller caller) {
        if (!caller.hasAny(Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE)
                || (!caller.managesWholeOrganisation() && caller.managedServiceIds().isEmpty())) {
            return List.of();
        }
        List<DirectorateService> found = caller.managesWholeOrganisation()
                ? services.findByOrganisationIdOrderByName(caller.organisationId())
                : services.findByIdIn(caller.managedServiceIds()).stream()
                        .filter(s -> s.organisationId().equals(caller.organisationId())).toList();
        return found.stream().sorted(Comparator.comparing(DirectorateService::name).thenComparing(DirectorateService::id))
                .map(s -> new ServiceRef(UUID.fromString(s.id()), s.name())).toList();
    }

    @Override
    public HttpResponse<ActivityPage> listMyActivity(Integer limit, String cursor, ListMyActivityRecordTypeParameter recordType) {
        return HttpResponse.ok(activity.mine(callers.person(), limit, cursor, recordType == null ? null : recordType.getValue()));
    }
}

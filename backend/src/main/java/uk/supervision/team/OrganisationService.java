package uk.supervision.team;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.Service;
import uk.supervision.api.model.ServiceCreate;
import uk.supervision.api.model.ServicePage;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.TeamCreate;
import uk.supervision.api.model.TeamPage;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The directorate's tree: services and their teams. */
@Singleton
public class OrganisationService {
    private final DirectorateServiceRepository services;
    private final TeamRepository teams;
    private final TeamTree tree;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final Idempotency idempotency;
    private final Clock clock;

    public OrganisationService(DirectorateServiceRepository services, TeamRepository teams, TeamTree tree,
                               AccessPolicy access, ActivityLog activityLog, Idempotency idempotency, Clock clock) {
        this.services = services;
        this.teams = teams;
        this.tree = tree;
        this.access = access;
        this.activityLog = activityLog;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ServicePage listServices(Caller caller, Integer limit, String cursor) {
        access.requireReadOrganisation(caller);
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode(CursorList.SERVICES, cursor, 2);
        List<DirectorateService> rows = services.page(caller.organisationId(),
                after == null ? "" : after.get(0), after == null ? "" : after.get(1), size + 1);
        boolean more = rows.size() > size;
        List<DirectorateService> page = more ? rows.subList(0, size) : rows;
        Map<String, List<Team>> teamsByService = teams.findByServiceIdInOrderByName(
                        page.stream().map(DirectorateService::id).toList()).stream()
                .collect(Collectors.groupingBy(Team::serviceId));
        Map<String, Integer> counts = tree.staffCounts(teamsByService.values().stream()
                .flatMap(List::stream).map(Team::id).toList());
        List<Service> items = new ArrayList<>();
        for (DirectorateService s : page) {
            ServiceRef ref = new ServiceRef(UUID.fromString(s.id()), s.name());
            List<uk.supervision.api.model.Team> teamDtos = teamsByService.getOrDefault(s.id(), List.of()).stream()
                    .map(t -> toDto(t, ref, counts.getOrDefault(t.id(), 0))).toList();
            items.add(new Service(UUID.fromString(s.id()), s.name(), teamDtos));
        }
        ServicePage result = new ServicePage(items);
        if (more) {
            DirectorateService last = page.get(page.size() - 1);
            result.setNextCursor(Cursor.encode(CursorList.SERVICES, last.name(), last.id()));
        }
        return result;
    }

    @Transactional
    public Service createService(Caller caller, ServiceCreate body, String idempotencyKey) {
        access.requireAdministrator(caller);
        var previous = idempotency.previous(caller, idempotencyKey, "createService", body);
        if (previous.isPresent()) {
            DirectorateService s = services.findById(previous.get()).orElseThrow();
            return new Service(UUID.fromString(s.id()), s.name(), List.of());
        }
        String name = body.getName().trim();
        if (services.existsByOrganisationIdAndName(caller.organisationId(), name)) {
            throw Problems.conflict("There is already a service called " + name + ".");
        }
        DirectorateService saved = services.save(new DirectorateService(Ids.newId(), caller.organisationId(), name, clock.instant()));
        idempotency.remember(caller, idempotencyKey, "createService", body, saved.id());
        activityLog.record(caller, "SERVICE_CREATED", "service", saved.id(), name);
        return new Service(UUID.fromString(saved.id()), saved.name(), List.of());
    }

    @Transactional(readOnly = true)
    public TeamPage listTeams(Caller caller, Integer limit, String cursor, UUID serviceId) {
        access.requireReadOrganisation(caller);
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode(CursorList.TEAMS, cursor, 2);
        List<Team> rows = teams.page(caller.organisationId(), Ids.str(serviceId),
                after == null ? "" : after.get(0), after == null ? "" : after.get(1), size + 1);
        boolean more = rows.size() > size;
        List<Team> page = more ? rows.subList(0, size) : rows;
        Map<String, DirectorateService> serviceById = services.findByIdIn(page.stream().map(Team::serviceId).distinct().toList())
                .stream().collect(Collectors.toMap(DirectorateService::id, Function.identity()));
        Map<String, Integer> counts = tree.staffCounts(page.stream().map(Team::id).toList());
        TeamPage result = new TeamPage(page.stream().map(t -> {
            DirectorateService s = serviceById.get(t.serviceId());
            return toDto(t, new ServiceRef(UUID.fromString(s.id()), s.name()), counts.getOrDefault(t.id(), 0));
        }).toList());
        if (more) {
            Team last = page.get(page.size() - 1);
            result.setNextCursor(Cursor.encode(CursorList.TEAMS, last.name(), last.id()));
        }
        return result;
    }

    @Transactional(readOnly = true)
    public uk.supervision.api.model.Team getTeam(Caller caller, UUID teamId) {
        access.requireReadOrganisation(caller);
        TeamTree.TeamInOrganisation team = tree.find(caller.organisationId(), teamId.toString())
                .orElseThrow(() -> Problems.notFound("Team " + teamId));
        int count = tree.staffCounts(List.of(team.teamId())).getOrDefault(team.teamId(), 0);
        return new uk.supervision.api.model.Team(UUID.fromString(team.teamId()), team.teamName(),
                new ServiceRef(UUID.fromString(team.serviceId()), team.serviceName()), count);
    }

    @Transactional
    public uk.supervision.api.model.Team createTeam(Caller caller, TeamCreate body, String idempotencyKey) {
        access.requireAdministrator(caller);
        var previous = idempotency.previous(caller, idempotencyKey, "createTeam", body);
        if (previous.isPresent()) {
            return getTeam(caller, UUID.fromString(previous.get()));
        }
        DirectorateService service = services.findByIdAndOrganisationId(body.getServiceId().toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/serviceId", "There is no such service in your organisation."));
        String name = body.getName().trim();
        if (teams.existsByServiceIdAndName(service.id(), name)) {
            throw Problems.conflict("There is already a team called " + name + " in " + service.name() + ".");
        }
        Team saved = teams.save(new Team(Ids.newId(), service.id(), name, clock.instant()));
        idempotency.remember(caller, idempotencyKey, "createTeam", body, saved.id());
        activityLog.record(caller, "TEAM_CREATED", "team", saved.id(), name);
        return toDto(saved, new ServiceRef(UUID.fromString(service.id()), service.name()), 0);
    }

    private static uk.supervision.api.model.Team toDto(Team t, ServiceRef service, int count) {
        return new uk.supervision.api.model.Team(UUID.fromString(t.id()), t.name(), service, count);
    }
}

package uk.supervision.team;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.OrganisationApi;
import uk.supervision.api.model.Service;
import uk.supervision.api.model.ServiceCreate;
import uk.supervision.api.model.ServicePage;
import uk.supervision.api.model.Team;
import uk.supervision.api.model.TeamCreate;
import uk.supervision.api.model.TeamPage;
import uk.supervision.security.CallerProvider;

import java.net.URI;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class OrganisationController implements OrganisationApi {
    private final OrganisationService organisation;
    private final CallerProvider callers;

    public OrganisationController(OrganisationService organisation, CallerProvider callers) {
        this.organisation = organisation;
        this.callers = callers;
    }

    @Override
    public HttpResponse<ServicePage> listServices(Integer limit, String cursor) {
        return HttpResponse.ok(organisation.listServices(callers.current(), limit, cursor));
    }

    @Override
    public HttpResponse<Service> createService(ServiceCreate body, String idempotencyKey) {
        Service created = organisation.createService(callers.person(), body, idempotencyKey);
        return HttpResponse.created(created, URI.create("/api/v1/services#" + created.getId()));
    }

    @Override
    public HttpResponse<TeamPage> listTeams(Integer limit, String cursor, UUID serviceId) {
        return HttpResponse.ok(organisation.listTeams(callers.current(), limit, cursor, serviceId));
    }

    @Override
    public HttpResponse<Team> getTeam(UUID teamId) {
        return HttpResponse.ok(organisation.getTeam(callers.current(), teamId));
    }

    @Override
    public HttpResponse<Team> createTeam(TeamCreate body, String idempotencyKey) {
        Team created = organisation.createTeam(callers.person(), body, idempotencyKey);
        return HttpResponse.created(created, URI.create("/api/v1/teams/" + created.getId()));
    }
}

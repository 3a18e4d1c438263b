package uk.supervision.integration;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.IntegrationApi;
import uk.supervision.api.model.MachineClientCreate;
import uk.supervision.api.model.MachineClientPage;
import uk.supervision.api.model.MachineClientRegistration;
import uk.supervision.security.CallerProvider;

import java.net.URI;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class MachineClientController implements IntegrationApi {
    private final MachineClientService clients;
    private final CallerProvider callers;

    public MachineClientController(MachineClientService clients, CallerProvider callers) {
        this.clients = clients;
        this.callers = callers;
    }

    @Override
    public HttpResponse<MachineClientPage> listMachineClients(Integer limit, String cursor) {
        return HttpResponse.ok(clients.list(callers.current(), limit, cursor));
    }

    @Override
    public HttpResponse<MachineClientRegistration> registerMachineClient(MachineClientCreate body) {
        MachineClientRegistration created = clients.register(callers.current(), body);
        return HttpResponse.<MachineClientRegistration>created(created, URI.create("/api/v1/machine-clients#" + created.getClientId()))
                .header("Cache-Control", "no-store");
    }
}

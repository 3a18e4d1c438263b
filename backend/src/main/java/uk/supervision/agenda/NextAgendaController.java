package uk.supervision.agenda;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AgendaApi;
import uk.supervision.api.model.AgendaItemCreate;
import uk.supervision.api.model.ProposedAgendaItem;
import uk.supervision.security.CallerProvider;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class NextAgendaController implements AgendaApi {
    private final NextAgenda agenda;
    private final CallerProvider callers;

    public NextAgendaController(NextAgenda agenda, CallerProvider callers) {
        this.agenda = agenda;
        this.callers = callers;
    }

    @Override
    public HttpResponse<ProposedAgendaItem> proposeAgendaItem(UUID staffId, AgendaItemCreate body, String idempotencyKey) {
        NextAgenda.Added added = agenda.propose(callers.person(), staffId, body, idempotencyKey);
        MutableHttpResponse<ProposedAgendaItem> response = HttpResponse.created(added.item());
        return added.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }
}

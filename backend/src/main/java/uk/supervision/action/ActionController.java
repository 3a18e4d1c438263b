package uk.supervision.action;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.ActionApi;
import uk.supervision.api.model.Action;
import uk.supervision.api.model.ActionCreate;
import uk.supervision.api.model.ActionPage;
import uk.supervision.api.model.ActionStatus;
import uk.supervision.api.model.ActionUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ActionController implements ActionApi {
    private final ActionService actions;
    private final CallerProvider callers;

    public ActionController(ActionService actions, CallerProvider callers) {
        this.actions = actions;
        this.callers = callers;
    }

    @Override
    public HttpResponse<ActionPage> listActions(Integer limit, String cursor, UUID ownerId, UUID superviseeId, UUID teamId,
                                                ActionStatus status, Boolean overdue) {
        return HttpResponse.ok(actions.list(callers.person(), limit, cursor, ownerId, superviseeId, teamId, status, overdue));
    }

    @Override
    public HttpResponse<Action> createAction(ActionCreate body, String idempotencyKey) {
        ActionService.Created created = actions.create(callers.person(), body, idempotencyKey);
        MutableHttpResponse<Action> response = HttpResponse.created(created.action(), URI.create("/api/v1/actions/" + created.action().getId()))
                .header("ETag", ETags.of(created.action().getVersion()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<Action> updateAction(UUID actionId, ActionUpdate body, String ifMatch) {
        Action updated = actions.update(callers.person(), actionId, body, ifMatch);
        return HttpResponse.ok(updated).header("ETag", ETags.of(updated.getVersion()));
    }

    @Override
    public HttpResponse<Void> deleteAction(UUID actionId, String ifMatch) {
        actions.delete(callers.person(), actionId, ifMatch);
        return HttpResponse.noContent();
    }
}

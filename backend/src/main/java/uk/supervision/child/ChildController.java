package uk.supervision.child;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.ChildApi;
import uk.supervision.api.model.Child;
import uk.supervision.api.model.ChildCreate;
import uk.supervision.api.model.ChildPage;
import uk.supervision.api.model.ChildUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ChildController implements ChildApi {
    private final ChildService children;
    private final CallerProvider callers;

    public ChildController(ChildService children, CallerProvider callers) {
        this.children = children;
        this.callers = callers;
    }

    @Override
    public HttpResponse<ChildPage> listChildren(Integer limit, String cursor, String q, String caseNumber, UUID allocatedWorkerId) {
        return HttpResponse.ok(children.list(callers.current(), limit, cursor, q, caseNumber, allocatedWorkerId));
    }

    @Override
    public HttpResponse<Child> createChild(ChildCreate body, String idempotencyKey) {
        ChildService.Created created = children.create(callers.current(), body, idempotencyKey);
        MutableHttpResponse<Child> response = HttpResponse.created(created.child(), URI.create("/api/v1/children/" + created.child().getId()))
                .header("ETag", ETags.of(created.child().getVersion()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<Child> getChild(UUID childId) {
        Child child = children.get(callers.current(), childId);
        return HttpResponse.ok(child).header("ETag", ETags.of(child.getVersion()));
    }

    @Override
    public HttpResponse<Child> updateChild(UUID childId, ChildUpdate body, String ifMatch) {
        Child child = children.update(callers.current(), childId, body, ifMatch);
        return HttpResponse.ok(child).header("ETag", ETags.of(child.getVersion()));
    }
}

package uk.supervision.handover;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.HandoverApi;
import uk.supervision.api.model.Session;
import uk.supervision.api.model.SessionTransfer;
import uk.supervision.api.model.SupervisionHandover;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class HandoverController implements HandoverApi {
    private final HandoverService handovers;
    private final CallerProvider callers;

    public HandoverController(HandoverService handovers, CallerProvider callers) {
        this.handovers = handovers;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SupervisionHandover> getSupervisionHandover(UUID staffId) {
        return HttpResponse.ok(handovers.handover(callers.person(), staffId));
    }

    @Override
    public HttpResponse<Session> transferSession(UUID sessionId, SessionTransfer body, String ifMatch) {
        Session s = handovers.transfer(callers.person(), sessionId, body, ifMatch);
        return HttpResponse.ok(s).header("ETag", ETags.of(s.getVersion()));
    }
}

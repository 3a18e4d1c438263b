package uk.supervision.sessionrequest;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.SessionRequestApi;
import uk.supervision.api.model.SessionRequest;
import uk.supervision.api.model.SessionRequestBooking;
import uk.supervision.api.model.SessionRequestCreate;
import uk.supervision.api.model.SessionRequestDeclination;
import uk.supervision.api.model.SessionRequestPage;
import uk.supervision.api.model.SessionRequestStatus;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SessionRequestController implements SessionRequestApi {
    private final SessionRequestService requests;
    private final CallerProvider callers;

    public SessionRequestController(SessionRequestService requests, CallerProvider callers) {
        this.requests = requests;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SessionRequestPage> listSessionRequests(Integer limit, String cursor, SessionRequestStatus status, UUID superviseeId) {
        return HttpResponse.ok(requests.list(callers.person(), limit, cursor, status, superviseeId));
    }

    @Override
    public HttpResponse<SessionRequest> requestSession(SessionRequestCreate body, String idempotencyKey) {
        SessionRequestService.Made made = requests.request(callers.person(), body, idempotencyKey);
        MutableHttpResponse<SessionRequest> response = HttpResponse.created(made.request())
                .header("ETag", ETags.of(made.request().getVersion()));
        return made.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<SessionRequest> getSessionRequest(UUID requestId) {
        return withETag(requests.get(callers.person(), requestId));
    }

    @Override
    public HttpResponse<SessionRequest> bookSessionRequest(UUID requestId, SessionRequestBooking body, String ifMatch) {
        return withETag(requests.book(callers.person(), requestId, body, ifMatch));
    }

    @Override
    public HttpResponse<SessionRequest> declineSessionRequest(UUID requestId, SessionRequestDeclination body, String ifMatch) {
        return withETag(requests.decline(callers.person(), requestId, body, ifMatch));
    }

    private static HttpResponse<SessionRequest> withETag(SessionRequest r) {
        return HttpResponse.ok(r).header("ETag", ETags.of(r.getVersion()));
    }
}

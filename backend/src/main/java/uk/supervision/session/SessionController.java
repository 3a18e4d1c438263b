package uk.supervision.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.SessionApi;
import uk.supervision.api.model.Session;
import uk.supervision.api.model.SessionCancellation;
import uk.supervision.api.model.SessionHeld;
import uk.supervision.api.model.SessionPage;
import uk.supervision.api.model.SessionPlan;
import uk.supervision.api.model.SessionPostponement;
import uk.supervision.api.model.SessionReschedule;
import uk.supervision.api.model.SessionStatus;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SessionController implements SessionApi {
    private final SessionService sessions;
    private final CallerProvider callers;

    public SessionController(SessionService sessions, CallerProvider callers) {
        this.sessions = sessions;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SessionPage> listSessions(Integer limit, String cursor, UUID superviseeId, UUID supervisorId,
                                                 LocalDate from, LocalDate to, SessionStatus status) {
        return HttpResponse.ok(sessions.list(callers.person(), limit, cursor, superviseeId, supervisorId, from, to, status));
    }

    @Override
    public HttpResponse<SessionPage> planSessions(SessionPlan body, String idempotencyKey) {
        SessionService.Booked booked = sessions.plan(callers.person(), body, idempotencyKey);
        MutableHttpResponse<SessionPage> response = HttpResponse.created(booked.sessions(),
                URI.create("/api/v1/sessions/" + booked.sessions().getItems().get(0).getId()));
        return booked.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<Session> getSession(UUID sessionId) {
        return withETag(sessions.get(callers.person(), sessionId));
    }

    @Override
    public HttpResponse<Session> rescheduleSession(UUID sessionId, SessionReschedule body, String ifMatch) {
        return withETag(sessions.reschedule(callers.person(), sessionId, body, ifMatch));
    }

    @Override
    public HttpResponse<Session> postponeSession(UUID sessionId, SessionPostponement body, String ifMatch) {
        return withETag(sessions.postpone(callers.person(), sessionId, body, ifMatch));
    }

    @Override
    public HttpResponse<Session> cancelSession(UUID sessionId, SessionCancellation body, String ifMatch) {
        return withETag(sessions.cancel(callers.person(), sessionId, body, ifMatch));
    }

    @Override
    public HttpResponse<Session> markSessionHeld(UUID sessionId, SessionHeld body, String ifMatch) {
        return withETag(sessions.markHeld(callers.person(), sessionId, body, ifMatch));
    }

    private static HttpResponse<Session> withETag(Session s) {
        return HttpResponse.ok(s).header("ETag", ETags.of(s.getVersion()));
    }
}

package uk.supervision.session;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.CadenceApi;
import uk.supervision.api.model.SessionDates;
import uk.supervision.security.CallerProvider;

import java.time.LocalDate;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class SessionDatesController implements CadenceApi {
    private final SessionDatesService dates;
    private final CallerProvider callers;

    public SessionDatesController(SessionDatesService dates, CallerProvider callers) {
        this.dates = dates;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SessionDates> previewSessionDates(UUID staffId, Integer count, LocalDate first, LocalDate after, Integer intervalWeeks) {
        return HttpResponse.ok(dates.preview(callers.person(), staffId, count, first, after, intervalWeeks));
    }
}

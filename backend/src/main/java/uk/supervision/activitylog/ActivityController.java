package uk.supervision.activitylog;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.server.types.files.FileCustomizableResponseType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.ActivityApi;
import uk.supervision.api.model.ActivityPage;
import uk.supervision.security.Caller;
import uk.supervision.security.CallerProvider;

import java.time.OffsetDateTime;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ActivityController implements ActivityApi {
    private static final MediaType CSV = MediaType.of("text/csv; charset=utf-8");

    private final ActivityService activity;
    private final CallerProvider callers;

    public ActivityController(ActivityService activity, CallerProvider callers) {
        this.activity = activity;
        this.callers = callers;
    }

    @Override
    public HttpResponse<ActivityPage> searchActivity(Integer limit, String cursor, UUID subjectId, String recordType, String recordId,
                                                     UUID actorId, OffsetDateTime from, OffsetDateTime to) {
        Caller caller = callers.person();
        return HttpResponse.ok(activity.search(caller, ActivityService.filter(caller, subjectId, recordType, recordId, actorId, from, to),
                limit, cursor));
    }

    @Override
    public HttpResponse<FileCustomizableResponseType> exportActivity(UUID subjectId, String recordType, String recordId, UUID actorId,
                                                                     OffsetDateTime from, OffsetDateTime to) {
        Caller caller = callers.person();
        ActivityQueries.Filter filter = ActivityService.filter(caller, subjectId, recordType, recordId, actorId, from, to);
        activity.startExport(caller, filter);
        ActivityCsv csv = new ActivityCsv(after -> activity.exportPage(filter, after, ActivityCsv.PAGE));
        return HttpResponse.ok(new StreamedFile(csv, CSV).attach("activity.csv"));
    }
}

package uk.supervision.auditsample;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AuditSampleApi;
import uk.supervision.api.model.AuditSample;
import uk.supervision.api.model.AuditSampleCreate;
import uk.supervision.api.model.AuditSamplePage;
import uk.supervision.api.model.AuditSchedule;
import uk.supervision.security.CallerProvider;

import java.net.URI;
import java.util.UUID;

/** The quarterly samples (quality assurance auditors) and the audits due from the caller; machine clients are refused (403). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditSampleController implements AuditSampleApi {
    private final AuditSampleService samples;
    private final AuditScheduleService schedule;
    private final CallerProvider callers;

    public AuditSampleController(AuditSampleService samples, AuditScheduleService schedule, CallerProvider callers) {
        this.samples = samples;
        this.schedule = schedule;
        this.callers = callers;
    }

    @Override
    public HttpResponse<AuditSamplePage> listAuditSamples(Integer limit, String cursor) {
        return HttpResponse.ok(samples.list(callers.person(), limit, cursor));
    }

    @Override
    public HttpResponse<AuditSample> drawAuditSample(AuditSampleCreate body, String idempotencyKey) {
        AuditSampleService.Created created = samples.draw(callers.person(), body, idempotencyKey);
        MutableHttpResponse<AuditSample> response = HttpResponse.created(created.sample(),
                URI.create("/api/v1/audit-samples/" + created.sample().getId()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<AuditSample> getAuditSample(UUID sampleId) {
        return HttpResponse.ok(samples.get(callers.person(), sampleId));
    }

    @Override
    public HttpResponse<AuditSchedule> getAuditSchedule() {
        return HttpResponse.ok(schedule.schedule(callers.person()));
    }
}

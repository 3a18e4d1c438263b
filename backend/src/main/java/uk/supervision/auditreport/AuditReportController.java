package uk.supervision.auditreport;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AuditReportApi;
import uk.supervision.api.model.AuditReport;
import uk.supervision.api.model.AuditReportList;
import uk.supervision.api.model.AuditReportUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.util.UUID;

/** Quarterly audit reports are for people: machine clients are refused every operation (403). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditReportController implements AuditReportApi {
    private final AuditReportService reports;
    private final CallerProvider callers;

    public AuditReportController(AuditReportService reports, CallerProvider callers) {
        this.reports = reports;
        this.callers = callers;
    }

    @Override
    public HttpResponse<AuditReportList> listAuditReports(String quarter) {
        return HttpResponse.ok(reports.list(callers.person(), quarter));
    }

    @Override
    public HttpResponse<AuditReport> getAuditReport(UUID serviceId, String quarter) {
        return withETag(reports.get(callers.person(), serviceId, quarter));
    }

    @Override
    public HttpResponse<AuditReport> updateAuditReport(UUID serviceId, String quarter, AuditReportUpdate body, String ifMatch) {
        return withETag(reports.update(callers.person(), serviceId, quarter, body, ifMatch));
    }

    @Override
    public HttpResponse<AuditReport> signOffAuditReport(UUID serviceId, String quarter, String ifMatch) {
        return withETag(reports.signOff(callers.person(), serviceId, quarter, ifMatch));
    }

    private static HttpResponse<AuditReport> withETag(AuditReport r) {
        return HttpResponse.<AuditReport>status(HttpStatus.OK).body(r).header("ETag", ETags.of(r.getVersion()));
    }
}

package uk.supervision.compliance;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.ComplianceApi;
import uk.supervision.api.model.SuperviseeDashboard;
import uk.supervision.api.model.SupervisionSchedule;
import uk.supervision.security.CallerProvider;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class ComplianceController implements ComplianceApi {
    private final ComplianceService compliance;
    private final CallerProvider callers;

    public ComplianceController(ComplianceService compliance, CallerProvider callers) {
        this.compliance = compliance;
        this.callers = callers;
    }

    @Override
    public HttpResponse<SupervisionSchedule> getSupervisionSchedule(UUID staffId) {
        return HttpResponse.ok(compliance.schedule(callers.person(), staffId));
    }

    @Override
    public HttpResponse<SuperviseeDashboard> getMySuperviseesDashboard() {
        return HttpResponse.ok(compliance.mySupervisees(callers.person()));
    }
}

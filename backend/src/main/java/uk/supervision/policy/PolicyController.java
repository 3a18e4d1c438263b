package uk.supervision.policy;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.PolicyApi;
import uk.supervision.api.model.OrganisationPolicy;
import uk.supervision.api.model.OrganisationPolicyUpdate;
import uk.supervision.api.model.PolicyProfile;
import uk.supervision.api.model.PolicyProfilePage;
import uk.supervision.api.model.PolicyTemplate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class PolicyController implements PolicyApi {
    private final PolicyService policy;
    private final CallerProvider callers;

    public PolicyController(PolicyService policy, CallerProvider callers) {
        this.policy = policy;
        this.callers = callers;
    }

    @Override
    public HttpResponse<PolicyProfilePage> listPolicyProfiles(Integer limit, String cursor) {
        return HttpResponse.ok(policy.list(callers.current(), limit, cursor));
    }

    @Override
    public HttpResponse<PolicyProfile> getPolicyProfile(UUID profileId) {
        return HttpResponse.ok(policy.get(callers.current(), profileId));
    }

    @Override
    public HttpResponse<PolicyTemplate> getPolicyTemplate(UUID templateId) {
        return HttpResponse.ok(policy.template(callers.current(), templateId));
    }

    @Override
    public HttpResponse<OrganisationPolicy> getOrganisationPolicy() {
        PolicyService.OrganisationPolicyView view = policy.organisationPolicy(callers.current());
        return HttpResponse.ok(view.policy()).header("ETag", ETags.of(view.version()));
    }

    @Override
    public HttpResponse<OrganisationPolicy> updateOrganisationPolicy(OrganisationPolicyUpdate body, String ifMatch) {
        PolicyService.OrganisationPolicyView view = policy.update(callers.current(), body, ifMatch);
        return HttpResponse.ok(view.policy()).header("ETag", ETags.of(view.version()));
    }
}

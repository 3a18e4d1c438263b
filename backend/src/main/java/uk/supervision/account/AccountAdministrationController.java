package uk.supervision.account;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AccountsApi;
import uk.supervision.api.model.RoleGrant;
import uk.supervision.api.model.RoleGrantCreate;
import uk.supervision.security.CallerProvider;

import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AccountAdministrationController implements AccountsApi {
    private final AccountAdministration administration;
    private final CallerProvider callers;

    public AccountAdministrationController(AccountAdministration administration, CallerProvider callers) {
        this.administration = administration;
        this.callers = callers;
    }

    @Override
    public HttpResponse<RoleGrant> grantRole(UUID accountId, RoleGrantCreate body) {
        return HttpResponse.status(HttpStatus.CREATED).body(administration.grant(callers.current(), accountId, body));
    }

    @Override
    public HttpResponse<Void> removeRoleGrant(UUID accountId, UUID grantId) {
        administration.remove(callers.current(), accountId, grantId);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<Void> disableAccount(UUID accountId) {
        administration.disable(callers.current(), accountId);
        return HttpResponse.noContent();
    }
}

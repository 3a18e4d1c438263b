package uk.supervision.agreement;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AgreementApi;
import uk.supervision.api.model.Agreement;
import uk.supervision.api.model.AgreementCreate;
import uk.supervision.api.model.AgreementPage;
import uk.supervision.api.model.AgreementStatus;
import uk.supervision.api.model.AgreementUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AgreementController implements AgreementApi {
    private final AgreementService agreements;
    private final CallerProvider callers;

    public AgreementController(AgreementService agreements, CallerProvider callers) {
        this.agreements = agreements;
        this.callers = callers;
    }

    @Override
    public HttpResponse<AgreementPage> listAgreements(Integer limit, String cursor, UUID superviseeId, AgreementStatus status) {
        return HttpResponse.ok(agreements.list(callers.person(), limit, cursor, superviseeId, status));
    }

    @Override
    public HttpResponse<Agreement> createAgreement(AgreementCreate body, String idempotencyKey) {
        return created(agreements.create(callers.person(), body, idempotencyKey));
    }

    @Override
    public HttpResponse<Agreement> getAgreement(UUID agreementId) {
        return withETag(agreements.get(callers.person(), agreementId));
    }

    @Override
    public HttpResponse<Agreement> updateAgreement(UUID agreementId, AgreementUpdate body, String ifMatch) {
        return withETag(agreements.update(callers.person(), agreementId, body, ifMatch));
    }

    @Override
    public HttpResponse<Agreement> submitAgreement(UUID agreementId, String ifMatch) {
        return withETag(agreements.submit(callers.person(), agreementId, ifMatch));
    }

    @Override
    public HttpResponse<Agreement> signAgreement(UUID agreementId, String ifMatch) {
        return withETag(agreements.sign(callers.person(), agreementId, ifMatch));
    }

    @Override
    public HttpResponse<Agreement> reviewAgreement(UUID agreementId, String idempotencyKey) {
        return created(agreements.review(callers.person(), agreementId, idempotencyKey));
    }

    @Override
    public HttpResponse<AgreementPage> listAgreementVersions(UUID agreementId) {
        return HttpResponse.ok(agreements.versions(callers.person(), agreementId));
    }

    private static HttpResponse<Agreement> created(AgreementService.Created result) {
        Agreement a = result.agreement();
        MutableHttpResponse<Agreement> response = HttpResponse.created(a, URI.create("/api/v1/agreements/" + a.getId()))
                .header("ETag", ETags.of(a.getVersion()));
        return result.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    private static HttpResponse<Agreement> withETag(Agreement a) {
        return HttpResponse.ok(a).header("ETag", ETags.of(a.getVersion()));
    }
}

package uk.supervision.audit;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.AuditApi;
import uk.supervision.api.model.Audit;
import uk.supervision.api.model.AuditCreate;
import uk.supervision.api.model.AuditEvidence;
import uk.supervision.api.model.AuditPage;
import uk.supervision.api.model.AuditStatus;
import uk.supervision.api.model.AuditUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.util.UUID;

/** Supervision file audits are for people: machine clients are refused every operation (403). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class AuditController implements AuditApi {
    private final AuditService audits;
    private final AuditEvidenceService evidence;
    private final CallerProvider callers;

    public AuditController(AuditService audits, AuditEvidenceService evidence, CallerProvider callers) {
        this.audits = audits;
        this.evidence = evidence;
        this.callers = callers;
    }

    @Override
    public HttpResponse<AuditPage> listAudits(Integer limit, String cursor, AuditStatus status, String quarter, UUID superviseeId,
                                              UUID serviceId, Boolean mine) {
        return HttpResponse.ok(audits.list(callers.person(), limit, cursor, status, quarter, superviseeId, serviceId, mine));
    }

    @Override
    public HttpResponse<Audit> createAudit(AuditCreate body, String idempotencyKey) {
        AuditService.Created created = audits.create(callers.person(), body, idempotencyKey);
        MutableHttpResponse<Audit> response = HttpResponse.created(created.audit(),
                URI.create("/api/v1/audits/" + created.audit().getId())).header("ETag", ETags.of(created.audit().getVersion()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<Audit> getAudit(UUID auditId) {
        return withETag(audits.get(callers.person(), auditId));
    }

    @Override
    public HttpResponse<Audit> updateAudit(UUID auditId, AuditUpdate body, String ifMatch) {
        return withETag(audits.update(callers.person(), auditId, body, ifMatch));
    }

    @Override
    public HttpResponse<Void> deleteAudit(UUID auditId, String ifMatch) {
        audits.delete(callers.person(), auditId, ifMatch);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<Audit> completeAudit(UUID auditId, String ifMatch) {
        return withETag(audits.complete(callers.person(), auditId, ifMatch));
    }

    @Override
    public HttpResponse<AuditEvidence> getAuditEvidence(UUID auditId) {
        return HttpResponse.ok(evidence.evidence(callers.person(), auditId));
    }

    private static HttpResponse<Audit> withETag(Audit a) {
        return HttpResponse.<Audit>status(HttpStatus.OK).body(a).header("ETag", ETags.of(a.getVersion()));
    }
}

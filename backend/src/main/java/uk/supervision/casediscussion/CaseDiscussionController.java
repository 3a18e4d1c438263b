package uk.supervision.casediscussion;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.CaseDiscussionApi;
import uk.supervision.api.model.CaseDiscussion;
import uk.supervision.api.model.CaseDiscussionCreate;
import uk.supervision.api.model.CaseDiscussionPage;
import uk.supervision.api.model.CaseDiscussionStatus;
import uk.supervision.api.model.CaseDiscussionUpdate;
import uk.supervision.security.CallerProvider;
import uk.supervision.support.ETags;

import java.net.URI;
import java.util.UUID;

/** Case discussions are for people: machine clients are refused every operation (403). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class CaseDiscussionController implements CaseDiscussionApi {
    private final CaseDiscussionService discussions;
    private final CallerProvider callers;

    public CaseDiscussionController(CaseDiscussionService discussions, CallerProvider callers) {
        this.discussions = discussions;
        this.callers = callers;
    }

    @Override
    public HttpResponse<CaseDiscussionPage> listCaseDiscussions(Integer limit, String cursor, UUID superviseeId, UUID childId, UUID sessionId,
                                                                CaseDiscussionStatus status) {
        return HttpResponse.ok(discussions.list(callers.person(), limit, cursor, superviseeId, childId, sessionId, status));
    }

    @Override
    public HttpResponse<CaseDiscussion> createCaseDiscussion(CaseDiscussionCreate body, String idempotencyKey) {
        CaseDiscussionService.Created created = discussions.create(callers.person(), body, idempotencyKey);
        MutableHttpResponse<CaseDiscussion> response = HttpResponse.created(created.discussion(),
                URI.create("/api/v1/case-discussions/" + created.discussion().getId())).header("ETag", ETags.of(created.discussion().getVersion()));
        return created.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<CaseDiscussion> getCaseDiscussion(UUID caseDiscussionId) {
        return withETag(discussions.get(callers.person(), caseDiscussionId));
    }

    @Override
    public HttpResponse<CaseDiscussion> updateCaseDiscussion(UUID caseDiscussionId, CaseDiscussionUpdate body, String ifMatch) {
        return withETag(discussions.update(callers.person(), caseDiscussionId, body, ifMatch));
    }

    @Override
    public HttpResponse<Void> deleteCaseDiscussion(UUID caseDiscussionId, String ifMatch) {
        discussions.delete(callers.person(), caseDiscussionId, ifMatch);
        return HttpResponse.noContent();
    }

    @Override
    public HttpResponse<CaseDiscussion> signCaseDiscussion(UUID caseDiscussionId, String ifMatch) {
        return withETag(discussions.sign(callers.person(), caseDiscussionId, ifMatch));
    }

    private static HttpResponse<CaseDiscussion> withETag(CaseDiscussion d) {
        return HttpResponse.<CaseDiscussion>status(HttpStatus.OK).body(d).header("ETag", ETags.of(d.getVersion()));
    }
}

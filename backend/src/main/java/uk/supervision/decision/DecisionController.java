package uk.supervision.decision;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.DecisionApi;
import uk.supervision.api.model.CaseDecision;
import uk.supervision.api.model.CaseDecisionAcknowledgement;
import uk.supervision.api.model.CaseDecisionPage;
import uk.supervision.api.model.ChildVoiceRecorded;
import uk.supervision.api.model.DecisionsFiled;
import uk.supervision.api.model.ManagementDecisionCreate;
import uk.supervision.security.CallerProvider;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class DecisionController implements DecisionApi {
    private final ManagementDecisions management;
    private final CaseDecisionFeed feed;
    private final DecisionsFiledMeasure filed;
    private final ChildVoiceMeasure childVoice;
    private final CallerProvider callers;

    public DecisionController(ManagementDecisions management, CaseDecisionFeed feed, DecisionsFiledMeasure filed,
                              ChildVoiceMeasure childVoice, CallerProvider callers) {
        this.management = management;
        this.feed = feed;
        this.filed = filed;
        this.childVoice = childVoice;
        this.callers = callers;
    }

    @Override
    public HttpResponse<CaseDecision> recordManagementDecision(ManagementDecisionCreate body, String idempotencyKey) {
        CaseDecision d = management.record(callers.current(), body, idempotencyKey).decision();
        return HttpResponse.created(d, URI.create("/api/v1/case-decisions/" + d.getId()));
    }

    @Override
    public HttpResponse<CaseDecisionPage> listCaseDecisions(Integer limit, String cursor, Boolean acknowledged, UUID childId, UUID teamId) {
        return HttpResponse.ok(feed.list(callers.current(), limit, cursor, acknowledged, childId, teamId));
    }

    @Override
    public HttpResponse<CaseDecision> getCaseDecision(UUID decisionId) {
        return HttpResponse.ok(feed.get(callers.current(), decisionId.toString()));
    }

    @Override
    public HttpResponse<CaseDecision> acknowledgeCaseDecision(UUID decisionId, CaseDecisionAcknowledgement body) {
        return HttpResponse.ok(feed.acknowledge(callers.current(), decisionId.toString(), body.getFiledAs()));
    }

    @Override
    public HttpResponse<DecisionsFiled> getDecisionsFiled(LocalDate from, LocalDate to) {
        return HttpResponse.ok(filed.measure(callers.current(), from, to));
    }

    @Override
    public HttpResponse<ChildVoiceRecorded> getChildVoiceRecorded(LocalDate from, LocalDate to) {
        return HttpResponse.ok(childVoice.measure(callers.current(), from, to));
    }
}

package uk.supervision.questionnaire;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import uk.supervision.api.QuestionnaireApi;
import uk.supervision.api.model.AuditCrossCheck;
import uk.supervision.api.model.AuditDisagreements;
import uk.supervision.api.model.InvitationStatus;
import uk.supervision.api.model.Questionnaire;
import uk.supervision.api.model.QuestionnaireAnswerSheet;
import uk.supervision.api.model.QuestionnaireInvitationPage;
import uk.supervision.api.model.QuestionnaireList;
import uk.supervision.api.model.QuestionnaireReceipt;
import uk.supervision.api.model.QuestionnaireResponseCreate;
import uk.supervision.api.model.QuestionnaireResults;
import uk.supervision.api.model.QuestionnaireRound;
import uk.supervision.api.model.QuestionnaireRoundCreate;
import uk.supervision.security.CallerProvider;

import java.net.URI;
import java.util.UUID;

/** The Part 2 questionnaire is for people: machine clients are refused every operation (403). */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
public class QuestionnaireController implements QuestionnaireApi {
    private final QuestionnaireService questionnaires;
    private final QuestionnaireResultsService results;
    private final CallerProvider callers;

    public QuestionnaireController(QuestionnaireService questionnaires, QuestionnaireResultsService results, CallerProvider callers) {
        this.questionnaires = questionnaires;
        this.results = results;
        this.callers = callers;
    }

    @Override
    public HttpResponse<QuestionnaireReceipt> answerQuestionnaire(UUID invitationId, QuestionnaireResponseCreate body, String idempotencyKey) {
        QuestionnaireService.Receipt r = questionnaires.answer(callers.person(), invitationId, body, idempotencyKey);
        MutableHttpResponse<QuestionnaireReceipt> response = HttpResponse.created(r.receipt(),
                URI.create("/api/v1/questionnaires/" + invitationId));
        return r.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<AuditCrossCheck> getAuditCrossCheck(UUID auditId) {
        return HttpResponse.ok(questionnaires.crossCheck(callers.person(), auditId));
    }

    @Override
    public HttpResponse<QuestionnaireAnswerSheet> getAuditQuestionnaireAnswer(UUID auditId) {
        return HttpResponse.ok(questionnaires.auditAnswer(callers.person(), auditId));
    }

    @Override
    public HttpResponse<Questionnaire> getQuestionnaire(UUID invitationId) {
        return HttpResponse.ok(questionnaires.get(callers.person(), invitationId));
    }

    @Override
    public HttpResponse<QuestionnaireResults> getQuestionnaireResults(String quarter) {
        return HttpResponse.ok(results.results(callers.person(), quarter));
    }

    @Override
    public HttpResponse<QuestionnaireRound> issueQuestionnaireRound(QuestionnaireRoundCreate body, String idempotencyKey) {
        QuestionnaireService.Issued issued = questionnaires.issueRound(callers.person(), body, idempotencyKey);
        MutableHttpResponse<QuestionnaireRound> response = HttpResponse.created(issued.round(),
                URI.create("/api/v1/questionnaire-rounds/" + issued.round().getId()));
        return issued.replayed() ? response.header("Idempotent-Replayed", "true") : response;
    }

    @Override
    public HttpResponse<AuditDisagreements> listAuditDisagreements(String quarter) {
        return HttpResponse.ok(questionnaires.disagreements(callers.person(), quarter));
    }

    @Override
    public HttpResponse<QuestionnaireList> listMyQuestionnaires() {
        return HttpResponse.ok(questionnaires.mine(callers.person()));
    }

    @Override
    public HttpResponse<QuestionnaireInvitationPage> listQuestionnaireInvitations(Integer limit, String cursor, InvitationStatus status) {
        return HttpResponse.ok(questionnaires.listInvitations(callers.person(), limit, cursor, status));
    }
}

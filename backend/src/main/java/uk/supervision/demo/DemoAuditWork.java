package uk.supervision.demo;

import jakarta.inject.Singleton;
import uk.supervision.action.ActionRepository;
import uk.supervision.action.ActionService;
import uk.supervision.api.model.ActionStatus;
import uk.supervision.api.model.ActionUpdate;
import uk.supervision.api.model.Audit;
import uk.supervision.api.model.AuditAction;
import uk.supervision.api.model.AuditAnswer;
import uk.supervision.api.model.AuditCreate;
import uk.supervision.api.model.AuditKind;
import uk.supervision.api.model.AuditReportUpdate;
import uk.supervision.api.model.AuditSample;
import uk.supervision.api.model.AuditSampleCreate;
import uk.supervision.api.model.AuditUpdate;
import uk.supervision.api.model.QualityAnswer;
import uk.supervision.api.model.QuestionnaireResponseCreate;
import uk.supervision.api.model.QuestionnaireRoundCreate;
import uk.supervision.api.model.QuestionnaireStatementAnswer;
import uk.supervision.api.model.QuestionnaireSummary;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.audit.AuditService;
import uk.supervision.audit.Quarter;
import uk.supervision.auditreport.AuditReportService;
import uk.supervision.auditsample.AuditSampleService;
import uk.supervision.demo.DemoSupervision.Person;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;
import uk.supervision.questionnaire.QuestionnaireService;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.ETags;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The verbs of the demo's file audits and Part 2 questionnaires (issue 9), each through the product's own service as
 * the API calls it: a quarterly sample drawn, audits written on the organisation's audit template and completed,
 * questionnaires answered by their invitees, rounds issued, a quarterly report's themes written, an audit's action
 * closed.
 */
@Singleton
class DemoAuditWork {
    private final AuditSampleService samples;
    private final AuditService audits;
    private final QuestionnaireService questionnaires;
    private final AuditReportService reports;
    private final ActionService actions;
    private final ActionRepository repository;
    private final PolicyService policy;
    private final SupervisionRelationRepository relations;
    private final Clock clock;

    DemoAuditWork(AuditSampleService samples, AuditService audits, QuestionnaireService questionnaires, AuditReportService reports,
                  ActionService actions, ActionRepository repository, PolicyService policy, SupervisionRelationRepository relations, Clock clock) {
        this.samples = samples;
        this.audits = audits;
        this.questionnaires = questionnaires;
        this.reports = reports;
        this.actions = actions;
        this.repository = repository;
        this.policy = policy;
        this.relations = relations;
        this.clock = clock;
    }

    /** An audit as the stories follow it: its id and version, and its tracked actions once completed. */
    static final class Followed {
        String id;
        int version;
        String superviseeId;
        String supervisorId;
        final List<String> trackedActionIds = new ArrayList<>();
    }

    /** Draws this quarter's sample; the supervisees' ids in the order drawn. */
    AuditSample draw(Person qa, Quarter quarter, int size, long seed) {
        return samples.draw(qa.caller(), new AuditSampleCreate(quarter.toString(), size).seed(seed), null).sample();
    }

    void start(Person auditor, AuditKind kind, UUID sampleId, String superviseeId, Followed into) {
        AuditCreate create = new AuditCreate(UUID.fromString(superviseeId), kind);
        if (sampleId != null) {
            create.setSampleId(sampleId);
        }
        Audit a = audits.create(auditor.caller(), create, null).audit();
        into.id = a.getId().toString();
        into.version = a.getVersion();
        into.superviseeId = superviseeId;
        into.supervisorId = a.getSupervisor().getId().toString();
    }

    /** The supervisor above the audited supervisor today (for a second action owner), or null at the top. */
    String managerOf(String supervisorId) {
        return relations.currentSupervisorId(supervisorId, LocalDate.now(clock));
    }

    /**
     * Writes the audit's answers for the grade given (every question, or about half of them for a draft left
     * unfinished) and its actions; each action is text, owner staff id, due date.
     */
    void write(Person auditor, Followed audit, String grade, boolean unfinished, List<Object[]> actionsWritten) {
        Audit current = audits.get(auditor.caller(), UUID.fromString(audit.id));
        List<TemplateItemEntity> items = policy.template(current.getTemplateId().toString()).items();
        List<AuditAnswer> answers = new ArrayList<>();
        int n = 0;
        for (TemplateItemEntity item : items) {
            String value = DemoAuditWords.answer(item, grade, n++, LocalDate.now(clock));
            if (value != null && (!unfinished || n % 2 == 1)) {
                answers.add(new AuditAnswer(item.itemKey()).value(value));
            }
        }
        List<AuditAction> written = new ArrayList<>();
        for (Object[] a : actionsWritten) {
            written.add(new AuditAction((String) a[0]).ownerId(UUID.fromString((String) a[1])).dueDate((LocalDate) a[2]));
        }
        Audit updated = audits.update(auditor.caller(), UUID.fromString(audit.id),
                new AuditUpdate(current.getPeriodFrom(), current.getPeriodTo(), answers, written), ETags.of(audit.version));
        audit.version = updated.getVersion();
    }

    void complete(Person auditor, Followed audit) {
        Audit done = audits.complete(auditor.caller(), UUID.fromString(audit.id), ETags.of(audit.version));
        audit.version = done.getVersion();
        done.getActions().stream().filter(a -> a.getTrackedActionId() != null)
                .forEach(a -> audit.trackedActionIds.add(a.getTrackedActionId().toString()));
    }

    /** Answers every questionnaire open to this person, each a little differently. */
    void answerOpen(Person invitee, int mood) {
        List<QuestionnaireSummary> open = questionnaires.mine(invitee.caller()).getItems();
        for (QuestionnaireSummary q : open) {
            List<String> keys = policy.activeTemplate(invitee.staff().organisationId(), TemplateKind.QUESTIONNAIRE).keys();
            List<QuestionnaireStatementAnswer> answers = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                answers.add(new QuestionnaireStatementAnswer(keys.get(i), DemoAuditWords.quality(mood, i)));
            }
            QuestionnaireResponseCreate body = new QuestionnaireResponseCreate(answers);
            String comment = DemoAuditWords.comment(mood);
            if (comment != null) {
                body.setComment(comment);
            }
            questionnaires.answer(invitee.caller(), q.getInvitationId(), body, null);
            mood++;
        }
    }

    void issueRound(Person qa, String serviceId, String teamId, LocalDate expiresOn) {
        QuestionnaireRoundCreate body = new QuestionnaireRoundCreate(expiresOn);
        if (serviceId != null) {
            body.setServiceId(UUID.fromString(serviceId));
        } else {
            body.setTeamId(UUID.fromString(teamId));
        }
        questionnaires.issueRound(qa.caller(), body, null);
    }

    void writeReport(Person qa, String serviceId, Quarter quarter, String themes, String recommendations) {
        int version = reports.get(qa.caller(), UUID.fromString(serviceId), quarter.toString()).getVersion();
        reports.update(qa.caller(), UUID.fromString(serviceId), quarter.toString(),
                new AuditReportUpdate().themes(themes).recommendations(recommendations), ETags.of(version));
    }

    /** Marks an audit's tracked action done, as the supervisor of the person whose action list holds it. */
    void done(Person by, String actionId) {
        var action = actions.toDtos(repository.findByIdIn(List.of(actionId))).get(0);
        actions.update(by.caller(), action.getId(), new ActionUpdate(action.getOwner().getId(), action.getText(), action.getDueDate(),
                ActionStatus.DONE), ETags.of(action.getVersion()));
    }
}

package uk.supervision.demo;

import jakarta.inject.Singleton;
import uk.supervision.api.model.CaseDiscussion;
import uk.supervision.api.model.CaseDiscussionAction;
import uk.supervision.api.model.CaseDiscussionAnswer;
import uk.supervision.api.model.CaseDiscussionCreate;
import uk.supervision.api.model.CaseDiscussionDecision;
import uk.supervision.api.model.CaseDiscussionStatus;
import uk.supervision.api.model.CaseDiscussionUpdate;
import uk.supervision.api.model.ChildCreate;
import uk.supervision.api.model.ManagementDecisionCreate;
import uk.supervision.api.model.MachineClientCreate;
import uk.supervision.api.model.MachineClientRegistration;
import uk.supervision.api.model.Scope;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.casediscussion.CaseDiscussionService;
import uk.supervision.child.ChildService;
import uk.supervision.decision.CaseDecisionFeed;
import uk.supervision.decision.ManagementDecisions;
import uk.supervision.demo.DemoSupervision.Person;
import uk.supervision.demo.DemoSupervision.Session;
import uk.supervision.integration.MachineClientService;
import uk.supervision.policy.PolicyService;
import uk.supervision.security.Caller;
import uk.supervision.security.Scopes;
import uk.supervision.support.ETags;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The verbs of the demo's case work (issue 8), each through the product's own service as the API calls it:
 * children added by the worker's supervisor, case discussions written and signed by both parties (so their
 * decisions are filed into the feed on the hash chain), decisions recorded between sessions, and the demo's
 * case-management system acknowledging what it has filed.
 */
@Singleton
class DemoCaseWork {
    /** The demo's case-management system: registered like any client; its secret is never kept or logged. */
    static final String CLIENT_NAME = "Case management system (demo)";

    private final ChildService children;
    private final CaseDiscussionService discussions;
    private final ManagementDecisions decisions;
    private final CaseDecisionFeed feed;
    private final MachineClientService clients;
    private final PolicyService policy;

    DemoCaseWork(ChildService children, CaseDiscussionService discussions, ManagementDecisions decisions, CaseDecisionFeed feed,
                 MachineClientService clients, PolicyService policy) {
        this.children = children;
        this.discussions = discussions;
        this.decisions = decisions;
        this.feed = feed;
        this.clients = clients;
        this.policy = policy;
    }

    /** A child as the stories follow it: its id once added. */
    static final class Child {
        String id;
    }

    /** A case discussion as the stories follow it: its id, version, and the ids of its decisions once filed. */
    static final class Discussion {
        String id;
        int version;
        final List<String> decisionIds = new ArrayList<>();
    }

    /** A decision recorded between sessions. */
    static final class Decision {
        String id;
    }

    void addChild(Person supervisor, Person worker, String name, String caseNumber, LocalDate born, Child into) {
        into.id = children.create(supervisor.caller(), new ChildCreate(name, caseNumber, worker.uuid()).dateOfBirth(born), null)
                .child().getId().toString();
    }

    /**
     * Starts the discussion (inside {@code in} when given, else between sessions with {@code supervisee}) and writes
     * it: the template's items answered from the words, the child's view, the decisions and the actions.
     */
    void discuss(Person by, Session in, Person supervisee, Child child, LocalDate on, DemoCaseWords.Discussion words, Discussion into) {
        CaseDiscussionCreate create = new CaseDiscussionCreate(UUID.fromString(child.id)).discussedOn(on);
        if (in != null) {
            create.sessionId(UUID.fromString(in.id));
        } else {
            create.superviseeId(supervisee.uuid());
        }
        CaseDiscussion started = discussions.create(by.caller(), create, null).discussion();
        List<CaseDiscussionAnswer> answers = new ArrayList<>();
        for (String key : policy.activeTemplate(by.staff().organisationId(), TemplateKind.CASE_DISCUSSION).keys()) {
            String text = words.answers().get(key);
            if (text != null) {
                answers.add(new CaseDiscussionAnswer(key, false).text(text));
            }
        }
        List<CaseDiscussionDecision> decided = words.decisions().stream()
                .map(d -> new CaseDiscussionDecision(d[0]).rationale(d[1])).toList();
        List<CaseDiscussionAction> actions = words.actions().stream()
                .map(a -> new CaseDiscussionAction(a.text()).desiredOutcome(a.outcome()).measure(a.measure())
                        .ownerId(ownerOf(started, a.bySupervisor()))
                        .dueDate(on.plusDays(a.dueInDays()))).toList();
        CaseDiscussionUpdate body = new CaseDiscussionUpdate(on, answers, words.childVoice(), decided, actions);
        CaseDiscussion written = discussions.update(by.caller(), started.getId(), body, ETags.of(started.getVersion()));
        into.id = written.getId().toString();
        into.version = written.getVersion();
    }

    private static UUID ownerOf(CaseDiscussion d, boolean supervisor) {
        return supervisor ? d.getSupervisor().getId() : d.getSupervisee().getId();
    }

    /** Signs as it stands; the second signature locks it, and its decisions' ids in the feed are kept for the client. */
    void sign(Person by, Discussion d) {
        CaseDiscussion signed = discussions.sign(by.caller(), UUID.fromString(d.id), ETags.of(d.version));
        d.version = signed.getVersion();
        if (signed.getStatus() == CaseDiscussionStatus.SIGNED) {
            signed.getDecisions().forEach(x -> d.decisionIds.add(x.getCaseDecisionId().toString()));
        }
    }

    void decide(Person by, Child child, String decision, String rationale, Decision into) {
        into.id = decisions.record(by.caller(), new ManagementDecisionCreate(UUID.fromString(child.id), decision, rationale), null)
                .decision().getId().toString();
    }

    /** Registers the client and returns the caller its access token would make (scopes only; no account, no staff). */
    Caller registerClient(Caller admin) {
        MachineClientRegistration r = clients.register(admin, new MachineClientCreate(CLIENT_NAME, Set.of(Scope.CASE_DECISIONS_READ)));
        return new Caller(null, admin.organisationId(), null, null, Set.of(), Set.of(), false, r.getClientId(),
                Set.of(Scopes.CASE_DECISIONS_READ));
    }

    void acknowledge(Caller client, String decisionId, String filedAs) {
        feed.acknowledge(client, decisionId, filedAs);
    }
}

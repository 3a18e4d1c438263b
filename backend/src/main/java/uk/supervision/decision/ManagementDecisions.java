package uk.supervision.decision;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.CaseDecision;
import uk.supervision.api.model.ManagementDecisionCreate;
import uk.supervision.child.ChildReference;
import uk.supervision.child.ChildRepository;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.HashChain;
import uk.supervision.integrity.SignedContentSource;
import uk.supervision.integrity.SignedItem;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A decision about a child made between sessions (issue 8, item 4): signed by its maker and locked at once,
 * as a signed item of its own (type CASE_DECISION, named by the decision's id) in the organisation's chain,
 * and filed for the case-management system in the same transaction.
 */
@Singleton
public class ManagementDecisions implements SignedContentSource {
    public static final String ITEM_TYPE = "CASE_DECISION";
    /** How far back a decision may be recorded: a week, so the feed stays close to what happened. */
    static final Duration OLDEST = Duration.ofDays(7);
    /** Clocks of tablets and servers differ a little; a decision a minute "in the future" is now. */
    private static final Duration SKEW = Duration.ofMinutes(1);

    private final ChildRepository children;
    private final StaffRepository staff;
    private final AccessPolicy access;
    private final HashChain chain;
    private final DecisionFiling filing;
    private final SignedDecisionRepository decisions;
    private final CaseDecisionFeed feed;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final Canonical canonical;
    private final Clock clock;

    public ManagementDecisions(ChildRepository children, StaffRepository staff, AccessPolicy access, HashChain chain,
                               DecisionFiling filing, SignedDecisionRepository decisions, CaseDecisionFeed feed,
                               Idempotency idempotency, ActivityLog activityLog, Canonical canonical, Clock clock) {
        this.children = children;
        this.staff = staff;
        this.access = access;
        this.chain = chain;
        this.filing = filing;
        this.decisions = decisions;
        this.feed = feed;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.canonical = canonical;
        this.clock = clock;
    }

    @Override
    public List<String> itemTypes() {
        return List.of(ITEM_TYPE);
    }

    /** The signed content rebuilt from the decision row, so verification sees a change to either. */
    @Override
    public Optional<String> liveContent(String itemType, String decisionId) {
        return decisions.findById(decisionId).map(d -> content(d.id(), d.childId(), d.workerStaffId(), d.teamId(), d.decisionText(),
                d.rationale(), d.madeByStaffId(), d.madeByAccountId(), d.decidedAt()));
    }

    public record Recorded(CaseDecision decision, boolean replayed) {
    }

    @Transactional
    public Recorded record(Caller caller, ManagementDecisionCreate body, String idempotencyKey) {
        var previous = idempotency.previous(caller, idempotencyKey, "recordManagementDecision", body);
        if (previous.isPresent()) {
            return new Recorded(feed.recorded(caller, previous.get()), true);
        }
        if (caller.isClient()) {
            throw Problems.forbidden("Decisions are signed by the person who made them, not by a machine client.");
        }
        ChildReference child = children.findById(body.getChildId().toString())
                .filter(c -> c.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("child"));
        Staff worker = staff.findById(child.allocatedWorkerId()).orElseThrow();
        access.requireRecordManagementDecision(caller, worker);
        String text = required(body.getDecision(), "/decision", "Write the decision.");
        String rationale = required(body.getRationale(), "/rationale", "Write why it was decided.");
        // To the second: the signed content is rebuilt from the stored row, and not every database keeps fractions.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant decidedAt = body.getDecidedAt() == null ? now : body.getDecidedAt().toInstant().truncatedTo(ChronoUnit.SECONDS);
        if (decidedAt.isAfter(now.plus(SKEW))) {
            throw Problems.rule("/decidedAt", "The decision cannot have been made in the future.");
        }
        if (decidedAt.isBefore(now.minus(OLDEST))) {
            throw Problems.rule("/decidedAt", "Record a decision within 7 days of making it.");
        }
        String id = Ids.newId();
        SignedItem item = chain.append(caller.organisationId(), ITEM_TYPE, id, content(id, child.id(), worker.id(), worker.teamId(),
                text, rationale, caller.staffId(), caller.accountId(), decidedAt));
        filing.file(id, item, 0, new DecisionFiling.NewDecision(SignedDecision.MANAGEMENT, child.id(), null, worker.id(),
                worker.teamId(), text, rationale, caller.staffId(), caller.accountId(), decidedAt));
        idempotency.remember(caller, idempotencyKey, "recordManagementDecision", body, id);
        activityLog.record(caller, "MANAGEMENT_DECISION_SIGNED", "case_decision", id, "child " + child.id());
        return new Recorded(feed.recorded(caller, id), false);
    }

    private static String required(String value, String pointer, String message) {
        if (value == null || value.isBlank()) {
            throw Problems.invalid(pointer, message);
        }
        return value.strip();
    }

    private String content(String id, String childId, String workerId, String teamId, String text, String rationale,
                           String madeBy, String madeByAccount, Instant decidedAt) {
        Map<String, Object> content = new TreeMap<>();
        content.put("id", id);
        content.put("kind", SignedDecision.MANAGEMENT);
        content.put("childId", childId);
        content.put("worker", workerId);
        content.put("team", Canonical.text(teamId));
        content.put("decision", text);
        content.put("rationale", Canonical.text(rationale));
        content.put("madeBy", madeBy);
        content.put("madeByAccount", madeByAccount);
        content.put("decidedAt", decidedAt.toString());
        return canonical.write(content);
    }
}

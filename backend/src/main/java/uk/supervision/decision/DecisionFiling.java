package uk.supervision.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.SignedItem;
import uk.supervision.security.PasswordHasher;
import uk.supervision.support.Ids;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Files signed decisions for the case-management system's feed. Called inside the signing transaction, after
 * the signed item was appended to the organisation's chain: the chain head stays locked until commit, so feed
 * positions (the chain sequence x 1000 + the decision's place in the item) commit in order, and a client that
 * has read up to a position never misses one committed later below it.
 */
@Singleton
public class DecisionFiling {
    /** Decisions one signed item may carry (the contract allows 50 per case discussion). */
    static final int PER_ITEM = 1000;

    private final SignedDecisionRepository decisions;
    private final Canonical canonical;

    public DecisionFiling(SignedDecisionRepository decisions, Canonical canonical) {
        this.decisions = decisions;
        this.canonical = canonical;
    }

    /** What a decision says and about whom; the filing adds its id, position, signing time and hash. */
    public record NewDecision(String kind, String childId, @Nullable String caseDiscussionId, String workerStaffId,
                              @Nullable String teamId, String text, @Nullable String rationale, String madeByStaffId,
                              String madeByAccountId, Instant decidedAt) {
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SignedDecision file(SignedItem signedIn, int index, NewDecision d) {
        return file(Ids.newId(), signedIn, index, d);
    }

    /** As above, under an id the caller chose (a management decision is its own signed item, named by that id). */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SignedDecision file(String id, SignedItem signedIn, int index, NewDecision d) {
        if (index < 0 || index >= PER_ITEM) {
            throw new IllegalArgumentException("decision index " + index);
        }
        Map<String, Object> content = new TreeMap<>();
        content.put("id", id);
        content.put("kind", d.kind());
        content.put("childId", d.childId());
        content.put("caseDiscussionId", Canonical.text(d.caseDiscussionId()));
        content.put("decision", d.text());
        content.put("rationale", Canonical.text(d.rationale()));
        content.put("madeBy", d.madeByStaffId());
        content.put("decidedAt", d.decidedAt().toString());
        content.put("signedAt", signedIn.createdAt().toString());
        return decisions.save(new SignedDecision(id, signedIn.organisationId(), signedIn.sequenceNo() * PER_ITEM + index,
                d.kind(), d.childId(), d.caseDiscussionId(), d.workerStaffId(), d.teamId(), d.text(), d.rationale(),
                d.madeByStaffId(), d.madeByAccountId(), d.decidedAt(), signedIn.createdAt(),
                PasswordHasher.sha256(canonical.write(content))));
    }
}

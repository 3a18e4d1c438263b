package uk.supervision.decision;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * A signed decision about a child, as offered to the case-management system: from a locked case discussion
 * (CASE_DISCUSSION) or recorded between sessions (MANAGEMENT). Never changed: the table is append-only.
 * The worker and team are as they were when it was signed.
 */
@MappedEntity("case_decision")
public record SignedDecision(@Id String id, String organisationId, long feedPosition, String kind, String childId,
                             @Nullable String caseDiscussionId, String workerStaffId, @Nullable String teamId,
                             String decisionText, @Nullable String rationale, String madeByStaffId, String madeByAccountId,
                             Instant decidedAt, Instant signedAt, String contentHash) {
    public static final String CASE_DISCUSSION = "CASE_DISCUSSION";
    public static final String MANAGEMENT = "MANAGEMENT";
}

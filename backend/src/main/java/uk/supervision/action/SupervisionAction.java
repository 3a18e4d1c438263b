package uk.supervision.action;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action agreed in supervision: open until done or no longer needed; reviewed in each session. One agreed in a
 * case discussion names the discussion and the child, with the desired outcome and how it will be measured.
 */
@MappedEntity("supervision_action")
public record SupervisionAction(@Id String id, String organisationId, String superviseeId, String ownerStaffId, String text,
                                LocalDate dueDate, String status, @Nullable String lastReview, @Nullable String lastReviewNote,
                                @Nullable String createdInSessionId, @Nullable String closedInSessionId, int version,
                                Instant createdAt, Instant updatedAt, @Nullable String caseDiscussionId, @Nullable String childId,
                                @Nullable String desiredOutcome, @Nullable String measure) {
    public static final String OPEN = "OPEN";
}

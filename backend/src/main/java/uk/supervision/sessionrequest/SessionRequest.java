package uk.supervision.sessionrequest;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A supervisee's request for an extra session; preferredDates is a comma-separated list of ISO dates (at most three). */
@MappedEntity("session_request")
public record SessionRequest(@Id String id,
                             String organisationId,
                             String superviseeId,
                             String supervisorId,
                             String reason,
                             @Nullable String preferredDates,
                             String status,
                             @Nullable String sessionId,
                             @Nullable String declineReason,
                             @Nullable String decidedBy,
                             @Nullable Instant decidedAt,
                             int version,
                             Instant createdAt,
                             Instant updatedAt) {
    public static final String REQUESTED = "REQUESTED";
    public static final String BOOKED = "BOOKED";
    public static final String DECLINED = "DECLINED";
}

package uk.supervision.activitylog;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One line of the append-only trail: who did what (with the roles they held) to which record, when
 * and from where. Whose record it was lives in activity_log_subject.
 */
@MappedEntity("activity_log")
public record ActivityLogEntry(@Id @GeneratedValue @Nullable Long id,
                               Instant occurredAt,
                               @Nullable String organisationId,
                               @Nullable String actorAccountId,
                               @Nullable String actorClientId,
                               @Nullable String actorStaffId,
                               @Nullable String actorRoles,
                               String action,
                               @Nullable String entityType,
                               @Nullable String entityId,
                               @Nullable String summary,
                               @Nullable String remoteAddress,
                               @Nullable String requestId) {
}

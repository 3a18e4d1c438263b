package uk.supervision.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A planned (or held, cancelled, postponed) supervision meeting. */
@MappedEntity("supervision_session")
public record SupervisionSession(@Id String id,
                                 String organisationId,
                                 String supervisorId,
                                 String kind,
                                 String status,
                                 LocalDate meetingDate,
                                 String startTime,
                                 int plannedMinutes,
                                 String location,
                                 @Nullable String seriesId,
                                 @Nullable Integer actualMinutes,
                                 @Nullable String interruptedBy,
                                 @Nullable String cancelledBy,
                                 @Nullable String statusReason,
                                 @Nullable String rebookedAsId,
                                 @Nullable String rebookedFromId,
                                 int version,
                                 Instant createdAt,
                                 Instant updatedAt) {
    public static final String PLANNED = "PLANNED";
    public static final String POSTPONED = "POSTPONED";
    public static final String CANCELLED = "CANCELLED";
    public static final String HELD = "HELD";
}

package uk.supervision.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** Supervisor -> supervisee from a date to a date (toDate null = open-ended). */
@MappedEntity("supervision_relation")
public record SupervisionRelation(@Id String id,
                                  String supervisorId,
                                  String superviseeId,
                                  LocalDate fromDate,
                                  @Nullable LocalDate toDate,
                                  @Nullable String reason,
                                  Instant createdAt) {

    public boolean isCurrentOn(LocalDate day) {
        return !fromDate.isAfter(day) && (toDate == null || !toDate.isBefore(day));
    }
}

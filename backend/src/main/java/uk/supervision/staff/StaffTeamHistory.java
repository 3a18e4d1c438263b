package uk.supervision.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** A period a person spent in a team (or directly in a service); toDate null = now. */
@MappedEntity("staff_team_history")
public record StaffTeamHistory(@Id String id,
                               String staffId,
                               @Nullable String teamId,
                               @Nullable String serviceId,
                               LocalDate fromDate,
                               @Nullable LocalDate toDate,
                               Instant recordedAt) {
}

package uk.supervision.child;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A child as the case-management system knows them: a name, the CMS's case number (unique in the
 * organisation, never changed) and the allocated worker. No other child data is held.
 */
@MappedEntity("child")
public record ChildReference(@Id String id, String organisationId, String name, String caseNumber,
                             @Nullable LocalDate dateOfBirth, String allocatedWorkerId, int version,
                             Instant createdAt, Instant updatedAt) {
}

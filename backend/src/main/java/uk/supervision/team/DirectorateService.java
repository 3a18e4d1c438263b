package uk.supervision.team;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A service of the directorate (e.g. Help and Protection), holding teams. */
@MappedEntity("service")
public record DirectorateService(@Id String id, String organisationId, String name, Instant createdAt) {
}

package uk.supervision.team;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A council's children's services directorate: the root of the tree. */
@MappedEntity("organisation")
public record Organisation(@Id String id, String code, String name, String timeZone, Instant createdAt) {
}

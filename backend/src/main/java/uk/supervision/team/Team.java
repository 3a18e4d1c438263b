package uk.supervision.team;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

@MappedEntity("team")
public record Team(@Id String id, String serviceId, String name, Instant createdAt) {
}

package uk.supervision.support;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A remembered Idempotency-Key: who sent it, for which operation and body, and what it created. */
@MappedEntity("idempotency_key")
public record IdempotencyKey(@Id String id, String caller, String idemKey, String operation, String requestHash,
                             String resourceId, Instant createdAt) {
}

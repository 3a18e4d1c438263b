package uk.supervision.integration;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A third-party system (HR, case management) that authenticates with client credentials. */
@MappedEntity("machine_client")
public record MachineClient(@Id String id,
                            String organisationId,
                            String clientId,
                            String name,
                            String secretHash,
                            String scopes,
                            boolean enabled,
                            Instant createdAt) {
}

package uk.supervision.policy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.time.Instant;

/** The profile an organisation has adopted and its own adjustments (a PolicyOverrides document). */
@MappedEntity("organisation_policy")
public record OrganisationPolicyEntity(@Id String organisationId, String profileId, String overridesJson,
                                       @Version Integer version, Instant updatedAt) {
}

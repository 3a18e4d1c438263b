package uk.supervision.policy;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One version of one template of a profile; records keep the version they were made with. A variant
 * (null: the profile's own text) is a text offered beside the profile's own; its versions succeed each other.
 */
@MappedEntity("policy_template")
public record PolicyTemplateEntity(@Id String id, String profileId, String kind, int version, String title, String source,
                                   Instant createdAt, @Nullable String variant,
                                   @Nullable String guidance) {
}

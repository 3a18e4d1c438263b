package uk.supervision.policy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** One version of one template of a profile; records keep the version they were made with. */
@MappedEntity("policy_template")
public record PolicyTemplateEntity(@Id String id, String profileId, String kind, int version, String title, String source,
                                   Instant createdAt) {
}

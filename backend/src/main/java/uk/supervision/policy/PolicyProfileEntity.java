package uk.supervision.policy;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A named policy: its rules as a PolicyRules JSON document, its templates in their own tables. */
@MappedEntity("policy_profile")
public record PolicyProfileEntity(@Id String id, String code, String name, String description, String source,
                                  String rulesJson, Instant createdAt) {
}

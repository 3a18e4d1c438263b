package uk.supervision.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/** A role held by an account; serviceId narrows a manager's role to one service (null = organisation). */
@MappedEntity("role_grant")
public record RoleGrant(@Id String id, String accountId, String role, @Nullable String serviceId) {
}

package uk.supervision.account;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A person's sign-in. Local accounts hold a bcrypt hash; accounts from an identity provider hold none. */
@MappedEntity("account")
public record Account(@Id String id,
                      String organisationId,
                      @Nullable String staffId,
                      String username,
                      String displayName,
                      @Nullable String passwordHash,
                      boolean enabled,
                      Instant createdAt) {
}

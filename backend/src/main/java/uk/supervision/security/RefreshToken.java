package uk.supervision.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One refresh token; only its SHA-256 is stored. A family is everything rotated from one sign-in. It
 * carries the account's token generation it was issued at, and works only while that is still current.
 */
@MappedEntity("refresh_token")
public record RefreshToken(@Id String id,
                           String accountId,
                           String familyId,
                           String tokenHash,
                           Instant issuedAt,
                           Instant expiresAt,
                           @Nullable Instant rotatedAt,
                           @Nullable Instant revokedAt,
                           int tokenGeneration) {
}

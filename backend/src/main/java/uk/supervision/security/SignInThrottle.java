package uk.supervision.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** Failed attempts for one key (an account, a client or an address) within a rolling window. */
@MappedEntity("sign_in_throttle")
public record SignInThrottle(@Id String throttleKey, int failures, Instant windowStarted, @Nullable Instant lockedUntil) {
}

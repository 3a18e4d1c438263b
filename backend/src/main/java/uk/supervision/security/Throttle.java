package uk.supervision.security;

import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import jakarta.inject.Singleton;
import uk.supervision.problem.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Throttles failed sign-ins and client authentications. State is in the database so every node
 * counts the same failures. Past the limit within the window, the key is locked for one window.
 */
@Singleton
public class Throttle {
    private final SignInThrottleRepository repository;
    private final SecuritySettings settings;
    private final Clock clock;

    public Throttle(SignInThrottleRepository repository, SecuritySettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** 429 when the key is locked. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void checkAllowed(String key) {
        Instant now = clock.instant();
        repository.findById(key).ifPresent(t -> {
            if (t.lockedUntil() != null && t.lockedUntil().isAfter(now)) {
                throw Problems.tooManyRequests(Duration.between(now, t.lockedUntil()).getSeconds() + 1);
            }
        });
    }

    /** Counts a failure; runs in its own transaction so it is kept even though the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String key, int limit) {
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(settings.getThrottleWindowMinutes());
        SignInThrottle current = repository.findById(key).orElse(null);
        if (current == null) {
            repository.save(new SignInThrottle(key, 1, now, limit <= 1 ? now.plus(window) : null));
            return;
        }
        boolean windowExpired = current.windowStarted().plus(window).isBefore(now);
        int failures = windowExpired ? 1 : current.failures() + 1;
        Instant started = windowExpired ? now : current.windowStarted();
        Instant lockedUntil = failures >= limit ? now.plus(window) : null;
        repository.update(new SignInThrottle(key, failures, started, lockedUntil));
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reset(String key) {
        repository.deleteById(key);
    }

    public int accountLimit() {
        return settings.getMaxFailuresPerAccount();
    }

    public int addressLimit() {
        return settings.getMaxFailuresPerAddress();
    }
}

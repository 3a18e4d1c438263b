package uk.supervision.security;

import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition.Propagation;
import jakarta.inject.Singleton;
import uk.supervision.problem.Problems;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Throttles failed sign-ins and client authentications. State is in the database so every node counts
 * the same failures. Two kinds of key:
 * <ul>
 *   <li>an account (or client) from one address slows down: after maxFailuresPerAccount failures each
 *       further failure waits twice as long as the last (throttleFirstDelaySeconds, doubling, at most
 *       throttleMaxDelayMinutes), so failures from one address never lock the account for anyone else;</li>
 *   <li>an address is locked for one window after maxFailuresPerAddress failures against any accounts.</li>
 * </ul>
 * Failures are forgotten a window after the last one (or after the delay it earned, if longer).
 */
@Singleton
public class Throttle {
    private static final int MAX_KEY = 300;

    private final SignInThrottleRepository repository;
    private final SecuritySettings settings;
    private final Clock clock;

    public Throttle(SignInThrottleRepository repository, SecuritySettings settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** The key for one account (or client) trying from one address. */
    public static String key(String kind, String name, String address) {
        String key = kind + ":" + name + "@" + address;
        return key.length() <= MAX_KEY ? key : kind + ":sha256:" + PasswordHasher.sha256(key);
    }

    /** 429 when the key must wait. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void checkAllowed(String key) {
        Instant now = clock.instant();
        repository.findById(key).ifPresent(t -> {
            if (t.lockedUntil() != null && t.lockedUntil().isAfter(now)) {
                throw Problems.tooManyRequests(Duration.between(now, t.lockedUntil()).getSeconds() + 1);
            }
        });
    }

    /** Counts a failure for an address; past the limit it is locked for one window. Kept although the request fails. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(String key, int limit) {
        Duration window = window();
        count(key, failures -> failures >= limit ? window : null);
    }

    /** Counts a failure for an account from an address; past the free ones each failure doubles the delay. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void slowDown(String key) {
        int free = Math.max(1, settings.getMaxFailuresPerAccount());
        Duration first = Duration.ofSeconds(settings.getThrottleFirstDelaySeconds());
        Duration max = Duration.ofMinutes(settings.getThrottleMaxDelayMinutes());
        count(key, failures -> {
            if (failures < free) {
                return null;
            }
            int doublings = Math.min(failures - free, 30);
            Duration delay = first.multipliedBy(1L << doublings);
            return delay.compareTo(max) > 0 ? max : delay;
        });
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reset(String key) {
        repository.deleteById(key);
    }

    public int addressLimit() {
        return settings.getMaxFailuresPerAddress();
    }

    private void count(String key, java.util.function.IntFunction<Duration> delayAfter) {
        Instant now = clock.instant();
        SignInThrottle current = repository.findById(key).orElse(null);
        int failures = current == null || forgotten(current, now) ? 1 : current.failures() + 1;
        Duration delay = delayAfter.apply(failures);
        // window_started holds the time of the latest failure.
        SignInThrottle next = new SignInThrottle(key, failures, now, delay == null ? null : now.plus(delay));
        if (current != null) {
            repository.update(next);
            return;
        }
        try {
            repository.save(next);
        } catch (DataAccessException raced) {
            // Another node counted the first failure at the same moment: count on top of it.
            repository.findById(key).ifPresent(t -> repository.update(new SignInThrottle(key, t.failures() + 1, now,
                    delayAfter.apply(t.failures() + 1) == null ? null : now.plus(delayAfter.apply(t.failures() + 1)))));
        }
    }

    private boolean forgotten(SignInThrottle t, Instant now) {
        Instant last = t.lockedUntil() != null && t.lockedUntil().isAfter(t.windowStarted()) ? t.lockedUntil() : t.windowStarted();
        return last.plus(window()).isBefore(now);
    }

    private Duration window() {
        return Duration.ofMinutes(settings.getThrottleWindowMinutes());
    }
}

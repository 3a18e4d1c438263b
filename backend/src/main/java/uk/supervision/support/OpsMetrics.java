package uk.supervision.support;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PreDestroy;

/**
 * The product's own counters (the HTTP server, the pool and the JVM are measured by Micronaut
 * Micrometer). Static, so a service counts with one line and no new constructor argument; the
 * application's registry is attached to Micrometer's global one while the application runs.
 */
@Context
@Requires(beans = MeterRegistry.class)
public class OpsMetrics {
    public static final String SIGN_IN_FAILURES = "supervision.sign_in.failures";
    public static final String REPLAYS = "supervision.idempotent.replays";

    private final MeterRegistry registry;

    OpsMetrics(MeterRegistry registry) {
        this.registry = registry;
        Metrics.addRegistry(registry);
    }

    @PreDestroy
    void detach() {
        Metrics.removeRegistry(registry);
    }

    /** A person's sign-in was refused (unknown name, wrong password or disabled account). */
    public static void signInFailed() {
        Metrics.counter(SIGN_IN_FAILURES).increment();
    }

    /** A write came again with an Idempotency-Key already used: an offline outbox replaying it. */
    public static void replayReceived() {
        Metrics.counter(REPLAYS).increment();
    }
}

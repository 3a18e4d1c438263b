package uk.supervision.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The service's clock: the system's, except on a thread that is replaying history. The demo loader
 * runs each step of its 18 months through the product's own services at the moment it happened, so
 * every date, signature and log entry those services stamp is the one a real team would have left.
 * Only the replaying thread sees the replayed time; requests and jobs on other threads never do.
 */
public final class ReplayClock extends Clock {
    private static final ThreadLocal<Instant> REPLAYING = new ThreadLocal<>();

    private final Clock system;

    public ReplayClock(Clock system) {
        this.system = Objects.requireNonNull(system, "system");
    }

    /** Runs work on this thread as if it were {@code at}; the thread's own time is restored afterwards. */
    public static <T> T at(Instant at, Supplier<T> work) {
        Instant before = REPLAYING.get();
        REPLAYING.set(Objects.requireNonNull(at, "at"));
        try {
            return work.get();
        } finally {
            if (before == null) {
                REPLAYING.remove();
            } else {
                REPLAYING.set(before);
            }
        }
    }

    @Override
    public Instant instant() {
        Instant replayed = REPLAYING.get();
        return replayed != null ? replayed : system.instant();
    }

    @Override
    public long millis() {
        return instant().toEpochMilli();
    }

    @Override
    public ZoneId getZone() {
        return system.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(getZone()) ? this : new ReplayClock(system.withZone(zone));
    }
}

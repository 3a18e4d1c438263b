package uk.supervision.support;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo's time machine moves only the replaying thread's time, and gives it back afterwards. */
class ReplayClockTest {
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final Instant THEN = Instant.parse("2025-06-03T11:35:00Z");

    private final ReplayClock clock = new ReplayClock(Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void onlyTheReplayingThreadSeesTheReplayedTime() throws Exception {
        assertEquals(NOW, clock.instant());
        Instant otherThread = ReplayClock.at(THEN, () -> {
            assertEquals(THEN, clock.instant());
            assertEquals(THEN.toEpochMilli(), clock.millis());
            return CompletableFuture.supplyAsync(clock::instant).join();
        });
        assertEquals(NOW, otherThread, "a request or job on another thread is never replayed");
        assertEquals(NOW, clock.instant(), "the thread's own time comes back");
    }

    @Test
    void nestedReplaysRestoreTheOuterTime() {
        Instant inner = Instant.parse("2025-07-01T09:30:00Z");
        ReplayClock.at(THEN, () -> {
            assertEquals(inner, ReplayClock.at(inner, clock::instant));
            assertEquals(THEN, clock.instant());
            return null;
        });
        assertEquals(NOW, clock.instant());
    }
}

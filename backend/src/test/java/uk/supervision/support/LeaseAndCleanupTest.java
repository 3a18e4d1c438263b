package uk.supervision.support;

import javax.sql.DataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.testing.Fixtures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Two nodes and one lease; the 30-day clean-up of idempotency keys. On the real database. */
@MicronautTest(transactional = false)
class LeaseAndCleanupTest {
    @Inject
    DataSource dataSource;
    @Inject
    Fixtures fixtures;
    @Inject
    IdempotencyKeyCleanup cleanup;

    @Test
    void onlyOneNodeHoldsALeaseUntilItExpires() {
        String name = "test-" + Fixtures.unique("lease");
        fixtures.execute("INSERT INTO scheduler_lease (name) VALUES (?)", name);
        Instant start = Instant.parse("2026-11-23T10:00:00Z");
        Lease nodeA = new Lease(dataSource, Clock.fixed(start, ZoneOffset.UTC));
        Lease nodeB = new Lease(dataSource, Clock.fixed(start.plusSeconds(60), ZoneOffset.UTC));
        Lease nodeBLater = new Lease(dataSource, Clock.fixed(start.plus(Duration.ofMinutes(31)), ZoneOffset.UTC));

        assertTrue(acquire(nodeA, name));
        assertFalse(acquire(nodeB, name), "held by A for 30 minutes");
        assertTrue(acquire(nodeA, name), "the holder renews");
        assertTrue(acquire(nodeBLater, name), "expired: another node takes it");
        assertEquals(nodeBLater.holder(), fixtures.string("SELECT holder FROM scheduler_lease WHERE name = ?", name));
    }

    @Test
    void keysOlderThanThirtyDaysAreDeletedAndNewerOnesKept() {
        String old = Fixtures.unique("old");
        String recent = Fixtures.unique("recent");
        insertKey(old, Instant.now().minus(Duration.ofDays(31)));
        insertKey(recent, Instant.now().minus(Duration.ofDays(29)));
        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'idempotency-key-cleanup'");

        assertTrue(cleanup.run() >= 1);
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM idempotency_key WHERE id = ?", old));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM idempotency_key WHERE id = ?", recent));
    }

    private boolean acquire(Lease lease, String name) {
        return lease.tryAcquire(name, Duration.ofMinutes(30));
    }

    private void insertKey(String id, Instant createdAt) {
        fixtures.execute("INSERT INTO idempotency_key (id, caller, idem_key, operation, request_hash, resource_id, created_at) "
                + "VALUES (?, 'account:test', ?, 'createAction', ?, 'x', ?)", id, id, "0".repeat(64), Timestamp.from(createdAt));
    }
}

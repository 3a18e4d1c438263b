package uk.supervision.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

/** Idempotency keys are kept 30 days (a tablet may resend after days offline), then deleted; one node does it. */
@Singleton
public class IdempotencyKeyCleanup {
    static final Duration KEEP = Duration.ofDays(30);
    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);

    private final Lease lease;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public IdempotencyKeyCleanup(Lease lease, JdbcOperations jdbc, Clock clock) {
        this.lease = lease;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "10m")
    void scheduled() {
        run();
    }

    /** Deletes keys past their 30 days if this node holds the lease; returns how many (-1: another node has it). */
    @Transactional
    public int run() {
        if (!lease.tryAcquire("idempotency-key-cleanup", Duration.ofMinutes(30))) {
            return -1;
        }
        int deleted = jdbc.prepareStatement("DELETE FROM idempotency_key WHERE created_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant().minus(KEEP)));
            return ps.executeUpdate();
        });
        if (deleted > 0) {
            LOG.info("Deleted {} idempotency keys older than {} days", deleted, KEEP.toDays());
        }
        return deleted;
    }
}

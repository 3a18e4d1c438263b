package uk.supervision.measure;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import java.time.Duration;

/**
 * Folds changes into the source facts (decision 0037) every 30 seconds by default, one node at a time (lease
 * measure-source-facts), one organisation at a time; as MeasureFactsJob, a bean of its own.
 */
@Singleton
public class SourceFactsJob {
    private static final Logger LOG = LoggerFactory.getLogger(SourceFactsJob.class);
    static final String LEASE = "measure-source-facts";

    private final SourceFactsRefresher refresher;
    private final Lease lease;

    public SourceFactsJob(SourceFactsRefresher refresher, Lease lease) {
        this.refresher = refresher;
        this.lease = lease;
    }

    @Scheduled(fixedDelay = "${supervision.measures.source-refresh-interval:30s}",
            initialDelay = "${supervision.measures.source-refresh-interval:30s}")
    void scheduled() {
        run();
    }

    /** Refreshes every organisation if this node holds the lease; returns how many it refreshed (-1: another node has it). */
    public int run() {
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(10))) {
            return -1;
        }
        int done = 0;
        try {
            for (String org : refresher.organisations()) {
                try {
                    refresher.refresh(org);
                    done++;
                } catch (RuntimeException e) {
                    LOG.warn("Could not refresh the source facts of organisation {}", org, e);
                }
            }
        } finally {
            lease.release(LEASE);
        }
        return done;
    }
}

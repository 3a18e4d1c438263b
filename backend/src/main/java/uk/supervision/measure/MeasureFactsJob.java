package uk.supervision.measure;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import java.time.Duration;

/**
 * Folds changes into the measure facts every 30 seconds, one node at a time (lease measure-facts), one organisation
 * at a time. A bean of its own so that each call goes through the refresher's proxy: the organisation list and each
 * refresh get their own connection and transaction (a call from inside the refresher itself would get neither).
 */
@Singleton
public class MeasureFactsJob {
    private static final Logger LOG = LoggerFactory.getLogger(MeasureFactsJob.class);
    static final String LEASE = "measure-facts";

    private final MeasureFactsRefresher refresher;
    private final Lease lease;

    public MeasureFactsJob(MeasureFactsRefresher refresher, Lease lease) {
        this.refresher = refresher;
        this.lease = lease;
    }

    @Scheduled(fixedDelay = "${supervision.measures.refresh-interval:30s}", initialDelay = "${supervision.measures.refresh-interval:30s}")
    void scheduled() {
        run();
    }

    /** Refreshes every organisation if this node holds the lease; returns how many it refreshed (-1: another node has it). */
    public int run() {
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(5))) {
            return -1;
        }
        int done = 0;
        try {
            for (String org : refresher.organisations()) {
                try {
                    refresher.refresh(org);
                    done++;
                } catch (RuntimeException e) {
                    LOG.warn("Could not refresh the measure facts of organisation {}", org, e);
                }
            }
        } finally {
            lease.release(LEASE);
        }
        return done;
    }
}

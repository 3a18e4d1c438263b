package uk.supervision.integrity;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every night one node (the lease holder) recomputes every organisation's chain and logs each break. */
@Singleton
public class IntegrityCheckJob {
    static final String LEASE = "integrity-verification";
    private static final Logger LOG = LoggerFactory.getLogger(IntegrityCheckJob.class);

    private final Lease lease;
    private final IntegrityVerifier verifier;

    public IntegrityCheckJob(Lease lease, IntegrityVerifier verifier) {
        this.lease = lease;
        this.verifier = verifier;
    }

    @Scheduled(cron = "0 30 2 * * *", zoneId = "Europe/London")
    void scheduled() {
        run();
    }

    /** The result per organisation if this node holds the lease; null when another node has it. */
    public List<IntegrityVerifier.Result> run() {
        if (!lease.tryAcquire(LEASE, Duration.ofHours(20))) {
            return null;
        }
        List<IntegrityVerifier.Result> results = new ArrayList<>();
        for (String organisation : verifier.organisations()) {
            IntegrityVerifier.Result result = verifier.verify(organisation);
            results.add(result);
            result.firstBreak().ifPresent(b -> LOG.error("Integrity check: the signed-item chain of organisation {} is broken at "
                    + "sequence {} ({} {}): {}; expected {}, found {}", b.organisationId(), b.sequence(), b.itemType(), b.itemId(),
                    b.problem(), b.expected(), b.found()));
        }
        LOG.info("Integrity check: {} organisations, {} broken", results.size(),
                results.stream().filter(r -> r.firstBreak().isPresent()).count());
        return results;
    }
}

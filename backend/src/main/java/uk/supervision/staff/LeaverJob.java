package uk.supervision.staff;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

/**
 * Ends the access of people whose leaving date has come (recorded earlier with a future date). Hourly,
 * so the day's leavers are done soon after midnight even if a node was down; one node at a time (Lease).
 */
@Singleton
public class LeaverJob {
    private static final Logger LOG = LoggerFactory.getLogger(LeaverJob.class);

    private final Lease lease;
    private final Leavers leavers;
    private final StaffRepository staff;
    private final Clock clock;

    public LeaverJob(Lease lease, Leavers leavers, StaffRepository staff, Clock clock) {
        this.lease = lease;
        this.leavers = leavers;
        this.staff = staff;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void scheduled() {
        run(LocalDate.now(clock));
    }

    /** Processes leavers due on the day if this node holds the lease; returns how many (-1: another node has it). */
    @Transactional
    public int run(LocalDate today) {
        if (!lease.tryAcquire("leavers", Duration.ofMinutes(30))) {
            return -1;
        }
        List<String> due = leavers.dueOn(today);
        if (!due.isEmpty()) {
            staff.findByIdIn(due).forEach(leavers::arrived);
            LOG.info("Ended the access and relations of {} leaver(s)", due.size());
        }
        return due.size();
    }
}

package uk.supervision.questionnaire;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Reminds each open Part 2 invitation once: when it was issued at least a week ago, or has three days or less
 * left. Hourly, one node at a time (Lease). The reminder shows on the invitee's list of questionnaires.
 */
@Singleton
public class QuestionnaireReminderJob {
    private static final Logger LOG = LoggerFactory.getLogger(QuestionnaireReminderJob.class);
    static final Duration REMIND_AFTER = Duration.ofDays(7);
    static final Duration REMIND_WHEN_LEFT = Duration.ofDays(3);

    private final Lease lease;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public QuestionnaireReminderJob(Lease lease, JdbcOperations jdbc, Clock clock) {
        this.lease = lease;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "1h", initialDelay = "7m")
    void scheduled() {
        run();
    }

    /** Reminds the invitations due at the clock's time if this node holds the lease; returns how many (-1: another node has it). */
    @Transactional
    public int run() {
        if (!lease.tryAcquire("questionnaire-reminders", Duration.ofMinutes(30))) {
            return -1;
        }
        Instant now = clock.instant();
        int reminded = jdbc.prepareStatement("UPDATE questionnaire_invitation SET reminded_at = ?, version = version + 1 "
                + "WHERE answered_at IS NULL AND reminded_at IS NULL AND expires_at > ? AND (issued_at <= ? OR expires_at <= ?)", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setTimestamp(3, Timestamp.from(now.minus(REMIND_AFTER)));
            ps.setTimestamp(4, Timestamp.from(now.plus(REMIND_WHEN_LEFT)));
            return ps.executeUpdate();
        });
        if (reminded > 0) {
            LOG.info("Reminded {} Part 2 questionnaire invitation(s)", reminded);
        }
        return reminded;
    }
}

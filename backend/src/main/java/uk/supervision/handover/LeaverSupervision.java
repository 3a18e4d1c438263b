package uk.supervision.handover;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.agreement.AgreementLifecycle;
import uk.supervision.security.Caller;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;

/**
 * What leaving does to a supervisee's supervision (issue 7, 3d): sessions that can no longer happen are
 * cancelled with the reason at once, and on the last day the agreement ends. What stays open (actions,
 * unsigned records) is shown to the supervisor by {@link HandoverService}, never closed silently.
 */
@Singleton
public class LeaverSupervision {
    /** The reason every session cancelled for a leaver carries; the handover finds them by it. */
    public static final String LEFT = "Left the organisation";

    private final JdbcOperations jdbc;
    private final AgreementLifecycle agreements;
    private final ActivityLog activityLog;
    private final Clock clock;

    public LeaverSupervision(JdbcOperations jdbc, AgreementLifecycle agreements, ActivityLog activityLog, Clock clock) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    /**
     * When the leaving date is recorded: one-to-one sessions planned after the last day, and postponed ones
     * (waiting for a date that will not come), are cancelled; the leaver leaves group sessions after it.
     */
    public void recorded(Caller caller, String leaverId, LocalDate lastDay) {
        int cancelled = jdbc.prepareStatement("UPDATE supervision_session SET status = 'CANCELLED', cancelled_by = 'SUPERVISEE', "
                + "status_reason = ?, version = version + 1, updated_at = ? WHERE kind = 'ONE_TO_ONE' "
                + "AND (status = 'POSTPONED' OR (status = 'PLANNED' AND meeting_date > ?)) "
                + "AND id IN (SELECT p.session_id FROM session_participant p WHERE p.supervisee_id = ?)", ps -> {
            ps.setString(1, LEFT);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setDate(3, Date.valueOf(lastDay));
            ps.setString(4, leaverId);
            return ps.executeUpdate();
        });
        // The participant rows carry the session's status (V039).
        jdbc.prepareStatement("UPDATE session_participant SET status = 'CANCELLED' WHERE supervisee_id = ? AND kind = 'ONE_TO_ONE' "
                + "AND status <> 'CANCELLED' AND session_id IN (SELECT s.id FROM supervision_session s WHERE s.status = 'CANCELLED')", ps -> {
            ps.setString(1, leaverId);
            return ps.executeUpdate();
        });
        int groups = jdbc.prepareStatement("DELETE FROM session_participant WHERE supervisee_id = ? AND session_id IN "
                + "(SELECT s.id FROM supervision_session s WHERE s.kind = 'GROUP' AND s.status IN ('PLANNED', 'POSTPONED') "
                + "AND s.meeting_date > ?)", ps -> {
            ps.setString(1, leaverId);
            ps.setDate(2, Date.valueOf(lastDay));
            return ps.executeUpdate();
        });
        if (cancelled + groups > 0) {
            activityLog.record(caller, "LEAVER_SESSIONS_CANCELLED", "staff", leaverId,
                    cancelled + " one-to-one session(s) cancelled, left " + groups + " group session(s) after " + lastDay);
        }
    }

    /** On (or after) the last day: the agreement ends, and anything booked after the last day since is cancelled too. */
    public void arrived(Caller caller, String leaverId, LocalDate lastDay) {
        recorded(caller, leaverId, lastDay);
        int ended = agreements.endForLeaver(leaverId, lastDay);
        if (ended > 0) {
            activityLog.record(caller, "LEAVER_AGREEMENT_ENDED", "staff", leaverId, ended + " agreement(s) ended on " + lastDay);
        }
    }
}

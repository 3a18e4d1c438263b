package uk.supervision.agreement;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.api.model.AgreementReviewReason;
import uk.supervision.compliance.SupervisorChange;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The end of an agreement and its review at a change of supervisor (DOMAIN section 4). Both are workflow
 * state on the agreement row or read from the supervision relations: the signed snapshot is never touched.
 */
@Singleton
public class AgreementLifecycle {
    private final JdbcOperations jdbc;
    private final SupervisionRelationRepository relations;
    private final Clock clock;

    public AgreementLifecycle(JdbcOperations jdbc, SupervisionRelationRepository relations, Clock clock) {
        this.jdbc = jdbc;
        this.relations = relations;
        this.clock = clock;
    }

    /** The supervisee has left: every agreement of theirs still in force or in the making ends on their last day. */
    public int endForLeaver(String superviseeId, LocalDate lastDay) {
        return jdbc.prepareStatement("UPDATE agreement SET status = 'ENDED', ended_on = ?, version = version + 1, updated_at = ? "
                + "WHERE supervisee_id = ? AND status IN ('DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE')", ps -> {
            ps.setDate(1, Date.valueOf(lastDay));
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, superviseeId);
            return ps.executeUpdate();
        });
    }

    /**
     * Adds what the row and the relations say to agreements read for the API: the day an ended one ended, and
     * a review due at once when a supervisor took over after signing (the rule the schedule applies too).
     */
    List<uk.supervision.api.model.Agreement> decorate(List<uk.supervision.api.model.Agreement> dtos) {
        if (dtos.isEmpty()) {
            return dtos;
        }
        List<String> ids = dtos.stream().map(a -> a.getId().toString()).toList();
        Map<String, LocalDate> ended = new HashMap<>();
        jdbc.prepareStatement("SELECT id, ended_on FROM agreement WHERE ended_on IS NOT NULL AND id IN (" + Sql.placeholders(ids.size()) + ")", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ended.put(rs.getString(1), rs.getDate(2).toLocalDate());
                }
            }
            return null;
        });
        LocalDate today = LocalDate.now(clock);
        Map<String, SupervisionRelation> current = new HashMap<>();
        for (SupervisionRelation r : relations.findCurrentBySupervisees(dtos.stream().map(a -> a.getSupervisee().getId().toString())
                .distinct().toList(), today)) {
            current.merge(r.superviseeId(), r, (a, b) -> a.fromDate().isAfter(b.fromDate()) ? a : b);
        }
        for (uk.supervision.api.model.Agreement a : dtos) {
            a.setEndedOn(ended.get(a.getId().toString()));
            if (a.getStatus() != uk.supervision.api.model.AgreementStatus.ACTIVE || a.getSignedAt() == null) {
                continue;
            }
            if (a.getReviewDue() != null) {
                a.setReviewDueReason(AgreementReviewReason.ANNUAL);
            }
            SupervisionRelation now = current.get(a.getSupervisee().getId().toString());
            LocalDate signedOn = LocalDate.ofInstant(Instant.from(a.getSignedAt()), clock.getZone());
            // The schedule's rule (one for both): a change of supervisor makes the review due on their first day.
            LocalDate since = now == null ? null : SupervisorChange.reviewDueFrom(signedOn, a.getSupervisor().getId().toString(),
                    now.supervisorId(), now.fromDate());
            if (since != null && (a.getReviewDue() == null || since.isBefore(a.getReviewDue()))) {
                a.setReviewDue(since);
                a.setReviewDueReason(AgreementReviewReason.NEW_SUPERVISOR);
            }
        }
        return dtos;
    }
}

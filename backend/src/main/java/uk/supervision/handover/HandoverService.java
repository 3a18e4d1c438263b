package uk.supervision.handover;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.action.ActionRepository;
import uk.supervision.action.ActionService;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.AgreementStatus;
import uk.supervision.api.model.SessionTransfer;
import uk.supervision.api.model.SessionTransferOutcome;
import uk.supervision.api.model.SupervisionHandover;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.session.SessionRepository;
import uk.supervision.session.SessionService;
import uk.supervision.session.SupervisionSession;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.ETags;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What a supervisee's supervision leaves open (issue 7, 3d): on leaving, the sessions cancelled, the open
 * actions and the records not yet signed; on a change of supervisor, the planned sessions still with the
 * former supervisor, which the new supervisor or a manager transfers or cancels.
 */
@Singleton
public class HandoverService {
    private static final String PARTICIPANT = "FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
            + "WHERE p.supervisee_id = ? ";

    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final SessionRepository sessionRows;
    private final SessionService sessions;
    private final ActionRepository actionRows;
    private final ActionService actions;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public HandoverService(StaffRepository staff, SupervisionRelationRepository relations, SessionRepository sessionRows,
                           SessionService sessions, ActionRepository actionRows, ActionService actions, AccessPolicy access,
                           ActivityLog activityLog, JdbcOperations jdbc, Clock clock) {
        this.staff = staff;
        this.relations = relations;
        this.sessionRows = sessionRows;
        this.sessions = sessions;
        this.actionRows = actionRows;
        this.actions = actions;
        this.access = access;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public SupervisionHandover handover(Caller caller, UUID staffId) {
        Staff person = staff.findByIdAndOrganisationId(staffId.toString(), caller.organisationId())
                .orElseThrow(() -> Problems.notFound("Member of staff " + staffId));
        LocalDate today = LocalDate.now(clock);
        boolean left = person.leavingDate() != null && !person.leavingDate().isAfter(today);
        // A leaver's supervisor is the one of their last day; everyone else's is today's.
        String supervisorId = relations.currentSupervisorId(person.id(), left ? person.leavingDate() : today);
        access.requireReadHandover(caller, person, supervisorId);

        SupervisionHandover out = new SupervisionHandover(StaffMapper.ref(person), List.of(), List.of(), List.of(), List.of());
        out.setLeavingDate(person.leavingDate());
        if (supervisorId != null) {
            staff.findById(supervisorId).ifPresent(s -> out.setSupervisor(StaffMapper.ref(s)));
        }
        agreement(person.id(), out);
        List<String> open = Sql.ids(jdbc, "SELECT id FROM supervision_action WHERE supervisee_id = ? AND status = 'OPEN' ORDER BY due_date, id",
                List.of(person.id()));
        // Judged with the (last) supervisor as the other party: once a leaver's relation has ended, the action's
        // owner would no longer open them to the one person this view is for.
        out.setOpenActions(open.isEmpty() ? List.of() : actions.toDtos(actions.readableDiscussionActions(caller,
                access.readableRecords(caller, actionRows.findByIdIn(open), a -> AccessPolicy.Parties.of(a.organisationId(), a.superviseeId(), supervisorId)))));
        out.setUnsignedSessions(sessions.byIds(caller, Sql.ids(jdbc, "SELECT s.id " + PARTICIPANT
                + "AND s.status IN ('HELD', 'RECORDED') ORDER BY s.meeting_date, s.start_time, s.id", List.of(person.id()))));
        out.setCancelledOnLeaving(sessions.byIds(caller, Sql.ids(jdbc, "SELECT s.id " + PARTICIPANT
                + "AND s.status = 'CANCELLED' AND s.status_reason = ? ORDER BY s.meeting_date, s.start_time, s.id",
                List.of(person.id(), LeaverSupervision.LEFT))));
        String current = left ? null : relations.currentSupervisorId(person.id(), today);
        out.setSessionsToTransfer(current == null ? List.of() : sessions.byIds(caller, Sql.ids(jdbc, "SELECT s.id " + PARTICIPANT
                + "AND s.kind = 'ONE_TO_ONE' AND s.supervisor_id <> ? AND (s.status = 'POSTPONED' OR (s.status = 'PLANNED' AND s.meeting_date >= ?)) "
                + "ORDER BY s.meeting_date, s.start_time, s.id", List.of(person.id(), current, Date.valueOf(today)))));
        return out;
    }

    /** The newest agreement's state: ended (with its day) for a leaver, else whatever it is. */
    private void agreement(String personId, SupervisionHandover out) {
        jdbc.prepareStatement("SELECT id, status, ended_on FROM agreement WHERE supervisee_id = ? ORDER BY version_number DESC, created_at DESC",
                ps -> {
                    ps.setString(1, personId);
                    try (var rs = ps.executeQuery()) {
                        if (rs.next()) {
                            out.setAgreementId(UUID.fromString(rs.getString(1)));
                            out.setAgreementStatus(AgreementStatus.fromValue(rs.getString(2)));
                            Date ended = rs.getDate(3);
                            out.setAgreementEndedOn(ended == null ? null : ended.toLocalDate());
                        }
                    }
                    return null;
                });
    }

    /** The new supervisor (or a manager above the supervisee) takes over a former supervisor's planned session, or cancels it. */
    @Transactional
    public uk.supervision.api.model.Session transfer(Caller caller, UUID sessionId, SessionTransfer body, String ifMatch) {
        SupervisionSession s = sessionRows.findById(sessionId.toString()).filter(x -> x.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Session " + sessionId));
        List<String> participants = Sql.ids(jdbc, "SELECT supervisee_id FROM session_participant WHERE session_id = ?", List.of(s.id()));
        Staff supervisee = participants.size() == 1 ? staff.findById(participants.get(0)).orElse(null) : null;
        if (supervisee == null || !"ONE_TO_ONE".equals(s.kind())) {
            throw Problems.conflict("Only a one-to-one session moves to a new supervisor.");
        }
        LocalDate today = LocalDate.now(clock);
        String current = relations.currentSupervisorId(supervisee.id(), today);
        access.requireTransferSession(caller, supervisee, current);
        ETags.requireCurrent(ifMatch, s.version());
        if (!List.of(SupervisionSession.PLANNED, SupervisionSession.POSTPONED).contains(s.status())) {
            throw Problems.conflict("A " + s.status().toLowerCase() + " session cannot be transferred.");
        }
        if (SupervisionSession.PLANNED.equals(s.status()) && s.meetingDate().isBefore(today)) {
            throw Problems.conflict("This session's date has passed: it stays with the supervisor of the time. "
                    + "Record it as held, or cancel it, rather than moving it.");
        }
        if (current == null || Objects.equals(current, s.supervisorId())) {
            throw Problems.conflict("This session is already with " + supervisee.displayName() + "'s current supervisor.");
        }
        boolean transfer = body.getOutcome() == SessionTransferOutcome.TRANSFER;
        String reason = body.getReason() == null ? "" : body.getReason().trim();
        long changed;
        if (transfer) {
            changed = sessionRows.transfer(s.id(), s.version(), current, clock.instant());
        } else {
            if (reason.isEmpty()) {
                throw Problems.rule("/reason", "Say why the session is cancelled; both people in it will see the reason.");
            }
            changed = sessionRows.cancel(s.id(), s.version(), "SUPERVISOR", reason, null, clock.instant());
        }
        if (changed != 1) {
            throw Problems.preconditionFailed(s.version());
        }
        activityLog.record(caller, transfer ? "SESSION_TRANSFERRED" : "SESSION_CANCELLED", "supervision_session", s.id(),
                transfer ? "from supervisor " + s.supervisorId() + " to " + current : "on a change of supervisor: " + reason);
        return sessions.byIds(caller, List.of(s.id())).get(0);
    }

}

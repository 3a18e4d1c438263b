package uk.supervision.action;

import uk.supervision.child.ChildReference;
import uk.supervision.child.ChildRepository;
import uk.supervision.child.ChildService;
import java.util.Objects;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.ActionCreate;
import uk.supervision.api.model.ActionPage;
import uk.supervision.api.model.ActionReviewOutcome;
import uk.supervision.api.model.ActionStatus;
import uk.supervision.api.model.ActionUpdate;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.ETags;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Actions agreed in supervision: an owner (supervisor or supervisee), a due date, open until closed. */
@Singleton
public class ActionService {
    private final ActionRepository actions;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final Clock clock;
    private final ChildRepository children;

    public ActionService(ActionRepository actions, StaffRepository staff, SupervisionRelationRepository relations, AccessPolicy access,
                         Idempotency idempotency, ActivityLog activityLog, JdbcOperations jdbc, Clock clock, ChildRepository children) {
        this.children = children;
        this.actions = actions;
        this.staff = staff;
        this.relations = relations;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Created(uk.supervision.api.model.Action action, boolean replayed) {
    }

    @Transactional
    public Created create(Caller caller, ActionCreate body, String idempotencyKey) {
        var previous = idempotency.previous(caller, idempotencyKey, "createAction", body);
        if (previous.isPresent()) {
            // A resend returns the action only while the caller may still read it, as the list would show it.
            List<SupervisionAction> readable = readableBy(caller, actions.findByIdIn(List.of(previous.get())));
            if (readable.isEmpty()) {
                throw Problems.forbidden("You may no longer see this action: it is seen by the people it belongs to and those above them.");
            }
            return new Created(toDtos(readable).get(0), true);
        }
        Staff supervisee = staff.findByIdAndOrganisationId(body.getSuperviseeId().toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/superviseeId", "There is no such member of staff in your organisation."));
        String supervisorId = relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock));
        requireActionsOf(caller, supervisee, supervisorId);
        String owner = checkedOwner(body.getOwnerId(), supervisee, supervisorId);
        if (body.getSessionId() != null && !isSessionOf(body.getSessionId().toString(), supervisee.id())) {
            throw Problems.rule("/sessionId", "That session is not one of " + supervisee.displayName() + "'s.");
        }
        Instant now = clock.instant();
        SupervisionAction saved = actions.save(new SupervisionAction(Ids.newId(), caller.organisationId(), supervisee.id(), owner,
                body.getText().trim(), body.getDueDate(), SupervisionAction.OPEN, null, null,
                body.getSessionId() == null ? null : body.getSessionId().toString(), null, 1, now, now, null, null, null, null));
        idempotency.remember(caller, idempotencyKey, "createAction", body, saved.id());
        activityLog.record(caller, "ACTION_AGREED", "supervision_action", saved.id(), "due " + saved.dueDate());
        return new Created(toDtos(List.of(saved)).get(0), false);
    }

    @Transactional
    public uk.supervision.api.model.Action update(Caller caller, UUID id, ActionUpdate body, String ifMatch) {
        SupervisionAction current = actions.findById(id.toString()).filter(a -> a.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Action " + id));
        Staff supervisee = staff.findById(current.superviseeId()).orElseThrow();
        String supervisorId = relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock));
        requireActionsOf(caller, supervisee, supervisorId);
        requireDiscussionReadable(caller, current);
        ETags.requireCurrent(ifMatch, current.version());
        if (!SupervisionAction.OPEN.equals(current.status())) {
            throw Problems.conflict("This action is closed (" + current.status().toLowerCase().replace('_', ' ') + ").");
        }
        if (beingSigned(current)) {
            throw Problems.conflict("The record this action was agreed in is being signed: it cannot change until everyone has signed."
                    + " Then close or update it as usual.");
        }
        String owner = checkedOwner(body.getOwnerId(), supervisee, supervisorId);
        if (fromCompletedAudit(current) && (!current.text().equals(body.getText().trim()) || !current.ownerStaffId().equals(owner)
                || !current.dueDate().equals(body.getDueDate()))) {
            throw Problems.conflict("An action a supervision file audit asked for keeps the words, owner and due date the auditor signed:"
                    + " mark it done or no longer needed instead.");
        }
        if (actions.updateOpen(current.id(), current.version(), owner, body.getText().trim(), body.getDueDate(),
                body.getStatus().getValue(), clock.instant()) != 1) {
            throw Problems.preconditionFailed(current.version());
        }
        activityLog.record(caller, "ACTION_CHANGED", "supervision_action", current.id(), body.getStatus().getValue());
        return toDtos(actions.findByIdIn(List.of(current.id()))).get(0);
    }

    /**
     * Removes an action agreed by mistake: only while it is open, never reviewed, and nobody has signed the record
     * of the session it was agreed in (what one party signed must not lose an action before the other signs; a
     * signed record's actions are history: close them instead).
     */
    @Transactional
    public void delete(Caller caller, UUID id, String ifMatch) {
        SupervisionAction current = actions.findById(id.toString()).filter(a -> a.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Action " + id));
        Staff supervisee = staff.findById(current.superviseeId()).orElseThrow();
        requireActionsOf(caller, supervisee, relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock)));
        requireDiscussionReadable(caller, current);
        ETags.requireCurrent(ifMatch, current.version());
        if (fromCompletedAudit(current)) {
            throw Problems.conflict("An action a supervision file audit asked for is part of the signed audit: close it instead of removing it.");
        }
        if (!SupervisionAction.OPEN.equals(current.status()) || current.lastReview() != null || signatureCount(current) > 0) {
            throw Problems.conflict("This action is part of a record someone has signed, or has been reviewed: close it instead of removing it.");
        }
        if (actions.deleteUnreviewed(current.id(), current.version()) != 1) {
            throw Problems.preconditionFailed(current.version());
        }
        activityLog.record(caller, "ACTION_REMOVED", "supervision_action", current.id(), null);
    }

    /** Signed by someone, not yet by everyone: the action must stay as they signed it until the record locks. */
    private boolean beingSigned(SupervisionAction action) {
        return signatureCount(action) > 0 && !recordLocked(action);
    }

    /** Asked for by a completed audit (Q13b): signed by the auditor, so only its status moves. */
    private boolean fromCompletedAudit(SupervisionAction action) {
        return !jdbc.prepareStatement("SELECT 1 FROM supervision_action a JOIN file_audit_signature s ON s.file_audit_id = a.file_audit_id "
                + "WHERE a.id = ?", ps -> {
            ps.setString(1, action.id());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? List.of(1) : List.<Integer>of();
            }
        }).isEmpty();
    }

    private int signatureCount(SupervisionAction action) {
        return action.createdInSessionId() == null ? 0 : count("SELECT COUNT(*) FROM record_signature WHERE session_id = ?", action);
    }

    private boolean recordLocked(SupervisionAction action) {
        return count("SELECT COUNT(*) FROM session_record WHERE session_id = ? AND status = 'SIGNED'", action) > 0;
    }

    private int count(String sql, SupervisionAction action) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, action.createdInSessionId());
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Transactional(readOnly = true)
    public ActionPage list(Caller caller, Integer limit, String cursor, UUID ownerId, UUID superviseeId, UUID teamId,
                           ActionStatus status, Boolean overdue) {
        access.requireSupervisionLists(caller);
        StaffScope scope = access.recordScope(caller);
        if (scope.isEmpty()) {
            return new ActionPage(List.of());
        }
        LocalDate today = LocalDate.now(clock);
        StringBuilder sql = new StringBuilder("SELECT a.id, a.due_date FROM supervision_action a JOIN staff e ON e.id = a.supervisee_id "
                + "WHERE a.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        if (caller.staffId() != null) {
            sql.append(scope.sql("e.service_id", "a.supervisee_id", args, "a.owner_staff_id = ?"));
            if (!scope.wholeOrganisation()) {
                args.add(caller.staffId());
            }
        } else {
            sql.append(scope.sql("e.service_id", "a.supervisee_id", args));
        }
        // An action agreed in a case discussion carries its content (child, outcome, measure): the discussion's rule too.
        sql.append(" AND (a.case_discussion_id IS NULL OR EXISTS (SELECT 1 FROM case_discussion cd JOIN staff cs ON cs.id = cd.supervisor_id"
                + " WHERE cd.id = a.case_discussion_id").append(access.caseDiscussionSql(caller, "cd.supervisee_id", "cd.supervisor_id",
                "cs.service_id", args)).append("))");
        if (ownerId != null) {
            sql.append(" AND a.owner_staff_id = ?");
            args.add(ownerId.toString());
        }
        if (superviseeId != null) {
            sql.append(" AND a.supervisee_id = ?");
            args.add(superviseeId.toString());
        }
        if (teamId != null) {
            sql.append(" AND e.team_id = ?");
            args.add(teamId.toString());
        }
        if (status != null) {
            sql.append(" AND a.status = ?");
            args.add(status.getValue());
        }
        if (Boolean.TRUE.equals(overdue)) {
            sql.append(" AND a.status = 'OPEN' AND a.due_date < ?");
            args.add(Date.valueOf(today));
        }
        List<Object> after = Cursor.decode(CursorList.ACTIONS, cursor, 2, keys -> {
            Date d = Date.valueOf(LocalDate.parse(keys.get(0)));
            return List.of(d, d, Ids.str(UUID.fromString(keys.get(1))));
        });
        if (after != null) {
            sql.append(" AND (a.due_date > ? OR (a.due_date = ? AND a.id > ?))");
            args.addAll(after);
        }
        int size = Cursor.limit(limit);
        sql.append(" ORDER BY a.due_date, a.id LIMIT ?");
        args.add(size + 1);
        List<String> ids = Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> page = more ? ids.subList(0, size) : ids;
        Map<String, SupervisionAction> byId = new HashMap<>();
        if (!page.isEmpty()) {
            actions.findByIdIn(page).forEach(a -> byId.put(a.id(), a));
        }
        ActionPage result = new ActionPage(toDtos(readableBy(caller, page.stream().map(byId::get).toList())));
        if (more) {
            SupervisionAction last = byId.get(page.get(page.size() - 1));
            result.setNextCursor(Cursor.encode(CursorList.ACTIONS, last.dueDate(), last.id()));
        }
        return result;
    }

    /**
     * The actions among these the caller may see: their own (as supervisee or owner) and those of people
     * whose supervision records they may read. Every operation that shows actions passes them here.
     */
    public List<SupervisionAction> readableBy(Caller caller, List<SupervisionAction> rows) {
        return readableDiscussionActions(caller,
                access.readableRecords(caller, rows, a -> AccessPolicy.Parties.of(a.organisationId(), a.superviseeId(), a.ownerStaffId())));
    }

    /**
     * Of these actions, those not agreed in a case discussion and those whose discussion the caller may read (its
     * rule, not the supervisee's): the discussions and their supervisors are read once for all of them.
     */
    public List<SupervisionAction> readableDiscussionActions(Caller caller, List<SupervisionAction> rows) {
        List<String> discussionIds = rows.stream().map(SupervisionAction::caseDiscussionId).filter(Objects::nonNull).distinct().toList();
        if (discussionIds.isEmpty()) {
            return rows;
        }
        record Discussion(String organisationId, String superviseeId, String supervisorId) {
        }
        Map<String, Discussion> discussions = new HashMap<>();
        jdbc.prepareStatement("SELECT id, organisation_id, supervisee_id, supervisor_id FROM case_discussion WHERE id IN ("
                + Sql.placeholders(discussionIds.size()) + ")", ps -> {
            for (int i = 0; i < discussionIds.size(); i++) {
                ps.setString(i + 1, discussionIds.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    discussions.put(rs.getString(1), new Discussion(rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return null;
        });
        Map<String, Staff> supervisors = new HashMap<>();
        List<String> supervisorIds = discussions.values().stream().map(Discussion::supervisorId).distinct().toList();
        if (!supervisorIds.isEmpty()) {
            staff.findByIdIn(supervisorIds).forEach(s -> supervisors.put(s.id(), s));
        }
        return rows.stream().filter(a -> {
            if (a.caseDiscussionId() == null) {
                return true;
            }
            Discussion d = discussions.get(a.caseDiscussionId());
            return d != null && access.canReadCaseDiscussion(caller, d.organisationId(), d.superviseeId(), supervisors.get(d.supervisorId()));
        }).toList();
    }

    /** Actions as the API shows them, names loaded in one query. */
    public List<uk.supervision.api.model.Action> toDtos(List<SupervisionAction> rows) {
        Set<String> people = new HashSet<>();
        rows.forEach(a -> {
            people.add(a.superviseeId());
            people.add(a.ownerStaffId());
        });
        Map<String, Staff> byId = new HashMap<>();
        if (!people.isEmpty()) {
            staff.findByIdIn(people).forEach(s -> byId.put(s.id(), s));
        }
        Map<String, ChildReference> children = new HashMap<>();
        List<String> childIds = rows.stream().map(SupervisionAction::childId).filter(Objects::nonNull).distinct().toList();
        if (!childIds.isEmpty()) {
            // One query for the children of the whole page.
            this.children.findByIdIn(childIds).forEach(c -> children.put(c.id(), c));
        }
        LocalDate today = LocalDate.now(clock);
        return rows.stream().map(a -> {
            uk.supervision.api.model.Action dto = new uk.supervision.api.model.Action(UUID.fromString(a.id()),
                    StaffMapper.ref(byId.get(a.superviseeId())), StaffMapper.ref(byId.get(a.ownerStaffId())), a.text(), a.dueDate(),
                    ActionStatus.fromValue(a.status()), SupervisionAction.OPEN.equals(a.status()) && a.dueDate().isBefore(today),
                    a.version(), a.createdAt().atOffset(ZoneOffset.UTC), a.updatedAt().atOffset(ZoneOffset.UTC));
            dto.setLastReview(a.lastReview() == null ? null : ActionReviewOutcome.fromValue(a.lastReview()));
            dto.setLastReviewNote(a.lastReviewNote());
            dto.setCreatedInSessionId(a.createdInSessionId() == null ? null : UUID.fromString(a.createdInSessionId()));
            dto.setClosedInSessionId(a.closedInSessionId() == null ? null : UUID.fromString(a.closedInSessionId()));
            dto.setCaseDiscussionId(a.caseDiscussionId() == null ? null : UUID.fromString(a.caseDiscussionId()));
            dto.setChild(a.childId() == null || !children.containsKey(a.childId()) ? null : ChildService.ref(children.get(a.childId())));
            dto.setDesiredOutcome(a.desiredOutcome());
            dto.setMeasure(a.measure());
            return dto;
        }).toList();
    }

    /** An action agreed in a case discussion is changed only by someone who may read that discussion. */
    private void requireDiscussionReadable(Caller caller, SupervisionAction action) {
        if (action.caseDiscussionId() != null && readableDiscussionActions(caller, List.of(action)).isEmpty()) {
            throw Problems.forbidden("This action was agreed in a case discussion: it is seen by the people who may read that discussion.");
        }
    }

    /** The supervisee themself, their supervisor, or a manager above them. */
    private void requireActionsOf(Caller caller, Staff supervisee, String supervisorId) {
        if (!caller.isSelf(supervisee.id())) {
            access.requireArrangeSupervisionFor(caller, supervisee, supervisorId);
        }
    }

    private String checkedOwner(UUID ownerId, Staff supervisee, String supervisorId) {
        String owner = ownerId.toString();
        if (!owner.equals(supervisee.id()) && !owner.equals(supervisorId)) {
            throw Problems.rule("/ownerId", "An action is owned by the supervisee or their supervisor.");
        }
        return owner;
    }

    private boolean isSessionOf(String sessionId, String superviseeId) {
        return jdbc.prepareStatement("SELECT COUNT(*) FROM session_participant WHERE session_id = ? AND supervisee_id = ?", ps -> {
            ps.setString(1, sessionId);
            ps.setString(2, superviseeId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        });
    }

}

package uk.supervision.casediscussion;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.AnswerType;
import uk.supervision.api.model.CaseDiscussion;
import uk.supervision.api.model.CaseDiscussionAction;
import uk.supervision.api.model.CaseDiscussionAnswer;
import uk.supervision.api.model.CaseDiscussionCreate;
import uk.supervision.api.model.CaseDiscussionDecision;
import uk.supervision.api.model.CaseDiscussionPage;
import uk.supervision.api.model.CaseDiscussionStatus;
import uk.supervision.api.model.CaseDiscussionSummary;
import uk.supervision.api.model.CaseDiscussionUpdate;
import uk.supervision.api.model.ChildViewReason;
import uk.supervision.api.model.ChildViewStatus;
import uk.supervision.api.model.ChildVoice;
import uk.supervision.api.model.FieldError;
import uk.supervision.api.model.RecordSignature;
import uk.supervision.api.model.Shortfall;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.child.ChildReference;
import uk.supervision.child.ChildRepository;
import uk.supervision.child.ChildService;
import uk.supervision.decision.DecisionFiling;
import uk.supervision.decision.SignedDecision;
import uk.supervision.decision.SignedDecisionRepository;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.SignedItem;
import uk.supervision.policy.AnswerScales;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.session.SessionRepository;
import uk.supervision.session.SupervisionSession;
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
import uk.supervision.support.json.JsonText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Case discussions (DOMAIN section 6): one child, a supervisee and a supervisor, inside a session or between
 * sessions. Written and signed by either party on the same content, then locked: its decisions are filed for the
 * case-management system and its actions with an owner and a due date join the action lists.
 */
@Singleton
public class CaseDiscussionService {
    /** Decisions are dated the day they were discussed, from the start of that day in England. */
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Set<String> SESSION_DONE = Set.of("HELD", "RECORDED", "SIGNED");

    private final CaseDiscussionRepository discussions;
    private final CaseDiscussionSnapshots snapshots;
    private final ChildRepository children;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final SessionRepository sessions;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final DecisionFiling filing;
    private final SignedDecisionRepository decisions;
    private final Canonical canonical;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public CaseDiscussionService(CaseDiscussionRepository discussions, CaseDiscussionSnapshots snapshots, ChildRepository children,
                                 StaffRepository staff, SupervisionRelationRepository relations, SessionRepository sessions,
                                 PolicyService policy, AccessPolicy access, Idempotency idempotency, ActivityLog activityLog,
                                 ReadLog readLog, DecisionFiling filing, SignedDecisionRepository decisions, Canonical canonical,
                                 JdbcOperations jdbc, JsonMapper json, Clock clock) {
        this.discussions = discussions;
        this.snapshots = snapshots;
        this.children = children;
        this.staff = staff;
        this.relations = relations;
        this.sessions = sessions;
        this.policy = policy;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.filing = filing;
        this.decisions = decisions;
        this.canonical = canonical;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public record Created(CaseDiscussion discussion, boolean replayed) {
    }

    // ---- operations

    @Transactional
    public Created create(Caller caller, CaseDiscussionCreate body, String idempotencyKey) {
        Optional<String> previous = idempotency.previous(caller, idempotencyKey, "createCaseDiscussion", body);
        if (previous.isPresent()) {
            // A resend creates nothing: it is a read of what the first request made, checked and logged as one.
            return new Created(loggedView(caller, readable(caller, previous.get())), true);
        }
        ChildReference child = children.findById(body.getChildId().toString()).filter(c -> c.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.rule("/childId", "There is no such child in your organisation."));
        String superviseeId;
        String supervisorId;
        String sessionId = null;
        LocalDate discussedOn = body.getDiscussedOn();
        if (body.getSessionId() != null) {
            SupervisionSession session = sessions.findById(body.getSessionId().toString())
                    .filter(s -> s.organisationId().equals(caller.organisationId()))
                    .orElseThrow(() -> Problems.rule("/sessionId", "There is no such session in your organisation."));
            List<String> participants = participants(session.id());
            if (!"ONE_TO_ONE".equals(session.kind()) || participants.size() != 1) {
                throw Problems.rule("/sessionId", "A case discussion is part of a one-to-one session.");
            }
            if (!SESSION_DONE.contains(session.status())) {
                throw Problems.rule("/sessionId", "The session has not been held yet: record it as held first, or discuss the case between sessions.");
            }
            superviseeId = participants.get(0);
            supervisorId = session.supervisorId();
            if (body.getSuperviseeId() != null && !body.getSuperviseeId().toString().equals(superviseeId)) {
                throw Problems.rule("/superviseeId", "Inside a session the case discussion is with the session's supervisee.");
            }
            sessionId = session.id();
            if (discussedOn != null && !discussedOn.equals(session.meetingDate())) {
                throw Problems.rule("/discussedOn", "A case discussion inside a session is dated the day of the session.");
            }
            discussedOn = session.meetingDate();
        } else {
            superviseeId = body.getSuperviseeId() == null ? child.allocatedWorkerId() : body.getSuperviseeId().toString();
            Staff supervisee = staff.findByIdAndOrganisationId(superviseeId, caller.organisationId())
                    .orElseThrow(() -> Problems.rule("/superviseeId", "There is no such member of staff in your organisation."));
            supervisorId = relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock));
            if (supervisorId == null) {
                throw Problems.rule(body.getSuperviseeId() == null ? "/childId" : "/superviseeId",
                        supervisee.displayName() + " has no supervisor today: a case discussion is between a supervisee and their supervisor.");
            }
        }
        if (!caller.isSelf(superviseeId) && !caller.isSelf(supervisorId)) {
            throw Problems.forbidden("A case discussion is started by one of its two parties: the supervisee or their supervisor.");
        }
        // About a child in the supervisee's work, which both parties may then see; any other child is refused without
        // naming it: 403 (as GET /children/{id}) when the caller may not see it, 422 when they may.
        if (!child.allocatedWorkerId().equals(superviseeId)) {
            if (!access.canSeeChild(caller, staff.findById(child.allocatedWorkerId()).orElseThrow())) {
                throw Problems.forbidden("Children are seen by the people whose work they are part of, the managers above them and quality assurance.");
            }
            throw Problems.rule("/childId", "The child is not allocated to the supervisee: a case discussion is about a child in their work.");
        }
        LocalDate today = LocalDate.now(clock);
        discussedOn = discussedOn == null ? today : discussedOn;
        checkDiscussedOn(discussedOn, sessionId, superviseeId);
        PolicyService.ActiveTemplate template = policy.activeTemplate(caller.organisationId(), TemplateKind.CASE_DISCUSSION);
        Instant now = clock.instant();
        CaseDiscussionRow saved = discussions.save(new CaseDiscussionRow(Ids.newId(), caller.organisationId(), child.id(), superviseeId,
                supervisorId, sessionId, template.id(), discussedOn, CaseDiscussionRow.DRAFT, JsonText.write(json, DiscussionContent.empty()), null, null,
                null, 1, 1, now, now));
        idempotency.remember(caller, idempotencyKey, "createCaseDiscussion", body, saved.id());
        activityLog.record(caller, "CASE_DISCUSSION_STARTED", RecordRead.CASE_DISCUSSION, saved.id(), null);
        return new Created(view(caller, saved), false);
    }

    /** Read-write: the log row is written in the read's own transaction, and MySQL refuses it in a read-only one. */
    @Transactional
    public CaseDiscussion get(Caller caller, UUID id) {
        return loggedView(caller, readable(caller, id.toString()));
    }

    @Transactional
    public CaseDiscussion update(Caller caller, UUID id, CaseDiscussionUpdate body, String ifMatch) {
        CaseDiscussionRow row = readable(caller, id.toString());
        requireParty(caller, row);
        ETags.requireCurrent(ifMatch, row.version());
        requireDraft(row);
        LocalDate today = LocalDate.now(clock);
        checkDiscussedOn(body.getDiscussedOn(), row.sessionId(), row.superviseeId());
        DiscussionContent before = read(row.contentJson());
        List<FieldError> errors = new ArrayList<>();
        DiscussionContent content = new DiscussionContent(checkedAnswers(row, body.getAnswers()),
                checkedVoice(body.getChildVoice(), today, errors), withDecisionIds(body.getDecisions(), before.decisions(), errors),
                checkedActions(row, body.getActions(), body.getDiscussedOn(), before.actions(), errors));
        refuse(errors);
        ChildViewStatus viewStatus = countedStatus(content.childVoice());
        int changed = jdbc.prepareStatement("UPDATE case_discussion SET discussed_on = ?, content_json = ?, child_view_status = ?, "
                // Both set from the version read: MySQL applies SET left to right, H2 from the old row.
                + "version = ?, content_version = ?, updated_at = ? WHERE id = ? AND version = ? AND status = 'DRAFT'", ps -> {
            ps.setDate(1, Date.valueOf(body.getDiscussedOn()));
            ps.setString(2, JsonText.write(json, content));
            ps.setString(3, viewStatus == null ? null : viewStatus.getValue());
            ps.setInt(4, row.version() + 1);
            ps.setInt(5, row.version() + 1);
            ps.setTimestamp(6, Timestamp.from(clock.instant()));
            ps.setString(7, row.id());
            ps.setInt(8, row.version());
            return ps.executeUpdate();
        });
        if (changed != 1) {
            throw Problems.preconditionFailed(row.version());
        }
        activityLog.record(caller, "CASE_DISCUSSION_WRITTEN", RecordRead.CASE_DISCUSSION, row.id(), null);
        return view(caller, discussions.findById(row.id()).orElseThrow());
    }

    @Transactional
    public void delete(Caller caller, UUID id, String ifMatch) {
        CaseDiscussionRow row = readable(caller, id.toString());
        requireParty(caller, row);
        ETags.requireCurrent(ifMatch, row.version());
        requireDraft(row);
        if (!signatures(row.id()).isEmpty()) {
            throw Problems.conflict("Someone has signed this case discussion: it cannot be discarded. Change it and sign again instead.");
        }
        int removed = jdbc.prepareStatement("DELETE FROM case_discussion WHERE id = ? AND version = ? AND status = 'DRAFT'", ps -> {
            ps.setString(1, row.id());
            ps.setInt(2, row.version());
            return ps.executeUpdate();
        });
        if (removed != 1) {
            throw Problems.preconditionFailed(row.version());
        }
        activityLog.record(caller, "CASE_DISCUSSION_DISCARDED", RecordRead.CASE_DISCUSSION, row.id(), null);
    }

    /**
     * Signings of one discussion run one at a time: the row is locked (SELECT ... FOR UPDATE) before it is read,
     * and at READ COMMITTED every read after the lock sees the other party's committed signature, so the last of
     * two simultaneous signatures locks the discussion, once.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public CaseDiscussion sign(Caller caller, UUID id, String ifMatch) {
        CaseDiscussionRow found = readable(caller, id.toString());
        requireParty(caller, found);
        int contentVersion = lockForSigning(found.id());
        CaseDiscussionRow row = discussions.findById(found.id()).orElseThrow();
        ETags.requireSignable(ifMatch, !snapshots.isLocked(row.id()), row.version(), contentVersion);
        requireDraft(row);
        DiscussionContent content = read(row.contentJson());
        List<Shortfall> missing = missing(row, content);
        if (!missing.isEmpty()) {
            List<FieldError> errors = missing.stream().map(m -> new FieldError(m.getPointer(), m.getMessage())).toList();
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    (errors.size() == 1 ? "1 thing needs" : errors.size() + " things need") + " doing before the case discussion can be signed.",
                    errors, null, null);
        }
        String hash = contentHash(row);
        List<CaseDiscussionSnapshots.Signature> existing = signatures(row.id());
        if (existing.stream().anyMatch(s -> s.signer().equals(caller.staffId()) && s.hash().equals(hash))) {
            throw Problems.conflict("You have already signed the case discussion as it stands.");
        }
        Instant now = clock.instant();
        jdbc.prepareStatement("INSERT INTO case_discussion_signature (id, case_discussion_id, signer_staff_id, signer_account_id, signed_at, "
                + "content_hash) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, Ids.newId());
            ps.setString(2, row.id());
            ps.setString(3, caller.staffId());
            ps.setString(4, caller.accountId());
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, hash);
            return ps.executeUpdate();
        });
        List<CaseDiscussionSnapshots.Signature> current = signatures(row.id()).stream().filter(s -> s.hash().equals(hash)).toList();
        Set<String> signers = new HashSet<>();
        current.forEach(s -> signers.add(s.signer()));
        boolean both = signers.contains(row.superviseeId()) && signers.contains(row.supervisorId());
        int updated = jdbc.prepareStatement(both
                ? "UPDATE case_discussion SET status = 'SIGNED', content_hash = ?, signed_at = ?, version = version + 1, updated_at = ? WHERE id = ?"
                : "UPDATE case_discussion SET version = version + 1, updated_at = ? WHERE id = ?", ps -> {
            int i = 1;
            if (both) {
                ps.setString(i++, hash);
                ps.setTimestamp(i++, Timestamp.from(now));
            }
            ps.setTimestamp(i++, Timestamp.from(now));
            ps.setString(i, row.id());
            return ps.executeUpdate();
        });
        if (updated != 1) {
            throw Problems.preconditionFailed(row.version());
        }
        CaseDiscussionRow after = discussions.findById(row.id()).orElseThrow();
        if (both) {
            SignedItem item = snapshots.lock(after);
            String supervisorAccount = current.stream().filter(s -> s.signer().equals(row.supervisorId())).findFirst().orElseThrow().account();
            fileDecisions(item, after, content, supervisorAccount);
            trackActions(after, content, now);
            activityLog.record(caller, "CASE_DISCUSSION_SIGNED_AND_LOCKED", RecordRead.CASE_DISCUSSION, row.id(), "content " + hash);
        } else {
            activityLog.record(caller, "CASE_DISCUSSION_SIGNED", RecordRead.CASE_DISCUSSION, row.id(), "content " + hash);
        }
        return view(caller, after);
    }

    /** Newest first. The list shows no content, but each page is a read of the supervisees it names (one log row). */
    @Transactional
    public CaseDiscussionPage list(Caller caller, Integer limit, String cursor, UUID superviseeId, UUID childId, UUID sessionId,
                                   CaseDiscussionStatus status) {
        StaffScope scope = access.caseDiscussionScope(caller);
        StringBuilder sql = new StringBuilder("SELECT d.id FROM case_discussion d JOIN staff sup ON sup.id = d.supervisor_id "
                + "WHERE d.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        if (caller.staffId() != null) {
            sql.append(scope.sql("sup.service_id", "d.supervisor_id", args, "d.supervisee_id = ?", "d.supervisor_id = ?"));
            if (!scope.wholeOrganisation()) {
                args.add(caller.staffId());
                args.add(caller.staffId());
            }
        } else {
            sql.append(scope.sql("sup.service_id", "d.supervisor_id", args));
        }
        if (superviseeId != null) {
            sql.append(" AND d.supervisee_id = ?");
            args.add(superviseeId.toString());
        }
        if (childId != null) {
            sql.append(" AND d.child_id = ?");
            args.add(childId.toString());
        }
        if (sessionId != null) {
            sql.append(" AND d.session_id = ?");
            args.add(sessionId.toString());
        }
        if (status != null) {
            // Signed is the snapshot's existence, not the row's status column.
            sql.append(status == CaseDiscussionStatus.SIGNED ? " AND " : " AND NOT ")
                    .append("EXISTS (SELECT 1 FROM signed_item si WHERE si.item_type = ? AND si.item_id = d.id)");
            args.add(CaseDiscussionSnapshots.ITEM_TYPE);
        }
        List<Object> after = Cursor.decode(CursorList.CASE_DISCUSSIONS, cursor, 2, keys -> {
            Date d = Date.valueOf(LocalDate.parse(keys.get(0)));
            return List.of(d, d, Ids.str(UUID.fromString(keys.get(1))));
        });
        if (after != null) {
            sql.append(" AND (d.discussed_on < ? OR (d.discussed_on = ? AND d.id < ?))");
            args.addAll(after);
        }
        int size = Cursor.limit(limit);
        sql.append(" ORDER BY d.discussed_on DESC, d.id DESC LIMIT ?");
        args.add(size + 1);
        List<String> ids = scope.isEmpty() && caller.staffId() == null ? List.of() : Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> pageIds = more ? ids.subList(0, size) : ids;
        Map<String, CaseDiscussionRow> byId = new HashMap<>();
        if (!pageIds.isEmpty()) {
            discussions.findByIdIn(pageIds).forEach(d -> byId.put(d.id(), d));
        }
        List<CaseDiscussionRow> rows = pageIds.stream().map(byId::get).toList();
        Map<String, Staff> people = people(rows.stream().flatMap(r -> List.of(r.superviseeId(), r.supervisorId()).stream()).toList());
        List<CaseDiscussionRow> readable = access.readableCaseDiscussions(caller, rows, CaseDiscussionService::parties, people);
        CaseDiscussionPage page = new CaseDiscussionPage(summaries(caller, readable, people));
        if (more) {
            CaseDiscussionRow last = rows.get(rows.size() - 1);
            page.setNextCursor(Cursor.encode(CursorList.CASE_DISCUSSIONS, last.discussedOn(), last.id()));
        }
        readLog.record(caller, RecordRead.list(RecordRead.CASE_DISCUSSION, readable.stream().map(CaseDiscussionRow::superviseeId).toList(),
                readable.size()));
        return page;
    }

    // ---- access

    private static AccessPolicy.Parties parties(CaseDiscussionRow r) {
        return AccessPolicy.Parties.of(r.organisationId(), r.superviseeId(), r.supervisorId());
    }

    /** The discussion, if the caller may read it (404 for another organisation's, 403 for one they may not read). */
    private CaseDiscussionRow readable(Caller caller, String id) {
        CaseDiscussionRow row = discussions.findById(id).filter(d -> d.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Case discussion " + id));
        if (!access.canReadCaseDiscussion(caller, row.organisationId(), row.superviseeId(), staff.findById(row.supervisorId()).orElse(null))) {
            throw Problems.forbidden("Case discussions are read only by the two parties, the managers above them and quality assurance.");
        }
        return row;
    }

    private static void requireParty(Caller caller, CaseDiscussionRow row) {
        if (!caller.isSelf(row.superviseeId()) && !caller.isSelf(row.supervisorId())) {
            throw Problems.forbidden("Only the supervisee and the supervisor in the case discussion write, sign or discard it.");
        }
    }

    private void requireDraft(CaseDiscussionRow row) {
        if (snapshots.isLocked(row.id())) {
            throw Problems.conflict("The case discussion is signed and locked: it cannot change.");
        }
    }

    private CaseDiscussion loggedView(Caller caller, CaseDiscussionRow row) {
        CaseDiscussion view = view(caller, row);
        readLog.record(caller, RecordRead.one(RecordRead.CASE_DISCUSSION, row.id(), List.of(row.superviseeId())));
        return view;
    }

    // ---- checks on what is written

    private List<CaseDiscussionAnswer> checkedAnswers(CaseDiscussionRow row, List<CaseDiscussionAnswer> answers) {
        Map<String, TemplateItemEntity> items = items(row.templateId());
        Map<String, CaseDiscussionAnswer> byKey = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            CaseDiscussionAnswer a = answers.get(i);
            TemplateItemEntity item = items.get(a.getKey());
            if (item == null) {
                errors.add(new FieldError("/answers/" + i + "/key", "The case discussion template has no item " + a.getKey() + "."));
                continue;
            }
            if (byKey.put(a.getKey(), a) != null) {
                errors.add(new FieldError("/answers/" + i + "/key", "\"" + item.label() + "\" is answered twice."));
                continue;
            }
            if (!Boolean.TRUE.equals(a.getNotApplicable()) && a.getText() != null && !a.getText().isBlank()) {
                String pointer = "/answers/" + i + "/text";
                AnswerScales.problem(AnswerType.fromValue(item.answerType()), a.getText())
                        .ifPresent(p -> errors.add(new FieldError(pointer, p)));
            }
        }
        refuse(errors);
        // Kept in the template's order, whatever order they were sent in.
        return items.keySet().stream().filter(byKey::containsKey).map(byKey::get).toList();
    }

    /**
     * The child's view or the reason it could not be obtained, never both (a view given with a reason would be counted
     * as recorded), and a status that agrees with what is given.
     */
    private static ChildVoice checkedVoice(ChildVoice voice, LocalDate today, List<FieldError> errors) {
        ChildVoice v = voice == null ? new ChildVoice() : voice;
        boolean view = v.getView() != null && !v.getView().isBlank();
        if (view && v.getReason() != null) {
            errors.add(new FieldError("/childVoice/reason",
                    "Record the child's view or say why it could not be obtained, not both: remove the view or the reason."));
        } else if (v.getStatus() == ChildViewStatus.RECORDED && v.getReason() != null) {
            errors.add(new FieldError("/childVoice/reason", "The child's view is recorded: remove the reason it could not be obtained."));
        } else if (v.getStatus() == ChildViewStatus.NOT_OBTAINED && view) {
            errors.add(new FieldError("/childVoice/view", "The child's view could not be obtained: remove the view, or record it as obtained."));
        }
        if (v.getLastSeenOn() != null && v.getLastSeenOn().isAfter(today)) {
            errors.add(new FieldError("/childVoice/lastSeenOn", "The date the child was last seen cannot be in the future."));
        }
        return v;
    }

    /** Not in the future; inside a session the session's day; between sessions not before the supervisee started work. */
    private void checkDiscussedOn(LocalDate discussedOn, String sessionId, String superviseeId) {
        if (discussedOn.isAfter(LocalDate.now(clock))) {
            throw Problems.rule("/discussedOn", "A case discussion cannot be dated in the future.");
        }
        if (sessionId != null) {
            LocalDate day = sessions.findById(sessionId).map(SupervisionSession::meetingDate).orElseThrow();
            if (!discussedOn.equals(day)) {
                throw Problems.rule("/discussedOn", "A case discussion inside a session is dated the day of the session.");
            }
            return;
        }
        Staff supervisee = staff.findById(superviseeId).orElseThrow();
        if (supervisee.employmentStartDate() != null && discussedOn.isBefore(supervisee.employmentStartDate())) {
            throw Problems.rule("/discussedOn", "A case discussion cannot be dated before " + supervisee.displayName() + " started work.");
        }
    }

    private static List<CaseDiscussionDecision> withDecisionIds(List<CaseDiscussionDecision> written, List<CaseDiscussionDecision> before,
                                                               List<FieldError> errors) {
        Set<UUID> seen = new HashSet<>();
        List<CaseDiscussionDecision> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            CaseDiscussionDecision d = written.get(i);
            UUID id = d.getId() == null ? UUID.fromString(Ids.newId()) : d.getId();
            if (!seen.add(id)) {
                errors.add(new FieldError("/decisions/" + i + "/id", "Two decisions have the same id."));
            }
            if (d.getText() == null || d.getText().isBlank()) {
                // It would be filed to the case-management system as an empty decision.
                errors.add(new FieldError("/decisions/" + i + "/text", "Write decision " + (i + 1) + ", or remove it."));
                continue;
            }
            CaseDiscussionDecision kept = new CaseDiscussionDecision(d.getText().trim());
            kept.setId(id);
            kept.setRationale(blank(d.getRationale()));
            out.add(kept);
        }
        return out;
    }

    private List<CaseDiscussionAction> checkedActions(CaseDiscussionRow row, List<CaseDiscussionAction> written, LocalDate discussedOn,
                                                      List<CaseDiscussionAction> before, List<FieldError> errors) {
        Set<UUID> seen = new HashSet<>();
        List<CaseDiscussionAction> out = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            CaseDiscussionAction a = written.get(i);
            UUID id = a.getId() == null ? UUID.fromString(Ids.newId()) : a.getId();
            if (!seen.add(id)) {
                errors.add(new FieldError("/actions/" + i + "/id", "Two actions have the same id."));
            }
            if (a.getOwnerId() != null && !a.getOwnerId().toString().equals(row.superviseeId())
                    && !a.getOwnerId().toString().equals(row.supervisorId())) {
                errors.add(new FieldError("/actions/" + i + "/ownerId", "An action is owned by the supervisee or the supervisor in the discussion."));
            }
            if (a.getDueDate() != null && a.getDueDate().isBefore(discussedOn)) {
                errors.add(new FieldError("/actions/" + i + "/dueDate", "An action cannot be due before the day it was agreed."));
            }
            if (a.getText() == null || a.getText().isBlank()) {
                errors.add(new FieldError("/actions/" + i + "/text", "Say what action " + (i + 1) + " is, or remove it."));
                continue;
            }
            CaseDiscussionAction kept = new CaseDiscussionAction(a.getText().trim());
            kept.setId(id);
            kept.setDesiredOutcome(blank(a.getDesiredOutcome()));
            kept.setMeasure(blank(a.getMeasure()));
            kept.setOwnerId(a.getOwnerId());
            kept.setDueDate(a.getDueDate());
            out.add(kept);
        }
        return out;
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    errors.size() == 1 ? errors.get(0).getMessage() : errors.size() + " things need correcting.", errors, null, null);
        }
    }

    /**
     * What is counted and reported: RECORDED only when a view is recorded, NOT_OBTAINED only when a reason is given
     * (both together are refused on writing); null when neither.
     */
    private static ChildViewStatus countedStatus(ChildVoice v) {
        if (v == null) {
            return null;
        }
        if (v.getView() != null && !v.getView().isBlank()) {
            return ChildViewStatus.RECORDED;
        }
        return v.getReason() != null ? ChildViewStatus.NOT_OBTAINED : null;
    }

    /** RECORDED or NOT_OBTAINED as said, else as implied by a view or a reason given; null when neither. */
    private static ChildViewStatus effectiveStatus(ChildVoice v) {
        if (v == null) {
            return null;
        }
        if (v.getStatus() != null) {
            return v.getStatus();
        }
        if (v.getView() != null && !v.getView().isBlank()) {
            return ChildViewStatus.RECORDED;
        }
        return v.getReason() != null ? ChildViewStatus.NOT_OBTAINED : null;
    }

    /** What stops signing (recommendation 1e, and the template's required items), each with a pointer. */
    private List<Shortfall> missing(CaseDiscussionRow row, DiscussionContent content) {
        List<Shortfall> out = new ArrayList<>();
        ChildVoice v = content.childVoice() == null ? new ChildVoice() : content.childVoice();
        ChildViewStatus status = effectiveStatus(v);
        if (status == null) {
            out.add(new Shortfall("/childVoice/view", "Record the child's view, or say why it could not be obtained."));
        } else if (status == ChildViewStatus.RECORDED && (v.getView() == null || v.getView().isBlank())) {
            out.add(new Shortfall("/childVoice/view", "Record the child's view and how it was obtained."));
        } else if (status == ChildViewStatus.NOT_OBTAINED && v.getReason() == null) {
            out.add(new Shortfall("/childVoice/reason", "Say why the child's view could not be obtained."));
        }
        boolean notSeen = status == ChildViewStatus.NOT_OBTAINED && v.getReason() == ChildViewReason.NOT_SEEN_SINCE_LAST_DISCUSSION;
        if (notSeen && v.getLastSeenOn() == null) {
            out.add(new Shortfall("/childVoice/lastSeenOn", "Say when the child was last seen."));
        } else if (notSeen && v.getLastSeenOn().isAfter(LocalDate.now(clock))) {
            out.add(new Shortfall("/childVoice/lastSeenOn", "The date the child was last seen cannot be in the future."));
        }
        if (!notSeen && v.getSeenAlone() == null) {
            out.add(new Shortfall("/childVoice/seenAlone", "Say whether the child was seen alone."));
        }
        Set<String> answered = new HashSet<>();
        content.answers().stream().filter(a -> Boolean.TRUE.equals(a.getNotApplicable()) || (a.getText() != null && !a.getText().isBlank()))
                .forEach(a -> answered.add(a.getKey()));
        items(row.templateId()).values().stream().filter(i -> i.required() && !answered.contains(i.itemKey()))
                .forEach(i -> out.add(new Shortfall("/answers/" + i.itemKey(), "Answer \"" + i.label() + "\" or mark it as not applicable.")));
        return out;
    }

    /** What the policy expects and does not block signing. */
    private static List<Shortfall> warnings(DiscussionContent content) {
        List<Shortfall> out = new ArrayList<>();
        for (int i = 0; i < content.decisions().size(); i++) {
            if (content.decisions().get(i).getRationale() == null) {
                out.add(new Shortfall("/decisions/" + i + "/rationale", "Decision " + (i + 1) + " has no rationale: say why it was made."));
            }
        }
        for (int i = 0; i < content.actions().size(); i++) {
            CaseDiscussionAction a = content.actions().get(i);
            if (a.getOwnerId() == null) {
                out.add(new Shortfall("/actions/" + i + "/ownerId", "Action " + (i + 1) + " has no owner: it will not join the action lists."));
            }
            if (a.getDueDate() == null) {
                out.add(new Shortfall("/actions/" + i + "/dueDate", "Action " + (i + 1) + " has no due date: it will not join the action lists."));
            }
        }
        return out;
    }

    // ---- signing

    private int lockForSigning(String id) {
        return jdbc.prepareStatement("SELECT content_version FROM case_discussion WHERE id = ? FOR UPDATE", ps -> {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    /** SHA-256 over everything the parties sign. */
    private String contentHash(CaseDiscussionRow r) {
        Map<String, Object> c = new TreeMap<>();
        c.put("id", r.id());
        c.put("child", r.childId());
        c.put("supervisee", r.superviseeId());
        c.put("supervisor", r.supervisorId());
        c.put("session", Canonical.text(r.sessionId()));
        c.put("template", r.templateId());
        c.put("discussedOn", r.discussedOn().toString());
        c.put("content", r.contentJson());
        return PasswordHasher.sha256(canonical.write(c));
    }

    /**
     * Each decision goes to the case-management system's feed, made by the supervisor about the supervisee's work
     * (their team as it is at signing), dated the day discussed (from the start of that day in England): the day the
     * decision was made, not the day the second signature came.
     */
    private void fileDecisions(SignedItem item, CaseDiscussionRow row, DiscussionContent content, String supervisorAccountId) {
        String teamId = staff.findById(row.superviseeId()).map(Staff::teamId).orElse(null);
        Instant decidedAt = row.discussedOn().atStartOfDay(LONDON).toInstant();
        for (int i = 0; i < content.decisions().size(); i++) {
            CaseDiscussionDecision d = content.decisions().get(i);
            filing.file(item, i, new DecisionFiling.NewDecision(SignedDecision.CASE_DISCUSSION, row.childId(), row.id(), row.superviseeId(),
                    teamId, d.getText(), d.getRationale(), row.supervisorId(), supervisorAccountId, decidedAt));
        }
    }

    /** Actions with an owner and a due date join the action lists, under an id derived from the discussion and the action. */
    private void trackActions(CaseDiscussionRow row, DiscussionContent content, Instant now) {
        List<CaseDiscussionAction> tracked = content.actions().stream().filter(a -> a.getOwnerId() != null && a.getDueDate() != null).toList();
        if (tracked.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, "
                + "version, created_at, updated_at, created_in_session_id, case_discussion_id, child_id, desired_outcome, measure) "
                + "VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 1, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            for (CaseDiscussionAction a : tracked) {
                ps.setString(1, trackedId(row.id(), a.getId()));
                ps.setString(2, row.organisationId());
                ps.setString(3, row.superviseeId());
                ps.setString(4, a.getOwnerId().toString());
                ps.setString(5, a.getText());
                ps.setDate(6, Date.valueOf(a.getDueDate()));
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setString(9, row.sessionId());
                ps.setString(10, row.id());
                ps.setString(11, row.childId());
                ps.setString(12, a.getDesiredOutcome());
                ps.setString(13, a.getMeasure());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private static String trackedId(String discussionId, UUID actionId) {
        return UUID.nameUUIDFromBytes((discussionId + ":" + actionId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- views

    private CaseDiscussion view(Caller caller, CaseDiscussionRow stored) {
        Optional<CaseDiscussionSnapshots.Signed> locked = snapshots.signed(stored);
        CaseDiscussionRow r = locked.map(CaseDiscussionSnapshots.Signed::row).orElseGet(() -> draft(stored));
        List<CaseDiscussionSnapshots.Signature> signatures = locked.map(CaseDiscussionSnapshots.Signed::signatures).orElseGet(() -> signatures(r.id()));
        DiscussionContent content = read(r.contentJson());
        Set<String> ids = new HashSet<>(List.of(r.superviseeId(), r.supervisorId()));
        signatures.forEach(s -> ids.add(s.signer()));
        content.actions().stream().filter(a -> a.getOwnerId() != null).forEach(a -> ids.add(a.getOwnerId().toString()));
        Map<String, Staff> people = people(ids);
        ChildReference child = children.findById(r.childId()).orElseThrow();
        boolean signed = locked.isPresent();
        String currentHash = signed ? r.contentHash() : contentHash(r);
        if (signed) {
            List<SignedDecision> filed = decisions.findByCaseDiscussionIdInOrderByFeedPosition(List.of(r.id()));
            for (int i = 0; i < content.decisions().size() && i < filed.size(); i++) {
                content.decisions().get(i).setCaseDecisionId(UUID.fromString(filed.get(i).id()));
            }
            Set<String> trackedIds = new HashSet<>(Sql.ids(jdbc, "SELECT id FROM supervision_action WHERE case_discussion_id = ?", List.of(r.id())));
            content.actions().forEach(a -> {
                String tracked = trackedId(r.id(), a.getId());
                a.setTrackedActionId(trackedIds.contains(tracked) ? UUID.fromString(tracked) : null);
            });
        }
        content.actions().forEach(a -> a.setOwner(a.getOwnerId() == null ? null : StaffMapper.ref(people.get(a.getOwnerId().toString()))));
        CaseDiscussion dto = new CaseDiscussion(UUID.fromString(r.id()), ChildService.ref(child), StaffMapper.ref(people.get(r.superviseeId())),
                StaffMapper.ref(people.get(r.supervisorId())), CaseDiscussionStatus.fromValue(r.status()), UUID.fromString(r.templateId()),
                r.discussedOn(), content.answers(), content.childVoice() == null ? new ChildVoice() : content.childVoice(), content.decisions(),
                content.actions(), signatures.stream().map(s -> new RecordSignature(StaffMapper.ref(people.get(s.signer())),
                        s.at().atOffset(ZoneOffset.UTC), s.hash(), s.hash().equals(currentHash))).toList(),
                signed ? List.of() : missing(r, content), warnings(content), stored.version(),
                stored.createdAt().atOffset(ZoneOffset.UTC), stored.updatedAt().atOffset(ZoneOffset.UTC));
        dto.setSessionId(r.sessionId() == null ? null : UUID.fromString(r.sessionId()));
        dto.setContentHash(r.contentHash());
        dto.setSignedAt(r.signedAt() == null ? null : r.signedAt().atOffset(ZoneOffset.UTC));
        return dto;
    }

    /** Summaries for a list page: children, people and the caller's signatures each read once for the page. */
    private List<CaseDiscussionSummary> summaries(Caller caller, List<CaseDiscussionRow> rows, Map<String, Staff> people) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, ChildReference> kids = new HashMap<>();
        children.findByIdIn(rows.stream().map(CaseDiscussionRow::childId).distinct().toList()).forEach(c -> kids.put(c.id(), c));
        Map<String, Set<String>> mine = new HashMap<>();
        if (caller.staffId() != null) {
            List<Object> args = new ArrayList<>(rows.stream().map(CaseDiscussionRow::id).toList());
            args.add(caller.staffId());
            jdbc.prepareStatement("SELECT case_discussion_id, content_hash FROM case_discussion_signature WHERE case_discussion_id IN ("
                    + Sql.placeholders(rows.size()) + ") AND signer_staff_id = ?", ps -> {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        mine.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                    }
                }
                return null;
            });
        }
        // Signed ones are summarised from their snapshots (status, child's view, decisions), never from the mutable row.
        Map<String, CaseDiscussionSnapshots.Signed> signed = snapshots.signed(rows);
        return rows.stream().map(stored -> {
            CaseDiscussionSnapshots.Signed locked = signed.get(stored.id());
            CaseDiscussionRow r = locked == null ? draft(stored) : locked.row();
            DiscussionContent content = read(r.contentJson());
            String hash = locked != null ? r.contentHash() : contentHash(r);
            CaseDiscussionSummary s = new CaseDiscussionSummary(UUID.fromString(r.id()), ChildService.ref(kids.get(r.childId())),
                    StaffMapper.ref(people.get(r.superviseeId())), StaffMapper.ref(people.get(r.supervisorId())),
                    CaseDiscussionStatus.fromValue(r.status()), r.discussedOn(), content.decisions().size(), stored.updatedAt().atOffset(ZoneOffset.UTC));
            s.setSessionId(r.sessionId() == null ? null : UUID.fromString(r.sessionId()));
            s.setChildViewStatus(r.childViewStatus() == null ? null : ChildViewStatus.fromValue(r.childViewStatus()));
            s.setSignedByMe(mine.getOrDefault(r.id(), Set.of()).contains(hash));
            s.setSignedAt(r.signedAt() == null ? null : r.signedAt().atOffset(ZoneOffset.UTC));
            return s;
        }).toList();
    }

    // ---- reading rows

    /** A row with no snapshot is a draft, whatever its status column says. */
    private static CaseDiscussionRow draft(CaseDiscussionRow r) {
        return new CaseDiscussionRow(r.id(), r.organisationId(), r.childId(), r.superviseeId(), r.supervisorId(), r.sessionId(), r.templateId(),
                r.discussedOn(), CaseDiscussionRow.DRAFT, r.contentJson(), r.childViewStatus(), null, null, r.version(), r.contentVersion(),
                r.createdAt(), r.updatedAt());
    }

    private List<CaseDiscussionSnapshots.Signature> signatures(String id) {
        return jdbc.prepareStatement("SELECT signer_staff_id, signer_account_id, signed_at, content_hash FROM case_discussion_signature "
                + "WHERE case_discussion_id = ? ORDER BY signed_at, id", ps -> {
            ps.setString(1, id);
            List<CaseDiscussionSnapshots.Signature> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CaseDiscussionSnapshots.Signature(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4)));
                }
            }
            return out;
        });
    }

    private List<String> participants(String sessionId) {
        return Sql.ids(jdbc, "SELECT supervisee_id FROM session_participant WHERE session_id = ? ORDER BY supervisee_id", List.of(sessionId));
    }

    private Map<String, TemplateItemEntity> items(String templateId) {
        Map<String, TemplateItemEntity> out = new LinkedHashMap<>();
        policy.template(templateId).items().forEach(i -> out.put(i.itemKey(), i));
        return out;
    }

    private Map<String, Staff> people(Collection<String> ids) {
        Map<String, Staff> out = new HashMap<>();
        Set<String> distinct = new HashSet<>(ids);
        distinct.remove(null);
        if (!distinct.isEmpty()) {
            staff.findByIdIn(distinct).forEach(s -> out.put(s.id(), s));
        }
        return out;
    }

    private DiscussionContent read(String text) {
        try {
            DiscussionContent c = json.readValue(text, Argument.of(DiscussionContent.class));
            return new DiscussionContent(c.answers() == null ? new ArrayList<>() : c.answers(), c.childVoice(),
                    c.decisions() == null ? new ArrayList<>() : c.decisions(), c.actions() == null ? new ArrayList<>() : c.actions());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

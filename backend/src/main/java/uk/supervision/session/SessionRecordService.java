package uk.supervision.session;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.action.ActionRepository;
import uk.supervision.action.ActionService;
import uk.supervision.action.SupervisionAction;
import uk.supervision.agenda.NextAgenda;
import uk.supervision.auditreport.AuditOutcomes;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.ActionReview;
import uk.supervision.api.model.ActionReviewOutcome;
import uk.supervision.api.model.RecordEntry;
import uk.supervision.api.model.RecordNote;
import uk.supervision.api.model.RecordNoteCreate;
import uk.supervision.api.model.RecordNoteKind;
import uk.supervision.api.model.RecordSignature;
import uk.supervision.api.model.RecordStatus;
import uk.supervision.api.model.SessionRecordUpdate;
import uk.supervision.api.model.FieldError;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import io.micronaut.http.HttpStatus;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.ETags;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.json.JsonText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
 * The record of a held session: written by either party, commented on, signed by everyone in the
 * session on the same content, then locked. Reviews of previous actions take effect when it is locked.
 */
@Singleton
public class SessionRecordService {
    private static final Set<String> BEFORE_SIGNING = Set.of("COMMENT", "AMENDMENT", "DISAGREEMENT");

    private final SessionService sessions;
    private final SessionRepository sessionRepository;
    private final SessionRecordRepository records;
    private final RecordSnapshots snapshots;
    private final ActionRepository actions;
    private final ActionService actionService;
    private final StaffRepository staff;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final NextAgenda nextAgenda;
    private final AuditOutcomes auditOutcomes;

    public SessionRecordService(SessionService sessions, SessionRepository sessionRepository, SessionRecordRepository records,
                                RecordSnapshots snapshots, ActionRepository actions, ActionService actionService, StaffRepository staff, Idempotency idempotency,
                                ActivityLog activityLog, ReadLog readLog, JdbcOperations jdbc, JsonMapper json, Clock clock,
                                NextAgenda nextAgenda, AuditOutcomes auditOutcomes) {
        this.sessions = sessions;
        this.sessionRepository = sessionRepository;
        this.records = records;
        this.snapshots = snapshots;
        this.actions = actions;
        this.actionService = actionService;
        this.staff = staff;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.nextAgenda = nextAgenda;
        this.auditOutcomes = auditOutcomes;
    }

    /** Read-write: the log row is written in the read's own transaction, and MySQL refuses it in a read-only one. */
    @Transactional
    public uk.supervision.api.model.SessionRecord get(Caller caller, UUID sessionId) {
        return loggedView(caller, sessions.readable(caller, sessionId.toString()));
    }

    private uk.supervision.api.model.SessionRecord loggedView(Caller caller, SupervisionSession session) {
        uk.supervision.api.model.SessionRecord view = view(caller, session, record(session));
        readLog.record(caller, RecordRead.one(RecordRead.SESSION_RECORD, session.id(), sessions.participants(session.id())));
        return view;
    }

    @Transactional
    public uk.supervision.api.model.SessionRecord update(Caller caller, UUID sessionId, SessionRecordUpdate body, String ifMatch) {
        SupervisionSession session = sessions.readable(caller, sessionId.toString());
        requireParty(caller, session);
        SessionRecord record = record(session);
        ETags.requireCurrent(ifMatch, record.version());
        requireDraft(record);
        Map<String, AgendaItem> agenda = agenda(record.templateId());
        List<String> keys = new ArrayList<>(agenda.keySet());
        Map<String, RecordEntry> entries = new LinkedHashMap<>();
        for (int i = 0; i < body.getEntries().size(); i++) {
            RecordEntry e = body.getEntries().get(i);
            if (!keys.contains(e.getKey())) {
                // An unknown key has no label to show: the client sent something the agenda does not have.
                throw Problems.rule("/entries/" + i + "/key", "The agenda has no item " + e.getKey() + ".");
            }
            if (entries.put(e.getKey(), e) != null) {
                throw Problems.rule("/entries/" + i + "/key", "The agenda item \"" + agenda.get(e.getKey()).label() + "\" is recorded twice.");
            }
        }
        Set<String> reviewable = new HashSet<>(openToReview(caller, session).stream().map(SupervisionAction::id).toList());
        for (int i = 0; i < body.getActionReviews().size(); i++) {
            if (!reviewable.contains(body.getActionReviews().get(i).getActionId().toString())) {
                throw Problems.rule("/actionReviews/" + i + "/actionId", "That is not an open action of the people in this session.");
            }
        }
        List<RecordEntry> ordered = keys.stream().filter(entries::containsKey).map(entries::get).toList();
        if (records.updateDraft(session.id(), record.version(), JsonText.write(json, ordered), blank(body.getReflection()), blank(body.getFutureAgenda()),
                body.getNextDate(), body.getPersonalIssuesDiscussed(), blank(body.getConfidentialNotes()),
                JsonText.write(json, withHiddenReviews(caller, body.getActionReviews(), record)), clock.instant()) != 1) {
            throw Problems.preconditionFailed(record.version());
        }
        writeSupervisoryPractice(session.id(), blank(body.getSupervisoryPractice()));
        sessionRepository.markRecord(session.id(), "RECORDED", clock.instant());
        activityLog.record(caller, "RECORD_WRITTEN", "supervision_session", session.id(), null);
        return view(caller, session, record(session));
    }

    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public uk.supervision.api.model.SessionRecord addNote(Caller caller, UUID sessionId, RecordNoteCreate body, String idempotencyKey) {
        SupervisionSession session = sessions.readable(caller, sessionId.toString());
        if (idempotency.previous(caller, idempotencyKey, "addRecordNote", body).isPresent()) {
            // A resend adds nothing and returns the record: a read, checked above and logged as a read is.
            return loggedView(caller, session);
        }
        requireParty(caller, session);
        lockForSigning(session.id());
        SessionRecord record = record(session);
        String kind = body.getKind().getValue();
        boolean signed = SessionRecord.SIGNED.equals(record.status());
        if (signed && !kind.equals("ADDENDUM")) {
            throw Problems.rule("/kind", "The record is signed and locked: later notes are dated addenda.");
        }
        if (!signed && !BEFORE_SIGNING.contains(kind)) {
            throw Problems.rule("/kind", "Until the record is signed, add a comment, an amendment or a disagreement; it becomes part of the record.");
        }
        String noteId = Ids.newId();
        Instant now = clock.instant();
        jdbc.prepareStatement("INSERT INTO record_note (id, session_id, kind, author_staff_id, text, created_at) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, noteId);
            ps.setString(2, session.id());
            ps.setString(3, kind);
            ps.setString(4, caller.staffId());
            ps.setString(5, body.getText());
            ps.setTimestamp(6, java.sql.Timestamp.from(now));
            return ps.executeUpdate();
        });
        if (signed) {
            snapshots.lockAddendum(session, noteId);
        } else {
            records.touchContent(session.id(), now);
        }
        idempotency.remember(caller, idempotencyKey, "addRecordNote", body, noteId);
        activityLog.record(caller, "RECORD_" + kind, "supervision_session", session.id(), null);
        return view(caller, session, record(session));
    }

    /**
     * Signings (and notes) of one record run one at a time: the record row is locked (SELECT ... FOR
     * UPDATE) before it is read, and at READ COMMITTED every read after the lock sees the other party's
     * committed signature. So the last of several simultaneous signatures locks the record, once.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public uk.supervision.api.model.SessionRecord sign(Caller caller, UUID sessionId, String ifMatch) {
        SupervisionSession session = sessions.readable(caller, sessionId.toString());
        requireParty(caller, session);
        int contentVersion = lockForSigning(session.id());
        SessionRecord record = record(session);
        ETags.requireSignable(ifMatch, SessionRecord.DRAFT.equals(record.status()), record.version(), contentVersion);
        requireDraft(record);
        requireRequiredItems(record);
        List<Map<String, Object>> outcomes = outcomesShown(session, record);
        String hash = contentHash(record, notes(session.id()), supervisoryPractice(session.id()), outcomes);
        List<Map<String, Object>> signatures = signatureRows(session.id());
        if (signatures.stream().anyMatch(s -> s.get("signer").equals(caller.staffId()) && s.get("hash").equals(hash))) {
            throw Problems.conflict("You have already signed the record as it stands.");
        }
        Instant now = clock.instant();
        jdbc.prepareStatement("INSERT INTO record_signature (id, session_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, Ids.newId());
            ps.setString(2, session.id());
            ps.setString(3, caller.staffId());
            ps.setString(4, caller.accountId());
            ps.setTimestamp(5, java.sql.Timestamp.from(now));
            ps.setString(6, hash);
            return ps.executeUpdate();
        });
        Set<String> signedCurrent = new HashSet<>();
        signatureRows(session.id()).stream().filter(s -> s.get("hash").equals(hash)).forEach(s -> signedCurrent.add((String) s.get("signer")));
        Set<String> parties = new HashSet<>(sessions.participants(session.id()));
        parties.add(session.supervisorId());
        if (signedCurrent.containsAll(parties)) {
            if (records.lock(session.id(), record.version(), hash, now) != 1) {
                throw Problems.preconditionFailed(record.version());
            }
            sessionRepository.markRecord(session.id(), "SIGNED", now);
            applyReviews(session, record, now);
            auditOutcomes.note(session.id(), outcomes.stream().map(o -> (String) o.get("auditId")).toList());
            nextAgenda.keepWithRecord(meeting(session), sessions.participants(session.id()));
            snapshots.lockRecord(session);
            activityLog.record(caller, "RECORD_SIGNED_AND_LOCKED", "supervision_session", session.id(), "content " + hash);
        } else {
            records.touch(session.id(), now);
            activityLog.record(caller, "RECORD_SIGNED", "supervision_session", session.id(), "content " + hash);
        }
        return view(caller, session, record(session));
    }

    // ---- helpers

    static final String SUPERVISORY_PRACTICE_MISSING =
            "A discussion of the quality of their supervisory practice, in the light of the file audits noted";

    /**
     * The outcomes of audits of the supervisee's own supervisees' files, to note on a one-to-one record (DOMAIN section
     * 14): completed audits of them as a supervisor not noted yet, or noted on this record. None for a group session.
     */
    private List<Map<String, Object>> outcomesShown(SupervisionSession session, SessionRecord r) {
        if (SessionRecord.SIGNED.equals(r.status())) {
            return auditOutcomes.notedOn(session.id());
        }
        List<String> participants = sessions.participants(session.id());
        if (!"ONE_TO_ONE".equals(session.kind()) || participants.size() != 1) {
            return List.of();
        }
        return auditOutcomes.shown(participants.get(0), session.id());
    }

    private String supervisoryPractice(String sessionId) {
        return jdbc.prepareStatement("SELECT supervisory_practice FROM session_record WHERE session_id = ?", ps -> {
            ps.setString(1, sessionId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? blank(rs.getString(1)) : null;
            }
        });
    }

    private void writeSupervisoryPractice(String sessionId, String text) {
        jdbc.prepareStatement("UPDATE session_record SET supervisory_practice = ? WHERE session_id = ? AND status = 'DRAFT'", ps -> {
            ps.setString(1, text);
            ps.setString(2, sessionId);
            return ps.executeUpdate();
        });
    }

    /** An agenda item of the record's template, as the record needs it. */
    private record AgendaItem(String key, String label, boolean required) {
    }

    /**
     * Items the template marks as required must each be recorded or marked "not applicable" before anyone signs
     * (Central Bedfordshire: "All these issues must be addressed and recorded at each supervision"). One error
     * per item, pointing at the entry by its key (a missing entry has no index), naming it by its label.
     */
    private void requireRequiredItems(SessionRecord record) {
        Set<String> addressed = addressed(readEntries(record.entriesJson()));
        List<FieldError> errors = agenda(record.templateId()).values().stream()
                .filter(item -> item.required() && !addressed.contains(item.key()))
                .map(item -> new FieldError("/entries/" + item.key(), "Record \"" + item.label() + "\" or mark it as not applicable."))
                .toList();
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    errors.size() == 1 ? "1 required agenda item is not recorded yet: record it, or mark it as not applicable, before signing."
                            : errors.size() + " required agenda items are not recorded yet: record each, or mark it as not applicable, before signing.",
                    errors, null, null);
        }
    }

    private static Set<String> addressed(List<RecordEntry> entries) {
        Set<String> out = new HashSet<>();
        entries.stream().filter(e -> Boolean.TRUE.equals(e.getNotApplicable()) || (e.getText() != null && !e.getText().isBlank()))
                .forEach(e -> out.add(e.getKey()));
        return out;
    }

    /** Locks the record row for the rest of the transaction; returns the version its content last changed at (0: no record). */
    private int lockForSigning(String sessionId) {
        return jdbc.prepareStatement("SELECT content_version FROM session_record WHERE session_id = ? FOR UPDATE", ps -> {
            ps.setString(1, sessionId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : 0;
            }
        });
    }

    private void applyReviews(SupervisionSession session, SessionRecord record, Instant now) {
        for (ActionReview review : readReviews(record.actionReviewsJson())) {
            ActionReviewOutcome outcome = review.getOutcome();
            boolean closes = outcome == ActionReviewOutcome.DONE || outcome == ActionReviewOutcome.NO_LONGER_NEEDED;
            actions.review(review.getActionId().toString(), closes ? (outcome == ActionReviewOutcome.DONE ? "DONE" : "NO_LONGER_NEEDED") : "OPEN",
                    outcome.getValue(), review.getNote(), closes ? session.id() : null, now);
        }
    }

    /** The record; once signed, as its snapshot holds it. */
    private SessionRecord record(SupervisionSession session) {
        SessionRecord row = records.findById(session.id()).orElseThrow(() -> Problems.conflict(
                "This session has no record yet: record it as held first."));
        return snapshots.signed(session.id(), row).map(RecordSnapshots.Signed::record).orElse(row);
    }

    private void requireParty(Caller caller, SupervisionSession session) {
        if (!caller.isSelf(session.supervisorId()) && !sessions.participants(session.id()).contains(caller.staffId())) {
            throw Problems.forbidden("Only the people in the session write, comment on and sign its record.");
        }
    }

    private static void requireDraft(SessionRecord record) {
        if (SessionRecord.SIGNED.equals(record.status())) {
            throw Problems.conflict("The record is signed and locked. Add a dated addendum instead.");
        }
    }

    /** Open actions to review, of those the caller may see (in a group, each reader sees their own and those below them). */
    private List<SupervisionAction> openToReview(Caller caller, SupervisionSession session) {
        return actionService.readableBy(caller, actions.findOpenToReview(sessions.participants(session.id()), session.id()));
    }

    /** The reviews whose action the caller may see; the others stay in the record, unseen by this caller. */
    private List<ActionReview> visibleReviews(Caller caller, List<ActionReview> reviews) {
        if (reviews.isEmpty()) {
            return reviews;
        }
        Set<String> visible = new HashSet<>();
        actionService.readableBy(caller, actions.findByIdIn(reviews.stream().map(v -> v.getActionId().toString()).toList()))
                .forEach(a -> visible.add(a.id()));
        return reviews.stream().filter(v -> visible.contains(v.getActionId().toString())).toList();
    }

    /** A writer replaces the reviews they can see; reviews others wrote of actions this writer may not see are kept. */
    private List<ActionReview> withHiddenReviews(Caller caller, List<ActionReview> written, SessionRecord record) {
        List<ActionReview> existing = readReviews(record.actionReviewsJson());
        Set<ActionReview> visible = new HashSet<>(visibleReviews(caller, existing));
        List<ActionReview> all = new ArrayList<>(written);
        existing.stream().filter(v -> !visible.contains(v)).forEach(all::add);
        return all;
    }

    private uk.supervision.api.model.SessionRecord view(Caller caller, SupervisionSession session, SessionRecord r) {
        List<String> participants = sessions.participants(session.id());
        boolean party = caller.isSelf(session.supervisorId()) || participants.contains(caller.staffId());
        List<ActionReview> reviews = visibleReviews(caller, readReviews(r.actionReviewsJson()));
        List<SupervisionAction> toReview = SessionRecord.SIGNED.equals(r.status())
                ? (reviews.isEmpty() ? List.of() : actions.findByIdIn(reviews.stream().map(a -> a.getActionId().toString()).toList()))
                : openToReview(caller, session);
        Optional<RecordSnapshots.Signed> locked = SessionRecord.SIGNED.equals(r.status()) ? snapshots.signed(session.id(), r) : Optional.empty();
        List<Map<String, Object>> noteRows = locked.isEmpty() ? notes(session.id()) : new ArrayList<>(locked.get().notes());
        locked.ifPresent(l -> notes(session.id()).stream().filter(n -> "ADDENDUM".equals(n.get("kind"))).forEach(noteRows::add));
        List<Map<String, Object>> signatureRows = locked.isEmpty() ? signatureRows(session.id()) : locked.get().signatures();
        Set<String> people = new HashSet<>(participants);
        people.add(session.supervisorId());
        noteRows.forEach(n -> people.add((String) n.get("author")));
        signatureRows.forEach(s -> people.add((String) s.get("signer")));
        Map<String, Staff> byId = new HashMap<>();
        staff.findByIdIn(people).forEach(p -> byId.put(p.id(), p));
        String practice = locked.isPresent() ? locked.get().supervisoryPractice() : supervisoryPractice(session.id());
        List<Map<String, Object>> outcomes = locked.isPresent() ? locked.get().auditOutcomes() : outcomesShown(session, r);
        String currentHash = SessionRecord.SIGNED.equals(r.status()) ? r.contentHash() : contentHash(r, noteRows, practice, outcomes);

        List<RecordEntry> entries = readEntries(r.entriesJson());
        uk.supervision.api.model.SessionRecord dto = new uk.supervision.api.model.SessionRecord(UUID.fromString(session.id()),
                RecordStatus.fromValue(r.status()), UUID.fromString(r.templateId()), entries, r.personalDiscussed(),
                !party && r.confidentialNotes() != null, reviews, actionService.toDtos(toReview),
                noteRows.stream().map(n -> new RecordNote(RecordNoteKind.fromValue((String) n.get("kind")),
                        StaffMapper.ref(byId.get((String) n.get("author"))), (String) n.get("text"),
                        ((Instant) n.get("at")).atOffset(ZoneOffset.UTC))).toList(),
                signatureRows.stream().map(s -> new RecordSignature(StaffMapper.ref(byId.get((String) s.get("signer"))),
                        ((Instant) s.get("at")).atOffset(ZoneOffset.UTC), (String) s.get("hash"), s.get("hash").equals(currentHash))).toList(),
                missing(r, entries, reviews, toReview, practice, outcomes), r.version(), r.updatedAt().atOffset(ZoneOffset.UTC));
        dto.setAuditOutcomes(auditOutcomes.toDtos(outcomes));
        dto.setSupervisoryPractice(practice);
        dto.setReflection(r.reflection());
        dto.setFutureAgenda(r.futureAgenda());
        dto.setNextDate(r.nextDate());
        dto.setConfidentialNotes(party ? r.confidentialNotes() : null);
        dto.setContentHash(r.contentHash());
        dto.setSignedAt(r.signedAt() == null ? null : r.signedAt().atOffset(ZoneOffset.UTC));
        dto.setProposedAgenda(nextAgenda.forRecord(meeting(session), participants,
                SessionRecord.SIGNED.equals(r.status())));
        return dto;
    }

    private static NextAgenda.Meeting meeting(SupervisionSession session) {
        return new NextAgenda.Meeting(session.id(), session.kind(), session.meetingDate(), session.startTime());
    }

    /** "Say what is missing before it matters": agenda items not addressed, actions not reviewed, no next date. */
    private List<String> missing(SessionRecord r, List<RecordEntry> entries, List<ActionReview> reviews, List<SupervisionAction> toReview,
                                 String supervisoryPractice, List<Map<String, Object>> outcomes) {
        if (SessionRecord.SIGNED.equals(r.status())) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        Set<String> addressed = addressed(entries);
        for (AgendaItem item : agenda(r.templateId()).values()) {
            if (!addressed.contains(item.key())) {
                out.add((item.required() ? "Required agenda item not recorded: " : "Agenda item not recorded: ") + item.label());
            }
        }
        Set<String> reviewed = new HashSet<>();
        reviews.forEach(v -> reviewed.add(v.getActionId().toString()));
        toReview.stream().filter(a -> !reviewed.contains(a.id())).forEach(a -> out.add("Previous action not reviewed: " + a.text()));
        if (r.reflection() == null) {
            out.add("No reflection on practice");
        }
        if (r.nextDate() == null) {
            out.add("No date for the next session");
        }
        if (!outcomes.isEmpty() && supervisoryPractice == null) {
            out.add(SUPERVISORY_PRACTICE_MISSING);
        }
        return out;
    }

    /** SHA-256 over everything the parties sign, notes made before signing included. */
    private String contentHash(SessionRecord r, List<Map<String, Object>> notes, String supervisoryPractice, List<Map<String, Object>> outcomes) {
        Map<String, Object> content = new TreeMap<>();
        content.put("session", r.sessionId());
        content.put("template", r.templateId());
        content.put("entries", r.entriesJson());
        content.put("reflection", r.reflection() == null ? "" : r.reflection());
        content.put("futureAgenda", r.futureAgenda() == null ? "" : r.futureAgenda());
        content.put("nextDate", r.nextDate() == null ? "" : r.nextDate().toString());
        content.put("personal", r.personalDiscussed());
        content.put("confidential", r.confidentialNotes() == null ? "" : r.confidentialNotes());
        content.put("actionReviews", r.actionReviewsJson());
        List<String> noteContent = new ArrayList<>();
        notes.stream().filter(n -> BEFORE_SIGNING.contains((String) n.get("kind")))
                .forEach(n -> noteContent.add(n.get("id") + ":" + n.get("kind") + ":" + n.get("author") + ":" + n.get("text")));
        content.put("notes", noteContent);
        // Only where audits are noted or the discussion is written, so every other record's content is as before.
        if (supervisoryPractice != null) {
            content.put("supervisoryPractice", supervisoryPractice);
        }
        if (!outcomes.isEmpty()) {
            content.put("auditOutcomes", outcomes.stream().map(o -> (String) o.get("auditId")).toList());
        }
        return PasswordHasher.sha256(JsonText.write(json, content));
    }

    private List<Map<String, Object>> notes(String sessionId) {
        return rows("SELECT id, kind, author_staff_id, text, created_at FROM record_note WHERE session_id = ? ORDER BY created_at, id", sessionId,
                rs -> Map.of("id", rs.getString(1), "kind", rs.getString(2), "author", rs.getString(3), "text", rs.getString(4),
                        "at", rs.getTimestamp(5).toInstant()));
    }

    private List<Map<String, Object>> signatureRows(String sessionId) {
        return rows("SELECT signer_staff_id, signed_at, content_hash FROM record_signature WHERE session_id = ? ORDER BY signed_at, id", sessionId,
                rs -> Map.of("signer", rs.getString(1), "at", rs.getTimestamp(2).toInstant(), "hash", rs.getString(3)));
    }

    private interface RowMapper {
        Map<String, Object> map(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private List<Map<String, Object>> rows(String sql, String sessionId, RowMapper mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, sessionId);
            List<Map<String, Object>> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    /** The template's agenda items by key, in the template's order. */
    private Map<String, AgendaItem> agenda(String templateId) {
        return jdbc.prepareStatement("SELECT item_key, label, required FROM template_item WHERE template_id = ? ORDER BY position", ps -> {
            ps.setString(1, templateId);
            Map<String, AgendaItem> out = new LinkedHashMap<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new AgendaItem(rs.getString(1), rs.getString(2), rs.getBoolean(3)));
                }
            }
            return out;
        });
    }

    private List<RecordEntry> readEntries(String text) {
        try {
            return json.readValue(text, Argument.listOf(RecordEntry.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<ActionReview> readReviews(String text) {
        try {
            return json.readValue(text, Argument.listOf(ActionReview.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

package uk.supervision.audit;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.ActionStatus;
import uk.supervision.api.model.AnswerType;
import uk.supervision.api.model.Audit;
import uk.supervision.api.model.AuditAction;
import uk.supervision.api.model.AuditAnswer;
import uk.supervision.api.model.AuditCreate;
import uk.supervision.api.model.AuditKind;
import uk.supervision.api.model.AuditPage;
import uk.supervision.api.model.AuditStatus;
import uk.supervision.api.model.AuditSummary;
import uk.supervision.api.model.AuditUpdate;
import uk.supervision.api.model.FieldError;
import uk.supervision.api.model.OverallGradeAnswer;
import uk.supervision.api.model.RecordSignature;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.Shortfall;
import uk.supervision.api.model.TeamRef;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.integrity.Canonical;
import uk.supervision.policy.AnswerScales;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import uk.supervision.questionnaire.QuestionnaireInvitations;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
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
 * Supervision file audits (DOMAIN section 7, Appendix 7 Part 1): drafted by the auditor on the organisation's audit
 * template, completed and signed by them, then locked: the content goes to the signed-item chain, the ratings to
 * file_audit_rating, the actions below Good to the action lists of the audited supervisor, and the supervisee is sent
 * the Part 2 questionnaire.
 */
@Singleton
public class AuditService {
    static final String DRAFT = "DRAFT";
    static final String COMPLETED = "COMPLETED";
    private static final Set<String> BELOW_GOOD = Set.of("REQUIRES_IMPROVEMENT", "INADEQUATE");
    private static final String GRADE_KEY = "q13a";
    private static final String FORBIDDEN_READ = "Audits are read by their auditor and quality assurance; once completed also by the "
            + "supervisor audited and the managers above them.";

    private final JdbcOperations jdbc;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final Canonical canonical;
    private final AuditSnapshots snapshots;
    private final QuestionnaireInvitations invitations;
    private final JsonMapper json;
    private final Clock clock;

    public AuditService(JdbcOperations jdbc, StaffRepository staff, SupervisionRelationRepository relations, PolicyService policy,
                        AccessPolicy access, Idempotency idempotency, ActivityLog activityLog, ReadLog readLog, Canonical canonical,
                        AuditSnapshots snapshots, QuestionnaireInvitations invitations, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.staff = staff;
        this.relations = relations;
        this.policy = policy;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.canonical = canonical;
        this.snapshots = snapshots;
        this.invitations = invitations;
        this.json = json;
        this.clock = clock;
    }

    public record Created(Audit audit, boolean replayed) {
    }

    /** One file_audit row as stored. */
    record Row(String id, String organisationId, String kind, String sampleId, String superviseeId, String supervisorId, String teamId,
               String serviceId, String auditorStaffId, String auditorAccountId, String auditorPost, LocalDate periodFrom, LocalDate periodTo,
               LocalDate auditedOn, String quarter, String templateId, String status, String contentJson, String grade, String contentHash,
               Instant completedAt, String notedOnSessionId, int version, Instant createdAt, Instant updatedAt) {
    }

    private static final String COLUMNS = "id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
            + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
            + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at";

    // ---- operations

    @Transactional
    public Created create(Caller caller, AuditCreate body, String idempotencyKey) {
        Optional<String> previous = idempotency.previous(caller, idempotencyKey, "createAudit", body);
        if (previous.isPresent()) {
            return new Created(loggedView(caller, readable(caller, previous.get())), true);
        }
        if (caller.isClient() || caller.staffId() == null) {
            throw Problems.forbidden("Audits are started by quality assurance auditors, service managers and heads of service.");
        }
        Staff supervisee = staff.findByIdAndOrganisationId(body.getSuperviseeId().toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/superviseeId", "There is no such member of staff in your organisation."));
        LocalDate today = LocalDate.now(clock);
        String supervisorId = relations.currentSupervisorId(supervisee.id(), today);
        access.requireStartAudit(caller, supervisee, supervisorId, body.getKind().getValue());
        if (supervisorId == null) {
            throw Problems.rule("/superviseeId", supervisee.displayName() + " has no supervisor today: an audit looks at the supervision "
                    + "a supervisor gives, so there is nobody to audit.");
        }
        String sampleId = null;
        if (body.getKind() == AuditKind.QA_SAMPLE) {
            sampleId = checkedSample(caller, body.getSampleId(), supervisee.id());
        } else if (body.getSampleId() != null) {
            throw Problems.rule("/sampleId", "Only an audit of a sampled file names a sample.");
        }
        LocalDate to = body.getPeriodTo() == null ? today : body.getPeriodTo();
        LocalDate from = body.getPeriodFrom() == null ? to.minusMonths(3) : body.getPeriodFrom();
        List<FieldError> errors = new ArrayList<>();
        checkPeriod(from, to, today, errors);
        refuse(errors);
        PolicyService.ActiveTemplate template = policy.activeTemplate(caller.organisationId(), TemplateKind.AUDIT);
        Staff auditor = staff.findById(caller.staffId()).orElseThrow();
        String post = blank(body.getAuditorPost()) != null ? body.getAuditorPost().trim() : auditor.jobTitle();
        Instant now = clock.instant();
        String id = Ids.newId();
        String content = JsonText.write(json, AuditContent.empty());
        String chosenSample = sampleId;
        jdbc.prepareStatement("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', ?, NULL, NULL, NULL, NULL, 1, ?, ?)", ps -> {
            ps.setString(1, id);
            ps.setString(2, caller.organisationId());
            ps.setString(3, body.getKind().getValue());
            ps.setString(4, chosenSample);
            ps.setString(5, supervisee.id());
            ps.setString(6, supervisorId);
            ps.setString(7, supervisee.teamId());
            ps.setString(8, supervisee.serviceId());
            ps.setString(9, caller.staffId());
            ps.setString(10, caller.accountId());
            ps.setString(11, post);
            ps.setDate(12, Date.valueOf(from));
            ps.setDate(13, Date.valueOf(to));
            ps.setDate(14, Date.valueOf(today));
            ps.setString(15, Quarter.of(today).toString());
            ps.setString(16, template.id());
            ps.setString(17, content);
            ps.setTimestamp(18, Timestamp.from(now));
            ps.setTimestamp(19, Timestamp.from(now));
            return ps.executeUpdate();
        });
        idempotency.remember(caller, idempotencyKey, "createAudit", body, id);
        activityLog.record(caller, "AUDIT_STARTED", RecordRead.FILE_AUDIT, id, body.getKind().getValue());
        return new Created(view(load(id).orElseThrow()), false);
    }

    /** Read-write: the log row is written in the read's own transaction. */
    @Transactional
    public Audit get(Caller caller, UUID id) {
        return loggedView(caller, readable(caller, id.toString()));
    }

    @Transactional
    public Audit update(Caller caller, UUID id, AuditUpdate body, String ifMatch) {
        Row row = readable(caller, id.toString());
        requireAuditor(caller, row);
        ETags.requireCurrent(ifMatch, row.version());
        requireDraft(row);
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        checkPeriod(body.getPeriodFrom(), body.getPeriodTo(), today, errors);
        List<AuditAnswer> answers = checkedAnswers(row, body.getAnswers(), errors);
        List<AuditAction> actions = checkedActions(row, body.getActions(), today, errors);
        refuse(errors);
        String post = blank(body.getAuditorPost()) == null ? row.auditorPost() : body.getAuditorPost().trim();
        Instant now = clock.instant();
        int updated = jdbc.prepareStatement("UPDATE file_audit SET period_from = ?, period_to = ?, auditor_post = ?, content_json = ?, "
                + "version = version + 1, updated_at = ? WHERE id = ? AND version = ?", ps -> {
            ps.setDate(1, Date.valueOf(body.getPeriodFrom()));
            ps.setDate(2, Date.valueOf(body.getPeriodTo()));
            ps.setString(3, post);
            ps.setString(4, JsonText.write(json, new AuditContent(answers, actions)));
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, row.id());
            ps.setInt(7, row.version());
            return ps.executeUpdate();
        });
        if (updated != 1) {
            throw Problems.preconditionFailed(row.version());
        }
        activityLog.record(caller, "AUDIT_UPDATED", RecordRead.FILE_AUDIT, row.id(), null);
        return view(load(row.id()).orElseThrow());
    }

    @Transactional
    public void delete(Caller caller, UUID id, String ifMatch) {
        Row row = readable(caller, id.toString());
        requireAuditor(caller, row);
        ETags.requireCurrent(ifMatch, row.version());
        requireDraft(row);
        int deleted = jdbc.prepareStatement("DELETE FROM file_audit WHERE id = ? AND version = ?", ps -> {
            ps.setString(1, row.id());
            ps.setInt(2, row.version());
            return ps.executeUpdate();
        });
        if (deleted != 1) {
            throw Problems.preconditionFailed(row.version());
        }
        activityLog.record(caller, "AUDIT_DISCARDED", RecordRead.FILE_AUDIT, row.id(), null);
    }

    @Transactional
    public Audit complete(Caller caller, UUID id, String ifMatch) {
        Row row = readable(caller, id.toString());
        requireAuditor(caller, row);
        ETags.requireCurrent(ifMatch, row.version());
        requireDraft(row);
        lockRow(row.id());
        Row current = load(row.id()).orElseThrow();
        if (current.version() != row.version()) {
            throw Problems.preconditionFailed(current.version());
        }
        AuditContent content = read(current.contentJson());
        List<Shortfall> missing = missing(current, content);
        if (!missing.isEmpty()) {
            List<FieldError> errors = missing.stream().map(m -> new FieldError(m.getPointer(), m.getMessage())).toList();
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    errors.size() == 1 ? errors.get(0).getMessage() : "The audit cannot be completed yet: " + errors.size()
                            + " things need doing.", errors, null, null);
        }
        LocalDate today = LocalDate.now(clock);
        Quarter quarter = Quarter.of(today);
        Instant now = clock.instant();
        String grade = answer(content, GRADE_KEY);
        String hash = contentHash(current, today, quarter, grade);
        jdbc.prepareStatement("UPDATE file_audit SET status = 'COMPLETED', grade = ?, audited_on = ?, quarter = ?, content_hash = ?, "
                + "completed_at = ?, version = version + 1, updated_at = ? WHERE id = ?", ps -> {
            ps.setString(1, grade);
            ps.setDate(2, Date.valueOf(today));
            ps.setString(3, quarter.toString());
            ps.setString(4, hash);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setString(7, current.id());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, Ids.newId());
            ps.setString(2, current.id());
            ps.setString(3, caller.staffId());
            ps.setString(4, caller.accountId());
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, hash);
            return ps.executeUpdate();
        });
        writeRatings(current, content, quarter);
        trackActions(current, content, now);
        snapshots.lock(current.organisationId(), current.id());
        invitations.issueForAudit(current.organisationId(), current.id(), current.superviseeId(), current.supervisorId(), current.teamId(),
                current.serviceId(), now);
        activityLog.record(caller, "AUDIT_COMPLETED_AND_SIGNED", RecordRead.FILE_AUDIT, current.id(), "grade " + grade + ", content " + hash);
        return view(load(current.id()).orElseThrow());
    }

    /** Newest first. The list shows no answers, but each page is a read of the supervisees it names (one log row). */
    @Transactional
    public AuditPage list(Caller caller, Integer limit, String cursor, AuditStatus status, String quarter, UUID superviseeId, UUID serviceId,
                          Boolean mine) {
        if (caller.isClient()) {
            throw Problems.forbidden(FORBIDDEN_READ);
        }
        if (!caller.hasAny(uk.supervision.api.model.Role.PRACTITIONER, uk.supervision.api.model.Role.SUPERVISOR,
                uk.supervision.api.model.Role.SERVICE_MANAGER, uk.supervision.api.model.Role.HEAD_OF_SERVICE,
                uk.supervision.api.model.Role.QA_AUDITOR)) {
            throw Problems.forbidden(FORBIDDEN_READ);
        }
        String completed = "EXISTS (SELECT 1 FROM file_audit_signature fs WHERE fs.file_audit_id = a.id)";
        StringBuilder sql = new StringBuilder("SELECT a.id FROM file_audit a JOIN staff sup ON sup.id = a.supervisor_id WHERE a.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        sql.append(access.auditSql(caller, "a.auditor_staff_id", "a.supervisee_id", "a.supervisor_id", "sup.service_id", completed, args));
        if (status != null) {
            sql.append(status == AuditStatus.COMPLETED ? " AND " : " AND NOT ").append(completed);
        }
        if (quarter != null) {
            sql.append(" AND a.quarter = ?");
            args.add(Quarter.parse(quarter, "#quarter").toString());
        }
        if (superviseeId != null) {
            sql.append(" AND a.supervisee_id = ?");
            args.add(superviseeId.toString());
        }
        if (serviceId != null) {
            sql.append(" AND a.service_id = ?");
            args.add(serviceId.toString());
        }
        if (Boolean.TRUE.equals(mine)) {
            sql.append(" AND a.auditor_staff_id = ?");
            args.add(caller.staffId() == null ? "" : caller.staffId());
        }
        List<Object> after = Cursor.decode(CursorList.AUDITS, cursor, 2, keys -> {
            Timestamp t = Timestamp.from(Instant.parse(keys.get(0)));
            return List.of(t, t, Ids.str(UUID.fromString(keys.get(1))));
        });
        if (after != null) {
            sql.append(" AND (a.created_at < ? OR (a.created_at = ? AND a.id < ?))");
            args.addAll(after);
        }
        int size = Cursor.limit(limit);
        sql.append(" ORDER BY a.created_at DESC, a.id DESC LIMIT ?");
        args.add(size + 1);
        List<String> ids = Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> pageIds = more ? ids.subList(0, size) : ids;
        List<Row> rows = loadAll(pageIds);
        Map<String, Map<String, Object>> signed = snapshots.signed(new HashSet<>(pageIds));
        Set<String> people = new HashSet<>();
        rows.forEach(r -> people.addAll(List.of(r.superviseeId(), r.supervisorId(), r.auditorStaffId())));
        Map<String, Staff> staffById = people(people);
        Names names = names(rows);
        List<AuditSummary> items = rows.stream().map(stored -> {
            Map<String, Object> s = signed.get(stored.id());
            Row r = s == null ? asDraft(stored) : fromSnapshot(stored, s);
            AuditSummary out = new AuditSummary(UUID.fromString(r.id()), AuditKind.fromValue(r.kind()),
                    s == null ? AuditStatus.DRAFT : AuditStatus.COMPLETED, StaffMapper.ref(staffById.get(r.superviseeId())),
                    StaffMapper.ref(staffById.get(r.supervisorId())), StaffMapper.ref(staffById.get(r.auditorStaffId())), r.auditedOn(),
                    r.quarter(), stored.updatedAt().atOffset(ZoneOffset.UTC));
            out.setTeam(names.team(r.teamId()));
            out.setService(names.service(r.serviceId()));
            out.setSampleId(r.sampleId() == null ? null : UUID.fromString(r.sampleId()));
            out.setGrade(r.grade() == null ? null : OverallGradeAnswer.fromValue(r.grade()));
            out.setCompletedAt(r.completedAt() == null ? null : r.completedAt().atOffset(ZoneOffset.UTC));
            return out;
        }).toList();
        AuditPage page = new AuditPage(items);
        if (more) {
            Row last = rows.get(rows.size() - 1);
            page.setNextCursor(Cursor.encode(CursorList.AUDITS, last.createdAt().toString(), last.id()));
        }
        readLog.record(caller, RecordRead.list(RecordRead.FILE_AUDIT, rows.stream().map(Row::superviseeId).toList(), rows.size()));
        return page;
    }

    // ---- access

    /** The audit, if the caller may read it (404 for another organisation's or none, 403 for one they may not read). */
    Row readable(Caller caller, String id) {
        Row row = load(id).filter(r -> r.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Audit " + id));
        boolean completed = snapshots.isLocked(row.id());
        if (!access.canReadAudit(caller, row.organisationId(), row.auditorStaffId(), row.superviseeId(), completed,
                staff.findById(row.supervisorId()).orElse(null))) {
            throw Problems.forbidden(FORBIDDEN_READ);
        }
        return row;
    }

    private static void requireAuditor(Caller caller, Row row) {
        if (!caller.isSelf(row.auditorStaffId())) {
            throw Problems.forbidden("Only the auditor writes, completes or discards an audit.");
        }
    }

    /** Locked is the signature's existence, never the mutable status column. */
    private void requireDraft(Row row) {
        boolean signedRow = jdbc.prepareStatement("SELECT 1 FROM file_audit_signature WHERE file_audit_id = ?", ps -> {
            ps.setString(1, row.id());
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (signedRow || snapshots.isLocked(row.id())) {
            throw Problems.conflict("The audit is completed and signed: it cannot change.");
        }
    }

    private Audit loggedView(Caller caller, Row row) {
        Audit view = view(row);
        readLog.record(caller, RecordRead.one(RecordRead.FILE_AUDIT, row.id(), List.of(row.superviseeId(), row.supervisorId())));
        return view;
    }

    // ---- checks

    private String checkedSample(Caller caller, UUID sampleId, String superviseeId) {
        if (sampleId == null) {
            throw Problems.rule("/sampleId", "Say which quarterly sample the file was drawn in.");
        }
        long inSample = jdbc.prepareStatement("SELECT COUNT(*) FROM audit_sample s JOIN audit_sample_file f ON f.sample_id = s.id "
                + "WHERE s.id = ? AND s.organisation_id = ? AND f.supervisee_id = ?", ps -> {
            ps.setString(1, sampleId.toString());
            ps.setString(2, caller.organisationId());
            ps.setString(3, superviseeId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (inSample == 0) {
            throw Problems.rule("/sampleId", "This file was not drawn in that sample of your organisation.");
        }
        long audited = jdbc.prepareStatement("SELECT COUNT(*) FROM file_audit WHERE sample_id = ? AND supervisee_id = ?", ps -> {
            ps.setString(1, sampleId.toString());
            ps.setString(2, superviseeId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        if (audited > 0) {
            throw Problems.conflict("This sampled file already has an audit: open that one.");
        }
        return sampleId.toString();
    }

    private static void checkPeriod(LocalDate from, LocalDate to, LocalDate today, List<FieldError> errors) {
        if (from.isAfter(to)) {
            errors.add(new FieldError("/periodTo", "The end of the period audited cannot be before its start."));
        } else if (from.isBefore(to.minusMonths(12))) {
            errors.add(new FieldError("/periodFrom", "An audit looks at 12 months at most: start the period later."));
        }
        if (to.isAfter(today)) {
            errors.add(new FieldError("/periodTo", "The period audited cannot end in the future."));
        }
    }

    private List<AuditAnswer> checkedAnswers(Row row, List<AuditAnswer> answers, List<FieldError> errors) {
        Map<String, TemplateItemEntity> items = items(row.templateId());
        Map<String, AuditAnswer> byKey = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            AuditAnswer a = answers.get(i);
            TemplateItemEntity item = items.get(a.getKey());
            if (item == null) {
                errors.add(new FieldError("/answers/" + i + "/key", "The audit template has no question " + a.getKey() + "."));
                continue;
            }
            if (byKey.containsKey(a.getKey())) {
                errors.add(new FieldError("/answers/" + i + "/key", "\"" + item.label() + "\" is answered twice."));
                continue;
            }
            String value = blank(a.getValue());
            AuditAnswer kept = new AuditAnswer(a.getKey());
            if (value != null) {
                String pointer = "/answers/" + i + "/value";
                AnswerScales.problem(AnswerType.fromValue(item.answerType()), value)
                        .ifPresent(p -> errors.add(new FieldError(pointer, p)));
                kept.setValue(value.trim());
            }
            byKey.put(a.getKey(), kept);
        }
        return items.keySet().stream().filter(byKey::containsKey).map(byKey::get).toList();
    }

    private List<AuditAction> checkedActions(Row row, List<AuditAction> written, LocalDate today, List<FieldError> errors) {
        Set<UUID> seen = new HashSet<>();
        List<AuditAction> out = new ArrayList<>();
        Set<String> owners = allowedOwners(row, written);
        for (int i = 0; i < written.size(); i++) {
            AuditAction a = written.get(i);
            UUID id = a.getId() == null ? UUID.fromString(Ids.newId()) : a.getId();
            if (!seen.add(id)) {
                errors.add(new FieldError("/actions/" + i + "/id", "Two actions have the same id."));
            }
            if (a.getText() == null || a.getText().isBlank()) {
                errors.add(new FieldError("/actions/" + i + "/text", "Say what action " + (i + 1) + " is, or remove it."));
                continue;
            }
            if (a.getOwnerId() != null && !owners.contains(a.getOwnerId().toString())) {
                errors.add(new FieldError("/actions/" + i + "/ownerId",
                        "An audit's action is owned by the supervisor audited or a supervisor or manager above them."));
            }
            if (a.getDueDate() != null && a.getDueDate().isBefore(today)) {
                errors.add(new FieldError("/actions/" + i + "/dueDate", "An action cannot be due in the past."));
            } else if (a.getDueDate() != null && a.getDueDate().isAfter(today.plusYears(2))) {
                errors.add(new FieldError("/actions/" + i + "/dueDate", "An action is due within two years."));
            }
            AuditAction kept = new AuditAction(a.getText().trim());
            kept.setId(id);
            kept.setOwnerId(a.getOwnerId());
            kept.setDueDate(a.getDueDate());
            out.add(kept);
        }
        return out;
    }

    /**
     * Who among the owners named may own an action: the supervisor audited, a supervisor above them in the chain, or a
     * manager of their service (a service manager or head of service scoped to it, or organisation-wide).
     */
    private Set<String> allowedOwners(Row row, List<AuditAction> actions) {
        Set<String> named = new HashSet<>();
        actions.stream().filter(a -> a.getOwnerId() != null).forEach(a -> named.add(a.getOwnerId().toString()));
        Set<String> out = new HashSet<>();
        if (named.isEmpty()) {
            return out;
        }
        Staff supervisor = staff.findById(row.supervisorId()).orElseThrow();
        List<Object> args = new ArrayList<>(named);
        args.add(row.organisationId());
        args.add(supervisor.serviceId() == null ? "" : supervisor.serviceId());
        out.addAll(Sql.ids(jdbc, "SELECT DISTINCT ac.staff_id FROM account ac JOIN role_grant g ON g.account_id = ac.id WHERE ac.staff_id IN ("
                + Sql.placeholders(named.size()) + ") AND ac.organisation_id = ? AND g.role IN ('SERVICE_MANAGER', 'HEAD_OF_SERVICE') "
                + "AND (g.service_id IS NULL OR g.service_id = ?)", args));
        for (String id : named) {
            if (id.equals(row.supervisorId()) || (!out.contains(id) && access.isAboveInChain(row.supervisorId(), id))) {
                out.add(id);
            }
        }
        return out;
    }

    /** What stops completing the audit, each with a pointer: the required questions unanswered, and the actions below Good. */
    private List<Shortfall> missing(Row row, AuditContent content) {
        List<Shortfall> out = new ArrayList<>();
        Set<String> answered = new HashSet<>();
        content.answers().stream().filter(a -> blank(a.getValue()) != null).forEach(a -> answered.add(a.getKey()));
        items(row.templateId()).values().stream().filter(i -> i.required() && !answered.contains(i.itemKey()))
                .forEach(i -> out.add(new Shortfall("/answers/" + i.itemKey(), "Answer \"" + i.label() + "\".")));
        String grade = answer(content, GRADE_KEY);
        if (grade != null && BELOW_GOOD.contains(grade)) {
            if (content.actions().isEmpty()) {
                out.add(new Shortfall("/actions", "The grade is below Good: say what actions are needed to reach Good."));
            }
            for (int i = 0; i < content.actions().size(); i++) {
                AuditAction a = content.actions().get(i);
                if (a.getOwnerId() == null) {
                    out.add(new Shortfall("/actions/" + i + "/ownerId", "Say who owns action " + (i + 1) + "."));
                }
                if (a.getDueDate() == null) {
                    out.add(new Shortfall("/actions/" + i + "/dueDate", "Say when action " + (i + 1) + " is due."));
                }
            }
        }
        return out;
    }

    private static void refuse(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE,
                    errors.size() == 1 ? errors.get(0).getMessage() : errors.size() + " things need correcting.", errors, null, null);
        }
    }

    // ---- completion

    private void lockRow(String id) {
        jdbc.prepareStatement("SELECT version FROM file_audit WHERE id = ? FOR UPDATE", ps -> {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /** SHA-256 over everything the auditor signs. */
    private String contentHash(Row r, LocalDate auditedOn, Quarter quarter, String grade) {
        Map<String, Object> c = new TreeMap<>();
        c.put("id", r.id());
        c.put("kind", r.kind());
        c.put("supervisee", r.superviseeId());
        c.put("supervisor", r.supervisorId());
        c.put("auditor", r.auditorStaffId());
        c.put("auditorPost", Canonical.text(r.auditorPost()));
        c.put("periodFrom", r.periodFrom().toString());
        c.put("periodTo", r.periodTo().toString());
        c.put("auditedOn", auditedOn.toString());
        c.put("quarter", quarter.toString());
        c.put("template", r.templateId());
        c.put("grade", Canonical.text(grade));
        c.put("content", r.contentJson());
        return PasswordHasher.sha256(canonical.write(c));
    }

    /** One row per answered 1-5 rating, with its function, the audit's service and quarter: the report's GROUP BY. */
    private void writeRatings(Row row, AuditContent content, Quarter quarter) {
        Map<String, TemplateItemEntity> items = items(row.templateId());
        List<AuditAnswer> rated = content.answers().stream().filter(a -> blank(a.getValue()) != null && items.containsKey(a.getKey())
                && AnswerType.RATING_1_5.getValue().equals(items.get(a.getKey()).answerType())).toList();
        if (rated.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, quarter, function_tag, rating) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?)", ps -> {
            for (AuditAnswer a : rated) {
                ps.setString(1, row.id());
                ps.setString(2, a.getKey());
                ps.setString(3, row.organisationId());
                ps.setString(4, row.serviceId());
                ps.setString(5, quarter.toString());
                ps.setString(6, items.get(a.getKey()).functionTag());
                ps.setInt(7, Integer.parseInt(a.getValue().trim()));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /** Actions with an owner and a due date join the audited supervisor's action list: part of their own supervision. */
    private void trackActions(Row row, AuditContent content, Instant now) {
        List<AuditAction> tracked = content.actions().stream().filter(a -> a.getOwnerId() != null && a.getDueDate() != null).toList();
        if (tracked.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, "
                + "version, created_at, updated_at, file_audit_id) VALUES (?, ?, ?, ?, ?, ?, 'OPEN', 1, ?, ?, ?)", ps -> {
            for (AuditAction a : tracked) {
                ps.setString(1, trackedId(row.id(), a.getId()));
                ps.setString(2, row.organisationId());
                ps.setString(3, row.supervisorId());
                ps.setString(4, a.getOwnerId().toString());
                ps.setString(5, a.getText());
                ps.setDate(6, Date.valueOf(a.getDueDate()));
                ps.setTimestamp(7, Timestamp.from(now));
                ps.setTimestamp(8, Timestamp.from(now));
                ps.setString(9, row.id());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private static String trackedId(String auditId, UUID actionId) {
        return UUID.nameUUIDFromBytes(("audit:" + auditId + ":" + actionId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- views

    /** The audit as the auditor wrote it (a draft) or as signed (completed: read from the signed copy). */
    Audit view(Row stored) {
        Optional<Map<String, Object>> signed = snapshots.signed(stored.id());
        Row r = signed.map(s -> fromSnapshot(stored, s)).orElseGet(() -> asDraft(stored));
        AuditContent content = read(r.contentJson());
        Set<String> ids = new HashSet<>(List.of(r.superviseeId(), r.supervisorId(), r.auditorStaffId()));
        content.actions().stream().filter(a -> a.getOwnerId() != null).forEach(a -> ids.add(a.getOwnerId().toString()));
        Map<String, Staff> people = people(ids);
        boolean completed = signed.isPresent();
        if (completed) {
            Map<String, String> statuses = new HashMap<>();
            jdbc.prepareStatement("SELECT id, status FROM supervision_action WHERE file_audit_id = ?", ps -> {
                ps.setString(1, r.id());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        statuses.put(rs.getString(1), rs.getString(2));
                    }
                }
                return null;
            });
            content.actions().forEach(a -> {
                String tracked = trackedId(r.id(), a.getId());
                if (statuses.containsKey(tracked)) {
                    a.setTrackedActionId(UUID.fromString(tracked));
                    a.setStatus(ActionStatus.fromValue(statuses.get(tracked)));
                }
            });
        }
        content.actions().forEach(a -> a.setOwner(a.getOwnerId() == null ? null : StaffMapper.ref(people.get(a.getOwnerId().toString()))));
        Audit dto = new Audit(UUID.fromString(r.id()), AuditKind.fromValue(r.kind()), completed ? AuditStatus.COMPLETED : AuditStatus.DRAFT,
                StaffMapper.ref(people.get(r.superviseeId())), StaffMapper.ref(people.get(r.supervisorId())),
                StaffMapper.ref(people.get(r.auditorStaffId())), r.periodFrom(), r.periodTo(), r.auditedOn(), r.quarter(),
                UUID.fromString(r.templateId()), content.answers(), content.actions(), completed ? List.of() : missing(r, content),
                stored.version(), stored.createdAt().atOffset(ZoneOffset.UTC), stored.updatedAt().atOffset(ZoneOffset.UTC));
        Names names = names(List.of(r));
        dto.setTeam(names.team(r.teamId()));
        dto.setService(names.service(r.serviceId()));
        dto.setAuditorPost(r.auditorPost());
        dto.setSampleId(r.sampleId() == null ? null : UUID.fromString(r.sampleId()));
        String grade = completed ? r.grade() : answer(content, GRADE_KEY);
        dto.setGrade(grade == null ? null : OverallGradeAnswer.fromValue(grade));
        dto.setMeanRating(meanRating(r, content));
        dto.setNotedOnSessionId(stored.notedOnSessionId() == null ? null : UUID.fromString(stored.notedOnSessionId()));
        if (completed) {
            @SuppressWarnings("unchecked")
            Map<String, Object> sig = (Map<String, Object>) signed.get().get("signature");
            if (sig != null) {
                dto.setSignature(new RecordSignature(StaffMapper.ref(people.get((String) sig.get("signer"))),
                        Instant.parse((String) sig.get("at")).atOffset(ZoneOffset.UTC), (String) sig.get("hash"),
                        sig.get("hash").equals(r.contentHash())));
            }
            dto.setContentHash(r.contentHash());
            dto.setCompletedAt(r.completedAt() == null ? null : r.completedAt().atOffset(ZoneOffset.UTC));
            String issued = jdbc.prepareStatement("SELECT MIN(issued_at) FROM questionnaire_invitation WHERE audit_id = ?", ps -> {
                ps.setString(1, r.id());
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant().toString() : null;
                }
            });
            dto.setQuestionnaireIssuedAt(issued == null ? null : Instant.parse(issued).atOffset(ZoneOffset.UTC));
        }
        return dto;
    }

    private Double meanRating(Row r, AuditContent content) {
        Map<String, TemplateItemEntity> items = items(r.templateId());
        List<Integer> ratings = content.answers().stream().filter(a -> blank(a.getValue()) != null && items.containsKey(a.getKey())
                && AnswerType.RATING_1_5.getValue().equals(items.get(a.getKey()).answerType())).map(a -> Integer.parseInt(a.getValue().trim())).toList();
        if (ratings.isEmpty()) {
            return null;
        }
        double mean = ratings.stream().mapToInt(Integer::intValue).average().orElseThrow();
        return Math.round(mean * 100) / 100.0;
    }

    private static String answer(AuditContent content, String key) {
        return content.answers().stream().filter(a -> key.equals(a.getKey())).map(a -> blank(a.getValue())).findFirst().orElse(null);
    }

    /** The audit as it reads: from the signed copy once completed, else the draft row. */
    Row asShown(Row stored) {
        return snapshots.signed(stored.id()).map(s -> fromSnapshot(stored, s)).orElseGet(() -> asDraft(stored));
    }

    /** A row with no signed copy is a draft, whatever its status column says. */
    private static Row asDraft(Row r) {
        return new Row(r.id(), r.organisationId(), r.kind(), r.sampleId(), r.superviseeId(), r.supervisorId(), r.teamId(), r.serviceId(),
                r.auditorStaffId(), r.auditorAccountId(), r.auditorPost(), r.periodFrom(), r.periodTo(), r.auditedOn(), r.quarter(),
                r.templateId(), DRAFT, r.contentJson(), null, null, null, r.notedOnSessionId(), r.version(), r.createdAt(), r.updatedAt());
    }

    /** The audit as signed: every field from the signed copy, never from the mutable row. */
    private static Row fromSnapshot(Row stored, Map<String, Object> c) {
        return new Row(stored.id(), (String) c.get("organisationId"), (String) c.get("kind"), blank((String) c.get("sample")),
                (String) c.get("supervisee"), (String) c.get("supervisor"), blank((String) c.get("team")), blank((String) c.get("service")),
                (String) c.get("auditor"), stored.auditorAccountId(), blank((String) c.get("auditorPost")),
                LocalDate.parse((String) c.get("periodFrom")), LocalDate.parse((String) c.get("periodTo")),
                LocalDate.parse((String) c.get("auditedOn")), (String) c.get("quarter"), (String) c.get("template"), COMPLETED,
                (String) c.get("content"), blank((String) c.get("grade")), blank((String) c.get("contentHash")),
                blank((String) c.get("completedAt")) == null ? null : Instant.parse((String) c.get("completedAt")),
                stored.notedOnSessionId(), stored.version(), stored.createdAt(), stored.updatedAt());
    }

    /** Team and service names of these audits, in one query each. */
    private record Names(Map<String, String> teams, Map<String, String> services) {
        TeamRef team(String id) {
            return id == null || !teams.containsKey(id) ? null : new TeamRef(UUID.fromString(id), teams.get(id));
        }

        ServiceRef service(String id) {
            return id == null || !services.containsKey(id) ? null : new ServiceRef(UUID.fromString(id), services.get(id));
        }
    }

    private Names names(List<Row> rows) {
        return new Names(namesOf("team", rows.stream().map(Row::teamId).toList()), namesOf("service", rows.stream().map(Row::serviceId).toList()));
    }

    private Map<String, String> namesOf(String table, Collection<String> ids) {
        Set<String> distinct = new HashSet<>(ids);
        distinct.remove(null);
        Map<String, String> out = new HashMap<>();
        if (distinct.isEmpty()) {
            return out;
        }
        List<Object> args = new ArrayList<>(distinct);
        jdbc.prepareStatement("SELECT id, name FROM " + table + " WHERE id IN (" + Sql.placeholders(distinct.size()) + ")", ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return null;
        });
        return out;
    }

    // ---- reading rows

    Optional<Row> load(String id) {
        List<Row> rows = loadAll(List.of(id));
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** The rows of these ids, in the order given. */
    private List<Row> loadAll(List<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Row> byId = new HashMap<>();
        jdbc.prepareStatement("SELECT " + COLUMNS + " FROM file_audit WHERE id IN (" + Sql.placeholders(ids.size()) + ")", ps -> {
            for (int i = 0; i < ids.size(); i++) {
                ps.setString(i + 1, ids.get(i));
            }
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row r = row(rs);
                    byId.put(r.id(), r);
                }
            }
            return null;
        });
        return ids.stream().filter(byId::containsKey).map(byId::get).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getDate(12).toLocalDate(), rs.getDate(13).toLocalDate(),
                rs.getDate(14).toLocalDate(), rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19),
                rs.getString(20), rs.getTimestamp(21) == null ? null : rs.getTimestamp(21).toInstant(), rs.getString(22), rs.getInt(23),
                rs.getTimestamp(24).toInstant(), rs.getTimestamp(25).toInstant());
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

    AuditContent read(String text) {
        try {
            AuditContent c = json.readValue(text, Argument.of(AuditContent.class));
            return new AuditContent(c.answers() == null ? new ArrayList<>() : new ArrayList<>(c.answers()),
                    c.actions() == null ? new ArrayList<>() : new ArrayList<>(c.actions()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}

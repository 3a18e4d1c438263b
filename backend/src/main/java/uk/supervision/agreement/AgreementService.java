package uk.supervision.agreement;

import io.micronaut.core.type.Argument;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.AgreementAnswer;
import uk.supervision.api.model.AgreementCreate;
import uk.supervision.api.model.AgreementPage;
import uk.supervision.api.model.AgreementStatus;
import uk.supervision.api.model.AgreementUpdate;
import uk.supervision.api.model.AnswerType;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.policy.AnswerScales;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessPolicy.StaffScope;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Sql;
import uk.supervision.support.ETags;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;
import uk.supervision.support.json.JsonText;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Supervision agreements (DOMAIN §4): drafted from the organisation's agreement template, frozen when
 * submitted, signed by each party with their own account, ACTIVE and immutable when both have signed;
 * a review or a new supervisor makes a new version linked to the old one.
 */
@Singleton
public class AgreementService {
    private static final List<String> OPEN = List.of(Agreement.DRAFT, Agreement.AWAITING_SIGNATURES);

    private final AgreementRepository agreements;
    private final AgreementSignatureRepository signatures;
    private final AgreementSnapshots snapshots;
    private final StaffRepository staff;
    private final SupervisionRelationRepository relations;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AgreementLifecycle lifecycle;
    private final AgreementRules rules;

    public AgreementService(AgreementRepository agreements, AgreementSignatureRepository signatures, AgreementSnapshots snapshots,
                            StaffRepository staff, SupervisionRelationRepository relations, PolicyService policy, AccessPolicy access,
                            Idempotency idempotency, ActivityLog activityLog, ReadLog readLog, JdbcOperations jdbc, JsonMapper json, Clock clock,
                            AgreementLifecycle lifecycle, AgreementRules rules) {
        this.lifecycle = lifecycle;
        this.rules = rules;
        this.agreements = agreements;
        this.signatures = signatures;
        this.snapshots = snapshots;
        this.staff = staff;
        this.relations = relations;
        this.policy = policy;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** What a create or review returns; replayed when an Idempotency-Key resend found the first result. */
    public record Created(uk.supervision.api.model.Agreement agreement, boolean replayed) {
    }

    @Transactional
    public Created create(Caller caller, AgreementCreate body, String idempotencyKey) {
        var previous = idempotency.previous(caller, idempotencyKey, "createAgreement", body);
        if (previous.isPresent()) {
            return replay(caller, previous.get());
        }
        Staff supervisee = staff.findByIdAndOrganisationId(body.getSuperviseeId().toString(), caller.organisationId())
                .orElseThrow(() -> Problems.rule("/superviseeId", "There is no such member of staff in your organisation."));
        String supervisorId = relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock));
        access.requireArrangeSupervisionFor(caller, supervisee, supervisorId);
        requireSupervised(supervisee, supervisorId, "/superviseeId");
        refuseSecondOpenAgreement(supervisee);
        rules.requireIntervalAllowed(caller.organisationId(), supervisee, body.getIntervalWeeks());
        PolicyService.ActiveTemplate template = policy.activeTemplate(caller.organisationId(), TemplateKind.AGREEMENT);
        String answers = answersJson(body.getAnswers(), template);
        Instant now = clock.instant();
        Agreement created = agreements.save(new Agreement(Ids.newId(), caller.organisationId(), supervisee.id(), supervisorId,
                template.id(), null, 1, Agreement.DRAFT, body.getIntervalWeeks(), body.getDurationMinutes(),
                body.getLocation().trim(), body.getEscalationPeriod(), answers, null, null, null, 1, now, now));
        idempotency.remember(caller, idempotencyKey, "createAgreement", body, created.id());
        activityLog.record(caller, "AGREEMENT_DRAFTED", "agreement", created.id(), "supervisee " + supervisee.id());
        return new Created(view(caller, created.id()), false);
    }

    /** Read-write: the log row is written in the read's own transaction, and MySQL refuses it in a read-only one. */
    @Transactional
    public uk.supervision.api.model.Agreement get(Caller caller, UUID id) {
        return loggedView(caller, id.toString());
    }

    /** A resend of a create returns nothing new: it is a read, checked and logged as {@link #get} is. */
    private Created replay(Caller caller, String id) {
        return new Created(loggedView(caller, id), true);
    }

    private uk.supervision.api.model.Agreement loggedView(Caller caller, String id) {
        uk.supervision.api.model.Agreement agreement = view(caller, id);
        readLog.record(caller, RecordRead.one(RecordRead.AGREEMENT, agreement.getId(), List.of(agreement.getSupervisee().getId())));
        return agreement;
    }

    @Transactional
    public uk.supervision.api.model.Agreement update(Caller caller, UUID id, AgreementUpdate body, String ifMatch) {
        Agreement current = readable(caller, id.toString());
        requireParty(caller, current, "change");
        ETags.requireCurrent(ifMatch, current.version());
        requireDraft(current);
        rules.requireIntervalAllowed(caller.organisationId(), staff.findById(current.superviseeId()).orElseThrow(), body.getIntervalWeeks());
        PolicyService.ActiveTemplate template = policy.template(current.templateId());
        long changed = agreements.updateDraft(current.id(), current.version(), body.getIntervalWeeks(), body.getDurationMinutes(),
                body.getLocation().trim(), body.getEscalationPeriod(), answersJson(body.getAnswers(), template), clock.instant());
        if (changed != 1) {
            throw Problems.preconditionFailed(current.version());
        }
        activityLog.record(caller, "AGREEMENT_CHANGED", "agreement", current.id(), null);
        return view(caller, current.id());
    }

    @Transactional
    public uk.supervision.api.model.Agreement submit(Caller caller, UUID id, String ifMatch) {
        Agreement current = readable(caller, id.toString());
        requireParty(caller, current, "submit");
        ETags.requireCurrent(ifMatch, current.version());
        requireDraft(current);
        // A review draft carries the old interval over: the profile may no longer allow it.
        rules.requireIntervalAllowed(caller.organisationId(), staff.findById(current.superviseeId()).orElseThrow(), current.intervalWeeks());
        if (agreements.submit(current.id(), current.version(), clock.instant()) != 1) {
            throw Problems.preconditionFailed(current.version());
        }
        activityLog.record(caller, "AGREEMENT_SUBMITTED", "agreement", current.id(), null);
        return view(caller, current.id());
    }

    /**
     * Signings of one agreement run one at a time: the agreement row is locked first (SELECT ... FOR
     * UPDATE) and every read after it, at READ COMMITTED, sees the other party's committed signature. So
     * two parties signing at once end with both signatures, one activation and one signed snapshot.
     */
    @Transactional(isolation = TransactionDefinition.Isolation.READ_COMMITTED)
    public uk.supervision.api.model.Agreement sign(Caller caller, UUID id, String ifMatch) {
        lockForSigning(id.toString());
        Agreement current = readable(caller, id.toString());
        String party = caller.isSelf(current.supervisorId()) ? "SUPERVISOR" : caller.isSelf(current.superviseeId()) ? "SUPERVISEE" : null;
        if (party == null) {
            throw Problems.forbidden("Only the supervisor and the supervisee sign their agreement, each with their own account.");
        }
        List<AgreementSignature> existing = signatures.findByAgreementIdInOrderBySignedAt(List.of(current.id()));
        requireSignable(ifMatch, current, existing.size());
        if (!Agreement.AWAITING_SIGNATURES.equals(current.status())) {
            throw Problems.conflict(Agreement.DRAFT.equals(current.status())
                    ? "Submit the draft for signature before signing it."
                    : "This agreement is " + current.status().toLowerCase().replace('_', ' ') + " and cannot be signed again.");
        }
        if (existing.stream().anyMatch(s -> s.party().equals(party))) {
            throw Problems.conflict("You have already signed this agreement.");
        }
        Instant now = clock.instant();
        String hash = contentHash(current);
        signatures.save(new AgreementSignature(Ids.newId(), current.id(), party, caller.staffId(), caller.accountId(), now, hash));
        boolean complete = existing.size() == 1;
        long changed = complete
                ? agreements.activate(current.id(), current.version(), hash, reviewDue(current, now), now)
                : agreements.countSignature(current.id(), current.version(), now);
        if (changed != 1) {
            throw Problems.preconditionFailed(current.version());
        }
        if (complete) {
            agreements.supersedeOthers(current.superviseeId(), current.id(), now);
            snapshots.lock(current.id());
        }
        activityLog.record(caller, complete ? "AGREEMENT_ACTIVE" : "AGREEMENT_SIGNED", "agreement", current.id(),
                "signed by " + party.toLowerCase() + ", content " + hash);
        return view(caller, current.id());
    }

    @Transactional
    public Created review(Caller caller, UUID id, String idempotencyKey) {
        var previous = idempotency.previous(caller, idempotencyKey, "reviewAgreement", id.toString());
        if (previous.isPresent()) {
            return replay(caller, previous.get());
        }
        Agreement current = readable(caller, id.toString());
        Staff supervisee = staff.findById(current.superviseeId()).orElseThrow();
        String supervisorId = relations.currentSupervisorId(supervisee.id(), LocalDate.now(clock));
        access.requireArrangeSupervisionFor(caller, supervisee, supervisorId);
        requireSupervised(supervisee, supervisorId, "");
        if (!Agreement.ACTIVE.equals(current.status())) {
            throw Problems.conflict("Only the active agreement is reviewed; this one is " + current.status().toLowerCase().replace('_', ' ') + ".");
        }
        refuseSecondOpenAgreement(supervisee);
        // A review is a new record: drafted from the template in force now, keeping the answers it still asks.
        PolicyService.ActiveTemplate template = policy.activeTemplate(current.organisationId(), TemplateKind.AGREEMENT);
        List<AgreementAnswer> carried = readAnswers(current.answersJson()).stream()
                .filter(a -> template.item(a.getKey())
                        .filter(i -> AnswerScales.problem(AnswerType.valueOf(i.answerType()), a.getText()).isEmpty())
                        .isPresent())
                .toList();
        Instant now = clock.instant();
        Agreement next = agreements.save(new Agreement(Ids.newId(), current.organisationId(), current.superviseeId(), supervisorId,
                template.id(), current.id(), current.versionNumber() + 1, Agreement.DRAFT, current.intervalWeeks(),
                current.durationMinutes(), current.location(), current.escalationPeriod(), answersJson(carried, template), null, null, null,
                1, now, now));
        idempotency.remember(caller, idempotencyKey, "reviewAgreement", id.toString(), next.id());
        activityLog.record(caller, "AGREEMENT_REVIEW_STARTED", "agreement", next.id(), "review of " + current.id());
        return new Created(view(caller, next.id()), false);
    }

    @Transactional
    public AgreementPage versions(Caller caller, UUID id) {
        Agreement start = readable(caller, id.toString());
        List<Agreement> chain = new ArrayList<>();
        Agreement first = start;
        for (int guard = 0; first.previousVersionId() != null && guard < 100; guard++) {
            first = agreements.findById(first.previousVersionId()).orElseThrow();
        }
        chain.add(first);
        for (int guard = 0; guard < 100; guard++) {
            List<Agreement> later = agreements.findByPreviousVersionId(chain.get(chain.size() - 1).id());
            if (later.isEmpty()) {
                break;
            }
            chain.add(later.get(0));
        }
        // Each version on its own: a former supervisor reads the versions they were party to, not their successors.
        List<Agreement> readableChain = readable(caller, chain);
        readLog.record(caller, RecordRead.versions(RecordRead.AGREEMENT, start.id(), List.of(start.superviseeId()), readableChain.size()));
        return new AgreementPage(toDtos(readableChain));
    }

    @Transactional
    public AgreementPage list(Caller caller, Integer limit, String cursor, UUID superviseeId, AgreementStatus status) {
        access.requireSupervisionLists(caller);
        StaffScope scope = access.recordScope(caller);
        if (scope.isEmpty()) {
            return new AgreementPage(List.of());
        }
        int size = Cursor.limit(limit);
        StringBuilder sql = new StringBuilder("SELECT a.id FROM agreement a JOIN staff e ON e.id = a.supervisee_id WHERE a.organisation_id = ?");
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        if (caller.staffId() != null) {
            sql.append(scope.sql("e.service_id", "a.supervisee_id", args, "a.supervisor_id = ?"));
            if (!scope.wholeOrganisation()) {
                args.add(caller.staffId());
            }
        } else {
            sql.append(scope.sql("e.service_id", "a.supervisee_id", args));
        }
        if (superviseeId != null) {
            sql.append(" AND a.supervisee_id = ?");
            args.add(superviseeId.toString());
        }
        if (status != null) {
            sql.append(" AND a.status = ?");
            args.add(status.getValue());
        }
        List<String> after = Cursor.decode(CursorList.AGREEMENTS, cursor, 1);
        if (after != null) {
            sql.append(" AND a.id < ?");
            args.add(after.get(0));
        }
        sql.append(" ORDER BY a.id DESC LIMIT ?");
        args.add(size + 1);
        List<String> ids = Sql.ids(jdbc, sql.toString(), args);
        boolean more = ids.size() > size;
        List<String> page = more ? ids.subList(0, size) : ids;
        List<Agreement> rows = new ArrayList<>();
        Map<String, Agreement> byId = new LinkedHashMap<>();
        if (!page.isEmpty()) agreements.findByIdIn(page).forEach(a -> byId.put(a.id(), a));
        page.forEach(i -> rows.add(byId.get(i)));
        List<Agreement> shown = readable(caller, rows);
        AgreementPage result = new AgreementPage(toDtos(shown));
        readLog.record(caller, RecordRead.list(RecordRead.AGREEMENT, shown.stream().map(Agreement::superviseeId).toList(), shown.size()));
        if (more) {
            result.setNextCursor(Cursor.encode(CursorList.AGREEMENTS, page.get(page.size() - 1)));
        }
        return result;
    }

    // ---- helpers

    private void lockForSigning(String id) {
        jdbc.prepareStatement("SELECT id FROM agreement WHERE id = ? FOR UPDATE", ps -> {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * While awaiting signatures the content is frozen and only signatures move the version on, so an
     * ETag from any version since submission names the content being signed: the other party signing
     * first is no reason to refuse.
     */
    private static void requireSignable(String ifMatch, Agreement current, int signaturesSoFar) {
        if (ifMatch != null && Agreement.AWAITING_SIGNATURES.equals(current.status())) {
            for (int v = current.version() - signaturesSoFar; v < current.version(); v++) {
                if (ETags.of(v).equals(ifMatch.trim())) {
                    return;
                }
            }
        }
        ETags.requireCurrent(ifMatch, current.version());
    }

    /** The agreement, if it exists in the caller's organisation and the caller may read it. */
    private Agreement readable(Caller caller, String id) {
        Agreement row = agreements.findById(id)
                .filter(a -> a.organisationId().equals(caller.organisationId()))
                .orElseThrow(() -> Problems.notFound("Agreement " + id));
        AgreementSnapshots.Signed signed = snapshots.signed(List.of(row)).get(id);
        Agreement agreement = signed == null ? row : signed.agreement();
        Staff supervisee = staff.findById(agreement.superviseeId()).orElseThrow();
        access.requireReadRecord(caller, supervisee, agreement.supervisorId());
        return agreement;
    }

    /** The agreements among these the caller may read, each checked on its own. */
    private List<Agreement> readable(Caller caller, List<Agreement> rows) {
        return access.readableRecords(caller, rows, a -> AccessPolicy.Parties.of(a.organisationId(), a.superviseeId(), a.supervisorId()));
    }

    private uk.supervision.api.model.Agreement view(Caller caller, String id) {
        return toDtos(List.of(readable(caller, id))).get(0);
    }

    private List<uk.supervision.api.model.Agreement> toDtos(List<Agreement> stored) {
        // A signed agreement is read from its snapshot, content and signatures alike.
        Map<String, AgreementSnapshots.Signed> signed = snapshots.signed(stored);
        List<Agreement> rows = stored.stream().map(a -> signed.containsKey(a.id()) ? signed.get(a.id()).agreement() : a).toList();
        Set<String> people = new HashSet<>();
        rows.forEach(a -> {
            people.add(a.superviseeId());
            people.add(a.supervisorId());
        });
        List<String> unsigned = rows.stream().map(Agreement::id).filter(i -> !signed.containsKey(i)).toList();
        List<AgreementSignature> all = new ArrayList<>(unsigned.isEmpty() ? List.of() : signatures.findByAgreementIdInOrderBySignedAt(unsigned));
        signed.values().forEach(s -> all.addAll(s.signatures()));
        all.forEach(s -> people.add(s.signerStaffId()));
        Map<String, Staff> staffById = new java.util.HashMap<>();
        if (!people.isEmpty()) {
            staff.findByIdIn(people).forEach(s -> staffById.put(s.id(), s));
        }
        PolicyRules policyRules = rows.isEmpty() ? null : policy.effectiveRules(rows.get(0).organisationId());
        return lifecycle.decorate(rows.stream().map(a -> {
            uk.supervision.api.model.Agreement dto = AgreementMapper.toDto(a, readAnswers(a.answersJson()), staffById,
                    all.stream().filter(s -> s.agreementId().equals(a.id())).toList());
            dto.setWarnings(AgreementRules.warnings(policyRules, a));
            return dto;
        }).toList());
    }

    private void requireParty(Caller caller, Agreement agreement, String what) {
        if (!caller.isSelf(agreement.supervisorId()) && !caller.isSelf(agreement.superviseeId())) {
            throw Problems.forbidden("Only the supervisor and the supervisee may " + what + " their agreement.");
        }
    }

    private static void requireDraft(Agreement agreement) {
        if (!Agreement.DRAFT.equals(agreement.status())) {
            throw Problems.conflict("This agreement is " + agreement.status().toLowerCase().replace('_', ' ')
                    + ": its content is locked. Start a review to make a new version.");
        }
    }

    private void refuseSecondOpenAgreement(Staff supervisee) {
        if (!agreements.findBySuperviseeIdAndStatusIn(supervisee.id(), OPEN).isEmpty()) {
            throw Problems.conflict(supervisee.displayName() + " already has an agreement in draft or awaiting signatures. Finish that one first.");
        }
    }


    private static void requireSupervised(Staff supervisee, String supervisorId, String pointer) {
        if (supervisorId == null) {
            throw Problems.rule(pointer, supervisee.displayName() + " has no current supervisor. Record who supervises them first.");
        }
    }

    private LocalDate reviewDue(Agreement agreement, Instant signedAt) {
        PolicyRules rules = policy.effectiveRules(agreement.organisationId());
        return rules.getAgreementReviewEvery() == null ? null
                : LocalDate.ofInstant(signedAt, clock.getZone()).plus(Period.parse(rules.getAgreementReviewEvery()));
    }

    /**
     * Answers must name items of the agreement's template, once each, and fit the item's answer type (a
     * clause takes none, a scale one of its values). Stored in template order.
     */
    private String answersJson(List<AgreementAnswer> answers, PolicyService.ActiveTemplate template) {
        Map<String, String> byKey = new LinkedHashMap<>();
        for (int i = 0; i < answers.size(); i++) {
            AgreementAnswer a = answers.get(i);
            int index = i;
            var item = template.item(a.getKey())
                    .orElseThrow(() -> Problems.rule("/answers/" + index + "/key", "The agreement template has no question " + a.getKey() + "."));
            if (byKey.put(a.getKey(), a.getText()) != null) {
                throw Problems.rule("/answers/" + i + "/key", "This question is answered twice: answer each question once.");
            }
            AnswerScales.problem(AnswerType.valueOf(item.answerType()), a.getText()).ifPresent(message -> {
                throw Problems.rule("/answers/" + index + "/text", abbreviate(item.label()) + ": " + message);
            });
        }
        List<Map<String, String>> ordered = new ArrayList<>();
        for (String key : template.keys()) {
            if (byKey.containsKey(key)) {
                ordered.add(Map.of("key", key, "text", byKey.get(key)));
            }
        }
        return JsonText.write(json, ordered);
    }

    /** The start of a question, to say which one an error is about. */
    private static String abbreviate(String label) {
        return label.length() <= 80 ? label : label.substring(0, 77) + "...";
    }

    private List<AgreementAnswer> readAnswers(String text) {
        try {
            List<Map<String, String>> raw = json.readValue(text, Argument.listOf(Argument.mapOf(String.class, String.class)));
            return raw.stream().map(m -> new AgreementAnswer(m.get("key"), m.get("text"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SHA-256 of everything the parties agree to, in a fixed order: the tamper-evidence of a signed agreement. */
    String contentHash(Agreement a) {
        Map<String, Object> content = new TreeMap<>();
        content.put("agreementId", a.id());
        content.put("versionNumber", a.versionNumber());
        content.put("supervisee", a.superviseeId());
        content.put("supervisor", a.supervisorId());
        content.put("template", a.templateId());
        content.put("intervalWeeks", a.intervalWeeks() == null ? "" : a.intervalWeeks());
        content.put("durationMinutes", a.durationMinutes());
        content.put("location", a.location());
        content.put("escalationPeriod", a.escalationPeriod() == null ? "" : a.escalationPeriod());
        content.put("answers", a.answersJson());
        return PasswordHasher.sha256(JsonText.write(json, content));
    }
}

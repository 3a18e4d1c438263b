package uk.supervision.questionnaire;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.HttpStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.activitylog.ReadLog;
import uk.supervision.activitylog.RecordRead;
import uk.supervision.api.model.AnswerType;
import uk.supervision.api.model.AuditCrossCheck;
import uk.supervision.api.model.AuditDisagreements;
import uk.supervision.api.model.CrossCheckPair;
import uk.supervision.api.model.FieldError;
import uk.supervision.api.model.InvitationStatus;
import uk.supervision.api.model.QualityAnswer;
import uk.supervision.api.model.Questionnaire;
import uk.supervision.api.model.QuestionnaireAnswerSheet;
import uk.supervision.api.model.QuestionnaireInvitation;
import uk.supervision.api.model.QuestionnaireInvitationPage;
import uk.supervision.api.model.QuestionnaireList;
import uk.supervision.api.model.QuestionnaireReceipt;
import uk.supervision.api.model.QuestionnaireResponseCreate;
import uk.supervision.api.model.QuestionnaireRound;
import uk.supervision.api.model.QuestionnaireRoundCreate;
import uk.supervision.api.model.QuestionnaireStatement;
import uk.supervision.api.model.QuestionnaireStatementAnswer;
import uk.supervision.api.model.QuestionnaireSummary;
import uk.supervision.api.model.RatingAnswer;
import uk.supervision.api.model.ServiceDisagreements;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.TeamRef;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.audit.Quarter;
import uk.supervision.policy.AnswerScales;
import uk.supervision.policy.PolicyService;
import uk.supervision.policy.TemplateItemEntity;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Idempotency;
import uk.supervision.support.Ids;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The Part 2 questionnaire (DOMAIN section 8): the invitee sees and answers their own invitation, once; the answer
 * is stored without the respondent or the time; quality assurance auditors issue rounds, see who answered, and
 * alone follow an audit's link to the one answer it issued.
 */
@Singleton
public class QuestionnaireService {
    static final ZoneId LONDON = ZoneId.of("Europe/London");
    /** The longest a round may stay open. */
    static final int ROUND_OPEN_AT_MOST_DAYS = 90;
    private static final int DEFAULT_MINIMUM = 5;

    /**
     * Each Part 2 statement and the audit question that judges the same thing (Appendix 7): Q4 plans - 1; Q8
     * feedback on performance - 2; Q9 well-being - 3 and 4 (valued and motivated); Q3 reflective discussion
     * informing plans - 6 (clear about case decisions) and 7 (space for case discussion and reflection); Q5
     * outcomes and risks for children - 8 (knowledge about the child); Q12 professional development - 9.
     */
    public static final List<Map.Entry<String, String>> CROSS_CHECK_PAIRS = List.of(
            Map.entry("q4", "s1"), Map.entry("q8", "s2"), Map.entry("q9", "s3"), Map.entry("q9", "s4"),
            Map.entry("q3", "s6"), Map.entry("q3", "s7"), Map.entry("q5", "s8"), Map.entry("q12", "s9"));

    private final JdbcOperations jdbc;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final Idempotency idempotency;
    private final ActivityLog activityLog;
    private final ReadLog readLog;
    private final QuestionnaireInvitations invitations;
    private final Clock clock;

    public QuestionnaireService(JdbcOperations jdbc, PolicyService policy, AccessPolicy access, Idempotency idempotency,
                                ActivityLog activityLog, ReadLog readLog, QuestionnaireInvitations invitations, Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.access = access;
        this.idempotency = idempotency;
        this.activityLog = activityLog;
        this.readLog = readLog;
        this.invitations = invitations;
        this.clock = clock;
    }

    record InvitationRow(String id, String organisationId, String inviteeId, String supervisorId, String teamId, String serviceId,
                         String templateId, String auditId, String roundId, Instant issuedAt, Instant expiresAt,
                         Instant remindedAt, Instant answeredAt) {
        InvitationStatus status(Instant now) {
            if (answeredAt != null) {
                return InvitationStatus.ANSWERED;
            }
            return expiresAt.isAfter(now) ? InvitationStatus.OPEN : InvitationStatus.EXPIRED;
        }
    }

    public record Receipt(QuestionnaireReceipt receipt, boolean replayed) {
    }

    public record Issued(QuestionnaireRound round, boolean replayed) {
    }

    // ---- the invitee

    @Transactional(readOnly = true)
    public QuestionnaireList mine(Caller caller) {
        access.requireQuestionnaireInvitee(caller, caller.staffId() == null ? "" : caller.staffId());
        Instant now = clock.instant();
        List<InvitationRow> rows = query("SELECT * FROM questionnaire_invitation WHERE invitee_staff_id = ? AND answered_at IS NULL "
                + "AND expires_at > ? ORDER BY issued_at, id", List.of(caller.staffId(), Timestamp.from(now)));
        List<QuestionnaireSummary> items = new ArrayList<>();
        for (InvitationRow r : rows.subList(0, Math.min(rows.size(), 100))) {
            QuestionnaireSummary s = new QuestionnaireSummary(UUID.fromString(r.id()), time(r.issuedAt()), time(r.expiresAt()));
            s.setRemindedAt(time(r.remindedAt()));
            items.add(s);
        }
        return new QuestionnaireList(items);
    }

    @Transactional(readOnly = true)
    public Questionnaire get(Caller caller, UUID invitationId) {
        InvitationRow r = invitation(caller, invitationId);
        access.requireQuestionnaireInvitee(caller, r.inviteeId());
        PolicyService.ActiveTemplate template = policy.template(r.templateId());
        Questionnaire q = new Questionnaire(UUID.fromString(r.id()), UUID.fromString(r.templateId()), title(r.templateId()),
                statements(template), AnswerScales.options(AnswerType.QUALITY_5), whoSeesAnswers(r.organisationId()),
                time(r.issuedAt()), time(r.expiresAt()), r.status(clock.instant()));
        q.setGuidance(guidance(r.templateId()));
        q.setRemindedAt(time(r.remindedAt()));
        return q;
    }

    @Transactional
    public Receipt answer(Caller caller, UUID invitationId, QuestionnaireResponseCreate body, String idempotencyKey) {
        InvitationRow r = invitation(caller, invitationId);
        access.requireQuestionnaireInvitee(caller, r.inviteeId());
        // The key is remembered against the invitation, never the answers: a hash of the body would let anyone reading the
        // key table try every combination of ratings and find this person's answers.
        if (idempotency.previous(caller, idempotencyKey, "answerQuestionnaire", r.id()).isPresent()) {
            return new Receipt(receipt(r), true);
        }
        Instant now = clock.instant();
        if (r.answeredAt() != null) {
            throw Problems.conflict("This questionnaire has already been answered. It can be answered once.");
        }
        if (!r.expiresAt().isAfter(now)) {
            throw Problems.rule("", "This questionnaire closed on " + r.expiresAt().atZone(LONDON).toLocalDate()
                    + " and can no longer be answered.");
        }
        PolicyService.ActiveTemplate template = policy.template(r.templateId());
        Map<String, Integer> ratings = validate(template, body);
        if (body.getComment() != null && body.getComment().length() > 2000) {
            throw Problems.rule("/comment", "Keep the comment to 2000 characters.");
        }
        int updated = jdbc.prepareStatement("UPDATE questionnaire_invitation SET answered_at = ?, version = version + 1 "
                + "WHERE id = ? AND answered_at IS NULL", ps -> {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setString(2, r.id());
            return ps.executeUpdate();
        });
        if (updated == 0) {
            throw Problems.conflict("This questionnaire has already been answered. It can be answered once.");
        }
        // Random, not time-ordered: the id must not say when it was written, so it cannot be matched to an invitation.
        String responseId = UUID.randomUUID().toString();
        String quarter = Quarter.of(LocalDate.ofInstant(now, LONDON)).toString();
        String comment = body.getComment() == null || body.getComment().isBlank() ? null : body.getComment().trim();
        jdbc.prepareStatement("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, "
                + "service_id, audit_id, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, responseId);
            ps.setString(2, r.organisationId());
            ps.setString(3, r.templateId());
            ps.setString(4, quarter);
            ps.setString(5, r.supervisorId());
            ps.setString(6, r.teamId());
            ps.setString(7, r.serviceId());
            ps.setString(8, r.auditId());
            ps.setString(9, comment);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, ?, ?)", ps -> {
            for (Map.Entry<String, Integer> e : ratings.entrySet()) {
                ps.setString(1, responseId);
                ps.setString(2, e.getKey());
                ps.setInt(3, e.getValue());
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        idempotency.remember(caller, idempotencyKey, "answerQuestionnaire", r.id(), r.id());
        // No activity-log row: the log is searched by administrators, and "who answered" is the auditor's alone to see
        // (DOMAIN section 8). The invitation's answered_at is the record that it was answered.
        return new Receipt(receipt(r), false);
    }

    /** Every statement once, with one of the five answers; keys in template order with 1 = Very good ... 5 = Very poor. */
    private static Map<String, Integer> validate(PolicyService.ActiveTemplate template, QuestionnaireResponseCreate body) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> ratings = new LinkedHashMap<>();
        List<QuestionnaireStatementAnswer> answers = body.getAnswers() == null ? List.of() : body.getAnswers();
        for (int i = 0; i < answers.size(); i++) {
            QuestionnaireStatementAnswer a = answers.get(i);
            String key = a.getKey();
            if (template.item(key).isEmpty()) {
                errors.add(new FieldError("/answers/" + i + "/key", "There is no statement " + key + " on this questionnaire."));
            } else if (ratings.containsKey(key)) {
                errors.add(new FieldError("/answers/" + i + "/key", "Statement " + number(template, key) + " is answered twice: answer it once."));
            } else if (a.getValue() == null) {
                errors.add(new FieldError("/answers/" + i + "/value", "Choose Very good, Good, Satisfactory, Poor or Very poor."));
            } else {
                ratings.put(key, a.getValue().ordinal() + 1);
            }
        }
        List<String> missing = new ArrayList<>();
        List<TemplateItemEntity> items = template.items();
        for (int n = 0; n < items.size(); n++) {
            String key = items.get(n).itemKey();
            if (!ratings.containsKey(key) && answers.stream().noneMatch(a -> key.equals(a.getKey()))) {
                missing.add(String.valueOf(n + 1));
            }
        }
        if (!missing.isEmpty()) {
            errors.add(new FieldError("/answers", (missing.size() == 1 ? "Answer statement " : "Answer statements ")
                    + String.join(", ", missing) + "."));
        }
        if (!errors.isEmpty()) {
            String detail = errors.size() == 1 ? errors.get(0).getMessage() : "Answer every statement once: " + errors.size() + " problems.";
            throw new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, ProblemType.BUSINESS_RULE, detail, errors, null, null);
        }
        return ratings;
    }

    /** A statement's number as the form shows it (1..9). */
    private static int number(PolicyService.ActiveTemplate template, String key) {
        return template.keys().indexOf(key) + 1;
    }

    private QuestionnaireReceipt receipt(InvitationRow r) {
        return new QuestionnaireReceipt(UUID.fromString(r.id()), whoSeesAnswers(r.organisationId()));
    }

    // ---- quality assurance

    @Transactional
    public Issued issueRound(Caller caller, QuestionnaireRoundCreate body, String idempotencyKey) {
        access.requireQuestionnaireAuditor(caller);
        Optional<String> previous = idempotency.previous(caller, idempotencyKey, "issueQuestionnaireRound", body);
        if (previous.isPresent()) {
            return new Issued(round(caller, previous.get()), true);
        }
        if ((body.getTeamId() == null) == (body.getServiceId() == null)) {
            throw Problems.rule("/teamId", "Choose either a team or a service, not both.");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, LONDON);
        LocalDate expiresOn = body.getExpiresOn();
        if (!expiresOn.isAfter(today) || expiresOn.isAfter(today.plusDays(ROUND_OPEN_AT_MOST_DAYS))) {
            throw Problems.rule("/expiresOn", "The last day to answer must be after today and at most "
                    + ROUND_OPEN_AT_MOST_DAYS + " days ahead.");
        }
        String teamId = body.getTeamId() == null ? null : body.getTeamId().toString();
        String serviceId = body.getServiceId() == null ? null : body.getServiceId().toString();
        if (teamId != null && count("SELECT COUNT(*) FROM team t JOIN service s ON s.id = t.service_id WHERE t.id = ? AND s.organisation_id = ?",
                teamId, caller.organisationId()) == 0) {
            throw Problems.rule("/teamId", "There is no such team in your organisation.");
        }
        if (serviceId != null && count("SELECT COUNT(*) FROM service WHERE id = ? AND organisation_id = ?", serviceId, caller.organisationId()) == 0) {
            throw Problems.rule("/serviceId", "There is no such service in your organisation.");
        }
        // Staff of the team (or of the service's teams), not left, with a current supervisor, without an open invitation
        // and without one issued this quarter: one person answers at most once a quarter, or a group of "5" could be 3.
        List<String[]> eligible = jdbc.prepareStatement("SELECT st.id, r.supervisor_id, st.team_id, t.service_id FROM staff st "
                + "JOIN team t ON t.id = st.team_id "
                + "JOIN supervision_relation r ON r.supervisee_id = st.id AND r.from_date <= ? AND (r.to_date IS NULL OR r.to_date >= ?) "
                + "WHERE st.organisation_id = ? AND " + (teamId != null ? "st.team_id = ?" : "t.service_id = ?")
                + " AND (st.leaving_date IS NULL OR st.leaving_date > ?) "
                + "AND NOT EXISTS (SELECT 1 FROM questionnaire_invitation i WHERE i.invitee_staff_id = st.id "
                + "AND ((i.answered_at IS NULL AND i.expires_at > ?) OR i.issued_at >= ?)) "
                + "ORDER BY st.id, r.from_date DESC, r.id DESC", ps -> {
            ps.setDate(1, Date.valueOf(today));
            ps.setDate(2, Date.valueOf(today));
            ps.setString(3, caller.organisationId());
            ps.setString(4, teamId != null ? teamId : serviceId);
            ps.setDate(5, Date.valueOf(today));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(Quarter.of(today).firstDay().atStartOfDay(LONDON).toInstant()));
            List<String[]> out = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (seen.add(rs.getString(1))) {   // the newest current supervisor
                        out.add(new String[]{rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)});
                    }
                }
            }
            return out;
        });
        if (eligible.isEmpty()) {
            throw Problems.rule(teamId != null ? "/teamId" : "/serviceId", "Nobody there can be sent the questionnaire: everyone "
                    + "has left, has no current supervisor or already has one open.");
        }
        String roundId = Ids.newId();
        Instant expiresAt = expiresOn.plusDays(1).atStartOfDay(LONDON).toInstant();
        jdbc.prepareStatement("INSERT INTO questionnaire_round (id, organisation_id, team_id, service_id, issued_by_account_id, "
                + "issued_by_staff_id, issued_at, expires_on, invitation_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, roundId);
            ps.setString(2, caller.organisationId());
            ps.setString(3, teamId);
            ps.setString(4, serviceId);
            ps.setString(5, caller.accountId());
            ps.setString(6, caller.staffId());
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setDate(8, Date.valueOf(expiresOn));
            ps.setInt(9, eligible.size());
            return ps.executeUpdate();
        });
        for (String[] e : eligible) {
            invitations.issue(caller.organisationId(), e[0], e[1], e[2], e[3], null, roundId, now, expiresAt);
        }
        idempotency.remember(caller, idempotencyKey, "issueQuestionnaireRound", body, roundId);
        activityLog.record(caller, "QUESTIONNAIRE_ROUND_ISSUED", "questionnaire_round", roundId, eligible.size() + " invitations");
        return new Issued(round(caller, roundId), false);
    }

    private QuestionnaireRound round(Caller caller, String roundId) {
        return jdbc.prepareStatement("SELECT r.id, r.issued_at, r.expires_on, r.invitation_count, r.team_id, t.name, r.service_id, s.name "
                + "FROM questionnaire_round r LEFT JOIN team t ON t.id = r.team_id LEFT JOIN service s ON s.id = r.service_id "
                + "WHERE r.id = ? AND r.organisation_id = ?", ps -> {
            ps.setString(1, roundId);
            ps.setString(2, caller.organisationId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.notFound("Questionnaire round");
                }
                QuestionnaireRound out = new QuestionnaireRound(UUID.fromString(rs.getString(1)), time(rs.getTimestamp(2).toInstant()),
                        rs.getDate(3).toLocalDate(), rs.getInt(4));
                if (rs.getString(5) != null) {
                    out.setTeam(new TeamRef(UUID.fromString(rs.getString(5)), rs.getString(6)));
                }
                if (rs.getString(7) != null) {
                    out.setService(new ServiceRef(UUID.fromString(rs.getString(7)), rs.getString(8)));
                }
                return out;
            }
        });
    }

    @Transactional
    public QuestionnaireInvitationPage listInvitations(Caller caller, Integer limit, String cursor, InvitationStatus status) {
        access.requireQuestionnaireAuditor(caller);
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode(CursorList.QUESTIONNAIRE_INVITATIONS, cursor, 2);
        Instant now = clock.instant();
        List<Object> args = new ArrayList<>();
        StringBuilder sql = new StringBuilder("SELECT i.*, st.given_name, st.family_name FROM questionnaire_invitation i "
                + "JOIN staff st ON st.id = i.invitee_staff_id WHERE i.organisation_id = ?");
        args.add(caller.organisationId());
        if (status == InvitationStatus.ANSWERED) {
            sql.append(" AND i.answered_at IS NOT NULL");
        } else if (status == InvitationStatus.OPEN) {
            sql.append(" AND i.answered_at IS NULL AND i.expires_at > ?");
            args.add(Timestamp.from(now));
        } else if (status == InvitationStatus.EXPIRED) {
            sql.append(" AND i.answered_at IS NULL AND i.expires_at <= ?");
            args.add(Timestamp.from(now));
        }
        if (after != null) {
            Timestamp at = Timestamp.from(Instant.parse(after.get(0)));
            sql.append(" AND (i.issued_at > ? OR (i.issued_at = ? AND i.id > ?))");
            args.add(at);
            args.add(at);
            args.add(after.get(1));
        }
        sql.append(" ORDER BY i.issued_at, i.id LIMIT ").append(size + 1);
        Map<String, String> names = new HashMap<>();
        List<InvitationRow> rows = jdbc.prepareStatement(sql.toString(), ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<InvitationRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    InvitationRow r = row(rs);
                    names.put(r.inviteeId(), rs.getString("given_name") + " " + rs.getString("family_name"));
                    out.add(r);
                }
            }
            return out;
        });
        boolean more = rows.size() > size;
        List<InvitationRow> page = more ? rows.subList(0, size) : rows;
        List<QuestionnaireInvitation> items = new ArrayList<>();
        for (InvitationRow r : page) {
            QuestionnaireInvitation i = new QuestionnaireInvitation(UUID.fromString(r.id()),
                    new StaffRef(UUID.fromString(r.inviteeId()), names.get(r.inviteeId())), time(r.issuedAt()), time(r.expiresAt()), r.status(now));
            i.setAuditId(r.auditId() == null ? null : UUID.fromString(r.auditId()));
            i.setRoundId(r.roundId() == null ? null : UUID.fromString(r.roundId()));
            i.setRemindedAt(time(r.remindedAt()));
            items.add(i);
        }
        QuestionnaireInvitationPage out = new QuestionnaireInvitationPage(items);
        if (more) {
            InvitationRow last = page.get(page.size() - 1);
            out.setNextCursor(Cursor.encode(CursorList.QUESTIONNAIRE_INVITATIONS, last.issuedAt(), last.id()));
        }
        readLog.record(caller, RecordRead.list("questionnaire_invitation", page.stream().map(InvitationRow::inviteeId).toList(), page.size()));
        return out;
    }

    record AuditRow(String id, String superviseeId, String templateId, String quarter) {
    }

    private AuditRow audit(Caller caller, UUID auditId) {
        return jdbc.prepareStatement("SELECT id, supervisee_id, template_id, quarter FROM file_audit WHERE id = ? AND organisation_id = ?", ps -> {
            ps.setString(1, auditId.toString());
            ps.setString(2, caller.organisationId());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw Problems.notFound("Audit");
                }
                return new AuditRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4));
            }
        });
    }

    record ResponseRow(String id, String templateId, String quarter, String comment) {
    }

    private Optional<ResponseRow> responseOf(String auditId) {
        return jdbc.prepareStatement("SELECT id, template_id, quarter, comment_text FROM questionnaire_response WHERE audit_id = ?", ps -> {
            ps.setString(1, auditId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new ResponseRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.<ResponseRow>empty();
            }
        });
    }

    private Map<String, Integer> answersOf(String responseId) {
        return jdbc.prepareStatement("SELECT item_key, rating FROM questionnaire_answer WHERE response_id = ?", ps -> {
            ps.setString(1, responseId);
            Map<String, Integer> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
    }

    @Transactional
    public QuestionnaireAnswerSheet auditAnswer(Caller caller, UUID auditId) {
        access.requireQuestionnaireAuditor(caller);
        AuditRow audit = audit(caller, auditId);
        ResponseRow response = responseOf(audit.id()).orElseThrow(() -> Problems.notFound("Part 2 answer (not answered yet)"));
        Map<String, Integer> ratings = answersOf(response.id());
        PolicyService.ActiveTemplate template = policy.template(response.templateId());
        List<QuestionnaireStatementAnswer> answers = new ArrayList<>();
        for (TemplateItemEntity item : template.items()) {
            Integer rating = ratings.get(item.itemKey());
            if (rating != null) {
                answers.add(new QuestionnaireStatementAnswer(item.itemKey(), QualityAnswer.values()[rating - 1]));
            }
        }
        QuestionnaireAnswerSheet sheet = new QuestionnaireAnswerSheet(auditId, response.quarter(), answers);
        sheet.setComment(response.comment());
        readLog.record(caller, RecordRead.one("questionnaire_answer", audit.id(), List.of(audit.superviseeId())));
        return sheet;
    }

    @Transactional
    public AuditCrossCheck crossCheck(Caller caller, UUID auditId) {
        access.requireQuestionnaireAuditor(caller);
        AuditRow audit = audit(caller, auditId);
        Optional<ResponseRow> response = responseOf(audit.id());
        Map<String, Integer> answers = response.map(r -> answersOf(r.id())).orElse(Map.of());
        Map<String, Integer> ratings = jdbc.prepareStatement("SELECT item_key, rating FROM file_audit_rating WHERE file_audit_id = ?", ps -> {
            ps.setString(1, audit.id());
            Map<String, Integer> out = new HashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getInt(2));
                }
            }
            return out;
        });
        PolicyService.ActiveTemplate questions = policy.template(audit.templateId());
        PolicyService.ActiveTemplate statements = response.map(r -> policy.template(r.templateId()))
                .orElseGet(() -> policy.activeTemplate(caller.organisationId(), TemplateKind.QUESTIONNAIRE));
        List<CrossCheckPair> pairs = new ArrayList<>();
        int disagreements = 0;
        for (Map.Entry<String, String> pair : CROSS_CHECK_PAIRS) {
            Integer rating = ratings.get(pair.getKey());
            Integer answer = answers.get(pair.getValue());
            boolean disagrees = disagree(rating, answer);
            CrossCheckPair p = new CrossCheckPair(pair.getKey(), pair.getKey().substring(1).toUpperCase(),
                    questions.item(pair.getKey()).map(TemplateItemEntity::label).orElse(pair.getKey()),
                    pair.getValue(), statements.item(pair.getValue()).map(TemplateItemEntity::label).orElse(pair.getValue()), disagrees);
            p.setRating(rating == null ? null : RatingAnswer.fromValue(String.valueOf(rating)));
            p.setAnswer(answer == null ? null : QualityAnswer.values()[answer - 1]);
            pairs.add(p);
            disagreements += disagrees ? 1 : 0;
        }
        readLog.record(caller, RecordRead.one("questionnaire_cross_check", audit.id(), List.of(audit.superviseeId())));
        return new AuditCrossCheck(auditId, response.isPresent(), pairs, disagreements);
    }

    /** Auditor on the Excellent side (1-2) and supervisee Poor or Very poor (4-5), or the other way round. */
    static boolean disagree(Integer rating, Integer answer) {
        if (rating == null || answer == null) {
            return false;
        }
        return (rating <= 2 && answer >= 4) || (rating >= 4 && answer <= 2);
    }

    @Transactional(readOnly = true)
    public AuditDisagreements disagreements(Caller caller, String quarterText) {
        access.requireQuestionnaireAuditor(caller);
        Quarter quarter = Quarter.parse(quarterText, "#quarter");
        String pairs = CROSS_CHECK_PAIRS.stream().map(p -> "SELECT '" + p.getKey() + "' AS question_key, '" + p.getValue() + "' AS statement_key")
                .collect(Collectors.joining(" UNION ALL "));
        String sql = "SELECT x.service_id, s.name, COUNT(*), SUM(CASE WHEN x.n > 0 THEN 1 ELSE 0 END), SUM(x.n) FROM ("
                + " SELECT a.id, a.service_id, (SELECT COUNT(*) FROM file_audit_rating fr"
                + "   JOIN (" + pairs + ") p ON p.question_key = fr.item_key"
                + "   JOIN questionnaire_answer qa ON qa.response_id = r.id AND qa.item_key = p.statement_key"
                + "   WHERE fr.file_audit_id = a.id AND ((fr.rating <= 2 AND qa.rating >= 4) OR (fr.rating >= 4 AND qa.rating <= 2))) AS n"
                + " FROM file_audit a JOIN questionnaire_response r ON r.audit_id = a.id"
                + " WHERE a.organisation_id = ? AND a.quarter = ?) x"
                + " JOIN service s ON s.id = x.service_id GROUP BY x.service_id, s.name ORDER BY s.name, x.service_id";
        List<ServiceDisagreements> services = jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, caller.organisationId());
            ps.setString(2, quarter.toString());
            List<ServiceDisagreements> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new ServiceDisagreements(new ServiceRef(UUID.fromString(rs.getString(1)), rs.getString(2)),
                            rs.getInt(3), rs.getInt(4), rs.getInt(5)));
                }
            }
            return out;
        });
        return new AuditDisagreements(quarter.toString(), services);
    }

    // ---- helpers

    private InvitationRow invitation(Caller caller, UUID invitationId) {
        if (caller.isClient()) {
            throw Problems.forbidden("A Part 2 questionnaire is answered by a person, not a machine client.");
        }
        List<InvitationRow> rows = query("SELECT * FROM questionnaire_invitation WHERE id = ? AND organisation_id = ?",
                List.of(invitationId.toString(), caller.organisationId() == null ? "" : caller.organisationId()));
        if (rows.isEmpty()) {
            throw Problems.notFound("Questionnaire");
        }
        return rows.get(0);
    }

    private List<InvitationRow> query(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<InvitationRow> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    private static InvitationRow row(ResultSet rs) throws SQLException {
        return new InvitationRow(rs.getString("id"), rs.getString("organisation_id"), rs.getString("invitee_staff_id"),
                rs.getString("supervisor_id"), rs.getString("team_id"), rs.getString("service_id"), rs.getString("template_id"),
                rs.getString("audit_id"), rs.getString("round_id"), instant(rs, "issued_at"), instant(rs, "expires_at"),
                instant(rs, "reminded_at"), instant(rs, "answered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private long count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private String templateColumn(String templateId, String column) {
        return jdbc.prepareStatement("SELECT " + column + " FROM policy_template WHERE id = ?", ps -> {
            ps.setString(1, templateId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private String title(String templateId) {
        String t = templateColumn(templateId, "title");
        return t == null ? "Supervisee's quality assessment" : t;
    }

    private String guidance(String templateId) {
        return templateColumn(templateId, "guidance");
    }

    static List<QuestionnaireStatement> statements(PolicyService.ActiveTemplate template) {
        List<QuestionnaireStatement> out = new ArrayList<>();
        int n = 1;
        for (TemplateItemEntity item : template.items()) {
            out.add(new QuestionnaireStatement(item.itemKey(), n++, item.label()));
        }
        return out;
    }

    /** The organisation's minimum group size for aggregates (PolicyRules.suppressionMinimum, default 5). */
    int minimum(String organisationId) {
        Integer m = policy.effectiveRules(organisationId).getSuppressionMinimum();
        return m == null ? DEFAULT_MINIMUM : m;
    }

    String whoSeesAnswers(String organisationId) {
        return "Your answers go to quality assurance. Your supervisor and their managers never see your answers or whether you "
                + "answered: they see only totals for groups of at least " + minimum(organisationId) + " people.";
    }

    static OffsetDateTime time(Instant i) {
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }
}

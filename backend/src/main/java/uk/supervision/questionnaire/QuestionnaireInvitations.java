package uk.supervision.questionnaire;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.audit.Quarter;
import uk.supervision.policy.PolicyService;
import uk.supervision.support.Ids;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * Issues Part 2 questionnaires (DOMAIN section 8). Completing an audit issues one to the audited supervisee, in
 * the audit's transaction; rounds issue one to every supervisee of a team or service. An invitation records that
 * it was sent and whether it was answered, never the answer.
 */
@Singleton
public class QuestionnaireInvitations {
    /** How long an invitation sent by an audit stays open. */
    public static final Duration AUDIT_INVITATION_OPEN_FOR = Duration.ofDays(28);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JdbcOperations jdbc;
    private final PolicyService policy;

    public QuestionnaireInvitations(JdbcOperations jdbc, PolicyService policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /**
     * The supervisee whose file was audited, about the supervisor audited; returns the invitation's id. A person is
     * invited at most once a quarter (a file audited twice, or a round and an audit): each answer counts as one person
     * in the aggregates, so a second invitation would let one person count twice. Then the earlier invitation stands.
     */
    @Transactional
    public String issueForAudit(String organisationId, String auditId, String superviseeId, String supervisorId,
                                String teamId, String serviceId, Instant now) {
        Instant quarterStart = Quarter.of(LocalDate.ofInstant(now, LONDON)).firstDay().atStartOfDay(LONDON).toInstant();
        List<String> earlier = jdbc.prepareStatement("SELECT id FROM questionnaire_invitation WHERE invitee_staff_id = ? "
                + "AND (issued_at >= ? OR (answered_at IS NULL AND expires_at > ?)) ORDER BY issued_at DESC, id", ps -> {
            ps.setString(1, superviseeId);
            ps.setTimestamp(2, Timestamp.from(quarterStart));
            ps.setTimestamp(3, Timestamp.from(now));
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
        if (!earlier.isEmpty()) {
            return earlier.get(0);
        }
        return issue(organisationId, superviseeId, supervisorId, teamId, serviceId, auditId, null, now,
                now.plus(AUDIT_INVITATION_OPEN_FOR));
    }

    /** One invitation; the caller has checked who may issue it. */
    @Transactional
    public String issue(String organisationId, String inviteeId, String supervisorId, String teamId, String serviceId,
                        String auditId, String roundId, Instant now, Instant expiresAt) {
        String templateId = policy.activeTemplate(organisationId, TemplateKind.QUESTIONNAIRE).id();
        String id = Ids.newId();
        jdbc.prepareStatement("INSERT INTO questionnaire_invitation (id, organisation_id, invitee_staff_id, supervisor_id, team_id, "
                + "service_id, template_id, audit_id, round_id, issued_at, expires_at, reminded_at, answered_at, version) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, 0)", ps -> {
            ps.setString(1, id);
            ps.setString(2, organisationId);
            ps.setString(3, inviteeId);
            ps.setString(4, supervisorId);
            ps.setString(5, teamId);
            ps.setString(6, serviceId);
            ps.setString(7, templateId);
            ps.setString(8, auditId);
            ps.setString(9, roundId);
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setTimestamp(11, Timestamp.from(expiresAt));
            return ps.executeUpdate();
        });
        return id;
    }
}

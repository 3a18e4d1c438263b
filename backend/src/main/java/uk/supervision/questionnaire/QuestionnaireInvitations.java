package uk.supervision.questionnaire;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.TemplateKind;
import uk.supervision.policy.PolicyService;
import uk.supervision.support.Ids;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues Part 2 questionnaires (DOMAIN section 8). Completing an audit issues one to the audited supervisee, in
 * the audit's transaction; rounds issue one to every supervisee of a team or service. An invitation records that
 * it was sent and whether it was answered, never the answer.
 */
@Singleton
public class QuestionnaireInvitations {
    /** How long an invitation sent by an audit stays open. */
    public static final Duration AUDIT_INVITATION_OPEN_FOR = Duration.ofDays(28);

    private final JdbcOperations jdbc;
    private final PolicyService policy;

    public QuestionnaireInvitations(JdbcOperations jdbc, PolicyService policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    /** The supervisee whose file was audited, about the supervisor audited; returns the invitation's id. */
    @Transactional
    public String issueForAudit(String organisationId, String auditId, String superviseeId, String supervisorId,
                                String teamId, String serviceId, Instant now) {
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

package uk.supervision.auditreport;

import uk.supervision.staff.Staff;
import uk.supervision.testing.Fixtures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Completed file audits written straight into the tables as completing an audit writes them (file_audit,
 * file_audit_signature, file_audit_rating, supervision_action), for the report and the record to read.
 */
public final class CompletedAudits {
    private final Fixtures fixtures;

    public CompletedAudits(Fixtures fixtures) {
        this.fixtures = fixtures;
    }

    /** An action the audit created (Q13b). */
    public record Action(String text, Staff owner, LocalDate due, String status) {
    }

    /** The organisation's audit template (Part 1). */
    public String template(String organisationId) {
        return fixtures.string("SELECT t.id FROM organisation_policy p JOIN policy_template t ON t.profile_id = p.profile_id AND t.kind = 'AUDIT' "
                + "WHERE p.organisation_id = ? ORDER BY t.version DESC LIMIT 1", organisationId);
    }

    /** A completed, signed audit of the supervisee's file for the quarter; returns its id. Ratings by item key. */
    public String completed(Staff supervisee, Staff supervisor, Staff auditor, String serviceId, String quarter, LocalDate auditedOn,
                            String grade, Map<String, Integer> ratings, List<Action> actions) {
        String id = audit(supervisee, supervisor, auditor, serviceId, quarter, auditedOn, grade, "COMPLETED");
        String org = supervisee.organisationId();
        String template = template(org);
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, auditor.id(), UUID.randomUUID().toString(), now, "a".repeat(64));
        ratings.forEach((key, rating) -> fixtures.execute("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, "
                        + "quarter, function_tag, rating) VALUES (?, ?, ?, ?, ?, (SELECT function_tag FROM template_item WHERE template_id = ? AND item_key = ?), ?)",
                id, key, org, serviceId, quarter, template, key, rating));
        for (Action a : actions) {
            fixtures.execute("INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, version, "
                            + "created_at, updated_at, file_audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
                    UUID.randomUUID().toString(), org, supervisor.id(), a.owner().id(), a.text(), Date.valueOf(a.due()), a.status(), now, now, id);
        }
        return id;
    }

    /** An audit still being written (no signature, no ratings). */
    public String draft(Staff supervisee, Staff supervisor, Staff auditor, String serviceId, String quarter, LocalDate auditedOn, String grade) {
        return audit(supervisee, supervisor, auditor, serviceId, quarter, auditedOn, grade, "DRAFT");
    }

    private String audit(Staff supervisee, Staff supervisor, Staff auditor, String serviceId, String quarter, LocalDate auditedOn,
                         String grade, String status) {
        String id = UUID.randomUUID().toString();
        String org = supervisee.organisationId();
        String template = template(org);
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                        + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                        + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at) "
                        + "VALUES (?, ?, 'AD_HOC', NULL, ?, ?, ?, ?, ?, ?, 'Quality assurance auditor', ?, ?, ?, ?, ?, ?, '{}', ?, ?, ?, NULL, 2, ?, ?)",
                id, org, supervisee.id(), supervisor.id(), supervisee.teamId(), serviceId, auditor.id(), UUID.randomUUID().toString(),
                Date.valueOf(auditedOn.minusMonths(3)), Date.valueOf(auditedOn), Date.valueOf(auditedOn), quarter, template, status, grade,
                "a".repeat(64), status.equals("COMPLETED") ? now : null, now, now);
        return id;
    }
}

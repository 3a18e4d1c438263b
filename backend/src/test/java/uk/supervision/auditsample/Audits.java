package uk.supervision.auditsample;

import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.Fixtures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;

/** File audits straight into the database (the audit operations are built elsewhere): a draft, or one completed and signed. */
final class Audits {
    /** Coventry's audit tool (Appendix 7, Part 1). */
    static final String COVENTRY_AUDIT_TEMPLATE = "00000000-0000-7000-8101-000000000004";

    private Audits() {
    }

    /** A draft audit of the supervisee's file by the auditor, for the quarter of the day. */
    static String draft(Fixtures fixtures, String organisationId, String kind, String sampleId, Staff supervisee, String supervisorId,
                        Staff auditor, String auditorAccountId, LocalDate auditedOn) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                        + "auditor_staff_id, auditor_account_id, period_from, period_to, audited_on, quarter, template_id, status, content_json, "
                        + "grade, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'DRAFT', '{}', NULL, 1, ?, ?)",
                id, organisationId, kind, sampleId, supervisee.id(), supervisorId, supervisee.teamId(), supervisee.serviceId(), auditor.id(),
                auditorAccountId, Date.valueOf(auditedOn.minusMonths(3)), Date.valueOf(auditedOn), Date.valueOf(auditedOn),
                Quarter.of(auditedOn).toString(), COVENTRY_AUDIT_TEMPLATE, now, now);
        return id;
    }

    /** A completed audit, graded and signed by the auditor at a moment. */
    static String completed(Fixtures fixtures, String organisationId, String kind, String sampleId, Staff supervisee, String supervisorId,
                            Staff auditor, String auditorAccountId, LocalDate auditedOn, Instant signedAt, String grade) {
        String id = draft(fixtures, organisationId, kind, sampleId, supervisee, supervisorId, auditor, auditorAccountId, auditedOn);
        String hash = "a".repeat(64);
        fixtures.execute("UPDATE file_audit SET status = 'COMPLETED', grade = ?, content_hash = ?, completed_at = ? WHERE id = ?",
                grade, hash, Timestamp.from(signedAt), id);
        fixtures.execute("INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", Ids.newId(), id, auditor.id(), auditorAccountId, Timestamp.from(signedAt), hash);
        return id;
    }
}

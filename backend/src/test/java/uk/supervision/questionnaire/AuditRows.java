package uk.supervision.questionnaire;

import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** Completed audits and their ratings straight into the database (the audit API is built elsewhere). */
final class AuditRows {
    private AuditRows() {
    }

    static String auditTemplate(Fixtures fixtures, World world) {
        return fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = 'AUDIT' ORDER BY t.version DESC", world.org().id());
    }

    /** A completed QA audit of the supervisee's file, in the quarter of the day given, with these ratings (q-key to 1..5). */
    static String completed(Fixtures fixtures, World world, Staff supervisee, Staff supervisor, World.Person auditor, LocalDate on,
                            Map<String, Integer> ratings) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        String quarter = Quarter.of(on).toString();
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                        + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                        + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at) "
                        + "VALUES (?, ?, 'QA_SAMPLE', NULL, ?, ?, ?, ?, ?, ?, 'Quality assurance', ?, ?, ?, ?, ?, 'COMPLETED', '{}', 'GOOD', NULL, ?, NULL, 1, ?, ?)",
                id, world.org().id(), supervisee.id(), supervisor.id(), supervisee.teamId(), supervisee.serviceId(), auditor.id(),
                auditor.account().id(), Date.valueOf(on.minusMonths(3)), Date.valueOf(on), Date.valueOf(on), quarter,
                auditTemplate(fixtures, world), now, now, now);
        ratings.forEach((key, rating) -> fixtures.execute("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, "
                + "quarter, function_tag, rating) VALUES (?, ?, ?, ?, ?, NULL, ?)", id, key, world.org().id(), supervisee.serviceId(), quarter, rating));
        return id;
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/London"));
    }
}

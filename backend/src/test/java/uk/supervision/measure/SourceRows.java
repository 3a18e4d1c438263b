package uk.supervision.measure;

import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Fixtures;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of the tables the source facts are made from (decision 0037), written straight in with chosen times, as the
 * product writes them: a child, signed case discussions, decisions and their acknowledgement, signed audits with
 * ratings, and anonymous Part 2 responses.
 */
final class SourceRows {
    private final Fixtures fixtures;
    private final String organisationId;
    private long position = 1;

    SourceRows(Fixtures fixtures, String organisationId) {
        this.fixtures = fixtures;
        this.organisationId = organisationId;
    }

    String template(String kind) {
        return fixtures.string("SELECT t.id FROM organisation_policy p JOIN policy_template t ON t.profile_id = p.profile_id AND t.kind = ? "
                + "WHERE p.organisation_id = ? ORDER BY t.version DESC", kind, organisationId);
    }

    String child(Staff worker) {
        String id = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", id, organisationId, Fixtures.unique("CV"), worker.id(), now, now);
        return id;
    }

    /** A signed discussion of the supervisee's case, written (last changed) at {@code written}; reason null: view recorded. */
    String discussion(String childId, Staff supervisee, Staff supervisor, Instant signedAt, Instant written, String reason) {
        String id = UUID.randomUUID().toString();
        String content = reason == null ? "{\"childVoice\":{\"status\":\"RECORDED\",\"view\":\"Wants to stay\"}}"
                : "{\"childVoice\":{\"status\":\"NOT_OBTAINED\",\"reason\":\"" + reason + "\"}}";
        fixtures.execute("INSERT INTO case_discussion (id, organisation_id, child_id, supervisee_id, supervisor_id, session_id, template_id,"
                        + " discussed_on, status, content_json, child_view_status, content_hash, signed_at, version, content_version, created_at,"
                        + " updated_at) VALUES (?, ?, ?, ?, ?, NULL, ?, ?, 'SIGNED', ?, ?, ?, ?, 2, 1, ?, ?)",
                id, organisationId, childId, supervisee.id(), supervisor.id(), template("CASE_DISCUSSION"),
                Date.valueOf(LocalDate.ofInstant(signedAt, SourceSql.LONDON)), content, reason == null ? "RECORDED" : "NOT_OBTAINED",
                "c".repeat(64), Timestamp.from(signedAt), Timestamp.from(signedAt), Timestamp.from(written));
        return id;
    }

    /** A decision about the worker in the team given, signed at a time; its acknowledgement when {@code acknowledged} is set. */
    String decision(String childId, Staff worker, String teamId, Instant signedAt, Instant acknowledged) {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO case_decision (id, organisation_id, feed_position, kind, child_id, worker_staff_id, team_id, decision_text,"
                        + " made_by_staff_id, made_by_account_id, decided_at, signed_at, content_hash) VALUES (?, ?, ?, 'MANAGEMENT', ?, ?, ?, 'A decision', ?, ?, ?, ?, ?)",
                id, organisationId, position++, childId, worker.id(), teamId, worker.id(), UUID.randomUUID().toString(),
                Timestamp.from(signedAt), Timestamp.from(signedAt), "0".repeat(64));
        if (acknowledged != null) {
            acknowledge(id, acknowledged);
        }
        return id;
    }

    void acknowledge(String decisionId, Instant at) {
        fixtures.execute("INSERT INTO case_decision_acknowledgement (decision_id, organisation_id, client_id, acknowledged_at) VALUES (?, ?, 'cms', ?)",
                decisionId, organisationId, Timestamp.from(at));
    }

    /** A signed audit of the supervisee's file in their team, completed (and last changed) at a time, with its ratings per key. */
    String audit(String kind, Staff supervisee, Staff auditor, Instant completed, String grade, Map<String, Integer> ratings, String function) {
        String id = UUID.randomUUID().toString();
        LocalDate on = LocalDate.ofInstant(completed, SourceSql.LONDON);
        String quarter = Quarter.of(on).toString();
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, sample_id, supervisee_id, supervisor_id, team_id, service_id, "
                        + "auditor_staff_id, auditor_account_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                        + "content_json, grade, content_hash, completed_at, noted_on_session_id, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, NULL, ?, ?, ?, ?, ?, ?, 'Auditor', ?, ?, ?, ?, ?, 'COMPLETED', '{}', ?, ?, ?, NULL, 2, ?, ?)",
                id, organisationId, kind, supervisee.id(), auditor.id(), supervisee.teamId(), supervisee.serviceId(), auditor.id(),
                UUID.randomUUID().toString(), Date.valueOf(on.minusMonths(3)), Date.valueOf(on), Date.valueOf(on), quarter, template("AUDIT"),
                grade, "a".repeat(64), Timestamp.from(completed), Timestamp.from(completed), Timestamp.from(completed));
        fixtures.execute("INSERT INTO file_audit_signature (id, file_audit_id, signer_staff_id, signer_account_id, signed_at, content_hash) "
                + "VALUES (?, ?, ?, ?, ?, ?)", UUID.randomUUID().toString(), id, auditor.id(), UUID.randomUUID().toString(), Timestamp.from(completed), "a".repeat(64));
        ratings.forEach((key, rating) -> fixtures.execute("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id,"
                + " quarter, function_tag, rating) VALUES (?, ?, ?, ?, ?, ?, ?)", id, key, organisationId, supervisee.serviceId(), quarter, function, rating));
        return id;
    }

    /** The first rated question of the organisation's audit form. */
    String ratedQuestion() {
        return fixtures.string("SELECT item_key FROM template_item WHERE template_id = ? AND answer_type = 'RATING_1_5' ORDER BY position", template("AUDIT"));
    }

    /** An anonymous Part 2 response of a quarter about a supervisor in their team: each key rated as given. */
    void response(Quarter quarter, Staff about, Map<String, Integer> ratings) {
        String id = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, "
                + "audit_id, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", id, organisationId, template("QUESTIONNAIRE"), quarter.toString(),
                about.id(), about.teamId(), about.serviceId());
        ratings.forEach((key, rating) -> fixtures.execute("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, ?, ?)", id, key, rating));
    }
}

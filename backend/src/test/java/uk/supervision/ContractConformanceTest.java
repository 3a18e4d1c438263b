package uk.supervision;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.parser.OpenAPIV3Parser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;
import uk.supervision.testing.World.Person;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Contract conformance: every operation in openapi.yaml is served, and real responses, errors included,
 * validate against their schemas.
 *
 * The example table below holds, per operationId, one request that should succeed; it must name exactly
 * the operations of the contract (an operation added to openapi.yaml without an example fails here).
 * Each example goes over real HTTP; its request and its response (status documented, headers, body schema,
 * no undocumented properties) are checked with the Atlassian OpenAPI validator. Then every operation that
 * declares 401 is called without credentials, typical errors (400, 403, 404, 409, 412, 415, 422, 428, 429)
 * are provoked, and each problem is validated against the schema its operation documents for that status.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractConformanceTest {

    /** The example table: operationId -> a request that should succeed (2xx). Built per run, as ids are. */
    private Map<String, Example> examples() {
        String patUrl = "/api/v1/staff/" + pat.id();
        return table(
                entry("getHealth", get("/health", As.NOBODY)),
                entry("signIn", post("/api/v1/auth/sign-in", As.NOBODY, Map.of("username", pat.username(), "password", Fixtures.PASSWORD))),
                entry("refreshToken", post("/api/v1/auth/token-refresh", As.NOBODY, Map.of("refreshToken", freshRefreshToken(pat)))),
                // Signing out ends every token of the account, so a person of its own does it.
                entry("signOut", post("/api/v1/auth/sign-out", As.SIGNING_OUT, Map.of("refreshToken", freshRefreshToken(otto)))),
                entry("issueClientToken", form("/api/v1/oauth/token", As.MACHINE_CLIENT, "grant_type=client_credentials&scope=staff.read")),
                entry("getMe", get("/api/v1/me", As.SUPERVISOR)),
                entry("grantRole", post("/api/v1/accounts/" + gus.account().id() + "/role-grants", As.ADMIN, Map.of("role", "SUPERVISOR"))),
                entry("removeRoleGrant", new Example("DELETE", "/api/v1/accounts/" + rex.account().id() + "/role-grants/" + rexGrant,
                        As.ADMIN, null, null, null)),
                entry("disableAccount", post("/api/v1/accounts/" + dot.account().id() + "/disablement", As.ADMIN, null)),
                entry("listMyActivity", get("/api/v1/me/activity?limit=5", As.PRACTITIONER)),
                entry("listStaff", get("/api/v1/staff?status=all&limit=2", As.HR)),
                entry("createStaff", post("/api/v1/staff", As.HR, staffCreate(world.teamA1().id(), sam.id()))),
                entry("getStaff", get(patUrl, As.SUPERVISOR)),
                entry("updateStaff", put("/api/v1/staff/" + uma.id(), As.HR, staffFields("Uma", "Updated"), etagOf("/api/v1/staff/" + uma.id()))),
                entry("recordLeaver", post("/api/v1/staff/" + leo.id() + "/leaving", As.HR,
                        Map.of("leavingDate", today(), "reason", "Moved to another authority"), etagOf("/api/v1/staff/" + leo.id()))),
                entry("moveStaff", post("/api/v1/staff/" + mo.id() + "/moves", As.MANAGER,
                        Map.of("effectiveDate", today(), "teamId", world.teamA2().id(), "supervisorId", sam.id(), "reason", "Restructure"),
                        etagOf("/api/v1/staff/" + mo.id()))),
                entry("getStaffHistory", get(patUrl + "/history", As.HR)),
                entry("listServices", get("/api/v1/services", As.PRACTITIONER)),
                entry("createService", post("/api/v1/services", As.ADMIN, Map.of("name", Fixtures.unique("Service")))),
                entry("listTeams", get("/api/v1/teams?serviceId=" + world.serviceA().id(), As.PRACTITIONER)),
                entry("createTeam", post("/api/v1/teams", As.ADMIN, Map.of("serviceId", world.serviceB().id(), "name", Fixtures.unique("Team")))),
                entry("getTeam", get("/api/v1/teams/" + world.teamA1().id(), As.PRACTITIONER)),
                entry("listSupervisionRelations", get("/api/v1/supervision-relations?current=false", As.HR)),
                entry("createSupervisionRelation", post("/api/v1/supervision-relations", As.MANAGER,
                        Map.of("supervisorId", sam.id(), "superviseeId", nia.id(), "fromDate", today(), "reason", "New starter"))),
                entry("listPolicyProfiles", get("/api/v1/policy-profiles", As.PRACTITIONER)),
                entry("getPolicyProfile", get("/api/v1/policy-profiles/" + profileId, As.PRACTITIONER)),
                entry("getPolicyTemplate", get("/api/v1/policy-templates/00000000-0000-7000-8101-000000000004", As.PRACTITIONER)),
                entry("getOrganisationPolicy", get("/api/v1/organisation/policy", As.PRACTITIONER)),
                entry("updateOrganisationPolicy", put("/api/v1/organisation/policy", As.ADMIN,
                        Map.of("profileId", profileId, "overrides", Map.of("suppressionMinimum", 5, "keepAfterLeaving", "P6Y")),
                        etagOf("/api/v1/organisation/policy"))),
                entry("listMachineClients", get("/api/v1/machine-clients", As.ADMIN)),
                entry("searchActivity", get("/api/v1/activity?limit=5&subjectId=" + pat.id(), As.ADMIN)),
                entry("exportActivity", get("/api/v1/activity.csv?subjectId=" + pat.id(), As.ADMIN)),
                entry("listAgreements", get("/api/v1/agreements?limit=10", As.SUPERVISOR)),
                entry("createAgreement", post("/api/v1/agreements", As.SUPERVISOR, agreementCreate(pat.id()))),
                entry("getAgreement", get(agreementUrl(drafted), As.SUPERVISOR)),
                entry("updateAgreement", put(agreementUrl(drafted), As.SUPERVISOR, agreementFields("Team room 2"),
                        etagOf(agreementUrl(drafted), As.SUPERVISOR))),
                entry("submitAgreement", post(agreementUrl(toSubmit) + "/submission", As.SUPERVISOR, null,
                        etagOf(agreementUrl(toSubmit), As.SUPERVISOR))),
                entry("signAgreement", post(agreementUrl(toSign) + "/signatures", As.SUPERVISOR, null,
                        etagOf(agreementUrl(toSign), As.SUPERVISOR))),
                entry("reviewAgreement", post(agreementUrl(active) + "/reviews", As.SUPERVISOR, null)),
                entry("listAgreementVersions", get(agreementUrl(active) + "/versions", As.SUPERVISOR)),
                entry("getSessionRecord", get(recordUrl(), As.PRACTITIONER)),
                entry("updateSessionRecord", put(recordUrl(), As.SUPERVISOR, recordUpdate(), etagOf(recordUrl(), As.SUPERVISOR))),
                entry("addRecordNote", post(recordUrl() + "/notes", As.PRACTITIONER, Map.of("kind", "COMMENT", "text", "Agreed, with one addition."))),
                entry("signSessionRecord", post(recordUrl() + "/signatures", As.PRACTITIONER, null, etagOf(recordUrl(), As.PRACTITIONER))),
                entry("verifyIntegrity", post("/api/v1/integrity/verifications", As.ADMIN, null)),
                entry("listActions", get("/api/v1/actions?superviseeId=" + pat.id(), As.SUPERVISOR)),
                entry("createAction", post("/api/v1/actions", As.SUPERVISOR,
                        Map.of("superviseeId", pat.id(), "ownerId", pat.id(), "text", "Update the chronology", "dueDate", today()))),
                entry("updateAction", put("/api/v1/actions/" + actionId, As.SUPERVISOR,
                        Map.of("ownerId", sam.id(), "text", "Arrange the case audit", "dueDate", today(), "status", "OPEN"),
                        etagOfAction())),
                entry("deleteAction", new Example("DELETE", "/api/v1/actions/" + removableActionId, As.SUPERVISOR, null, null,
                        () -> "\"v1\"")),
                entry("proposeAgendaItem", post(patUrl + "/next-agenda-items", As.PRACTITIONER, Map.of("text", "My caseload weighting"))),
                entry("getSupervisionSchedule", get(patUrl + "/schedule", As.SUPERVISOR)),
                entry("getMySuperviseesDashboard", get("/api/v1/dashboards/my-supervisees", As.SUPERVISOR)),
                entry("previewSessionDates", get(patUrl + "/session-dates?first=" + today() + "&count=3", As.SUPERVISOR)),
                entry("listSessions", get("/api/v1/sessions?superviseeId=" + pat.id(), As.PRACTITIONER)),
                entry("planSessions", post("/api/v1/sessions", As.SUPERVISOR, sessionPlan(pat.id(), 3))),
                entry("getSession", get(sessionUrl(sessions.get(0)), As.PRACTITIONER)),
                entry("rescheduleSession", post(sessionUrl(sessions.get(3)) + "/rescheduling", As.SUPERVISOR,
                        Map.of("date", today(), "startTime", "14:30", "reason", "Clash with a strategy meeting"),
                        etagOf(sessionUrl(sessions.get(3)), As.SUPERVISOR))),
                entry("postponeSession", post(sessionUrl(sessions.get(1)) + "/postponement", As.PRACTITIONER,
                        Map.of("reason", "Court hearing"), etagOf(sessionUrl(sessions.get(1)), As.PRACTITIONER))),
                entry("cancelSession", post(sessionUrl(sessions.get(2)) + "/cancellation", As.SUPERVISOR,
                        Map.of("cancelledBy", "SUPERVISOR", "reason", "Sickness", "rebookDate", today(), "rebookTime", "09:00"),
                        etagOf(sessionUrl(sessions.get(2)), As.SUPERVISOR))),
                entry("markSessionHeld", post(sessionUrl(sessions.get(0)) + "/held", As.SUPERVISOR,
                        Map.of("actualMinutes", 95, "interruptedBy", "Fire alarm"), etagOf(sessionUrl(sessions.get(0)), As.SUPERVISOR))),
                entry("getSupervisionHandover", get(patUrl + "/handover", As.SUPERVISOR)),
                entry("transferSession", post(sessionUrl(formerSession) + "/transfer", As.SUPERVISOR, Map.of("outcome", "TRANSFER"),
                        etagOf(sessionUrl(formerSession), As.SUPERVISOR))),
                entry("listSessionRequests", get("/api/v1/session-requests?status=REQUESTED", As.SUPERVISOR)),
                entry("requestSession", post("/api/v1/session-requests", As.PRACTITIONER,
                        Map.of("reason", "A hard visit", "preferredDates", List.of(today())))),
                entry("getSessionRequest", get("/api/v1/session-requests/" + toDecline, As.SUPERVISOR)),
                entry("bookSessionRequest", post("/api/v1/session-requests/" + toBook + "/booking", As.SUPERVISOR,
                        Map.of("date", today(), "startTime", "15:00", "plannedMinutes", 90, "location", "Room 2"), etagOfRequest(toBook))),
                entry("declineSessionRequest", post("/api/v1/session-requests/" + toDecline + "/declination", As.SUPERVISOR,
                        Map.of("reason", "We meet on Monday"), etagOfRequest(toDecline))),
                entry("listChildren", get("/api/v1/children?q=amelia", As.SUPERVISOR)),
                entry("createChild", post("/api/v1/children", As.SUPERVISOR,
                        Map.of("name", "Ben Brown", "caseNumber", Fixtures.unique("PRN"), "dateOfBirth", "2018-05-06", "allocatedWorkerId", pat.id()))),
                entry("getChild", get("/api/v1/children/" + childId, As.PRACTITIONER)),
                entry("updateChild", put("/api/v1/children/" + childId, As.SUPERVISOR, Map.of("name", "Amelia Browne", "allocatedWorkerId", pat.id()),
                        etagOf("/api/v1/children/" + childId, As.SUPERVISOR))),
                entry("listCaseDiscussions", get("/api/v1/case-discussions?superviseeId=" + pat.id(), As.SUPERVISOR)),
                entry("createCaseDiscussion", post("/api/v1/case-discussions", As.PRACTITIONER, Map.of("childId", childId))),
                entry("getCaseDiscussion", get(discussionUrl(discussion), As.PRACTITIONER)),
                entry("updateCaseDiscussion", put(discussionUrl(discussion), As.SUPERVISOR, discussionUpdate(),
                        etagOf(discussionUrl(discussion), As.SUPERVISOR))),
                entry("deleteCaseDiscussion", new Example("DELETE", discussionUrl(discussionToDiscard), As.SUPERVISOR, null, null,
                        () -> "\"v1\"")),
                entry("signCaseDiscussion", post(discussionUrl(discussionToSign) + "/signatures", As.PRACTITIONER, null,
                        etagOf(discussionUrl(discussionToSign), As.PRACTITIONER))),
                entry("registerMachineClient", post("/api/v1/machine-clients", As.ADMIN,
                        Map.of("name", Fixtures.unique("HR system"), "scopes", List.of("staff.read", "staff.write")))),
                // issue 8: decisions, the 24-hour measure, webhooks
                entry("recordManagementDecision", post("/api/v1/case-decisions", As.SUPERVISOR,
                        Map.of("childId", childOfPat, "decision", "Step down to child in need", "rationale", "The plan's goals are met"))),
                entry("listCaseDecisions", get("/api/v1/case-decisions?limit=5&acknowledged=false", As.CASE_SYSTEM)),
                entry("getCaseDecision", get("/api/v1/case-decisions/" + decisionId, As.SUPERVISOR)),
                entry("acknowledgeCaseDecision", post("/api/v1/case-decisions/" + decisionId + "/acknowledgement", As.CASE_SYSTEM,
                        Map.of("filedAs", "CMS-NOTE-1"))),
                entry("getDecisionsFiled", get("/api/v1/dashboards/decisions-filed", As.MANAGER)),
                entry("getChildVoiceRecorded", get("/api/v1/dashboards/child-voice", As.MANAGER)),
                entry("listWebhooks", get("/api/v1/webhooks", As.ADMIN)),
                entry("registerWebhook", post("/api/v1/webhooks", As.ADMIN,
                        Map.of("url", "https://127.0.0.1:9/contract", "events", List.of("case-decision.ready"), "description", "Case system"))),
                entry("removeWebhook", new Example("DELETE", "/api/v1/webhooks/" + removableWebhook, As.ADMIN, null, null, null)),
                entry("listWebhookDeliveries", get("/api/v1/webhooks/" + webhookId + "/deliveries", As.ADMIN)),
                // issue 9: audits (Meg, service manager of service A, audits Pat's file; Sam is the supervisor audited)
                entry("listAudits", get("/api/v1/audits?mine=true", As.MANAGER)),
                entry("createAudit", post("/api/v1/audits", As.MANAGER, Map.of("superviseeId", pat.id(), "kind", "SERVICE_MANAGER_MONTHLY"))),
                entry("getAudit", get(auditUrl(auditDraft), As.MANAGER)),
                entry("updateAudit", put(auditUrl(auditDraft), As.MANAGER, auditUpdate("REQUIRES_IMPROVEMENT"), etagOf(auditUrl(auditDraft), As.MANAGER))),
                entry("deleteAudit", new Example("DELETE", auditUrl(auditToDiscard), As.MANAGER, null, null, () -> "\"v1\"")),
                entry("completeAudit", post(auditUrl(auditToComplete) + "/completion", As.MANAGER, null, etagOf(auditUrl(auditToComplete), As.MANAGER))),
                entry("getAuditEvidence", get(auditUrl(auditDraft) + "/evidence", As.MANAGER)),
                // issue 9: questionnaire
                entry("listMyQuestionnaires", get("/api/v1/questionnaires", As.PRACTITIONER)),
                entry("getQuestionnaire", get("/api/v1/questionnaires/" + questionnaires().get(0), As.PRACTITIONER)),
                entry("answerQuestionnaire", post("/api/v1/questionnaires/" + questionnaires().get(1) + "/response", As.PRACTITIONER,
                        Map.of("answers", partTwo(), "comment", "Supervision helps"))),
                entry("issueQuestionnaireRound", post("/api/v1/questionnaire-rounds", As.QA_AUDITOR,
                        Map.of("serviceId", world.serviceB().id(), "expiresOn", java.time.LocalDate.parse(today()).plusDays(10).toString()))),
                entry("listQuestionnaireInvitations", get("/api/v1/questionnaire-invitations?limit=5", As.QA_AUDITOR)),
                entry("getAuditQuestionnaireAnswer", get("/api/v1/audits/" + questionnaires().get(2) + "/questionnaire-answer", As.QA_AUDITOR)),
                entry("getAuditCrossCheck", get("/api/v1/audits/" + questionnaires().get(2) + "/cross-check", As.QA_AUDITOR)),
                entry("listAuditDisagreements", get("/api/v1/audit-disagreements?quarter="
                        + uk.supervision.audit.Quarter.of(java.time.LocalDate.parse(today())), As.QA_AUDITOR)),
                entry("getQuestionnaireResults", get("/api/v1/questionnaire-results?quarter="
                        + uk.supervision.audit.Quarter.of(java.time.LocalDate.parse(today())).previous(), As.MANAGER)),
                // issue 10: evidence packs (Meg, service manager of service A, asks for one; a member's ready pack holds one CSV)
                entry("listEvidencePacks", get("/api/v1/evidence-packs?limit=5", As.MANAGER)),
                entry("requestEvidencePack", post("/api/v1/evidence-packs", As.MANAGER, Map.of("scope", "SERVICE", "scopeId", world.serviceA().id(),
                        "from", java.time.YearMonth.now(ZoneId.of("Europe/London")).minusMonths(2).toString(),
                        "to", java.time.YearMonth.now(ZoneId.of("Europe/London")).toString()))),
                entry("getEvidencePack", get("/api/v1/evidence-packs/" + readyPack(), As.ELECTED_MEMBER)),
                entry("downloadEvidencePackFile", get("/api/v1/evidence-packs/" + readyPack() + "/files/sessions.overdue.csv", As.ELECTED_MEMBER)),
                // issue 9: sample
                entry("listAuditSamples", get("/api/v1/audit-samples?limit=5", As.QA_AUDITOR)),
                entry("drawAuditSample", post("/api/v1/audit-samples", As.QA_AUDITOR,
                        Map.of("quarter", uk.supervision.audit.Quarter.of(LocalDate.now(ZoneId.of("Europe/London"))).next().toString(), "size", 1))),
                entry("getAuditSample", get("/api/v1/audit-samples/" + sampleId, As.QA_AUDITOR)),
                entry("getAuditSchedule", get("/api/v1/audit-schedule", As.MANAGER)),
                // issue 10: measures service
                entry("getMeasures", get("/api/v1/measures?scope=SERVICE&scopeId=" + world.serviceA().id(), As.MANAGER)),
                entry("getMeasureSeries", get("/api/v1/measures/series?scope=TEAM&measure=sessions.withinInterval&scopeId="
                        + world.teamA1().id(), As.MANAGER)),
                entry("getMeasureBreakdown", get("/api/v1/measures/breakdown?scope=DIRECTORATE", As.HEAD_OF_SERVICE)),
                entry("listMeasurePeople", get("/api/v1/measures/people?scope=TEAM&measure=sessions.withinInterval&limit=5&scopeId="
                        + world.teamA1().id(), As.MANAGER)),
                // issue 9: audit reports
                entry("listAuditReports", get("/api/v1/audit-reports?quarter=" + reportQuarter, As.MANAGER)),
                entry("getAuditReport", get(auditReportUrl(reportQuarter), As.MANAGER)),
                entry("updateAuditReport", put(auditReportUrl(reportQuarterToWrite), As.MANAGER,
                        Map.of("themes", "Actions reviewed, rarely recorded.", "recommendations", "Record each review."),
                        etagOf(auditReportUrl(reportQuarterToWrite), As.MANAGER))),
                entry("signOffAuditReport", post(auditReportUrl(reportQuarter) + "/sign-off", As.HEAD_OF_SERVICE, null,
                        etagOf(auditReportUrl(reportQuarter), As.HEAD_OF_SERVICE))));
    }

    // issue 9: questionnaire
    private List<String> questionnaireIds;   // two invitations to Pat (one read, one answered) and an audit of Pat's file with its answer

    private List<String> questionnaires() {
        if (questionnaireIds != null) {
            return questionnaireIds;
        }
        Person qa = world.person(null, "Quinn", Role.QA_AUDITOR);
        credentials.put(As.QA_AUDITOR, api.token(qa.username(), Fixtures.PASSWORD));
        world.supervise(sam.staff(), world.worker(world.teamB1(), "Rory", "Round"));
        String questionnaireTemplate = fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = 'QUESTIONNAIRE' ORDER BY t.version DESC", world.org().id());
        String auditTemplate = fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = 'AUDIT' ORDER BY t.version DESC", world.org().id());
        java.time.Instant now = java.time.Instant.now();
        java.sql.Timestamp at = java.sql.Timestamp.from(now);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            String id = UUID.randomUUID().toString();
            fixtures.execute("INSERT INTO questionnaire_invitation (id, organisation_id, invitee_staff_id, supervisor_id, team_id, service_id, template_id, "
                            + "audit_id, round_id, issued_at, expires_at, reminded_at, answered_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL, ?, ?, NULL, NULL, 0)",
                    id, world.org().id(), pat.id(), sam.id(), world.teamA1().id(), world.serviceA().id(), questionnaireTemplate, at,
                    java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(28))));
            out.add(id);
        }
        String audit = UUID.randomUUID().toString();
        java.time.LocalDate day = java.time.LocalDate.parse(today());
        String quarter = uk.supervision.audit.Quarter.of(day).toString();
        fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, supervisee_id, supervisor_id, team_id, service_id, auditor_staff_id, "
                        + "auditor_account_id, period_from, period_to, audited_on, quarter, template_id, status, content_json, grade, completed_at, "
                        + "version, created_at, updated_at) VALUES (?, ?, 'QA_SAMPLE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED', '{}', 'GOOD', ?, 1, ?, ?)",
                audit, world.org().id(), pat.id(), sam.id(), world.teamA1().id(), world.serviceA().id(), qa.id(), qa.account().id(),
                java.sql.Date.valueOf(day.minusMonths(3)), java.sql.Date.valueOf(day), java.sql.Date.valueOf(day), quarter, auditTemplate, at, at, at);
        fixtures.execute("INSERT INTO file_audit_rating (file_audit_id, item_key, organisation_id, service_id, quarter, function_tag, rating) "
                + "VALUES (?, 'q4', ?, ?, ?, NULL, 1)", audit, world.org().id(), world.serviceA().id(), quarter);
        String response = UUID.randomUUID().toString();
        fixtures.execute("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, audit_id, "
                + "comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'Helpful')", response, world.org().id(), questionnaireTemplate, quarter, sam.id(),
                world.teamA1().id(), world.serviceA().id(), audit);
        for (int i = 1; i <= 9; i++) {
            fixtures.execute("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, ?, ?)", response, "s" + i, i % 5 + 1);
        }
        out.add(audit);
        questionnaireIds = out;
        return out;
    }

    private static List<Map<String, String>> partTwo() {
        List<Map<String, String>> answers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            answers.add(Map.of("key", "s" + i, "value", "GOOD"));
        }
        return answers;
    }

    // issue 10: evidence packs
    private String readyPackId;   // an elected member's pack of the directorate, ready, with one CSV (a pack is read by its requester only)

    private String readyPack() {
        if (readyPackId == null) {
            if (!credentials.containsKey(As.ELECTED_MEMBER)) {
                credentials.put(As.ELECTED_MEMBER, api.token(world.accountOnly(Role.ELECTED_MEMBER).username(), Fixtures.PASSWORD));
            }
            // The member whose token the examples use asked for it: the token's subject is their account.
            String payload = new String(java.util.Base64.getUrlDecoder().decode(credentials.get(As.ELECTED_MEMBER).split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            String requester = readSubject(payload);
            readyPackId = UUID.randomUUID().toString();
            java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
            java.sql.Date month = java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Europe/London")).withDayOfMonth(1));
            fixtures.execute("INSERT INTO evidence_pack (id, organisation_id, requested_by_account, scope_kind, scope_id, scope_name, from_month, "
                    + "to_month, status, steps_done, steps_total, failure, requested_at, started_at, finished_at) VALUES (?, ?, ?, 'DIRECTORATE', NULL, ?, ?, "
                    + "?, 'READY', 4, 4, NULL, ?, ?, ?)", readyPackId, world.org().id(), requester, world.org().name(), month, month, now, now, now);
            fixtures.execute("INSERT INTO evidence_pack_file (pack_id, name, title, media_type, position, content) VALUES (?, 'sessions.overdue.csv', "
                    + "'Overdue sessions (CSV)', 'text/csv', 1, ?)", readyPackId,
                    "scope,unit,month or period,numerator,denominator,value,suppressed,part\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return readyPackId;
    }

    private static String readSubject(String jwtPayload) {
        try {
            return Api.JSON.readTree(jwtPayload).get("sub").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // issue 9: audit reports
    private String reportQuarter;        // last quarter: a completed audit and themes, ready to sign off
    private String reportQuarterToWrite; // the quarter before, whose themes the update example writes

    private String auditReportUrl(String quarter) {
        return "/api/v1/audit-reports/" + world.serviceA().id() + "/" + quarter;
    }

    private void auditReports() {
        uk.supervision.audit.Quarter last = uk.supervision.audit.Quarter.of(java.time.LocalDate.now(java.time.ZoneId.of("Europe/London"))).previous();
        reportQuarter = last.toString();
        reportQuarterToWrite = last.previous().toString();
        Person auditor = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        credentials.put(As.HEAD_OF_SERVICE, api.token(fixtures.account(world.org(), world.worker(world.teamA1(), "Hal", "Head"), null,
                Role.HEAD_OF_SERVICE).username(), Fixtures.PASSWORD));
        new uk.supervision.auditreport.CompletedAudits(fixtures).completed(pat.staff(), sam.staff(), auditor.staff(), world.serviceA().id(),
                reportQuarter, last.firstDay().plusDays(5), "GOOD", Map.of("q1", 2, "q3", 3), List.of(new uk.supervision.auditreport.CompletedAudits.Action(
                        "Record each action's review", sam.staff(), last.lastDay(), "OPEN")));
        Api.Response themes = api.put(auditReportUrl(reportQuarter), credentials.get(As.MANAGER), Map.of("themes", "Actions reviewed."), "\"v0\"");
        assertEquals(200, themes.status(), () -> "Could not write the report's themes: " + themes);
    }

    /** Operations open to anonymous callers that still declare 401: how to be refused by each. */
    private Map<String, Example> refusedWithoutCredentials() {
        return table(
                entry("signIn", post("/api/v1/auth/sign-in", As.NOBODY, Map.of("username", pat.username(), "password", "Wrong-Password-1"))),
                entry("refreshToken", post("/api/v1/auth/token-refresh", As.NOBODY, Map.of("refreshToken", "rt_never-issued"))),
                entry("issueClientToken", form("/api/v1/oauth/token", As.NOBODY, "grant_type=client_credentials")));
    }

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;

    private static Contract contract;
    private Api api;
    private World world;
    private Person pat;   // practitioner in A1, supervised by Sam
    private Person sam;   // supervisor in A1, supervised by Meg
    private Person meg;   // service manager of service A
    private Person bea;   // practitioner in B1 (another team and service)
    private Person otto;  // signs out
    private Person gus;   // is granted a role
    private Person rex;   // loses a role (rexGrant)
    private Person dot;   // is disabled
    private String rexGrant;
    private uk.supervision.staff.Staff uma;  // updated
    private uk.supervision.staff.Staff leo;  // leaves
    private uk.supervision.staff.Staff mo;   // moves
    private uk.supervision.staff.Staff nia;  // gets a supervisor
    private uk.supervision.staff.Staff eve;  // target of the precondition errors
    private String profileId;
    private String drafted;   // an agreement in draft (supervisee Ann)
    private String toSubmit;  // a draft to submit (supervisee Ben)
    private String toSign;    // awaiting signatures (supervisee Cal)
    private String active;    // signed by both (supervisee Dee)
    private final List<String> sessions = new ArrayList<>();  // Pat's planned sessions, one per state change example
    private String recordSession;  // a session held today, whose record the record examples use
    private String actionId;       // an open action of Pat's
    private String removableActionId;  // an open action of Pat's, removed by its example
    private String formerSession;  // Pat's planned session with a supervisor he no longer has
    private String toBook;         // Pat's request for an extra session, to book
    private String toDecline;      // and one to decline
    private String childId;        // a child allocated to Pat
    private String discussion;     // a draft case discussion about Pat's child, between Pat and Sam
    private String discussionToSign;    // one written with the child's view, ready to sign
    private String discussionToDiscard; // one started by mistake
    private final Map<As, String> credentials = new EnumMap<>(As.class);
    // issue 9: sample
    private String sampleId;       // this quarter's sample

    @BeforeAll
    void setUp() {
        if (contract == null) {
            contract = Contract.load();
        }
        api = new Api(server.getURI());
        world = fixtures.organisation();
        Person admin = world.accountOnly(Role.ADMIN);
        Person hr = world.person(world.teamA1(), "Hanna", Role.HR);
        meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR);
        pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        bea = world.person(world.teamB1(), "Bea", Role.PRACTITIONER);
        otto = world.person(world.teamA1(), "Otto", Role.PRACTITIONER);
        gus = world.person(world.teamA1(), "Gus", Role.PRACTITIONER);
        rex = world.person(world.teamA1(), "Rex", Role.PRACTITIONER, Role.SUPERVISOR);
        rexGrant = fixtures.string("SELECT id FROM role_grant WHERE account_id = ? AND role = 'SUPERVISOR'", rex.account().id());
        dot = world.person(world.teamA1(), "Dot", Role.PRACTITIONER);
        world.supervise(meg.staff(), sam.staff());
        world.supervise(sam.staff(), pat.staff());
        uma = world.worker(world.teamA1(), "Uma", "Update");
        leo = world.worker(world.teamA1(), "Leo", "Leaver");
        mo = world.worker(world.teamA1(), "Mo", "Mover");
        nia = world.worker(world.teamA2(), "Nia", "Newstart");
        eve = world.worker(world.teamA1(), "Eve", "Etag");

        credentials.put(As.ADMIN, api.token(admin.username(), Fixtures.PASSWORD));
        credentials.put(As.HR, api.token(hr.username(), Fixtures.PASSWORD));
        credentials.put(As.MANAGER, api.token(meg.username(), Fixtures.PASSWORD));
        credentials.put(As.SUPERVISOR, api.token(sam.username(), Fixtures.PASSWORD));
        credentials.put(As.PRACTITIONER, api.token(pat.username(), Fixtures.PASSWORD));
        credentials.put(As.SIGNING_OUT, api.token(otto.username(), Fixtures.PASSWORD));
        Api.Response client = api.post("/api/v1/machine-clients", credentials.get(As.ADMIN),
                Map.of("name", Fixtures.unique("Case system"), "scopes", List.of("staff.read")));
        assertEquals(201, client.status(), () -> "Could not register a machine client: " + client);
        credentials.put(As.MACHINE_CLIENT, client.json().get("clientId").asText() + ":" + client.json().get("clientSecret").asText());
        Api.Response profiles = api.get("/api/v1/policy-profiles", credentials.get(As.PRACTITIONER));
        assertEquals(200, profiles.status(), () -> "Could not list policy profiles: " + profiles);
        // Keep the organisation on its own profile (Coventry): the agreement examples answer its questions.
        for (var profile : profiles.json().get("items")) {
            if (profile.get("code").asText().equals("COVENTRY_2016")) {
                profileId = profile.get("id").asText();
            }
        }
        assertNotNull(profileId, "the Coventry profile ships");

        // Agreements in each state, drafted by Sam for supervisees of his own (one open agreement each).
        drafted = draftAgreementFor(world.worker(world.teamA1(), "Ann", "Agreement"));
        toSubmit = draftAgreementFor(world.worker(world.teamA1(), "Ben", "Agreement"));
        toSign = draftAgreementFor(world.worker(world.teamA1(), "Cal", "Agreement"));
        submit(toSign);
        Person dee = world.person(world.teamA1(), "Dee", Role.PRACTITIONER);
        active = draftAgreementFor(dee.staff());
        submit(active);
        signAs(active, credentials.get(As.SUPERVISOR));
        signAs(active, api.token(dee.username(), Fixtures.PASSWORD));

        Api.Response booked = api.post("/api/v1/sessions", credentials.get(As.SUPERVISOR), sessionPlan(pat.id(), 4));
        assertEquals(201, booked.status(), () -> "Could not plan sessions: " + booked);
        booked.json().get("items").forEach(i -> sessions.add(i.get("id").asText()));

        Api.Response forRecord = api.post("/api/v1/sessions", credentials.get(As.SUPERVISOR), sessionPlan(pat.id(), 1));
        recordSession = forRecord.json().get("items").get(0).get("id").asText();
        Api.Response held = api.post(sessionUrl(recordSession) + "/held", credentials.get(As.SUPERVISOR), Map.of("actualMinutes", 90),
                etagOf(sessionUrl(recordSession), As.SUPERVISOR).get());
        assertEquals(200, held.status(), () -> "Could not hold the session: " + held);
        Api.Response action = api.post("/api/v1/actions", credentials.get(As.SUPERVISOR),
                Map.of("superviseeId", pat.id(), "ownerId", sam.id(), "text", "Arrange the audit", "dueDate", today()));
        assertEquals(201, action.status(), () -> "Could not agree an action: " + action);
        actionId = action.json().get("id").asText();
        Api.Response removable = api.post("/api/v1/actions", credentials.get(As.SUPERVISOR),
                Map.of("superviseeId", pat.id(), "ownerId", sam.id(), "text", "Agreed by mistake", "dueDate", today()));
        assertEquals(201, removable.status(), () -> "Could not agree an action: " + removable);
        removableActionId = removable.json().get("id").asText();
        formerSession = fixtures.session(world.org(), pat.staff(), world.worker(world.teamA1(), "Fay", "Former"));
        toBook = requestAsPat("Court next week");
        toDecline = requestAsPat("Caseload");
        decisionsAndWebhooks();
        // issue 9: audits
        audits();
        Api.Response child = api.post("/api/v1/children", credentials.get(As.SUPERVISOR),
                Map.of("name", "Amelia Brown", "caseNumber", Fixtures.unique("PRN"), "allocatedWorkerId", pat.id()));
        assertEquals(201, child.status(), () -> "Could not add a child: " + child);
        childId = child.json().get("id").asText();
        discussion = startDiscussion();
        discussionToSign = startDiscussion();
        Api.Response written = api.put(discussionUrl(discussionToSign), credentials.get(As.SUPERVISOR), discussionUpdate(),
                etagOf(discussionUrl(discussionToSign), As.SUPERVISOR).get());
        assertEquals(200, written.status(), () -> "Could not write a case discussion: " + written);
        discussionToDiscard = startDiscussion();
        auditReports();  // issue 9: audit reports
    }

    private String startDiscussion() {
        Api.Response r = api.post("/api/v1/case-discussions", credentials.get(As.SUPERVISOR), Map.of("childId", childId));
        assertEquals(201, r.status(), () -> "Could not start a case discussion: " + r);
        return r.json().get("id").asText();
    }

    private static String discussionUrl(String id) {
        return "/api/v1/case-discussions/" + id;
    }

    private Map<String, Object> discussionUpdate() {
        return Map.of("discussedOn", today(),
                "answers", List.of(Map.of("key", "safety_scale", "text", "6", "notApplicable", false)),
                "childVoice", Map.of("status", "RECORDED", "view", "Wants to stay with her nan", "seenAlone", true),
                "decisions", List.of(Map.of("text", "Stay on a child protection plan", "rationale", "Risks remain")),
                "actions", List.of(Map.of("text", "Meet the school", "desiredOutcome", "Fewer missed days", "measure", "Attendance",
                        "ownerId", pat.id(), "dueDate", today())));
    }

    // issue 9: audits
    private String auditDraft;      // Meg's draft audit of Pat's file, read and written by the examples
    private String auditToDiscard;  // another, discarded by its example
    private String auditToComplete; // another, answered in full, completed by its example

    private void audits() {
        auditDraft = startAudit();
        auditToDiscard = startAudit();
        auditToComplete = startAudit();
        Api.Response written = api.put(auditUrl(auditToComplete), credentials.get(As.MANAGER), auditUpdate("GOOD"), "\"v1\"");
        assertEquals(200, written.status(), () -> "Could not write an audit: " + written);
    }

    private String startAudit() {
        Api.Response r = api.post("/api/v1/audits", credentials.get(As.MANAGER), Map.of("superviseeId", pat.id(), "kind", "AD_HOC"));
        assertEquals(201, r.status(), () -> "Could not start an audit: " + r);
        return r.json().get("id").asText();
    }

    private static String auditUrl(String id) {
        return "/api/v1/audits/" + id;
    }

    private Map<String, Object> auditUpdate(String grade) {
        List<Map<String, String>> answers = new ArrayList<>();
        for (String k : List.of("q1", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q12")) {
            answers.add(Map.of("key", k, "value", "3"));
        }
        answers.add(Map.of("key", "q2", "value", "PARTIALLY"));
        for (String k : List.of("job_description", "supervision_agreement", "dbs_check", "open_cases", "practice_observation", "learning_plan",
                "absence_records", "return_to_work", "sickness_notifications", "self_certifications", "medical_certificates", "occupational_health")) {
            answers.add(Map.of("key", "q11_" + k, "value", "NOT_APPLICABLE"));
        }
        answers.add(Map.of("key", "q13a", "value", grade));
        return Map.of("periodFrom", java.time.LocalDate.now().minusMonths(3).toString(), "periodTo", today(), "auditorPost", "Service manager",
                "answers", answers, "actions", List.of(Map.of("text", "Record sessions within five working days", "ownerId", sam.id(),
                        "dueDate", java.time.LocalDate.now().plusDays(30).toString())));
    }

    private String childOfPat;       // a child allocated to Pat
    private String decisionId;       // Sam's decision about that child
    private String webhookId;        // a registered webhook, whose delivery log is read
    private String removableWebhook; // and one removed by its example

    /** Issue 8: a child of Pat's, a decision about them, the case system's token and two webhooks. */
    private void decisionsAndWebhooks() {
        childOfPat = UUID.randomUUID().toString();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at)"
                + " VALUES (?, ?, 'Kai Child', ?, ?, 1, ?, ?)", childOfPat, world.org().id(), Fixtures.unique("CMS"), pat.id(), now, now);
        Api.Response decided = api.post("/api/v1/case-decisions", credentials.get(As.SUPERVISOR),
                Map.of("childId", childOfPat, "decision", "Convene a strategy meeting", "rationale", "New information from school"));
        assertEquals(201, decided.status(), () -> "Could not record a decision: " + decided);
        decisionId = decided.json().get("id").asText();
        Api.Response cms = api.post("/api/v1/machine-clients", credentials.get(As.ADMIN),
                Map.of("name", Fixtures.unique("Case system"), "scopes", List.of("case-decisions:read")));
        assertEquals(201, cms.status(), () -> "Could not register the case system: " + cms);
        Api.Response token = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + cms.json().get("clientId").asText() + "&client_secret=" + cms.json().get("clientSecret").asText());
        assertEquals(200, token.status(), () -> "Could not get the case system a token: " + token);
        credentials.put(As.CASE_SYSTEM, token.json().get("access_token").asText());
        webhookId = registerWebhook("https://127.0.0.1:9/log");
        removableWebhook = registerWebhook("https://127.0.0.1:9/removed");
        // issue 9: sample - a quality assurance auditor and this quarter's sample
        Person quinn = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        credentials.put(As.QA_AUDITOR, api.token(quinn.username(), Fixtures.PASSWORD));
        Api.Response drawn = api.post("/api/v1/audit-samples", credentials.get(As.QA_AUDITOR),
                Map.of("quarter", uk.supervision.audit.Quarter.of(LocalDate.now(ZoneId.of("Europe/London"))).toString(), "size", 1));
        assertEquals(201, drawn.status(), () -> "Could not draw a sample: " + drawn);
        sampleId = drawn.json().get("id").asText();
    }

    private String registerWebhook(String url) {
        Api.Response r = api.post("/api/v1/webhooks", credentials.get(As.ADMIN), Map.of("url", url, "events", List.of("case-decision.ready")));
        assertEquals(201, r.status(), () -> "Could not register a webhook: " + r);
        return r.json().get("id").asText();
    }

    private String requestAsPat(String reason) {
        Api.Response r = api.post("/api/v1/session-requests", credentials.get(As.PRACTITIONER), Map.of("reason", reason));
        assertEquals(201, r.status(), () -> "Could not ask for a session: " + r);
        return r.json().get("id").asText();
    }

    /** Requests have no single read operation: their current version comes from the database. */
    private Supplier<String> etagOfRequest(String id) {
        return () -> "\"v" + fixtures.string("SELECT version FROM session_request WHERE id = ?", id) + "\"";
    }

    private String recordUrl() {
        return sessionUrl(recordSession) + "/record";
    }

    /** Actions have no single read operation: their current version comes from the database. */
    private Supplier<String> etagOfAction() {
        return () -> "\"v" + fixtures.string("SELECT version FROM supervision_action WHERE id = ?", actionId) + "\"";
    }

    private static Map<String, Object> recordUpdate() {
        return Map.of("entries", List.of(Map.of("key", "workload_caseload", "text", "Caseload of 18; two court cases.", "notApplicable", false),
                        Map.of("key", "aob", "notApplicable", true)),
                "reflection", "The child's view changed the plan.", "nextDate", today(), "personalIssuesDiscussed", false,
                "actionReviews", List.of());
    }

    /** Sessions starting today, so that one of them can be marked as held. */
    private static Map<String, Object> sessionPlan(String superviseeId, int count) {
        return Map.of("superviseeIds", List.of(superviseeId), "date", today(), "startTime", "00:00", "plannedMinutes", 90,
                "location", "Room 3, Civic Centre", "count", count, "intervalWeeks", 1);
    }

    private static String sessionUrl(String id) {
        return "/api/v1/sessions/" + id;
    }

    private String draftAgreementFor(uk.supervision.staff.Staff supervisee) {
        world.supervise(sam.staff(), supervisee);
        Api.Response r = api.post("/api/v1/agreements", credentials.get(As.SUPERVISOR), agreementCreate(supervisee.id()));
        assertEquals(201, r.status(), () -> "Could not draft an agreement: " + r);
        return r.json().get("id").asText();
    }

    private void submit(String agreementId) {
        Api.Response r = api.post(agreementUrl(agreementId) + "/submission", credentials.get(As.SUPERVISOR), null,
                etagOf(agreementUrl(agreementId), As.SUPERVISOR).get());
        assertEquals(200, r.status(), () -> "Could not submit " + agreementId + ": " + r);
    }

    private void signAs(String agreementId, String token) {
        String etag = assertHeader(api.get(agreementUrl(agreementId), token), "ETag");
        Api.Response r = api.post(agreementUrl(agreementId) + "/signatures", token, null, etag);
        assertEquals(200, r.status(), () -> "Could not sign " + agreementId + ": " + r);
    }

    private static String agreementUrl(String id) {
        return "/api/v1/agreements/" + id;
    }

    private static Map<String, Object> agreementFields(String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intervalWeeks", 4);
        body.put("durationMinutes", 90);
        body.put("location", location);
        body.put("escalationPeriod", "P6W");
        body.put("answers", List.of(Map.of("key", "purpose", "text", "Reflective, supportive, accountable practice."),
                Map.of("key", "confidentiality", "text", "Personal matters stay between us unless there is a risk.")));
        return body;
    }

    private static Map<String, Object> agreementCreate(String superviseeId) {
        Map<String, Object> body = agreementFields("Team room 1");
        body.put("superviseeId", superviseeId);
        return body;
    }

    @Test
    void everyOperationInTheContractHasExactlyOneExample() {
        Map<String, Example> examples = examples();
        assertEquals(new TreeSet<>(contract.operations.keySet()), new TreeSet<>(examples.keySet()),
                "The example table must name exactly the operationIds of openapi.yaml");
        examples.forEach((operationId, example) -> assertEquals(operationId, contract.operationAt(example.method(), example.path()),
                () -> "The example for " + operationId + " (" + example.method() + " " + example.path() + ") addresses another operation"));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationIsServedAndItsResponseConforms() {
        return examples().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey() + ": " + e.getValue().method() + " " + e.getValue().path(), () -> {
            Exchange exchange = send(e.getValue(), e.getValue().as());
            Api.Response r = exchange.response();
            assertTrue(r.status() >= 200 && r.status() < 300, () -> e.getKey() + " should succeed but answered " + r);
            assertTrue(contract.operations.get(e.getKey()).operation().getResponses().containsKey(String.valueOf(r.status())),
                    () -> e.getKey() + " answered " + r.status() + ", which the contract does not document");
            assertConforms(e.getKey(), exchange, true);
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationDeclaring401RefusesCallersWithoutCredentials() {
        Map<String, Example> examples = examples();
        Map<String, Example> anonymousRefusals = refusedWithoutCredentials();
        Set<String> publicWith401 = contract.operations.values().stream()
                .filter(op -> op.operation().getResponses().containsKey("401") && !op.secured())
                .map(Op::id).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(publicWith401, new TreeSet<>(anonymousRefusals.keySet()),
                "Each operation without security that declares 401 needs a way to be refused in refusedWithoutCredentials()");
        return contract.operations.values().stream()
                .filter(op -> op.operation().getResponses().containsKey("401"))
                .map(op -> DynamicTest.dynamicTest(op.id() + " without credentials", () -> {
                    Example example = op.secured() ? examples.get(op.id()) : anonymousRefusals.get(op.id());
                    assertNotNull(example, () -> "No example for " + op.id());
                    assertProblem(op.id(), send(example, As.NOBODY), 401);
                }));
    }

    @TestFactory
    Stream<DynamicTest> documentedErrorsConform() {
        String hr = credentials.get(As.HR);
        String eveUrl = "/api/v1/staff/" + eve.id();
        Map<String, Object> evesDetails = staffFields("Eve", "Etag");
        Map<String, Supplier<Exchange>> cases = new LinkedHashMap<>();
        cases.put("400 createStaff with invalid fields", () -> {
            Map<String, Object> bad = staffCreate(world.teamA1().id(), null);
            bad.put("givenName", "");
            bad.put("weeklyHours", 99);
            Exchange x = send(post("/api/v1/staff", As.HR, bad), As.HR);
            assertProblem(x, 400);
            List<String> pointers = new ArrayList<>();
            x.response().json().path("errors").forEach(error -> pointers.add(error.path("pointer").asText()));
            assertTrue(pointers.containsAll(List.of("/givenName", "/weeklyHours")), () -> "errors[] should point at the fields: " + x.response());
            return x;
        });
        cases.put("400 listStaff with limit out of range", () -> assertProblem(send(get("/api/v1/staff?limit=0", As.HR), As.HR), 400));
        cases.put("401 getMe with a forged token", () -> assertProblem(exchange("GET", "/api/v1/me", "Bearer not.a.jwt", null, null,
                api.raw("GET", "/api/v1/me", "not.a.jwt", null, null)), 401));
        cases.put("403 practitioner reads another team's staff record", () ->
                assertProblem(send(get("/api/v1/staff/" + bea.id(), As.PRACTITIONER), As.PRACTITIONER), 403));
        cases.put("404 getStaff with an unknown id", () -> assertProblem(send(get("/api/v1/staff/" + UUID.randomUUID(), As.HR), As.HR), 404));
        cases.put("409 createStaff with an email already in use", () -> {
            Map<String, Object> duplicate = staffCreate(world.teamA1().id(), null);
            duplicate.put("email", eve.email());
            return assertProblem(send(post("/api/v1/staff", As.HR, duplicate), As.HR), 409);
        });
        cases.put("412 updateStaff with a stale If-Match", () ->
                assertProblem(send(put(eveUrl, As.HR, evesDetails, () -> "\"v999\""), As.HR), 412));
        cases.put("415 createStaff with text/plain", () -> assertProblem(exchange("POST", "/api/v1/staff", "Bearer " + hr, "text/plain", "givenName=Eve",
                api.raw("POST", "/api/v1/staff", hr, "text/plain", "givenName=Eve")), 415));
        cases.put("422 createStaff starting in post before employment", () -> {
            Map<String, Object> early = staffCreate(world.teamA1().id(), null);
            early.put("postStartDate", "2019-01-01");
            return assertProblem(send(post("/api/v1/staff", As.HR, early), As.HR), 422);
        });
        cases.put("428 updateStaff without If-Match", () -> assertProblem(send(put(eveUrl, As.HR, evesDetails, null), As.HR), 428));
        cases.put("429 issueClientToken after repeated failures", () -> {
            String unknownClient = Fixtures.unique("no-such-client") + ":wrong-secret";
            for (int attempt = 0; attempt < 50; attempt++) {
                Exchange x = exchange("POST", "/api/v1/oauth/token", basic(unknownClient), FORM, "grant_type=client_credentials",
                        api.form("/api/v1/oauth/token", unknownClient, "grant_type=client_credentials"));
                if (x.response().status() == 429) {
                    assertNotNull(x.response().header("Retry-After"), () -> "429 without Retry-After: " + x.response().headers());
                    return assertProblem(x, 429);
                }
                assertProblem(x, 401);
            }
            return fail("No 429 after 50 failed client authentications");
        });
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            try {
                c.getValue().get();
            } catch (AssertionError e) {
                throw new AssertionError(c.getKey() + ": " + e.getMessage(), e);
            }
        }));
    }

    @Test
    void anUnknownRouteIsA404Problem() {
        Api.Response r = api.get("/api/v1/no-such-thing", credentials.get(As.PRACTITIONER));
        assertEquals(404, r.status(), () -> "Unknown route: " + r);
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"), () -> "Content-Type: " + r.contentType());
        JsonNode problem = r.json();
        assertTrue(problem.path("type").isTextual() && problem.path("title").isTextual(), () -> "type and title: " + r.body());
        assertEquals(404, problem.path("status").asInt(), () -> "status: " + r.body());
        assertValid(contract.problemValidator.validate(r.body(), contract.api.getComponents().getSchemas().get("Problem"), "response.body"),
                "GET /api/v1/no-such-thing", r);
    }

    /** Guards the guard: the validator as configured here rejects a changed type and an undocumented property. */
    @Test
    void theValidatorCatchesDriftInResponses() throws Exception {
        Api.Response real = api.get("/api/v1/staff/" + pat.id(), credentials.get(As.HR));
        assertEquals(200, real.status(), () -> "getStaff: " + real);
        var staff = (com.fasterxml.jackson.databind.node.ObjectNode) real.json();
        staff.put("weeklyHours", "37");
        staff.put("nickname", "Pat");
        ValidationReport report = contract.validator.validateResponse("/api/v1/staff/" + pat.id(), Request.Method.GET,
                SimpleResponse.Builder.ok().withContentType(JSON).withBody(Api.JSON.writeValueAsString(staff)).build());
        String messages = report.getMessages().toString();
        assertTrue(report.hasErrors() && messages.contains("weeklyHours") && messages.contains("nickname"), () -> "Not caught: " + messages);

        var registration = Api.JSON.createObjectNode().put("id", UUID.randomUUID().toString()).put("clientId", "mc_1")
                .put("name", "HR").put("enabled", true).put("createdAt", "2024-01-01T00:00:00Z").put("clientSecret", "s").put("owner", "x");
        registration.putArray("scopes").add("staff.read");
        ValidationReport composed = contract.validator.validateResponse("/api/v1/machine-clients", Request.Method.POST,
                SimpleResponse.Builder.status(201).withContentType(JSON).withBody(registration.toString()).build());
        assertTrue(composed.hasErrors() && composed.getMessages().toString().contains("owner"),
                () -> "An undocumented property in an allOf schema was not caught: " + composed.getMessages());
    }

    // issue 10: measures service
    /** Operations that need no account (or act on credentials given in the body): not a member's request. */
    private static final Set<String> NO_ACCOUNT = Set.of("getHealth", "signIn", "refreshToken", "signOut", "issueClientToken");
    /** What an elected member may call: their own account, the organisation's structure and policy, and aggregates. */
    private static final Set<String> MEMBER_ALLOWED = Set.of(
            "getMe", "listMyActivity",
            "listServices", "listTeams", "getTeam", "listPolicyProfiles", "getPolicyProfile", "getPolicyTemplate", "getOrganisationPolicy",
            "getQuestionnaireResults",
            "getMeasures", "getMeasureSeries", "getMeasureBreakdown",
            // A member's own packs: the examples' ready pack (and its file) is the member's; another's is refused (EvidencePackApiTest).
            "listEvidencePacks", "requestEvidencePack", "getEvidencePack", "downloadEvidencePackFile");
    /**
     * An elected member sees aggregates only (decision 0033): each operation of the contract, sent as its example is
     * but by a member, is refused with 403 unless it is on the allow-list (lists of supervision work too: refused, not
     * answered empty); what the allowed ones answer names no member
     * of staff and carries no id of the organisation's staff or supervision records.
     */
    @TestFactory
    Stream<DynamicTest> anElectedMemberIsRefusedEverythingButAggregatesAndTheirOwnAccount() {
        if (!credentials.containsKey(As.ELECTED_MEMBER)) {
            credentials.put(As.ELECTED_MEMBER, api.token(world.accountOnly(Role.ELECTED_MEMBER).username(), Fixtures.PASSWORD));
        }
        String org = world.org().id();
        List<String> names = fixtures.strings("SELECT CONCAT(CONCAT(given_name, ' '), family_name) FROM staff WHERE organisation_id = ?", org);
        List<String> ids = new ArrayList<>(fixtures.strings("SELECT id FROM staff WHERE organisation_id = ?", org));
        for (String table : List.of("agreement", "supervision_session", "supervision_action", "child", "case_discussion", "case_decision",
                "file_audit", "session_request")) {
            ids.addAll(fixtures.strings("SELECT id FROM " + table + " WHERE organisation_id = ?", org));
        }
        assertTrue(names.size() > 10 && ids.size() > 20, "the examples' world has people and records to look for");
        return examples().entrySet().stream().filter(e -> !NO_ACCOUNT.contains(e.getKey()))
                .map(e -> DynamicTest.dynamicTest(e.getKey() + " as an elected member", () -> {
                    Api.Response r = send(e.getValue(), As.ELECTED_MEMBER).response();
                    if (!MEMBER_ALLOWED.contains(e.getKey())) {
                        assertProblem(e.getKey(), exchange(e.getValue().method(), e.getValue().path(), null, null, null, r), 403);
                        return;
                    }
                    assertTrue(r.status() < 500 && r.status() != 403, () -> e.getKey() + " is allowed to a member but answered " + r);
                    for (String name : names) {
                        assertFalse(r.body().contains(name), () -> e.getKey() + " named " + name + " to a member: " + r);
                    }
                    for (String id : ids) {
                        assertFalse(r.body().contains(id), () -> e.getKey() + " showed a record id to a member: " + r);
                    }
                }));
    }

    // ---- helpers

    /** Who sends a request: a person's bearer token, a machine client's HTTP Basic credentials, or nobody. */
    private enum As { NOBODY, ADMIN, HR, MANAGER, SUPERVISOR, PRACTITIONER, SIGNING_OUT, MACHINE_CLIENT,
        /** issue 9: audit reports - a head of service over the whole organisation. */
        HEAD_OF_SERVICE,
        /** A case-management system's bearer token with case-decisions:read (issue 8). */
        CASE_SYSTEM,
        // issue 9: questionnaire
        // issue 9: sample
        // issue 10: measures service
        ELECTED_MEMBER,
        QA_AUDITOR }

    private static final String JSON = "application/json";
    private static final String FORM = "application/x-www-form-urlencoded";

    /** One request: body is a JSON-able object (or form text); ifMatch is read when the request is sent. */
    private record Example(String method, String path, As as, String contentType, Object body, Supplier<String> ifMatch) {
    }

    /** What was sent (for request validation) and what came back. */
    private record Exchange(String method, String path, Map<String, String> headers, String body, Api.Response response) {
    }

    /** One operation of the contract. */
    private record Op(String id, String method, String template, Operation operation, boolean secured) {
    }

    private static Example get(String path, As as) {
        return new Example("GET", path, as, null, null, null);
    }

    private static Example post(String path, As as, Object body) {
        return new Example("POST", path, as, JSON, body, null);
    }

    private static Example post(String path, As as, Object body, Supplier<String> ifMatch) {
        return new Example("POST", path, as, JSON, body, ifMatch);
    }

    private static Example put(String path, As as, Object body, Supplier<String> ifMatch) {
        return new Example("PUT", path, as, JSON, body, ifMatch);
    }

    private static Example form(String path, As as, String form) {
        return new Example("POST", path, as, FORM, form, null);
    }

    @SafeVarargs
    private static Map<String, Example> table(Map.Entry<String, Example>... entries) {
        Map<String, Example> table = new LinkedHashMap<>();
        for (Map.Entry<String, Example> e : entries) {
            if (table.put(e.getKey(), e.getValue()) != null) {
                throw new IllegalStateException("Two examples for " + e.getKey());
            }
        }
        return table;
    }

    /** The current ETag of a resource, read (as an administrator) when the request is sent. */
    private Supplier<String> etagOf(String path) {
        return etagOf(path, As.ADMIN);
    }

    /** The current ETag, read by a caller who may read the resource (administrators may not read records). */
    private Supplier<String> etagOf(String path, As as) {
        return () -> {
            Api.Response r = api.get(path, credentials.get(as));
            assertEquals(200, r.status(), () -> "GET " + path + " for its ETag: " + r);
            return assertHeader(r, "ETag");
        };
    }

    private String freshRefreshToken(Person person) {
        return api.signIn(person.username(), Fixtures.PASSWORD).get("refreshToken").asText();
    }

    /** Sends an example as the given caller over real HTTP. */
    private Exchange send(Example e, As as) {
        String credential = as == As.NOBODY ? null : credentials.get(as);
        String ifMatch = e.ifMatch() == null ? null : e.ifMatch().get();
        String body = e.body() == null ? null : e.body() instanceof String s ? s : toJson(e.body());
        Api.Response r;
        String authorization;
        if (FORM.equals(e.contentType())) {
            authorization = credential == null ? null : basic(credential);
            r = api.form(e.path(), credential, body);
        } else {
            authorization = credential == null ? null : "Bearer " + credential;
            r = switch (e.method()) {
                case "GET" -> api.get(e.path(), credential);
                case "POST" -> api.post(e.path(), credential, body, ifMatch);
                case "PUT" -> api.put(e.path(), credential, body, ifMatch);
                case "DELETE" -> ifMatch == null ? api.raw("DELETE", e.path(), credential, null, null)
                        : api.raw("DELETE", e.path(), credential, null, null, Map.of("If-Match", ifMatch));
                default -> throw new IllegalArgumentException("No sender for " + e.method());
            };
        }
        Exchange x = exchange(e.method(), e.path(), authorization, e.contentType(), body, r);
        if (ifMatch != null) {
            x.headers().put("If-Match", ifMatch);
        }
        return x;
    }

    private static Exchange exchange(String method, String path, String authorization, String contentType, String body, Api.Response r) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Accept", FORM.equals(contentType) ? JSON : "application/json, application/problem+json");
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Exchange(method, path, headers, body, r);
    }

    /** An error: the documented status, problem+json, and a body valid against the operation's schema for it. */
    private static Exchange assertProblem(Exchange x, int status) {
        return assertProblem(x.method() + " " + x.path(), x, status);
    }

    private static Exchange assertProblem(String label, Exchange x, int status) {
        Api.Response r = x.response();
        assertEquals(status, r.status(), () -> x.method() + " " + x.path() + " should answer " + status + " but answered " + r);
        assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"),
                () -> x.method() + " " + x.path() + " answered " + status + " as " + r.contentType() + ": " + r.body());
        JsonNode problem = r.json();
        assertEquals(status, problem.path("status").asInt(), () -> "The problem's status: " + r.body());
        assertConforms(label, x, false);
        return x;
    }

    /** Validates the response (and, for requests meant to be valid, the request) against openapi.yaml. */
    private static void assertConforms(String label, Exchange x, boolean validateRequest) {
        String path = x.path().contains("?") ? x.path().substring(0, x.path().indexOf('?')) : x.path();
        Request.Method method = Request.Method.valueOf(x.method());
        if (validateRequest) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, path);
            x.headers().forEach(request::withHeader);
            query(x.path()).forEach(request::withQueryParam);
            if (x.body() != null) {
                request.withBody(x.body());
            }
            assertValid(contract.validator.validateRequest(request.build()), label + ": request " + x.method() + " " + x.path(), x.response());
        }
        Api.Response r = x.response();
        SimpleResponse.Builder response = SimpleResponse.Builder.status(r.status());
        r.headers().forEach((name, values) -> {
            if (!name.startsWith(":")) {
                response.withHeader(name, values);
            }
        });
        if (r.contentType() != null) {
            response.withContentType(r.contentType());
        }
        if (r.body() != null && !r.body().isEmpty()) {
            response.withBody(r.body());
        }
        assertValid(contract.validator.validateResponse(path, method, response.build()), label + ": response to " + x.method() + " " + x.path(), r);
    }

    private static void assertValid(ValidationReport report, String what, Api.Response r) {
        if (report.hasErrors()) {
            String messages = report.getMessages().stream()
                    .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                    .map(m -> "  - [" + m.getKey() + "] " + m.getMessage()
                            + m.getNestedMessages().stream().map(n -> "\n      " + n.getMessage()).collect(Collectors.joining()))
                    .collect(Collectors.joining("\n"));
            fail(what + " violates openapi.yaml:\n" + messages + "\n  status " + r.status() + ", Content-Type " + r.contentType()
                    + ", body " + abbreviate(r.body()));
        }
    }

    private static Map<String, List<String>> query(String pathAndQuery) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        int q = pathAndQuery.indexOf('?');
        if (q >= 0) {
            for (String pair : pathAndQuery.substring(q + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                params.computeIfAbsent(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), k -> new ArrayList<>())
                        .add(kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return params;
    }

    private static String assertHeader(Api.Response r, String name) {
        String value = r.header(name);
        assertNotNull(value, () -> "No " + name + " header in " + r.headers());
        return value;
    }

    private static String basic(String idAndSecret) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString(idAndSecret.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> staffCreate(String teamId, String supervisorId) {
        Map<String, Object> body = staffFields("Cara", "Created");
        body.put("teamId", teamId);
        if (supervisorId != null) {
            body.put("supervisorId", supervisorId);
        }
        return body;
    }

    private static Map<String, Object> staffFields(String given, String family) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("externalRef", Fixtures.unique("HR"));
        body.put("givenName", given);
        body.put("familyName", family);
        body.put("email", Fixtures.unique(given.toLowerCase()) + "@test.example");
        body.put("jobTitle", "Senior Social Worker");
        body.put("category", "REGISTERED_SOCIAL_WORKER");
        body.put("employmentType", "PERMANENT");
        body.put("weeklyHours", 37.5);
        body.put("employmentStartDate", "2020-01-06");
        body.put("postStartDate", "2022-04-01");
        body.put("carriesCaseload", true);
        body.put("caseloadSize", 18);
        return body;
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/London")).toString();
    }

    private static String toJson(Object body) {
        try {
            return Api.JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 2000 ? s.substring(0, 2000) + "..." : s;
    }

    /** openapi.yaml, parsed once: its operations and a validator for interactions with them. */
    private static final class Contract {
        final OpenAPI api;
        final Map<String, Op> operations = new TreeMap<>();
        final OpenApiInteractionValidator validator;
        final SchemaValidator problemValidator;

        private Contract(Path file) {
            api = new OpenAPIV3Parser().read(file.toString());
            assertNotNull(api, "Could not parse " + file);
            List<SecurityRequirement> global = api.getSecurity() == null ? List.of() : api.getSecurity();
            api.getPaths().forEach((template, item) -> item.readOperationsMap().forEach((method, operation) -> {
                List<SecurityRequirement> security = operation.getSecurity() == null ? global : operation.getSecurity();
                boolean secured = !security.isEmpty() && security.stream().noneMatch(Map::isEmpty);
                Op op = new Op(operation.getOperationId(), method.name(), template, operation, secured);
                assertNotNull(op.id(), () -> method + " " + template + " has no operationId");
                assertFalse(operations.containsKey(op.id()), () -> "operationId " + op.id() + " is used twice");
                operations.put(op.id(), op);
            }));
            // Combinators resolved: allOf members are merged into one schema before validation, so undocumented
            // properties are still errors for composed schemas (StaffCreate, MachineClientRegistration); see the
            // validator's FAQ on allOf and additionalProperties.
            validator = OpenApiInteractionValidator.createForSpecificationUrl(file.toUri().toString())
                    .withResolveRefs(true).withResolveCombinators(true).build();
            problemValidator = new SchemaValidator(api, new MessageResolver());
        }

        static Contract load() {
            Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
            for (Path d = dir; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve("openapi.yaml"))) {
                    return new Contract(d.resolve("openapi.yaml"));
                }
            }
            throw new IllegalStateException("No openapi.yaml in " + dir + " or above");
        }

        /** The operationId a concrete method and path (query ignored) address, or null. */
        String operationAt(String method, String pathAndQuery) {
            String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
            return operations.values().stream()
                    .filter(op -> op.method().equals(method) && path.matches(op.template().replaceAll("\\{[^/}]+}", "[^/]+")))
                    .map(Op::id).findFirst().orElse(null);
        }
    }
}

package uk.supervision.support;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World.Person;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Every create that takes an Idempotency-Key (read from openapi.yaml, so a new one is held to it) answers a
 * resend with {@code Idempotent-Replayed: true} and the first result; the first request does not carry it.
 * And the other half of the client/server agreement on preconditions: {@code If-Match: *} is refused with a
 * 428 that says to send the real ETag, and changes nothing (decision 0018).
 */
@MicronautTest(transactional = false)
class ReplayedHeaderApiTest extends ApiTest {
    // issue 10: evidence packs - creates made in the background answer 202 Accepted
    private static final java.util.Set<String> ACCEPTED = java.util.Set.of("requestEvidencePack");

    @Test
    void everyCreateWithAnIdempotencyKeySaysWhenItWasReplayed() {
        Person admin = world.accountOnly(Role.ADMIN);
        Person sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR);
        Person pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        Person kim = world.person(world.teamA1(), "Kim", Role.PRACTITIONER);
        world.supervise(sam.staff(), pat.staff());
        world.supervise(sam.staff(), kim.staff());
        String adminToken = api.token(admin.username(), Fixtures.PASSWORD);
        String supervisor = api.token(sam.username(), Fixtures.PASSWORD);
        String service = api.post("/api/v1/services", adminToken, Map.of("name", "Early Help")).json().get("id").asText();
        String active = fixtures.agreement(world.org(), pat.staff(), sam.staff(), "ACTIVE");
        String held = api.post("/api/v1/sessions", supervisor, plan(pat, 1)).json().get("items").get(0).get("id").asText();
        assertEquals(200, api.post("/api/v1/sessions/" + held + "/held", supervisor, Map.of("actualMinutes", 90),
                api.get("/api/v1/sessions/" + held, supervisor).header("ETag")).status());

        Map<String, Create> creates = new LinkedHashMap<>();
        creates.put("createService", new Create("/api/v1/services", adminToken, Map.of("name", "Fostering")));
        creates.put("createTeam", new Create("/api/v1/teams", adminToken, Map.of("serviceId", service, "name", "Hub North")));
        creates.put("createStaff", new Create("/api/v1/staff", adminToken, staff()));
        creates.put("createSupervisionRelation", new Create("/api/v1/supervision-relations", adminToken,
                Map.of("supervisorId", sam.id(), "superviseeId", lee.id(), "fromDate", LocalDate.now().toString())));
        creates.put("createAgreement", new Create("/api/v1/agreements", supervisor, agreement(kim)));
        creates.put("reviewAgreement", new Create("/api/v1/agreements/" + active + "/reviews", supervisor, null));
        creates.put("planSessions", new Create("/api/v1/sessions", supervisor, plan(pat, 2)));
        creates.put("addRecordNote", new Create("/api/v1/sessions/" + held + "/record/notes", supervisor,
                Map.of("kind", "COMMENT", "text", "Agreed next steps.")));
        creates.put("createAction", new Create("/api/v1/actions", supervisor, Map.of("superviseeId", pat.id(), "ownerId", pat.id(),
                "text", "Update the chronology", "dueDate", LocalDate.now().plusWeeks(2).toString())));
        String practitioner = api.token(pat.username(), Fixtures.PASSWORD);
        creates.put("requestSession", new Create("/api/v1/session-requests", practitioner, Map.of("reason", "A hard visit")));
        creates.put("proposeAgendaItem", new Create("/api/v1/staff/" + pat.id() + "/next-agenda-items", practitioner,
                Map.of("text", "My caseload weighting")));
        // issue 8: a management decision about a child allocated to Pat
        String child = java.util.UUID.randomUUID().toString();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at)"
                + " VALUES (?, ?, 'Kai Child', ?, ?, 1, ?, ?)", child, world.org().id(), Fixtures.unique("CMS"), pat.id(), now, now);
        creates.put("recordManagementDecision", new Create("/api/v1/case-decisions", supervisor,
                Map.of("childId", child, "decision", "Convene a strategy meeting", "rationale", "New information from school")));
        creates.put("createChild", new Create("/api/v1/children", supervisor, Map.of("name", "Amelia Brown",
                "caseNumber", Fixtures.unique("PRN"), "allocatedWorkerId", pat.id())));
        String childId = uk.supervision.support.Ids.newId();
        java.sql.Timestamp childAddedAt = java.sql.Timestamp.from(java.time.Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Ben Brown', ?, ?, 1, ?, ?)", childId, world.org().id(), Fixtures.unique("PRN"), pat.id(), childAddedAt, childAddedAt);
        creates.put("createCaseDiscussion", new Create("/api/v1/case-discussions", practitioner, Map.of("childId", childId)));
        // issue 9: audits (a QA auditor audits Pat's file; Sam is the supervisor audited)
        String auditor = api.token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR).username(), Fixtures.PASSWORD);
        creates.put("createAudit", new Create("/api/v1/audits", auditor, Map.of("superviseeId", pat.id(), "kind", "AD_HOC")));
        // issue 9: questionnaire - Pat answers a Part 2 questionnaire; a QA auditor sends a round to team A2
        String invitation = java.util.UUID.randomUUID().toString();
        java.time.Instant issued = java.time.Instant.now();
        fixtures.execute("INSERT INTO questionnaire_invitation (id, organisation_id, invitee_staff_id, supervisor_id, team_id, service_id, template_id, "
                        + "audit_id, round_id, issued_at, expires_at, reminded_at, answered_at, version) VALUES (?, ?, ?, ?, ?, ?, (SELECT t.id FROM "
                        + "policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id WHERE p.organisation_id = ? AND t.kind = 'QUESTIONNAIRE' "
                        + "AND t.version = 1), NULL, NULL, ?, ?, NULL, NULL, 0)", invitation, world.org().id(), pat.id(), sam.id(), world.teamA1().id(),
                world.serviceA().id(), world.org().id(), java.sql.Timestamp.from(issued), java.sql.Timestamp.from(issued.plus(java.time.Duration.ofDays(28))));
        java.util.List<Map<String, String>> partTwo = new java.util.ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            partTwo.add(Map.of("key", "s" + i, "value", "GOOD"));
        }
        creates.put("answerQuestionnaire", new Create("/api/v1/questionnaires/" + invitation + "/response", practitioner, Map.of("answers", partTwo)));
        world.supervise(sam.staff(), world.worker(world.teamA2(), "Ria", "Round"));
        String roundAuditor = api.token(world.person(null, "Quentin", Role.QA_AUDITOR).username(), Fixtures.PASSWORD);
        creates.put("issueQuestionnaireRound", new Create("/api/v1/questionnaire-rounds", roundAuditor,
                Map.of("teamId", world.teamA2().id(), "expiresOn", LocalDate.now(java.time.ZoneId.of("Europe/London")).plusDays(14).toString())));
        // issue 9: sample - this quarter's sample, drawn by a quality assurance auditor
        Person quinn = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        creates.put("drawAuditSample", new Create("/api/v1/audit-samples", api.token(quinn.username(), Fixtures.PASSWORD),
                Map.of("quarter", uk.supervision.audit.Quarter.of(LocalDate.now(java.time.ZoneId.of("Europe/London"))).toString(), "size", 1)));
        // issue 10: evidence packs - asked for by a manager; answered 202 (made in the background), not 201
        creates.put("requestEvidencePack", new Create("/api/v1/evidence-packs", api.token(world.person(world.teamA1(), "Meg",
                Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD), Map.of("scope", "SERVICE", "scopeId", world.serviceA().id(),
                "from", java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).toString(),
                "to", java.time.YearMonth.now(java.time.ZoneId.of("Europe/London")).toString())));

        assertEquals(new TreeSet<>(creates.keySet()), idempotentOperations(), "every create with an Idempotency-Key is tried here");
        creates.forEach((operation, create) -> {
            String key = Fixtures.unique(operation);
            Api.Response first = create.send(api, key);
            assertEquals(ACCEPTED.contains(operation) ? 202 : 201, first.status(), operation + ": " + first.body());
            assertNull(first.header("Idempotent-Replayed"), operation + ": the first request was not a replay");
            Api.Response again = create.send(api, key);
            assertEquals(ACCEPTED.contains(operation) ? 202 : 201, again.status(), operation + ": " + again.body());
            assertEquals("true", again.header("Idempotent-Replayed"), operation + " says it replayed");
            assertEquals(first.json().get("id"), again.json().get("id"), operation + " returns what the first made");
        });
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisee_id = ?", lee.id()), "one relation");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM service WHERE name = 'Fostering' AND organisation_id = ?",
                world.org().id()), "one service");
    }

    @Test
    void ifMatchStarIsRefusedAsNoPreconditionAndChangesNothing() {
        Person sam = world.person(world.teamA1(), "Sam", Role.SUPERVISOR);
        Person pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        world.supervise(sam.staff(), pat.staff());
        String supervisor = api.token(sam.username(), Fixtures.PASSWORD);
        String id = api.post("/api/v1/sessions", supervisor, plan(pat, 1)).json().get("items").get(0).get("id").asText();
        String url = "/api/v1/sessions/" + id;

        Api.Response star = api.post(url + "/postponement", supervisor, Map.of("reason", "Court"), "*");
        assertEquals(428, star.status(), star.body());
        assertEquals("application/problem+json", star.contentType());
        assertEquals(true, star.json().get("detail").asText().contains("If-Match: * is not accepted"), star.body());
        assertEquals("PLANNED", fixtures.strings("SELECT status FROM supervision_session WHERE id = ?", id).get(0), "nothing changed");

        Api.Response real = api.post(url + "/postponement", supervisor, Map.of("reason", "Court"), api.get(url, supervisor).header("ETag"));
        assertEquals(200, real.status(), "the real ETag works: " + real.body());
    }

    private record Create(String path, String token, Object body) {
        Api.Response send(Api api, String key) {
            return api.raw("POST", path, token, body == null ? null : "application/json", body == null ? null : Api.json(body),
                    Map.of("Idempotency-Key", key));
        }
    }

    private static TreeSet<String> idempotentOperations() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI contract = new OpenAPIV3Parser().read(contract().toString(), null, options);
        TreeSet<String> out = new TreeSet<>();
        for (PathItem item : contract.getPaths().values()) {
            item.readOperations().forEach(op -> {
                if (op.getParameters() != null && op.getParameters().stream().anyMatch(p -> "Idempotency-Key".equals(p.getName()))) {
                    out.add(op.getOperationId());
                }
            });
        }
        return out;
    }

    private static Path contract() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("openapi.yaml"))) {
                return d.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("No openapi.yaml above " + System.getProperty("user.dir"));
    }

    private Map<String, Object> staff() {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", "Ada");
        body.put("familyName", "Once");
        body.put("email", Fixtures.unique("ada") + "@test.example");
        body.put("jobTitle", "Social Worker");
        body.put("category", "REGISTERED_SOCIAL_WORKER");
        body.put("employmentType", "PERMANENT");
        body.put("weeklyHours", 37);
        body.put("employmentStartDate", LocalDate.now().minusYears(1).toString());
        body.put("postStartDate", LocalDate.now().minusYears(1).toString());
        body.put("carriesCaseload", true);
        body.put("caseloadSize", 8);
        body.put("teamId", world.teamA1().id());
        return body;
    }

    private static Map<String, Object> plan(Person supervisee, int count) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", List.of(supervisee.id()));
        body.put("date", LocalDate.now().toString());
        body.put("startTime", "00:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3, Civic Centre");
        body.put("count", count);
        return body;
    }

    private static Map<String, Object> agreement(Person supervisee) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("superviseeId", supervisee.id());
        body.put("intervalWeeks", 4);
        body.put("durationMinutes", 90);
        body.put("location", "Team room");
        body.put("escalationPeriod", "P6W");
        body.put("answers", List.of(Map.of("key", "purpose", "text", "Accountable, reflective practice and support.")));
        return body;
    }
}

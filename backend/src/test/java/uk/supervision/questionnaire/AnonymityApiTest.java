package uk.supervision.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise of DOMAIN section 8: aggregates only for groups of at least the minimum (5), no group shown that a
 * shown group could be subtracted from, only ended quarters, and the one individual answer for QA auditors only.
 *
 * <p>Last quarter's answers: team A1 (supervisor Priya) 4; team A2 (supervisor Quinn) 6; team B1 (supervisor Rosa) 5.
 * Directorate 15, service A 10, service B 5.
 */
@MicronautTest(transactional = false)
class AnonymityApiTest extends ApiTest {
    @Inject
    QuestionnaireInvitations invitations;

    World.Person priya;
    World.Person quinn;
    World.Person rosa;
    Quarter last;

    @BeforeEach
    void answersOfLastQuarter() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        quinn = world.person(world.teamA2(), "Quinn", Role.SUPERVISOR, Role.PRACTITIONER);
        rosa = world.person(world.teamB1(), "Rosa", Role.SUPERVISOR, Role.PRACTITIONER);
        last = Quarter.of(AuditRows.today()).previous();
        for (int i = 0; i < 4; i++) {
            response(priya.staff(), "GOOD");
        }
        for (int i = 0; i < 6; i++) {
            response(quinn.staff(), "SATISFACTORY");
        }
        for (int i = 0; i < 5; i++) {
            response(rosa.staff(), i < 3 ? "VERY_GOOD" : "POOR");
        }
    }

    /** One anonymous response of last quarter about this supervisor, in their team: s1 as given, the rest Good. */
    void response(Staff supervisor, String s1) {
        String id = UUID.randomUUID().toString();
        String template = fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = 'QUESTIONNAIRE' ORDER BY t.version DESC", world.org().id());
        fixtures.execute("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, "
                + "audit_id, comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, NULL)", id, world.org().id(), template, last.toString(),
                supervisor.id(), supervisor.teamId(), supervisor.serviceId());
        for (String key : QuestionnaireApiTest.KEYS) {
            String value = key.equals("s1") ? s1 : "GOOD";
            fixtures.execute("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, ?, ?)", id, key,
                    List.of("VERY_GOOD", "GOOD", "SATISFACTORY", "POOR", "VERY_POOR").indexOf(value) + 1);
        }
    }

    Map<String, JsonNode> results(String token) {
        Api.Response r = api.get("/api/v1/questionnaire-results?quarter=" + last, token);
        assertEquals(200, r.status(), r.body());
        assertEquals(5, r.json().get("minimumGroupSize").asInt());
        assertEquals(9, r.json().get("statements").size());
        Map<String, JsonNode> out = new HashMap<>();
        r.json().get("groups").forEach(g -> out.put(g.get("level").asText() + ":" + (g.has("id") ? g.get("id").asText() : "")
                + (g.get("level").asText().equals("SUPERVISOR") ? "@" + g.get("parentId").asText() : ""), g));
        return out;
    }

    String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    static void shown(JsonNode g, int respondents) {
        assertFalse(g.get("suppressed").asBoolean(), g.toString());
        assertEquals(respondents, g.get("respondents").asInt(), g.toString());
        assertEquals(9, g.get("statements").size());
    }

    static void suppressed(JsonNode g, String because) {
        assertTrue(g.get("suppressed").asBoolean(), g.toString());
        assertEquals(because, g.get("suppressedBecause").asText(), g.toString());
        assertFalse(g.has("respondents"), "no count: " + g);
        assertEquals(0, g.get("statements").size(), "no counts: " + g);
    }

    @Test
    void groupsOfFourAreSuppressedGroupsOfFiveShownWithExactCountsAndNoDifferenceShown() {
        World.Person qa = world.person(null, "Audrey", Role.QA_AUDITOR);
        Map<String, JsonNode> all = results(token(qa));
        String a1 = world.teamA1().id();
        String a2 = world.teamA2().id();
        String b1 = world.teamB1().id();
        assertEquals(9, all.size(), "the directorate, two services, three teams, three supervisors: " + all.keySet());
        shown(all.get("DIRECTORATE:"), 15);
        shown(all.get("SERVICE:" + world.serviceA().id()), 10);
        shown(all.get("SERVICE:" + world.serviceB().id()), 5);
        // Size 4: suppressed.
        suppressed(all.get("TEAM:" + a1), "FEWER_THAN_MINIMUM");
        suppressed(all.get("SUPERVISOR:" + priya.id() + "@" + a1), "FEWER_THAN_MINIMUM");
        // Size 6 inside service A of 10: 10 - 6 = 4 would give team A1's answers away.
        suppressed(all.get("TEAM:" + a2), "DIFFERENCING");
        suppressed(all.get("SUPERVISOR:" + quinn.id() + "@" + a2), "DIFFERENCING");
        // Size 5: shown, with the exact counts.
        JsonNode rosaGroup = all.get("SUPERVISOR:" + rosa.id() + "@" + b1);
        shown(rosaGroup, 5);
        shown(all.get("TEAM:" + b1), 5);
        JsonNode s1 = rosaGroup.get("statements").get(0);
        assertEquals("s1", s1.get("key").asText());
        assertEquals(List.of(3, 0, 0, 2, 0), List.of(s1.get("veryGood").asInt(), s1.get("good").asInt(), s1.get("satisfactory").asInt(),
                s1.get("poor").asInt(), s1.get("veryPoor").asInt()));
        JsonNode directorateS2 = all.get("DIRECTORATE:").get("statements").get(1);
        assertEquals(15, directorateS2.get("good").asInt());
        JsonNode serviceAS1 = all.get("SERVICE:" + world.serviceA().id()).get("statements").get(0);
        assertEquals(List.of(0, 4, 6), List.of(serviceAS1.get("veryGood").asInt(), serviceAS1.get("good").asInt(), serviceAS1.get("satisfactory").asInt()));
    }

    @Test
    void eachCallerSeesTheirPartOfTheSameDecision() {
        World.Person manager = world.person(null, "Mo", Role.SERVICE_MANAGER);
        Map<String, JsonNode> sm = results(token(manager));
        assertEquals(6, sm.size(), "the directorate, service A, its two teams and two supervisors: " + sm.keySet());
        assertFalse(sm.containsKey("SERVICE:" + world.serviceB().id()));
        suppressed(sm.get("TEAM:" + world.teamA2().id()), "DIFFERENCING");

        Map<String, JsonNode> own = results(token(rosa));
        assertEquals(2, own.size(), own.keySet().toString());
        shown(own.get("SUPERVISOR:" + rosa.id() + "@" + world.teamB1().id()), 5);
        Map<String, JsonNode> priyas = results(token(priya));
        assertEquals(2, priyas.size());
        suppressed(priyas.get("SUPERVISOR:" + priya.id() + "@" + world.teamA1().id()), "FEWER_THAN_MINIMUM");

        Map<String, JsonNode> member = results(token(world.accountOnly(Role.ELECTED_MEMBER)));
        assertEquals(3, member.size(), "the directorate and the services only: " + member.keySet());
        member.values().forEach(g -> assertTrue(List.of("DIRECTORATE", "SERVICE").contains(g.get("level").asText())));

        for (World.Person refused : List.of(world.person(world.teamA1(), "Pat", Role.PRACTITIONER), world.person(null, "Hari", Role.HR),
                world.accountOnly(Role.ADMIN))) {
            assertEquals(403, api.get("/api/v1/questionnaire-results?quarter=" + last, token(refused)).status());
        }
    }

    @Test
    void theCurrentQuarterIsNotShown() {
        World.Person qa = world.person(null, "Audrey", Role.QA_AUDITOR);
        Api.Response r = api.get("/api/v1/questionnaire-results?quarter=" + Quarter.of(AuditRows.today()), token(qa));
        assertEquals(422, r.status(), r.body());
        assertEquals("/quarter", r.json().get("errors").get(0).get("pointer").asText());
        assertEquals(422, api.get("/api/v1/questionnaire-results?quarter=" + Quarter.of(AuditRows.today()).next(), token(qa)).status());
    }

    @Test
    void theIndividualAnswerLinkedToAnAuditIsForQualityAssuranceOnly() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        World.Person qa = world.person(null, "Audrey", Role.QA_AUDITOR);
        // The audit's own auditor here is a service manager, not a QA auditor.
        World.Person managerAuditor = world.person(null, "Mo", Role.SERVICE_MANAGER);
        String audit = AuditRows.completed(fixtures, world, sam.staff(), priya.staff(), managerAuditor, AuditRows.today(),
                Map.of("q4", 1, "q8", 2, "q9", 5, "q3", 3, "q5", 4, "q12", 1));
        String invitation = invitations.issueForAudit(world.org().id(), audit, sam.id(), priya.id(), world.teamA1().id(),
                world.serviceA().id(), Instant.now());
        List<Map<String, String>> answers = new ArrayList<>();
        for (String key : QuestionnaireApiTest.KEYS) {
            answers.add(Map.of("key", key, "value", key.equals("s1") ? "VERY_POOR" : key.equals("s3") ? "VERY_GOOD" : "SATISFACTORY"));
        }
        Api.Response answered = api.post("/api/v1/questionnaires/" + invitation + "/response", token(sam),
                Map.of("answers", answers, "comment", "Only quality assurance reads this"));
        assertEquals(201, answered.status(), answered.body());

        for (World.Person refused : List.of(priya, managerAuditor, world.person(null, "Hal", Role.HEAD_OF_SERVICE), sam)) {
            assertEquals(403, api.get("/api/v1/audits/" + audit + "/questionnaire-answer", token(refused)).status());
            assertEquals(403, api.get("/api/v1/audits/" + audit + "/cross-check", token(refused)).status());
        }
        Api.Response sheet = api.get("/api/v1/audits/" + audit + "/questionnaire-answer", token(qa));
        assertEquals(200, sheet.status(), sheet.body());
        assertEquals("Only quality assurance reads this", sheet.json().get("comment").asText());
        assertEquals("VERY_POOR", sheet.json().get("answers").get(0).get("value").asText());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'questionnaire_answer' AND entity_id = ?", audit));

        // Cross-check: Q4 Excellent (1) against statement 1 Very poor disagrees; Q9 Poor (5) against statement 3 Very good disagrees;
        // Q9 against statement 4 (Satisfactory) does not.
        JsonNode check = api.get("/api/v1/audits/" + audit + "/cross-check", token(qa)).json();
        assertTrue(check.get("answered").asBoolean());
        assertEquals(8, check.get("pairs").size());
        assertEquals(2, check.get("disagreements").asInt(), check.toString());
        JsonNode first = check.get("pairs").get(0);
        assertEquals(List.of("q4", "4", "s1", "1", "VERY_POOR", "true"), List.of(first.get("questionKey").asText(), first.get("questionNumber").asText(),
                first.get("statementKey").asText(), first.get("rating").asText(), first.get("answer").asText(), first.get("disagrees").asText()));

        Api.Response perService = api.get("/api/v1/audit-disagreements?quarter=" + Quarter.of(AuditRows.today()), token(qa));
        assertEquals(200, perService.status(), perService.body());
        JsonNode services = perService.json().get("services");
        assertEquals(1, services.size());
        assertEquals(world.serviceA().id(), services.get(0).get("service").get("id").asText());
        assertEquals(List.of(1, 1, 2), List.of(services.get(0).get("auditsWithAnswers").asInt(), services.get(0).get("auditsDisagreeing").asInt(),
                services.get(0).get("disagreements").asInt()));
        assertEquals(403, api.get("/api/v1/audit-disagreements?quarter=" + Quarter.of(AuditRows.today()), token(priya)).status());
    }
}

package uk.supervision.questionnaire;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No operation tells anyone but a quality assurance auditor who answered the Part 2 questionnaire or what
 * (DOMAIN section 8). After a supervisee answered the questionnaire an audit issued, EVERY read operation of
 * openapi.yaml (enumerated from the contract, so operations added later are included) is called by each caller who
 * is not a QA auditor, with the path ids of this world: no body carries the response's id, the comment, or the
 * supervisee's invitation marked answered.
 */
@MicronautTest(transactional = false)
class RespondentIdentityTest extends ApiTest {
    static final String COMMENT = "Unique Part 2 comment " + UUID.randomUUID();

    @Inject
    QuestionnaireInvitations invitations;

    @Test
    void noReadOperationGivesTheRespondentAwayToAnyoneButQualityAssurance() throws Exception {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        World.Person peer = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        World.Person manager = world.person(null, "Meg", Role.SERVICE_MANAGER);
        World.Person head = world.person(null, "Hal", Role.HEAD_OF_SERVICE);
        World.Person hr = world.person(null, "Hana", Role.HR);
        World.Person qa = world.person(null, "Quin", Role.QA_AUDITOR);
        World.Person member = world.accountOnly(Role.ELECTED_MEMBER);
        World.Person admin = world.accountOnly(Role.ADMIN);
        world.supervise(priya.staff(), sam.staff());
        world.supervise(priya.staff(), peer.staff());
        world.supervise(manager.staff(), priya.staff());

        String audit = AuditRows.completed(fixtures, world, sam.staff(), priya.staff(), qa, AuditRows.today(),
                Map.of("q4", 2, "q8", 2, "q9", 2, "q3", 2, "q5", 2, "q12", 2));
        String invitation = invitations.issueForAudit(world.org().id(), audit, sam.id(), priya.id(), world.teamA1().id(),
                world.serviceA().id(), Instant.now());
        List<Map<String, String>> answers = new ArrayList<>();
        QuestionnaireApiTest.KEYS.forEach(k -> answers.add(Map.of("key", k, "value", "POOR")));
        Api.Response answered = api.post("/api/v1/questionnaires/" + invitation + "/response", api.token(sam.username(), Fixtures.PASSWORD),
                Map.of("answers", answers, "comment", COMMENT));
        assertEquals(201, answered.status(), answered.body());
        String response = fixtures.string("SELECT id FROM questionnaire_response WHERE audit_id = ?", audit);
        assertNotNull(response);

        Map<String, String> ids = new HashMap<>();
        ids.put("auditId", audit);
        ids.put("invitationId", invitation);
        ids.put("staffId", sam.id());
        ids.put("teamId", world.teamA1().id());
        ids.put("serviceId", world.serviceA().id());
        ids.put("sessionId", fixtures.session(world.org(), sam.staff(), priya.staff()));
        ids.put("agreementId", fixtures.agreement(world.org(), sam.staff(), priya.staff(), "DRAFT"));
        ids.put("actionId", fixtures.action(world.org(), sam.staff()));
        ids.put("accountId", sam.account().id());
        ids.put("profileId", fixtures.string("SELECT MIN(id) FROM policy_profile"));
        ids.put("templateId", fixtures.string("SELECT template_id FROM questionnaire_invitation WHERE id = ?", invitation));
        ids.put("quarter", Quarter.of(AuditRows.today()).toString());
        ids.put("personId", sam.id());
        ids.put("superviseeId", sam.id());
        ids.put("supervisorId", priya.id());

        List<String> reads = reads(ids);
        assertTrue(reads.size() > 40, "every read of the contract: " + reads.size());
        assertTrue(reads.contains("/api/v1/audits/" + audit + "/questionnaire-answer"));
        assertTrue(reads.stream().anyMatch(p -> p.startsWith("/api/v1/questionnaire-results")));

        Map<String, World.Person> callers = new LinkedHashMap<>();
        callers.put("supervisor", priya);
        callers.put("service manager", manager);
        callers.put("head of service", head);
        callers.put("elected member", member);
        callers.put("HR", hr);
        callers.put("administrator", admin);
        callers.put("peer", peer);
        int answeredCalls = 0;
        for (Map.Entry<String, World.Person> caller : callers.entrySet()) {
            String token = api.token(caller.getValue().username(), Fixtures.PASSWORD);
            for (String path : reads) {
                Api.Response r = api.get(path, token);
                String body = r.body() == null ? "" : r.body();
                String who = caller.getKey() + " GET " + path + " (" + r.status() + ")";
                assertTrue(!body.contains(response), who + " returned the response's id");
                assertTrue(!body.contains(COMMENT), who + " returned the comment");
                assertTrue(!body.contains("answeredAt"), who + " returned when someone answered");
                assertTrue(!(body.contains(invitation) && body.contains("ANSWERED")), who + " returned the invitation as answered");
                answeredCalls += r.status() / 100 == 2 ? 1 : 0;
            }
        }
        assertTrue(answeredCalls > 50, "most reads answered someone: " + answeredCalls);

        // The scan sees it where it is: quality assurance gets the answer and who answered.
        String qaToken = api.token(qa.username(), Fixtures.PASSWORD);
        Api.Response sheet = api.get("/api/v1/audits/" + audit + "/questionnaire-answer", qaToken);
        assertEquals(200, sheet.status(), sheet.body());
        assertTrue(sheet.body().contains(COMMENT));
        Api.Response list = api.get("/api/v1/questionnaire-invitations", qaToken);
        assertTrue(list.body().contains(invitation) && list.body().contains("ANSWERED"), list.body());
    }

    /** Every GET of the contract, with path and required query parameters filled from this world (a random id otherwise). */
    static List<String> reads(Map<String, String> ids) throws Exception {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        OpenAPI contract = new OpenAPIV3Parser().read(contract().toString(), null, options);
        List<String> out = new ArrayList<>();
        contract.getPaths().forEach((template, item) -> {
            Operation get = item.getGet();
            if (get == null || !template.startsWith("/api/")) {
                return;
            }
            List<Parameter> parameters = new ArrayList<>();
            if (item.getParameters() != null) {
                parameters.addAll(item.getParameters());
            }
            if (get.getParameters() != null) {
                parameters.addAll(get.getParameters());
            }
            String path = template;
            List<String> query = new ArrayList<>();
            for (Parameter p : parameters) {
                Parameter param = p.get$ref() != null ? contract.getComponents().getParameters().get(p.get$ref().substring(p.get$ref().lastIndexOf('/') + 1)) : p;
                String value = ids.getOrDefault(param.getName(), UUID.randomUUID().toString());
                if ("path".equals(param.getIn())) {
                    path = path.replace("{" + param.getName() + "}", value);
                } else if ("query".equals(param.getIn()) && (Boolean.TRUE.equals(param.getRequired()) || ids.containsKey(param.getName()))) {
                    query.add(param.getName() + "=" + value);
                }
            }
            out.add(path + (query.isEmpty() ? "" : "?" + String.join("&", query)));
        });
        return out;
    }

    static Path contract() {
        for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("openapi.yaml"))) {
                return d.resolve("openapi.yaml");
            }
        }
        throw new IllegalStateException("No openapi.yaml above " + System.getProperty("user.dir"));
    }
}

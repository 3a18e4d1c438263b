package uk.supervision.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped policy profiles, in full, and the organisation's adjustments to the one it adopted. */
@MicronautTest(transactional = false)
class PolicyApiTest extends ApiTest {
    String practitioner;

    @BeforeEach
    void signIn() {
        practitioner = api.token(world.person(world.teamA1(), "Pat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
    }

    @Test
    void theThreeProfilesShipWithTheirRulesAndEveryTemplateInFull() {
        Api.Response r = api.get("/api/v1/policy-profiles", practitioner);
        assertEquals(200, r.status(), r.body());
        Map<String, JsonNode> byCode = new HashMap<>();
        r.json().get("items").forEach(p -> byCode.put(p.get("code").asText(), p));
        assertEquals(List.of("CENTRAL_BEDFORDSHIRE_2012", "COVENTRY_2016", "LGA_STANDARD_5"), new ArrayList<>(new java.util.TreeSet<>(byCode.keySet())));

        JsonNode coventry = byCode.get("COVENTRY_2016");
        assertEquals("P4W", coventry.get("rules").get("normalInterval").asText());
        assertEquals("P6W", coventry.get("rules").get("longestInterval").asText());
        assertEquals("P2M", coventry.get("rules").get("breachAfter").asText());
        assertEquals(10, coventry.get("rules").get("minimumSessionsPerYear").asInt());
        Map<String, JsonNode> templates = templates(coventry);
        assertEquals(List.of("AGREEMENT", "SESSION_AGENDA", "CASE_DISCUSSION", "AUDIT", "QUESTIONNAIRE"), kinds(coventry));
        assertEquals(23, templates.get("AGREEMENT").get("items").size(), "version 2: frequency, place, length and escalation asked once, as fields");
        assertEquals(2, templates.get("AGREEMENT").get("version").asInt());
        assertEquals("conflict_agencies_worker", last(templates.get("AGREEMENT")).get("key").asText());
        assertEquals(5, templates.get("SESSION_AGENDA").get("items").size());
        JsonNode audit = templates.get("AUDIT");
        assertEquals(25, audit.get("items").size(), "Q1-Q10, twelve Q11 checklist entries, Q12, Q13a, Q13b");
        assertEquals("MEDIATION", item(audit, "q1").get("function").asText());
        assertEquals("RATING_1_5", item(audit, "q1").get("answerType").asText());
        assertEquals("OVERALL_GRADE", item(audit, "q13a").get("answerType").asText());
        assertEquals(12, audit.get("items").findValues("key").stream().filter(k -> k.asText().startsWith("q11_")).count());
        assertEquals(9, templates.get("QUESTIONNAIRE").get("items").size());
        assertTrue(item(templates.get("QUESTIONNAIRE"), "s4").get("label").asText().contains("feelings are valued"));
        // Version 2 asks the child's view as the structured childVoice block (recommendation 1e, required before
        // signing: CaseDiscussionApiTest), so the template's free-text item asks the parents' or carers' view only.
        JsonNode caseDiscussion = templates.get("CASE_DISCUSSION");
        assertEquals(2, caseDiscussion.get("version").asInt());
        assertFalse(caseDiscussion.get("items").findValues("key").stream().anyMatch(k -> k.asText().equals("child_view")));
        assertFalse(item(caseDiscussion, "parents_view").get("required").asBoolean());
        assertEquals("SAFETY_SCALE", item(caseDiscussion, "safety_scale").get("answerType").asText());

        JsonNode bedfordshire = byCode.get("CENTRAL_BEDFORDSHIRE_2012");
        JsonNode step = bedfordshire.get("rules").get("cadenceSteps").get(0);
        assertEquals("P2W", step.get("interval").asText());
        assertEquals("P4M", step.get("until").asText());
        assertEquals("P8W", bedfordshire.get("rules").get("categoryIntervals").get(0).get("interval").asText());
        assertEquals(12, templates(bedfordshire).get("SESSION_AGENDA").get("items").size());
        assertEquals(11, templates(bedfordshire).get("AGREEMENT").get("items").findValues("answerType").stream()
                .filter(t -> t.asText().equals("CLAUSE")).count(), "BIC 532's eleven clauses");

        JsonNode lga = byCode.get("LGA_STANDARD_5");
        JsonNode steps = lga.get("rules").get("cadenceSteps");
        assertEquals("P1W", steps.get(0).get("interval").asText());
        assertEquals("P6W", steps.get(0).get("until").asText());
        assertEquals("P2W", steps.get(1).get("interval").asText());
        assertEquals("P6M", steps.get(1).get("until").asText());
        assertEquals("P1M", lga.get("rules").get("normalInterval").asText());

        // issue 9: sample - which file audits each profile schedules
        assertEquals(Map.of("qaSampleQuarterly", true, "serviceManagerMonthly", true, "headOfServiceQuarterly", false),
                Api.JSON.convertValue(coventry.get("rules").get("auditSchedule"), Map.class));
        assertEquals(coventry.get("rules").get("auditSchedule"), lga.get("rules").get("auditSchedule"), "the LGA copy of Coventry's audit tool");
        assertEquals(Map.of("qaSampleQuarterly", false, "serviceManagerMonthly", false, "headOfServiceQuarterly", false),
                Api.JSON.convertValue(bedfordshire.get("rules").get("auditSchedule"), Map.class), "no audit schedule");
        assertEquals(10, coventry.get("rules").get("minimumSessionsPerYear").asInt(), "the other rules are kept");

        Api.Response one = api.get("/api/v1/policy-profiles/" + coventry.get("id").asText(), practitioner);
        assertEquals(coventry, one.json());
        assertEquals(404, api.get("/api/v1/policy-profiles/00000000-0000-7000-8000-000000000999", practitioner).status());
    }

    @Test
    void anAdministratorAdjustsTheOrganisationsRulesWithIfMatch() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response current = api.get("/api/v1/organisation/policy", practitioner);
        assertEquals(200, current.status(), current.body());
        assertEquals("COVENTRY_2016", current.json().get("profile").get("code").asText());
        assertEquals("P4W", current.json().get("effectiveRules").get("normalInterval").asText());
        String profileId = current.json().get("profile").get("id").asText();

        Map<String, Object> change = Map.of("profileId", profileId,
                "overrides", Map.of("normalInterval", "P3W", "suppressionMinimum", 7));
        assertEquals(403, api.put("/api/v1/organisation/policy", practitioner, change, current.header("ETag")).status());
        assertEquals(428, api.put("/api/v1/organisation/policy", admin, change, null).status());
        Api.Response updated = api.put("/api/v1/organisation/policy", admin, change, current.header("ETag"));
        assertEquals(200, updated.status(), updated.body());
        assertEquals("P3W", updated.json().get("effectiveRules").get("normalInterval").asText());
        assertEquals(7, updated.json().get("effectiveRules").get("suppressionMinimum").asInt());
        assertEquals("P6W", updated.json().get("effectiveRules").get("longestInterval").asText(), "untouched rules stay the profile's");
        assertEquals(412, api.put("/api/v1/organisation/policy", admin, change, current.header("ETag")).status());

        Api.Response incoherent = api.put("/api/v1/organisation/policy", admin,
                Map.of("profileId", profileId, "overrides", Map.of("longestInterval", "P2W")), updated.header("ETag"));
        assertEquals(422, incoherent.status());
        assertEquals("/overrides/longestInterval", incoherent.json().get("errors").get(0).get("pointer").asText());
        Api.Response badPeriod = api.put("/api/v1/organisation/policy", admin,
                Map.of("profileId", profileId, "overrides", Map.of("normalInterval", "four weeks")), updated.header("ETag"));
        assertEquals(400, badPeriod.status());
        assertEquals("/overrides/normalInterval", badPeriod.json().get("errors").get(0).get("pointer").asText());

        // issue 9: sample - one audit schedule rule overridden, the others kept
        Api.Response heads = api.put("/api/v1/organisation/policy", admin, Map.of("profileId", profileId,
                "overrides", Map.of("normalInterval", "P3W", "auditSchedule", Map.of("headOfServiceQuarterly", true))), updated.header("ETag"));
        assertEquals(200, heads.status(), heads.body());
        assertEquals(Map.of("qaSampleQuarterly", true, "serviceManagerMonthly", true, "headOfServiceQuarterly", true),
                Api.JSON.convertValue(heads.json().get("effectiveRules").get("auditSchedule"), Map.class));

        // The shipped profile itself is unchanged; another organisation on it still has four weeks.
        World other = fixtures.organisation();
        String otherToken = api.token(other.person(other.teamA1(), "Olly", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals("P4W", api.get("/api/v1/organisation/policy", otherToken).json().get("effectiveRules").get("normalInterval").asText());
        assertEquals("P3W", api.get("/api/v1/organisation/policy", practitioner).json().get("effectiveRules").get("normalInterval").asText());
    }

    private static Map<String, JsonNode> templates(JsonNode profile) {
        Map<String, JsonNode> out = new HashMap<>();
        profile.get("templates").forEach(t -> out.put(t.get("kind").asText(), t));
        return out;
    }

    private static List<String> kinds(JsonNode profile) {
        List<String> out = new ArrayList<>();
        profile.get("templates").forEach(t -> out.add(t.get("kind").asText()));
        return out;
    }

    private static JsonNode item(JsonNode template, String key) {
        for (JsonNode i : template.get("items")) {
            if (i.get("key").asText().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no item " + key);
    }

    private static JsonNode last(JsonNode template) {
        return template.get("items").get(template.get("items").size() - 1);
    }
}

package uk.supervision.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agreement templates (decision 0015): each fact asked once (template version 2), old agreements read with
 * the version they were made with, Coventry's February 2015 Individual Supervision Agreement as a text an
 * organisation chooses, and answers held to their item's scale.
 */
@MicronautTest(transactional = false)
class AgreementTemplateApiTest extends ApiTest {
    static final String COVENTRY_V1 = "00000000-0000-7000-8101-000000000001";
    static final String COVENTRY_V2 = "00000000-0000-7000-8101-000000000201";
    static final String BEDFORDSHIRE_V2 = "00000000-0000-7000-8102-000000000201";
    static final String COVENTRY_2015 = "00000000-0000-7000-8101-000000000301";

    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    String admin;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
    }

    @Test
    void eachFactIsAskedOnceInTheAgreementsOwnFields() {
        JsonNode coventry = template(COVENTRY_V2);
        assertEquals(2, coventry.get("version").asInt());
        assertFalse(keys(coventry).contains("escalation_period"), "asked by the escalationPeriod field");
        assertFalse(keys(coventry).contains("frequency_place_length"), "asked by intervalWeeks, durationMinutes and location");
        assertFalse(sections(coventry).contains("Absence of supervision"));
        assertEquals(23, keys(coventry).size());

        JsonNode bedfordshire = template(BEDFORDSHIRE_V2);
        assertEquals(11, keys(bedfordshire).size(), "BIC 532's eleven clauses; items 12-14 repeated frequency, length and place");
        bedfordshire.get("items").forEach(i -> assertEquals("CLAUSE", i.get("answerType").asText()));

        // New agreements are drafted from version 2, and the retired question is no longer answerable there.
        Api.Response drafted = api.post("/api/v1/agreements", supervisor, body(List.of(Map.of("key", "escalation_period", "text", "P6W"))));
        assertEquals(422, drafted.status(), drafted.body());
        assertEquals("/answers/0/key", drafted.json().get("errors").get(0).get("pointer").asText());
        Api.Response ok = api.post("/api/v1/agreements", supervisor, body(List.of(Map.of("key", "purpose", "text", "Reflective practice"))));
        assertEquals(201, ok.status(), ok.body());
        assertEquals(COVENTRY_V2, ok.json().get("templateId").asText());
        assertEquals("P6W", ok.json().get("escalationPeriod").asText());

        // An organisation on Central Bedfordshire drafts from its version 2 too.
        choose(bedfordshireProfile(), null);
        World.Person ali = world.person(world.teamA1(), "Ali", Role.PRACTITIONER);
        world.supervise(priya.staff(), ali.staff());
        Map<String, Object> forAli = body(List.of());
        forAli.put("superviseeId", ali.id());
        Api.Response bic = api.post("/api/v1/agreements", supervisor, forAli);
        assertEquals(201, bic.status(), bic.body());
        assertEquals(BEDFORDSHIRE_V2, bic.json().get("templateId").asText());
    }

    @Test
    void anAgreementMadeWithVersionOneKeepsItAndItsReviewMovesToTheCurrentVersion() {
        // An agreement drafted before version 2 shipped: version 1 and an answer to its section 6.
        String id = api.post("/api/v1/agreements", supervisor, body(List.of())).json().get("id").asText();
        fixtures.execute("UPDATE agreement SET template_id = ?, answers_json = ? WHERE id = ?", COVENTRY_V1,
                "[{\"key\":\"purpose\",\"text\":\"Support\"},{\"key\":\"escalation_period\",\"text\":\"Six weeks\"}]", id);
        String url = "/api/v1/agreements/" + id;
        Api.Response old = api.get(url, supervisor);
        assertEquals(COVENTRY_V1, old.json().get("templateId").asText());
        JsonNode v1 = template(COVENTRY_V1);
        assertTrue(keys(v1).contains("escalation_period"), "version 1 still reads with its own questions");
        assertEquals("Absence of supervision", item(v1, "escalation_period").get("section").asText());

        // The draft stays on its version: its own questions may still be answered.
        Api.Response changed = api.put(url, supervisor, body(List.of(Map.of("key", "purpose", "text", "Support"),
                Map.of("key", "escalation_period", "text", "Six weeks"),
                Map.of("key", "frequency_place_length", "text", "Monthly, team room, 90 minutes"))), old.header("ETag"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(COVENTRY_V1, changed.json().get("templateId").asText());

        String etag = api.post(url + "/submission", supervisor, null, changed.header("ETag")).header("ETag");
        etag = api.post(url + "/signatures", supervisor, null, etag).header("ETag");
        assertEquals("ACTIVE", api.post(url + "/signatures", supervisee, null, etag).json().get("status").asText());

        // A review is a new record: drafted from version 2, keeping only the answers version 2 still asks.
        Api.Response review = api.post(url + "/reviews", supervisor, null);
        assertEquals(201, review.status(), review.body());
        assertEquals(COVENTRY_V2, review.json().get("templateId").asText());
        assertEquals(List.of(), answerKeys(review.json()).stream().filter(k -> !keys(template(COVENTRY_V2)).contains(k)).toList());
        assertEquals(List.of("purpose"), answerKeys(review.json()));
        assertEquals("P6W", review.json().get("escalationPeriod").asText(), "the fact itself lives in the field");
        assertEquals(COVENTRY_V1, fixtures.string("SELECT template_id FROM agreement WHERE id = ?", id), "the signed version keeps its template");
    }

    @Test
    void anOrganisationChoosesCoventrysFebruary2015AgreementAndItsFixedCommitmentsAreClauses() {
        JsonNode profile = api.get("/api/v1/policy-profiles/00000000-0000-7000-8000-000000000001", admin).json();
        JsonNode offered = null;
        for (JsonNode t : profile.get("alternatives")) {
            if ("INDIVIDUAL_AGREEMENT_2015".equals(t.path("variant").asText())) {
                offered = t;
            }
        }
        assertTrue(offered != null, profile.toString());
        assertEquals(COVENTRY_2015, offered.get("id").asText());
        assertEquals("AGREEMENT", offered.get("kind").asText());

        // Bad choices are refused with a pointer, and nothing changes.
        Api.Response policy = api.get("/api/v1/organisation/policy", admin);
        assertEquals(COVENTRY_V2, policy.json().get("agreementTemplate").get("id").asText());
        assertFalse(policy.json().get("agreementTemplateChosen").asBoolean());
        Map<String, Object> notAnAgreement = update(policy.json(), "00000000-0000-7000-8101-000000000002");
        Api.Response refused = api.put("/api/v1/organisation/policy", admin, notAnAgreement, policy.header("ETag"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("/agreementTemplateId", refused.json().get("errors").get(0).get("pointer").asText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM organisation_policy WHERE organisation_id = ? AND agreement_template_id IS NOT NULL", world.org().id()));
        assertEquals(403, api.put("/api/v1/organisation/policy", supervisor, update(policy.json(), COVENTRY_2015), policy.header("ETag")).status());

        Api.Response chosen = api.put("/api/v1/organisation/policy", admin, update(policy.json(), COVENTRY_2015), policy.header("ETag"));
        assertEquals(200, chosen.status(), chosen.body());
        assertEquals(COVENTRY_2015, chosen.json().get("agreementTemplate").get("id").asText());
        assertEquals("INDIVIDUAL_AGREEMENT_2015", chosen.json().get("agreementTemplate").get("variant").asText());
        assertTrue(chosen.json().get("agreementTemplateChosen").asBoolean());
        assertEquals(COVENTRY_2015, fixtures.string("SELECT agreement_template_id FROM organisation_policy WHERE organisation_id = ?", world.org().id()));

        // Its fixed commitments are clauses, signed and never answered.
        JsonNode isa = template(COVENTRY_2015);
        String all = String.join(" ", labels(isa));
        isa.get("items").forEach(i -> assertEquals("CLAUSE", i.get("answerType").asText(), i.get("key").asText()));
        for (String commitment : List.of("telephone calls during our supervision sessions", "an agenda will be set a few days before",
                "major issues requiring detailed discussion should be put in writing", "independent person through mutual agreement",
                "cannot be resolved will be referred to the line manager")) {
            assertTrue(all.contains(commitment), commitment);
        }

        // Agreements are drafted from it; answering a clause is refused with a pointer to the answer.
        Api.Response answered = api.post("/api/v1/agreements", supervisor, body(List.of(Map.of("key", "clause_venue_interruptions", "text", "Agreed"))));
        assertEquals(422, answered.status(), answered.body());
        assertEquals("/answers/0/text", answered.json().get("errors").get(0).get("pointer").asText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", sam.id()));
        Api.Response drafted = api.post("/api/v1/agreements", supervisor, body(List.of()));
        assertEquals(201, drafted.status(), drafted.body());
        assertEquals(COVENTRY_2015, drafted.json().get("templateId").asText());
        assertEquals(COVENTRY_2015, fixtures.string("SELECT template_id FROM agreement WHERE id = ?", drafted.json().get("id").asText()));

        // A signature block per review: each version is signed by both, and the versions list shows each one's.
        String url = "/api/v1/agreements/" + drafted.json().get("id").asText();
        signByBoth(url, drafted.header("ETag"));
        Api.Response review = api.post(url + "/reviews", supervisor, null);
        assertEquals(COVENTRY_2015, review.json().get("templateId").asText(), "a review stays on the chosen text");
        String reviewUrl = "/api/v1/agreements/" + review.json().get("id").asText();
        signByBoth(reviewUrl, review.header("ETag"));
        JsonNode versions = api.get(reviewUrl + "/versions", supervisee).json().get("items");
        assertEquals(2, versions.size());
        for (JsonNode v : versions) {
            assertEquals(2, v.get("signatures").size(), "version " + v.get("versionNumber"));
        }
        assertTrue(versions.get(0).get("signatures").get(0).get("signedAt").asText()
                .compareTo(versions.get(1).get("signatures").get(0).get("signedAt").asText()) <= 0);
    }

    @Test
    void scaledAnswersCarryTheirOptionsAndAnAnswerOutsideItsScaleIsRefused() {
        // A text with a rating and a yes/no/not applicable item (no shipped agreement text has scales yet).
        String templateId = Ids.newId();
        String variant = Fixtures.unique("SCALED");
        fixtures.execute("INSERT INTO policy_template (id, profile_id, kind, version, title, source, created_at, variant) "
                + "VALUES (?, '00000000-0000-7000-8000-000000000003', 'AGREEMENT', ?, 'Scaled test text', 'test', CURRENT_TIMESTAMP, ?)",
                templateId, 1000 + (int) (System.nanoTime() % 1_000_000_000L), variant.length() > 60 ? variant.substring(0, 60) : variant);
        fixtures.execute("INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required) "
                + "VALUES (?, ?, 1, 'rating', 'Scales', 'How good is it?', NULL, 'RATING_1_5', NULL, FALSE)", Ids.newId(), templateId);
        fixtures.execute("INSERT INTO template_item (id, template_id, position, item_key, section, label, hint, answer_type, function_tag, required) "
                + "VALUES (?, ?, 2, 'on_file', 'Scales', 'Is it on file?', NULL, 'YES_NO_NA', NULL, FALSE)", Ids.newId(), templateId);

        JsonNode template = template(templateId);
        JsonNode rating = item(template, "rating");
        assertEquals(List.of("1", "2", "3", "4", "5"), values(rating));
        assertEquals("1 - Excellent", rating.get("options").get(0).get("label").asText());
        assertEquals("5 - Poor", rating.get("options").get(4).get("label").asText());
        assertEquals(List.of("YES", "NO", "NOT_APPLICABLE"), values(item(template, "on_file")));
        assertEquals("Not applicable", item(template, "on_file").get("options").get(2).get("label").asText());
        JsonNode audit = template("00000000-0000-7000-8101-000000000004");
        assertEquals(List.of("OUTSTANDING", "GOOD", "REQUIRES_IMPROVEMENT", "INADEQUATE"), values(item(audit, "q13a")));
        assertEquals(11, item(template("00000000-0000-7000-8101-000000000003"), "safety_scale").get("options").size(), "0 to 10");
        assertTrue(item(template(COVENTRY_V2), "purpose").path("options").isMissingNode(), "free text has no options");

        Api.Response policy = api.get("/api/v1/organisation/policy", admin);
        assertEquals(200, api.put("/api/v1/organisation/policy", admin, update(policy.json(), templateId), policy.header("ETag")).status());

        Api.Response outside = api.post("/api/v1/agreements", supervisor, body(List.of(
                Map.of("key", "on_file", "text", "YES"), Map.of("key", "rating", "text", "6"))));
        assertEquals(422, outside.status(), outside.body());
        assertEquals("application/problem+json", outside.contentType());
        assertEquals("/answers/1/text", outside.json().get("errors").get(0).get("pointer").asText());
        assertTrue(outside.json().get("errors").get(0).get("message").asText().contains("1 - Excellent"));
        Api.Response words = api.post("/api/v1/agreements", supervisor, body(List.of(Map.of("key", "on_file", "text", "maybe"))));
        assertEquals(422, words.status());
        assertEquals("/answers/0/text", words.json().get("errors").get(0).get("pointer").asText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", sam.id()), "nothing stored");

        Api.Response within = api.post("/api/v1/agreements", supervisor, body(List.of(
                Map.of("key", "rating", "text", "3"), Map.of("key", "on_file", "text", "NOT_APPLICABLE"))));
        assertEquals(201, within.status(), within.body());
        assertEquals(templateId, within.json().get("templateId").asText());
        assertEquals(List.of("rating", "on_file"), answerKeys(within.json()));
    }

    @Test
    void aTemplateVersionIsReadByIdAndAnUnknownOneIsNotFound() {
        assertEquals(200, api.get("/api/v1/policy-templates/" + COVENTRY_V1, supervisee).status());
        Api.Response missing = api.get("/api/v1/policy-templates/00000000-0000-7000-8101-000000009999", supervisee);
        assertEquals(404, missing.status());
        assertEquals("application/problem+json", missing.contentType());
        assertEquals(401, api.get("/api/v1/policy-templates/" + COVENTRY_V1, null).status());
    }

    // ---- helpers

    private void signByBoth(String url, String etag) {
        etag = api.post(url + "/submission", supervisor, null, etag).header("ETag");
        etag = api.post(url + "/signatures", supervisee, null, etag).header("ETag");
        Api.Response active = api.post(url + "/signatures", supervisor, null, etag);
        assertEquals("ACTIVE", active.json().get("status").asText(), active.body());
    }

    private String bedfordshireProfile() {
        return "00000000-0000-7000-8000-000000000002";
    }

    private void choose(String profileId, String agreementTemplateId) {
        Api.Response policy = api.get("/api/v1/organisation/policy", admin);
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("profileId", profileId);
        change.put("overrides", Map.of());
        if (agreementTemplateId != null) {
            change.put("agreementTemplateId", agreementTemplateId);
        }
        Api.Response updated = api.put("/api/v1/organisation/policy", admin, change, policy.header("ETag"));
        assertEquals(200, updated.status(), updated.body());
    }

    private static Map<String, Object> update(JsonNode policy, String agreementTemplateId) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("profileId", policy.get("profile").get("id").asText());
        change.put("overrides", Map.of());
        change.put("agreementTemplateId", agreementTemplateId);
        return change;
    }

    private JsonNode template(String id) {
        Api.Response r = api.get("/api/v1/policy-templates/" + id, supervisee);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private Map<String, Object> body(List<Map<String, String>> answers) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("superviseeId", sam.id());
        body.put("durationMinutes", 90);
        body.put("location", "Team room");
        body.put("escalationPeriod", "P6W");
        body.put("answers", answers);
        return body;
    }

    private static JsonNode item(JsonNode template, String key) {
        for (JsonNode i : template.get("items")) {
            if (i.get("key").asText().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no item " + key);
    }

    private static List<String> keys(JsonNode template) {
        List<String> out = new ArrayList<>();
        template.get("items").forEach(i -> out.add(i.get("key").asText()));
        return out;
    }

    private static List<String> labels(JsonNode template) {
        List<String> out = new ArrayList<>();
        template.get("items").forEach(i -> out.add(i.get("label").asText()));
        return out;
    }

    private static List<String> sections(JsonNode template) {
        List<String> out = new ArrayList<>();
        template.get("items").forEach(i -> out.add(i.get("section").asText()));
        return out;
    }

    private static List<String> values(JsonNode item) {
        List<String> out = new ArrayList<>();
        item.get("options").forEach(o -> out.add(o.get("value").asText()));
        return out;
    }

    private static List<String> answerKeys(JsonNode agreement) {
        List<String> out = new ArrayList<>();
        agreement.get("answers").forEach(a -> out.add(a.get("key").asText()));
        return out;
    }
}

package uk.supervision.agreement;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The supervision agreement: drafted, frozen, signed by both, locked, reviewed into a new version. */
@MicronautTest(transactional = false)
class AgreementApiTest extends ApiTest {
    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;
    World.Person priya;   // supervisor
    World.Person sam;     // her supervisee
    String supervisor;
    String supervisee;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void draftedSubmittedAndSignedByBothItBecomesActiveAndLocked() {
        Api.Response drafted = api.post("/api/v1/agreements", supervisor, body(sam.id(), "Team room"));
        assertEquals(201, drafted.status(), drafted.body());
        JsonNode a = drafted.json();
        String url = "/api/v1/agreements/" + a.get("id").asText();
        assertEquals(url, drafted.header("Location"));
        assertEquals("DRAFT", a.get("status").asText());
        assertEquals(priya.id(), a.get("supervisor").get("id").asText(), "the supervisee's current supervisor");
        assertEquals(List.of("purpose", "confidentiality"), keys(a.get("answers")), "answers in the template's order");
        assertEquals("00000000-0000-7000-8101-000000000201", a.get("templateId").asText(), "Coventry's agreement template, version 2");

        // Either party may change the draft.
        Api.Response changed = api.put(url, supervisee, fields("Quiet room, Hub 2"), drafted.header("ETag"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals("Quiet room, Hub 2", changed.json().get("location").asText());

        Api.Response submitted = api.post(url + "/submission", supervisor, null, changed.header("ETag"));
        assertEquals("AWAITING_SIGNATURES", submitted.json().get("status").asText());
        assertEquals(409, api.put(url, supervisor, fields("Elsewhere"), submitted.header("ETag")).status(), "frozen once submitted");

        Api.Response first = api.post(url + "/signatures", supervisee, null, submitted.header("ETag"));
        assertEquals(200, first.status(), first.body());
        assertEquals("AWAITING_SIGNATURES", first.json().get("status").asText());
        assertEquals(409, api.post(url + "/signatures", supervisee, null, first.header("ETag")).status(), "no second signature");

        Api.Response second = api.post(url + "/signatures", supervisor, null, first.header("ETag"));
        assertEquals(200, second.status(), second.body());
        JsonNode signed = second.json();
        assertEquals("ACTIVE", signed.get("status").asText());
        assertEquals(2, signed.get("signatures").size());
        String hash = signed.get("contentHash").asText();
        assertEquals(64, hash.length());
        signed.get("signatures").forEach(s -> assertEquals(hash, s.get("contentHash").asText(), "both signed the same content"));
        assertEquals(List.of("SUPERVISEE", "SUPERVISOR"), List.of(signed.get("signatures").get(0).get("party").asText(),
                signed.get("signatures").get(1).get("party").asText()));
        assertEquals(LocalDate.now().plusMonths(12).toString(), signed.get("reviewDue").asText(), "Coventry reviews annually");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'AGREEMENT_ACTIVE' AND entity_id = ?", signed.get("id").asText()));

        // Locked: no operation changes it, and the database row proves it.
        String id = signed.get("id").asText();
        String before = row(id);
        String etag = second.header("ETag");
        assertEquals(409, api.put(url, supervisor, fields("Changed after signing"), etag).status());
        assertEquals(409, api.put(url, supervisee, fields("Changed after signing"), etag).status());
        assertEquals(409, api.post(url + "/submission", supervisor, null, etag).status());
        assertEquals(409, api.post(url + "/signatures", supervisor, null, etag).status());
        assertEquals(before, row(id));
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM agreement_signature WHERE agreement_id = ?", id));
    }

    @Test
    void theDatabaseRefusesToRewriteSignedContentAndTheAgreementRowNoLongerSpeaksForIt() throws Exception {
        String id = activeAgreement();
        String url = "/api/v1/agreements/" + id;
        String snapshot = fixtures.string("SELECT id FROM signed_item WHERE item_type = 'AGREEMENT' AND item_id = ?", id);
        String content = fixtures.string("SELECT content_json FROM signed_item WHERE id = ?", snapshot);
        assertTrue(content.contains("\"location\":\"Room\""), content);

        // The application's own account: the signed content and the signatures cannot be rewritten.
        java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class, () -> {
            try (var c = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
                 var ps = c.prepareStatement("UPDATE signed_item SET content_json = REPLACE(content_json, 'Room', 'tampered') WHERE id = ?")) {
                ps.setString(1, snapshot);
                ps.executeUpdate();
            }
        });
        assertTrue(List.of(90096, 1142).contains(refused.getErrorCode()), refused.getMessage());
        assertEquals(content, fixtures.string("SELECT content_json FROM signed_item WHERE id = ?", snapshot));

        // The agreement row itself is workflow state (active, superseded): changing its copy of the content
        // through the application's account changes nothing anyone reads.
        assertEquals(1, fixtures.execute("UPDATE agreement SET location = 'tampered' WHERE id = ?", id));
        assertEquals("Room", api.get(url, supervisor).json().get("location").asText());
        assertEquals("Room", api.get("/api/v1/agreements?superviseeId=" + sam.id(), supervisor).json().get("items").get(0).get("location").asText());
    }

    @Test
    void onlyThePartiesSignAndOnlyTheyTheirManagersAndQaReadIt() {
        String url = "/api/v1/agreements/" + api.post("/api/v1/agreements", supervisor, body(sam.id(), "Room")).json().get("id").asText();
        String etag = api.post(url + "/submission", supervisor, null, api.get(url, supervisor).header("ETag")).header("ETag");

        World.Person manager = world.person(world.teamA1(), "Marcus", Role.SERVICE_MANAGER);   // manages service A
        World.Person otherSupervisor = world.person(world.teamA1(), "Olu", Role.SUPERVISOR);
        World.Person colleague = world.person(world.teamA1(), "Cat", Role.PRACTITIONER);
        World.Person hr = world.person(null, "Hana", Role.HR);
        World.Person qa = world.accountOnly(Role.QA_AUDITOR);
        World.Person admin = world.accountOnly(Role.ADMIN);

        assertEquals(403, api.post(url + "/signatures", token(manager), null, etag).status(), "a manager cannot sign for the parties");
        assertEquals(403, api.post(url + "/signatures", token(colleague), null, etag).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM agreement_signature s JOIN agreement a ON a.id = s.agreement_id WHERE a.supervisee_id = ?", sam.id()));

        assertEquals(200, api.get(url, token(manager)).status());
        assertEquals(200, api.get(url, token(qa)).status());
        for (World.Person refused : List.of(otherSupervisor, colleague, hr, admin)) {
            assertEquals(403, api.get(url, token(refused)).status(), refused.username());
        }
        assertEquals(0, api.get("/api/v1/agreements", token(colleague)).json().get("items").size());
        assertEquals(1, api.get("/api/v1/agreements", supervisee).json().get("items").size());
        assertEquals(404, api.get(url, token(fixtures.organisation().accountOnly(Role.QA_AUDITOR))).status(), "another council's QA");
    }

    @Test
    void aResendWithTheSameIdempotencyKeyCreatesOneAgreement() {
        String key = "tablet-" + Fixtures.unique("key");
        Api.Response first = post(supervisor, body(sam.id(), "Room"), key);
        Api.Response again = post(supervisor, body(sam.id(), "Room"), key);
        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", sam.id()));

        Api.Response different = post(supervisor, body(sam.id(), "Another room"), key);
        assertEquals(422, different.status(), different.body());
        assertEquals("#Idempotency-Key", different.json().get("errors").get(0).get("pointer").asText());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", sam.id()));
        // Without a key, a second open agreement is refused rather than duplicated.
        assertEquals(409, api.post("/api/v1/agreements", supervisor, body(sam.id(), "Room")).status());
    }

    @Test
    void aReviewAfterAChangeOfSupervisorMakesANewVersionAndSupersedesTheOld() {
        String first = activeAgreement();
        World.Person newSupervisor = world.person(world.teamA1(), "Nadia", Role.SUPERVISOR);
        String hr = token(world.person(null, "Hal", Role.HR));
        String samEtag = api.get("/api/v1/staff/" + sam.id(), hr).header("ETag");
        assertEquals(200, api.post("/api/v1/staff/" + sam.id() + "/moves", hr,
                Map.of("effectiveDate", LocalDate.now().toString(), "supervisorId", newSupervisor.id()), samEtag).status());

        String nadia = token(newSupervisor);
        Api.Response review = api.post("/api/v1/agreements/" + first + "/reviews", nadia, null);
        assertEquals(201, review.status(), review.body());
        JsonNode v2 = review.json();
        assertEquals(2, v2.get("versionNumber").asInt());
        assertEquals(first, v2.get("previousVersionId").asText());
        assertEquals(newSupervisor.id(), v2.get("supervisor").get("id").asText(), "the new supervisor is a party to the new version");
        assertEquals("DRAFT", v2.get("status").asText());

        String url = "/api/v1/agreements/" + v2.get("id").asText();
        String etag = api.post(url + "/submission", nadia, null, review.header("ETag")).header("ETag");
        etag = api.post(url + "/signatures", nadia, null, etag).header("ETag");
        assertEquals("ACTIVE", api.post(url + "/signatures", supervisee, null, etag).json().get("status").asText());
        assertEquals("SUPERSEDED", fixtures.string("SELECT status FROM agreement WHERE id = ?", first));

        JsonNode versions = api.get("/api/v1/agreements/" + first + "/versions", supervisee).json().get("items");
        assertEquals(List.of(first, v2.get("id").asText()), List.of(versions.get(0).get("id").asText(), versions.get(1).get("id").asText()));
        assertEquals(409, api.post("/api/v1/agreements/" + first + "/reviews", nadia, null).status(), "a superseded version is not reviewed");
    }

    @Test
    void badAnswersAndMissingSupervisorsAreRefusedWithPointers() {
        Map<String, Object> unknown = body(sam.id(), "Room");
        unknown.put("answers", List.of(Map.of("key", "purpose", "text", "x"), Map.of("key", "no_such_question", "text", "y")));
        Api.Response r = api.post("/api/v1/agreements", supervisor, unknown);
        assertEquals(422, r.status());
        assertEquals("/answers/1/key", r.json().get("errors").get(0).get("pointer").asText());

        Map<String, Object> twice = body(sam.id(), "Room");
        twice.put("answers", List.of(Map.of("key", "purpose", "text", "x"), Map.of("key", "purpose", "text", "y")));
        assertEquals(422, api.post("/api/v1/agreements", supervisor, twice).status());

        Map<String, Object> invalid = body(sam.id(), "");
        invalid.put("durationMinutes", 5);
        Api.Response bad = api.post("/api/v1/agreements", supervisor, invalid);
        assertEquals(400, bad.status());
        assertEquals(List.of("/durationMinutes", "/location"), pointers(bad.json()));

        var unsupervised = world.worker(world.teamA1(), "Una", "Unsupervised");
        String manager = token(world.person(world.teamA1(), "Mani", Role.SERVICE_MANAGER));
        Api.Response none = api.post("/api/v1/agreements", manager, body(unsupervised.id(), "Room"));
        assertEquals(422, none.status());
        assertEquals("/superviseeId", none.json().get("errors").get(0).get("pointer").asText());

        assertEquals(403, api.post("/api/v1/agreements", supervisee, body(priya.id(), "Room")).status(),
                "a supervisee does not draft their supervisor's agreement");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM agreement WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void theContentHashChangesWithTheContentAndIsTheSameForBothSignatures() {
        String first = activeAgreement();
        // A second supervisee with the same supervisor and answers but another meeting place.
        World.Person ali = world.person(world.teamA1(), "Ali", Role.PRACTITIONER);
        world.supervise(priya.staff(), ali.staff());
        String aliToken = token(ali);
        String url = "/api/v1/agreements/" + api.post("/api/v1/agreements", supervisor, body(ali.id(), "Another room")).json().get("id").asText();
        String etag = api.post(url + "/submission", supervisor, null, api.get(url, supervisor).header("ETag")).header("ETag");
        etag = api.post(url + "/signatures", aliToken, null, etag).header("ETag");
        JsonNode second = api.post(url + "/signatures", supervisor, null, etag).json();

        String firstHash = fixtures.string("SELECT content_hash FROM agreement WHERE id = ?", first);
        assertNotEquals(firstHash, second.get("contentHash").asText(), "different content, different hash");
        assertEquals(List.of(firstHash, firstHash), fixtures.strings(
                "SELECT content_hash FROM agreement_signature WHERE agreement_id = ? ORDER BY party", first));
        assertTrue(firstHash.matches("[0-9a-f]{64}"));
    }

    // ---- helpers

    private String activeAgreement() {
        String url = "/api/v1/agreements/" + api.post("/api/v1/agreements", supervisor, body(sam.id(), "Room")).json().get("id").asText();
        String etag = api.post(url + "/submission", supervisor, null, api.get(url, supervisor).header("ETag")).header("ETag");
        etag = api.post(url + "/signatures", supervisor, null, etag).header("ETag");
        Api.Response active = api.post(url + "/signatures", supervisee, null, etag);
        assertEquals("ACTIVE", active.json().get("status").asText(), active.body());
        return active.json().get("id").asText();
    }

    private Api.Response post(String token, Object body, String key) {
        return api.raw("POST", "/api/v1/agreements", token, "application/json", Api.json(body), Map.of("Idempotency-Key", key));
    }

    private String token(World.Person person) {
        return api.token(person.username(), Fixtures.PASSWORD);
    }

    private String row(String id) {
        return String.join("|", fixtures.strings("SELECT CONCAT(status, '|', location, '|', answers_json, '|', content_hash, '|', "
                + "duration_minutes, '|', COALESCE(interval_weeks, 0)) FROM agreement WHERE id = ?", id));
    }

    static Map<String, Object> fields(String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intervalWeeks", 4);
        body.put("durationMinutes", 90);
        body.put("location", location);
        body.put("escalationPeriod", "P6W");
        body.put("answers", List.of(
                Map.of("key", "confidentiality", "text", "Personal matters stay between us unless someone is at risk."),
                Map.of("key", "purpose", "text", "Accountable, reflective practice and support.")));
        return body;
    }

    static Map<String, Object> body(String superviseeId, String location) {
        Map<String, Object> body = fields(location);
        body.put("superviseeId", superviseeId);
        return body;
    }

    private static List<String> keys(JsonNode answers) {
        List<String> out = new ArrayList<>();
        answers.forEach(a -> out.add(a.get("key").asText()));
        return out;
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("pointer").asText()));
        return out;
    }

}

package uk.supervision.audit;

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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.audit.Audits.action;
import static uk.supervision.audit.Audits.allAnswers;
import static uk.supervision.audit.Audits.answer;
import static uk.supervision.audit.Audits.pointers;
import static uk.supervision.audit.Audits.update;

/**
 * The audit over HTTP (DOMAIN section 7): ratings 1 to 5 only, every question answered before completion, actions
 * with owners and dates below Good that join the audited supervisor's action list, locked once completed, and who
 * starts and reads audits. Every refusal leaves the stored audit as it was.
 */
@MicronautTest(transactional = false)
class AuditApiTest extends ApiTest {
    World.Person priya;
    World.Person sam;
    World.Person quinn;
    World.Person manager;
    String qa;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        manager = world.person(world.teamA2(), "Morgan", Role.SERVICE_MANAGER, Role.SUPERVISOR);
        world.supervise(priya.staff(), sam.staff());
        world.supervise(manager.staff(), priya.staff());
        qa = api.token(quinn.username(), Fixtures.PASSWORD);
    }

    private String stored(String id) {
        return fixtures.string("SELECT content_json FROM file_audit WHERE id = ?", id) + " v"
                + fixtures.string("SELECT version FROM file_audit WHERE id = ?", id) + " " + fixtures.string("SELECT period_from FROM file_audit WHERE id = ?", id);
    }

    @Test
    void aDraftIsStartedOnTheTemplateWithTheCurrentSupervisorAndEveryQuestionMissing() {
        JsonNode audit = Audits.start(api, qa, sam.id());
        assertEquals("DRAFT", audit.get("status").asText());
        assertEquals(priya.id(), audit.get("supervisor").get("id").asText());
        assertEquals(sam.id(), audit.get("supervisee").get("id").asText());
        assertEquals(quinn.id(), audit.get("auditor").get("id").asText());
        assertEquals(LocalDate.now().minusMonths(3).toString(), audit.get("periodFrom").asText());
        assertEquals(LocalDate.now().toString(), audit.get("periodTo").asText());
        List<String> missing = pointers(audit.get("missing"));
        assertEquals(24, missing.size(), missing.toString());
        assertTrue(missing.contains("/answers/q1") && missing.contains("/answers/q13a") && !missing.contains("/answers/q13b"));
        assertEquals("DRAFT", fixtures.string("SELECT status FROM file_audit WHERE id = ?", audit.get("id").asText()));
        assertEquals("00000000-0000-7000-8101-000000000004", audit.get("templateId").asText());
    }

    @Test
    void ratingsAreOneToFiveOnlyAndNothingIsStoredOnAnyError() {
        JsonNode audit = Audits.start(api, qa, sam.id());
        String id = audit.get("id").asText();
        String url = "/api/v1/audits/" + id;
        String etag = "\"v" + audit.get("version").asInt() + "\"";
        String before = stored(id);

        record Case(Map<String, Object> body, List<String> pointers) {
        }
        List<Case> cases = new ArrayList<>();
        cases.add(new Case(update(List.of(answer("q1", "6")), List.of()), List.of("/answers/0/value")));
        cases.add(new Case(update(List.of(answer("q3", "0")), List.of()), List.of("/answers/0/value")));
        cases.add(new Case(update(List.of(answer("q2", "3")), List.of()), List.of("/answers/0/value")));
        cases.add(new Case(update(List.of(answer("q13a", "EXCELLENT")), List.of()), List.of("/answers/0/value")));
        cases.add(new Case(update(List.of(answer("q99", "1")), List.of()), List.of("/answers/0/key")));
        cases.add(new Case(update(List.of(answer("q1", "1"), answer("q1", "2")), List.of()), List.of("/answers/1/key")));
        cases.add(new Case(update(List.of(), List.of(action("Observe a session", sam.id(), LocalDate.now().plusDays(30)))),
                List.of("/actions/0/ownerId")));
        cases.add(new Case(update(List.of(), List.of(action("Observe a session", priya.id(), LocalDate.now().minusDays(1)))),
                List.of("/actions/0/dueDate")));
        cases.add(new Case(update(List.of(), List.of(action("Observe a session", priya.id(), LocalDate.now().plusYears(3)))),
                List.of("/actions/0/dueDate")));
        Map<String, Object> future = update(List.of(), List.of());
        future.put("periodTo", LocalDate.now().plusDays(1).toString());
        cases.add(new Case(future, List.of("/periodTo")));
        Map<String, Object> tooLong = update(List.of(), List.of());
        tooLong.put("periodFrom", LocalDate.now().minusMonths(13).toString());
        cases.add(new Case(tooLong, List.of("/periodFrom")));
        Map<String, Object> backwards = update(List.of(), List.of());
        backwards.put("periodFrom", LocalDate.now().minusDays(1).toString());
        backwards.put("periodTo", LocalDate.now().minusDays(2).toString());
        cases.add(new Case(backwards, List.of("/periodTo")));
        for (Case c : cases) {
            Api.Response r = api.put(url, qa, c.body(), etag);
            assertEquals(422, r.status(), c.body() + " -> " + r);
            assertEquals(c.pointers(), pointers(r.json().get("errors")), r.toString());
            assertEquals(before, stored(id), "nothing stored for " + c.body());
        }

        // An empty action text is the contract's shape (minLength 1): 400.
        Api.Response empty = api.put(url, qa, update(List.of(), List.of(action("", priya.id(), null))), etag);
        assertEquals(400, empty.status(), empty.toString());
        assertEquals(before, stored(id));

        // If-Match: missing 428, stale 412.
        assertEquals(428, api.put(url, qa, update(List.of(answer("q1", "1")), List.of()), null).status());
        assertEquals(412, api.put(url, qa, update(List.of(answer("q1", "1")), List.of()), "\"v99\"").status());
        assertEquals(before, stored(id));

        // Values 1 and 5 are kept, and the manager above the supervisor may own an action.
        Api.Response ok = api.put(url, qa, update(List.of(answer("q1", "1"), answer("q3", "5")),
                List.of(action("Observe a session", manager.id(), LocalDate.now().plusDays(30)))), etag);
        assertEquals(200, ok.status(), ok.toString());
        assertEquals("1", ok.json().get("answers").get(0).get("value").asText());
        assertEquals(3.0, ok.json().get("meanRating").asDouble());
        assertEquals("\"v2\"", ok.header("ETag"));
        assertTrue(fixtures.string("SELECT content_json FROM file_audit WHERE id = ?", id).contains(manager.id()));
    }

    @Test
    void everyQuestionIsAnsweredBeforeCompletionAndBelowGoodNeedsActionsWithOwnersAndDates() {
        JsonNode audit = Audits.start(api, qa, sam.id());
        String id = audit.get("id").asText();
        String url = "/api/v1/audits/" + id;

        // Half answered: every unanswered required question is listed.
        List<Map<String, Object>> half = new ArrayList<>(allAnswers("GOOD").subList(0, 10));
        Api.Response written = api.put(url, qa, update(half, List.of()), "\"v1\"");
        assertEquals(200, written.status(), written.toString());
        Api.Response refused = api.post(url + "/completion", qa, null, written.header("ETag"));
        assertEquals(422, refused.status(), refused.toString());
        List<String> unanswered = pointers(refused.json().get("errors"));
        assertEquals(pointers(written.json().get("missing")), unanswered);
        assertEquals(14, unanswered.size(), unanswered.toString());
        assertTrue(unanswered.contains("/answers/q13a") && unanswered.contains("/answers/q2"));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM file_audit_signature WHERE file_audit_id = ?", id));

        // Below Good without actions: /actions.
        written = api.put(url, qa, update(allAnswers("REQUIRES_IMPROVEMENT"), List.of()), written.header("ETag"));
        assertEquals(List.of("/actions"), pointers(written.json().get("missing")));
        refused = api.post(url + "/completion", qa, null, written.header("ETag"));
        assertEquals(422, refused.status());
        assertEquals(List.of("/actions"), pointers(refused.json().get("errors")));

        // An action with neither owner nor date.
        written = api.put(url, qa, update(allAnswers("INADEQUATE"), List.of(action("Record sessions within 5 days", null, null))),
                written.header("ETag"));
        refused = api.post(url + "/completion", qa, null, written.header("ETag"));
        assertEquals(List.of("/actions/0/ownerId", "/actions/0/dueDate"), pointers(refused.json().get("errors")));
        assertEquals("DRAFT", fixtures.string("SELECT status FROM file_audit WHERE id = ?", id));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE file_audit_id = ?", id));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'FILE_AUDIT' AND item_id = ?", id));
    }

    @Test
    void completingSignsLocksTracksTheActionsAndSendsTheQuestionnaire() {
        LocalDate due = LocalDate.now().plusDays(28);
        JsonNode done = Audits.completed(api, qa, sam.id(), "REQUIRES_IMPROVEMENT",
                List.of(action("Record sessions within 5 days", priya.id(), due), action("Observe Priya supervising", manager.id(), due.plusDays(7))));
        String id = done.get("id").asText();
        assertEquals("COMPLETED", done.get("status").asText());
        assertEquals("REQUIRES_IMPROVEMENT", done.get("grade").asText());
        assertEquals(0, done.get("missing").size());
        assertEquals(LocalDate.now().toString(), done.get("auditedOn").asText());
        assertEquals(Quarter.of(LocalDate.now()).toString(), done.get("quarter").asText());
        assertEquals(quinn.id(), done.get("signature").get("signer").get("id").asText());
        assertTrue(done.get("signature").get("current").asBoolean());
        assertNotNull(done.get("questionnaireIssuedAt"));

        // In the database: status and grade copied out, the signature, one rating row per rated question, the chain.
        assertEquals("COMPLETED", fixtures.string("SELECT status FROM file_audit WHERE id = ?", id));
        assertEquals("REQUIRES_IMPROVEMENT", fixtures.string("SELECT grade FROM file_audit WHERE id = ?", id));
        assertEquals(done.get("contentHash").asText(), fixtures.string("SELECT content_hash FROM file_audit_signature WHERE file_audit_id = ?", id));
        assertEquals(10, fixtures.count("SELECT COUNT(*) FROM file_audit_rating WHERE file_audit_id = ?", id));
        assertEquals(4, fixtures.count("SELECT rating FROM file_audit_rating WHERE file_audit_id = ? AND item_key = 'q9'", id));
        assertEquals("SUPPORT", fixtures.string("SELECT function_tag FROM file_audit_rating WHERE file_audit_id = ? AND item_key = 'q9'", id));
        assertEquals(world.serviceA().id(), fixtures.string("SELECT service_id FROM file_audit_rating WHERE file_audit_id = ? AND item_key = 'q1'", id));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'FILE_AUDIT' AND item_id = ?", id));

        // The actions join the audited supervisor's list, with their owners and dates.
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM supervision_action WHERE file_audit_id = ? AND supervisee_id = ? AND status = 'OPEN'",
                id, priya.id()));
        JsonNode first = done.get("actions").get(0);
        String tracked = first.get("trackedActionId").asText();
        assertEquals(priya.id(), fixtures.string("SELECT owner_staff_id FROM supervision_action WHERE id = ?", tracked));
        assertEquals(due.toString(), fixtures.string("SELECT due_date FROM supervision_action WHERE id = ?", tracked));
        assertEquals("Record sessions within 5 days", fixtures.string("SELECT text FROM supervision_action WHERE id = ?", tracked));
        assertEquals(manager.id(), fixtures.string("SELECT owner_staff_id FROM supervision_action WHERE id = ?",
                done.get("actions").get(1).get("trackedActionId").asText()));

        // The Part 2 questionnaire goes to the supervisee, about the supervisor audited.
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM questionnaire_invitation WHERE audit_id = ? AND invitee_staff_id = ? AND supervisor_id = ?",
                id, sam.id(), priya.id()));

        // Locked: no change, no discard, no second completion.
        String etag = "\"v" + done.get("version").asInt() + "\"";
        assertEquals(409, api.put("/api/v1/audits/" + id, qa, update(allAnswers("GOOD"), List.of()), etag).status());
        assertEquals(409, api.raw("DELETE", "/api/v1/audits/" + id, qa, null, null, Map.of("If-Match", etag)).status());
        assertEquals(409, api.post("/api/v1/audits/" + id + "/completion", qa, null, etag).status());
        assertEquals("REQUIRES_IMPROVEMENT", fixtures.string("SELECT grade FROM file_audit WHERE id = ?", id));

        // The audited supervisor works the action, but cannot reword, re-own, re-date or remove what the auditor signed.
        String priyaToken = api.token(priya.username(), Fixtures.PASSWORD);
        String actionUrl = "/api/v1/actions/" + tracked;
        String actionTag = "\"v" + fixtures.count("SELECT version FROM supervision_action WHERE id = ?", tracked) + "\"";
        assertEquals(409, api.put(actionUrl, priyaToken, Map.of("text", "Nothing to do", "ownerId", priya.id(), "dueDate", due.toString(),
                "status", "OPEN"), actionTag).status());
        assertEquals(409, api.put(actionUrl, priyaToken, Map.of("text", "Record sessions within 5 days", "ownerId", priya.id(),
                "dueDate", due.plusYears(1).toString(), "status", "OPEN"), actionTag).status());
        assertEquals(409, api.raw("DELETE", actionUrl, priyaToken, null, null, Map.of("If-Match", actionTag)).status());
        assertEquals("Record sessions within 5 days", fixtures.string("SELECT text FROM supervision_action WHERE id = ?", tracked));
        assertEquals(due.toString(), fixtures.string("SELECT due_date FROM supervision_action WHERE id = ?", tracked));
        Api.Response closed = api.put(actionUrl, priyaToken, Map.of("text", "Record sessions within 5 days", "ownerId", priya.id(),
                "dueDate", due.toString(), "status", "DONE"), actionTag);
        assertEquals(200, closed.status(), closed::body);
        assertEquals("DONE", fixtures.string("SELECT status FROM supervision_action WHERE id = ?", tracked));
    }

    @Test
    void aFileAuditedTwiceInAQuarterSendsOneQuestionnaire() {
        // Each answer counts as one person in the aggregates: a second invitation would let Sam count twice.
        JsonNode first = Audits.completed(api, qa, sam.id(), "GOOD", List.of());
        JsonNode second = Audits.completed(api, qa, sam.id(), "OUTSTANDING", List.of());
        assertTrue(!first.get("id").asText().equals(second.get("id").asText()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM questionnaire_invitation WHERE invitee_staff_id = ?", sam.id()));
        assertEquals(first.get("id").asText(), fixtures.string("SELECT audit_id FROM questionnaire_invitation WHERE invitee_staff_id = ?", sam.id()));
    }

    @Test
    void aDraftIsDiscardedOnlyByItsAuditor() {
        JsonNode audit = Audits.start(api, qa, sam.id());
        String id = audit.get("id").asText();
        String otherQa = api.token(world.person(world.teamA2(), "Olu", Role.QA_AUDITOR).username(), Fixtures.PASSWORD);
        assertEquals(403, api.raw("DELETE", "/api/v1/audits/" + id, otherQa, null, null, Map.of("If-Match", "\"v1\"")).status());
        assertEquals(428, api.raw("DELETE", "/api/v1/audits/" + id, qa, null, null, Map.of()).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM file_audit WHERE id = ?", id));
        assertEquals(204, api.raw("DELETE", "/api/v1/audits/" + id, qa, null, null, Map.of("If-Match", "\"v1\"")).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM file_audit WHERE id = ?", id));
    }

    @Test
    void whoStartsAnAudit() {
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        String supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        String sm = api.token(manager.username(), Fixtures.PASSWORD);
        World.Person hosPerson = world.person(world.teamA2(), "Hana", Role.HEAD_OF_SERVICE);
        String hos = api.token(hosPerson.username(), Fixtures.PASSWORD);
        World.Person loner = world.person(world.teamA1(), "Lone", Role.PRACTITIONER);
        World.Person inB = world.person(world.teamB1(), "Bea", Role.PRACTITIONER);
        world.supervise(world.person(world.teamB1(), "Bob", Role.SUPERVISOR).staff(), inB.staff());

        // The supervisor marks their own work: no. Nor your own file.
        assertEquals(403, api.post("/api/v1/audits", supervisor, Map.of("superviseeId", sam.id(), "kind", "AD_HOC")).status());
        assertEquals(403, api.post("/api/v1/audits", supervisee, Map.of("superviseeId", sam.id(), "kind", "AD_HOC")).status());
        // A service manager: the monthly audit in their service; not the sample, not the head of service's quarterly.
        assertEquals(201, api.post("/api/v1/audits", sm, Map.of("superviseeId", sam.id(), "kind", "SERVICE_MANAGER_MONTHLY")).status());
        assertEquals(403, api.post("/api/v1/audits", sm, Map.of("superviseeId", sam.id(), "kind", "QA_SAMPLE")).status());
        assertEquals(403, api.post("/api/v1/audits", sm, Map.of("superviseeId", sam.id(), "kind", "HEAD_OF_SERVICE_QUARTERLY")).status());
        // ...and not in a service they do not manage (Bea in service B is below no one of theirs).
        assertEquals(403, api.post("/api/v1/audits", sm, Map.of("superviseeId", inB.id(), "kind", "SERVICE_MANAGER_MONTHLY")).status());
        assertEquals(201, api.post("/api/v1/audits", hos, Map.of("superviseeId", sam.id(), "kind", "HEAD_OF_SERVICE_QUARTERLY")).status());
        assertEquals(403, api.post("/api/v1/audits", hos, Map.of("superviseeId", sam.id(), "kind", "SERVICE_MANAGER_MONTHLY")).status());
        // QA anywhere; a sampled audit needs its sample.
        assertEquals(201, api.post("/api/v1/audits", qa, Map.of("superviseeId", inB.id(), "kind", "AD_HOC")).status());
        Api.Response noSample = api.post("/api/v1/audits", qa, Map.of("superviseeId", sam.id(), "kind", "QA_SAMPLE"));
        assertEquals(422, noSample.status());
        assertEquals("/sampleId", noSample.json().get("errors").get(0).get("pointer").asText());
        // Nobody supervises Lone: nobody to audit.
        Api.Response none = api.post("/api/v1/audits", qa, Map.of("superviseeId", loner.id(), "kind", "AD_HOC"));
        assertEquals(422, none.status(), none.toString());
        assertEquals("/superviseeId", none.json().get("errors").get(0).get("pointer").asText());
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM file_audit WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void aSampledFileIsAuditedOnceInItsSample() {
        String sampleId = uk.supervision.support.Ids.newId();
        fixtures.execute("INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, "
                + "drawn_by_account_id, drawn_at) VALUES (?, ?, ?, 1, 42, 3, ?, ?, ?)", sampleId, world.org().id(),
                Quarter.of(LocalDate.now()).toString(), quinn.id(), quinn.account().id(), java.sql.Timestamp.from(java.time.Instant.now()));
        fixtures.execute("INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id) VALUES (?, 1, ?, ?, ?)",
                sampleId, sam.id(), world.teamA1().id(), world.serviceA().id());
        World.Person other = world.person(world.teamA1(), "Otto", Role.PRACTITIONER);
        world.supervise(priya.staff(), other.staff());

        Api.Response notDrawn = api.post("/api/v1/audits", qa, Map.of("superviseeId", other.id(), "kind", "QA_SAMPLE", "sampleId", sampleId));
        assertEquals(422, notDrawn.status());
        Api.Response first = api.post("/api/v1/audits", qa, Map.of("superviseeId", sam.id(), "kind", "QA_SAMPLE", "sampleId", sampleId));
        assertEquals(201, first.status(), first.toString());
        assertEquals(sampleId, first.json().get("sampleId").asText());
        Api.Response second = api.post("/api/v1/audits", qa, Map.of("superviseeId", sam.id(), "kind", "QA_SAMPLE", "sampleId", sampleId));
        assertEquals(409, second.status(), second.toString());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM file_audit WHERE sample_id = ?", sampleId));
    }

    @Test
    void whoReadsAnAuditAndEveryReadIsLogged() {
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        String supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        String sm = api.token(manager.username(), Fixtures.PASSWORD);
        String hr = api.token(world.person(world.teamA1(), "Harper", Role.HR).username(), Fixtures.PASSWORD);
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        JsonNode draft = Audits.start(api, qa, sam.id());
        String draftUrl = "/api/v1/audits/" + draft.get("id").asText();
        // A draft: the auditor only.
        assertEquals(200, api.get(draftUrl, qa).status());
        for (String t : List.of(supervisor, supervisee, sm, hr, admin)) {
            assertEquals(403, api.get(draftUrl, t).status());
        }
        assertFalse(idsOf(api.get("/api/v1/audits", supervisor).json().get("items")).contains(draft.get("id").asText()));

        JsonNode done = Audits.completed(api, qa, sam.id(), "GOOD", List.of());
        String id = done.get("id").asText();
        String url = "/api/v1/audits/" + id;
        // Completed: the supervisor audited and the managers above them too; never the supervisee, HR or administrators.
        for (String t : List.of(qa, supervisor, sm)) {
            assertEquals(200, api.get(url, t).status());
            assertTrue(idsOf(api.get("/api/v1/audits", t).json().get("items")).contains(id));
        }
        for (String t : List.of(supervisee, hr, admin)) {
            assertEquals(403, api.get(url, t).status());
        }
        assertFalse(idsOf(api.get("/api/v1/audits", supervisee).json().get("items")).contains(id));
        assertEquals(403, api.get("/api/v1/audits", hr).status());
        // The evidence is the auditor's.
        assertEquals(403, api.get(url + "/evidence", supervisor).status());

        long reads = fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'file_audit' AND entity_id = ? AND action = 'READ'", id);
        assertEquals(3, reads);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'file_audit' AND entity_id = ? AND action = 'READ' "
                + "AND actor_account_id = ?", id, priya.account().id()));
        long lists = fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'file_audit' AND action = 'LIST' AND organisation_id = ?",
                world.org().id());
        assertEquals(3, lists, "each list page with audits in it writes one row; an empty page none");
    }

    @Test
    void aBadCursorOrQuarterIsRefusedWithItsParameter() {
        Audits.start(api, qa, sam.id());
        for (String[] bad : List.of(new String[]{"cursor=YR9iH2M", "#cursor"}, new String[]{"quarter=2026-Q5", "#quarter"})) {
            Api.Response r = api.get("/api/v1/audits?" + bad[0], qa);
            assertEquals(400, r.status(), r.toString());
            assertEquals(bad[1], r.json().get("errors").get(0).get("pointer").asText(), r.toString());
        }
        Api.Response bad = api.post("/api/v1/audits", qa, Map.of("superviseeId", sam.id(), "kind", "NOT_A_KIND"));
        assertEquals(400, bad.status(), bad.toString());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM file_audit WHERE organisation_id = ?", world.org().id()));
    }
}

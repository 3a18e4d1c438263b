package uk.supervision.casediscussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Only the parties, managers above the supervisor and QA read a case discussion; every permitted read (one, or a
 * list page) writes exactly one activity-log row in its own transaction, a refused read none (decision 0006).
 */
@MicronautTest(transactional = false)
class CaseDiscussionReadsAreLoggedTest extends ApiTest {
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    String id;

    @BeforeEach
    void aDiscussion() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        id = SignedCaseDiscussions.draft(api, supervisor, SignedCaseDiscussions.child(fixtures, world, sam.id()));
    }

    @Test
    void eachPermittedReadIsOneRowAndARefusedReadNone() {
        World.Person senior = world.person(world.teamA1(), "Sol", Role.SUPERVISOR);
        world.supervise(senior.staff(), priya.staff());
        List<String> readers = List.of(supervisor, supervisee, token(senior), token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER)),
                token(world.accountOnly(Role.QA_AUDITOR)));
        String url = "/api/v1/case-discussions/" + id;
        for (String reader : readers) {
            long before = reads();
            Api.Response r = api.get(url, reader);
            assertEquals(200, r.status(), r.body());
            assertEquals(before + 1, reads(), "one row per read");
        }
        assertEquals(readers.size(), fixtures.count("SELECT COUNT(*) FROM activity_log_subject s JOIN activity_log l ON l.id = s.activity_id "
                + "WHERE l.entity_id = ? AND s.subject_staff_id = ?", id, sam.id()), "each names Sam as whose record it was");

        World.Person other = world.person(world.teamA1(), "Oli", Role.PRACTITIONER);
        world.supervise(priya.staff(), other.staff());
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        List<String> refused = List.of(token(other), token(world.person(world.teamA1(), "Hana", Role.HR)), admin,
                token(world.accountOnly(Role.ELECTED_MEMBER)), token(world.person(world.teamB1(), "Bea", Role.SUPERVISOR)));
        long before = reads();
        long lists = lists();
        for (String reader : refused) {
            assertEquals(403, api.get(url, reader).status());
        }
        for (String reader : List.of(token(world.person(world.teamA1(), "Hal", Role.HR)), admin, token(world.accountOnly(Role.ELECTED_MEMBER)))) {
            assertEquals(403, api.get("/api/v1/case-discussions", reader).status());
        }
        assertEquals(0, api.get("/api/v1/case-discussions", token(other)).json().get("items").size(), "never another supervisee's");
        assertEquals(before, reads(), "a refused read is not logged");
        assertEquals(lists, lists(), "an empty page showed nobody's records");
        JsonNode client = api.post("/api/v1/machine-clients", admin, Map.of("name", "CMS", "scopes", List.of("children:write"))).json();
        Api.Response tokenResponse = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + client.get("clientId").asText() + "&client_secret=" + client.get("clientSecret").asText());
        String clientToken = tokenResponse.json().get("access_token").asText();
        assertEquals(403, api.get(url, clientToken).status());
        assertEquals(403, api.get("/api/v1/case-discussions", clientToken).status());
    }

    @Test
    void aListPageIsOneRowAndTheSuperviseeSeesWhoReadDiscussionsOfTheirWork() {
        long lists = lists();
        JsonNode page = api.get("/api/v1/case-discussions?superviseeId=" + sam.id(), token(world.accountOnly(Role.QA_AUDITOR))).json();
        assertEquals(List.of(id), idsOf(page.get("items")));
        assertEquals(lists + 1, lists());
        assertEquals(200, api.get("/api/v1/case-discussions/" + id, supervisor).status());
        String unrelated = fixtures.string("SELECT id FROM activity_log WHERE entity_id = ? AND action = 'CASE_DISCUSSION_STARTED'", id);
        assertTrue(unrelated != null);

        JsonNode mine = api.get("/api/v1/me/activity?recordType=case_discussion", supervisee).json().get("items");
        assertEquals(2, mine.size(), mine.toString());
        mine.forEach(e -> assertTrue(e.get("record").get("type").asText().equals("case_discussion"), e.toString()));
        assertEquals("READ", mine.get(0).get("action").asText());
        assertEquals(priya.staff().id(), mine.get(0).get("actor").get("staffId").asText());
        assertEquals("LIST", mine.get(1).get("action").asText());
        assertEquals(0, api.get("/api/v1/me/activity?recordType=agreement", supervisee).json().get("items").size());
    }

    private String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    private long reads() {
        return fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'case_discussion' AND entity_id = ? AND action = 'READ'", id);
    }

    private long lists() {
        return fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'case_discussion' AND action = 'LIST' AND organisation_id = ?",
                world.org().id());
    }
}

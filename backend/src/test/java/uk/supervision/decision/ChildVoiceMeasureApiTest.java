package uk.supervision.decision;

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

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The child's voice reported apart, over a scripted set of case discussions signed through the API. */
@MicronautTest(transactional = false)
class ChildVoiceMeasureApiTest extends ApiTest {
    private static final String MEASURE = "/api/v1/dashboards/child-voice";
    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private World.Person priya;
    private World.Person sam;

    @BeforeEach
    void discussions() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        World.Person bea = world.person(world.teamB1(), "Bea", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person bo = world.person(world.teamB1(), "Bo", Role.PRACTITIONER);
        world.supervise(bea.staff(), bo.staff());

        // Team A1: recorded twice, too young (its row later raw-marked RECORDED), declined, one recorded 40 days ago, one unsigned draft.
        signed(priya, sam, recorded());
        signed(priya, sam, recorded());
        String tooYoung = signed(priya, sam, Map.of("status", "NOT_OBTAINED", "reason", "TOO_YOUNG", "seenAlone", false));
        signed(priya, sam, Map.of("status", "NOT_OBTAINED", "reason", "DECLINED", "seenAlone", true));
        String old = signed(priya, sam, recorded());
        written(priya, sam, recorded());
        // Team B1: not seen since the last discussion.
        signed(bea, bo, Map.of("status", "NOT_OBTAINED", "reason", "NOT_SEEN_SINCE_LAST_DISCUSSION", "lastSeenOn", today.minusDays(10).toString()));

        fixtures.execute("UPDATE case_discussion SET signed_at = ? WHERE id = ?", Timestamp.from(Instant.now().minus(Duration.ofDays(40))), old);
        // Whatever the row's status says, a reason given is never counted as the view recorded.
        fixtures.execute("UPDATE case_discussion SET child_view_status = 'RECORDED' WHERE id = ?", tooYoung);
    }

    @Test
    void qaSeesEveryTeamWithTheExactFigures() {
        JsonNode m = measure(token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR)), "");
        assertEquals(today.toString(), m.get("to").asText());
        assertEquals(today.minusDays(29).toString(), m.get("from").asText());
        assertEquals(2, m.get("teams").size(), m.toString());
        JsonNode a1 = m.get("teams").get(0);
        assertEquals("Team A1", a1.get("team").get("name").asText());
        assertEquals("4 2 2 1 0 1 0.5", row(a1));
        JsonNode b1 = m.get("teams").get(1);
        assertEquals("Team B1", b1.get("team").get("name").asText());
        assertEquals("1 0 1 0 1 0 0.0", row(b1));
        assertEquals("5 2 3 1 1 1 0.4", row(m.get("total")));

        JsonNode longer = measure(token(world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR)), "?from=" + today.minusDays(45) + "&to=" + today);
        assertEquals("5 3 2 1 0 1 0.6", row(longer.get("teams").get(0)));
    }

    @Test
    void aSupervisorSeesTheirSuperviseesTeamAndAPractitionerNothing() {
        JsonNode mine = measure(token(priya), "");
        assertEquals(1, mine.get("teams").size());
        assertEquals(world.teamA1().id(), mine.get("teams").get(0).get("team").get("id").asText());
        assertEquals("4 2 2 1 0 1 0.5", row(mine.get("total")));
        assertEquals(403, api.get(MEASURE, token(sam)).status());
        Api.Response backwards = api.get(MEASURE + "?from=" + today + "&to=" + today.minusDays(1), token(priya));
        assertEquals(422, backwards.status(), backwards.body());
        JsonNode empty = measure(token(priya), "?from=" + today.minusDays(400) + "&to=" + today.minusDays(300));
        assertEquals(0, empty.get("teams").size());
        assertFalse(empty.get("total").has("share"), "no share when nothing was signed");
    }

    private static Map<String, Object> recorded() {
        return Map.of("status", "RECORDED", "view", "Wants to stay with her nan.", "seenAlone", true);
    }

    private static String row(JsonNode r) {
        return r.get("signed").asInt() + " " + r.get("viewRecorded").asInt() + " " + r.get("reasonGiven").asInt() + " "
                + r.get("tooYoung").asInt() + " " + r.get("notSeenSinceLastDiscussion").asInt() + " " + r.get("declined").asInt() + " "
                + r.get("share").asDouble();
    }

    private JsonNode measure(String token, String query) {
        Api.Response r = api.get(MEASURE + query, token);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    /** A draft written with this child's voice; returns its URL and the ETag. */
    private String[] written(World.Person supervisor, World.Person supervisee, Map<String, Object> voice) {
        String childId = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", childId, world.org().id(), Fixtures.unique("CV"), supervisee.id(), now, now);
        String token = token(supervisor);
        Api.Response created = api.post("/api/v1/case-discussions", token, Map.of("childId", childId));
        assertEquals(201, created.status(), created.body());
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        Map<String, Object> body = new HashMap<>(Map.of("discussedOn", today.toString(),
                "answers", List.of(Map.of("key", "worries", "text", "Attendance.", "notApplicable", false)),
                "childVoice", voice, "decisions", List.of(), "actions", List.of()));
        Api.Response put = api.put(url, token, body, api.get(url, token).header("ETag"));
        assertEquals(200, put.status(), put.body());
        return new String[]{url, put.header("ETag")};
    }

    /** Written and signed by both; returns the discussion's id. */
    private String signed(World.Person supervisor, World.Person supervisee, Map<String, Object> voice) {
        String[] draft = written(supervisor, supervisee, voice);
        Api.Response first = api.post(draft[0] + "/signatures", token(supervisor), null, draft[1]);
        assertEquals(200, first.status(), first.body());
        Api.Response second = api.post(draft[0] + "/signatures", token(supervisee), null, first.header("ETag"));
        assertEquals("SIGNED", second.json().get("status").asText(), second.body());
        return draft[0].substring(draft[0].lastIndexOf('/') + 1);
    }
}

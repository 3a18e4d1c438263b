package uk.supervision.decision;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A case discussion's decision is read under the discussion's rule: Sam (service A) is supervised by Bea (service B);
 * Meg manages service A, so reads Sam's records but not the discussion Bea held, nor its decision. A management
 * decision about Sam's child stays readable to Meg (the worker's record scope).
 */
@MicronautTest(transactional = false)
class CaseDiscussionDecisionAccessTest extends ApiTest {
    private static final String DECISIONS = "/api/v1/case-decisions";

    @Test
    void aDiscussionsDecisionReachesOnlyThoseWhoMayReadTheDiscussion() {
        World.Person bea = world.person(world.teamB1(), "Bea", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        World.Person meg = world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER);
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        world.supervise(bea.staff(), sam.staff());
        String childId = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", childId, world.org().id(), Fixtures.unique("CD"), sam.id(), now, now);
        String beaToken = token(bea);
        Api.Response created = api.post("/api/v1/case-discussions", beaToken, Map.of("childId", childId));
        assertEquals(201, created.status(), created.body());
        String url = "/api/v1/case-discussions/" + created.json().get("id").asText();
        Api.Response put = api.put(url, beaToken, Map.of("discussedOn", LocalDate.now(ZoneId.of("Europe/London")).toString(),
                "answers", List.of(Map.of("key", "worries", "text", "Attendance.", "notApplicable", false)),
                "childVoice", Map.of("status", "RECORDED", "view", "Wants to stay.", "seenAlone", true),
                "decisions", List.of(Map.of("text", "SECRET-DECISION", "rationale", "Risks remain")), "actions", List.of()),
                api.get(url, beaToken).header("ETag"));
        assertEquals(200, put.status(), put.body());
        Api.Response first = api.post(url + "/signatures", beaToken, null, put.header("ETag"));
        Api.Response second = api.post(url + "/signatures", token(sam), null, first.header("ETag"));
        assertEquals("SIGNED", second.json().get("status").asText(), second.body());
        String discussionDecision = fixtures.string("SELECT id FROM case_decision WHERE case_discussion_id = ?", created.json().get("id").asText());
        String managementDecision = fixtures.string("SELECT id FROM case_decision WHERE child_id = ? AND case_discussion_id IS NULL", childId);
        assertEquals(null, managementDecision);
        Api.Response recorded = api.post(DECISIONS, token(meg), Map.of("childId", childId, "decision", "Step down to child in need", "rationale", "Progress"));
        assertEquals(201, recorded.status(), recorded.body());
        managementDecision = recorded.json().get("id").asText();

        assertEquals(403, api.get(url, token(meg)).status(), "Meg may not read the discussion");
        List<String> seen = new ArrayList<>();
        for (World.Person p : List.of(bea, sam, meg, quinn)) {
            String t = token(p);
            List<String> ids = new ArrayList<>();
            api.get(DECISIONS + "?childId=" + childId, t).json().get("items").forEach(i -> ids.add(i.get("id").asText()));
            seen.add(p.staff().givenName() + ":" + ids.contains(discussionDecision) + "/" + ids.contains(managementDecision)
                    + "/" + api.get(DECISIONS + "/" + discussionDecision, t).status());
        }
        assertEquals(List.of("Bea:true/true/200", "Sam:true/true/200", "Meg:false/true/403", "Quinn:true/true/200"), seen);
    }

    private String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }
}

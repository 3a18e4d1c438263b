package uk.supervision.casediscussion;

import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;
import uk.supervision.support.Ids;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Shortcuts for tests that need a case discussion: a child, a draft, a signed one. */
final class SignedCaseDiscussions {
    private SignedCaseDiscussions() {
    }

    static String child(Fixtures fixtures, World world, String workerId) {
        String id = Ids.newId();
        java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", id, world.org().id(), Fixtures.unique("PRN"), workerId, now, now);
        return id;
    }

    /** A draft between sessions, started by the supervisor; returns its id. */
    static String draft(Api api, String supervisor, String childId) {
        Api.Response created = api.post("/api/v1/case-discussions", supervisor, Map.of("childId", childId));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }

    /** Written with the child's view and one decision, signed by both; returns its id. */
    static String signed(Api api, String supervisor, String supervisee, String childId) {
        String id = draft(api, supervisor, childId);
        String url = "/api/v1/case-discussions/" + id;
        Map<String, Object> body = Map.of("discussedOn", LocalDate.now(java.time.ZoneId.of("Europe/London")).toString(),
                "answers", List.of(Map.of("key", "worries", "text", "Attendance.", "notApplicable", false)),
                "childVoice", Map.of("status", "RECORDED", "view", "Wants to stay with her nan.", "seenAlone", true),
                "decisions", List.of(Map.of("text", "Stay on a child protection plan", "rationale", "Risks remain")),
                "actions", List.of());
        Api.Response written = api.put(url, supervisor, body, api.get(url, supervisor).header("ETag"));
        assertEquals(200, written.status(), written.body());
        Api.Response first = api.post(url + "/signatures", supervisor, null, written.header("ETag"));
        assertEquals(200, first.status(), first.body());
        Api.Response second = api.post(url + "/signatures", supervisee, null, first.header("ETag"));
        assertEquals("SIGNED", second.json().get("status").asText(), second.body());
        return id;
    }
}

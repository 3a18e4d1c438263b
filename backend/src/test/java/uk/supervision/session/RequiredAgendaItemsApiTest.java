package uk.supervision.session;

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
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Central Bedfordshire: "All these issues must be addressed and recorded at each supervision". Signing waits for
 * every agenda item the template marks as required, recorded or marked "not applicable"; users see labels, never keys.
 */
@MicronautTest(transactional = false)
class RequiredAgendaItemsApiTest extends ApiTest {
    static final String CENTRAL_BEDFORDSHIRE = "00000000-0000-7000-8000-000000000002";
    static final List<String> BIC_531 = List.of("previous_actions", "new_tasks_issues", "professional_issues", "personal_issues",
            "leave_toil_absence", "team_staff_issues", "health_safety", "feedback_complaints", "budget_implications",
            "training_development", "equality_issues", "aob");
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    World.Person priya;
    World.Person sam;
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
    void aCentralBedfordshireRecordWithBlankItemsCannotBeSignedUntilEachIsRecordedOrNotApplicable() {
        adopt(CENTRAL_BEDFORDSHIRE);
        String url = "/api/v1/sessions/" + held() + "/record";
        Api.Response written = api.put(url, supervisor, body(1), api.get(url, supervisor).header("ETag"));
        assertEquals(200, written.status(), written.body());
        assertTrue(text(written.json().get("missing")).contains("Required agenda item not recorded: New tasks / issues"),
                written.json().get("missing").toString());

        Api.Response refused = api.post(url + "/signatures", supervisor, null, written.header("ETag"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        JsonNode errors = refused.json().get("errors");
        assertEquals(11, errors.size(), errors.toString());
        List<String> pointers = new ArrayList<>();
        errors.forEach(e -> pointers.add(e.get("pointer").asText()));
        assertEquals(BIC_531.subList(1, 12).stream().map(k -> "/entries/" + k).toList(), pointers);
        assertEquals("Record \"Professional issues including GSCC (registration)\" or mark it as not applicable.",
                errors.get(1).get("message").asText());
        for (String key : BIC_531) {
            assertFalse(refused.json().get("detail").asText().contains(key) || messages(errors).contains(key), "no key shown: " + key);
        }
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM record_signature WHERE session_id = ?", written.json().get("sessionId").asText()));
        assertEquals("RECORDED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", written.json().get("sessionId").asText()));
        assertEquals(403, api.post(url + "/signatures", api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(),
                Fixtures.PASSWORD), null, written.header("ETag")).status(), "access is still checked first");

        // Each item recorded or marked not applicable: both sign and it locks.
        Api.Response complete = api.put(url, supervisor, body(12), written.header("ETag"));
        assertEquals(200, complete.status(), complete.body());
        Api.Response first = api.post(url + "/signatures", supervisor, null, complete.header("ETag"));
        assertEquals(200, first.status(), first.body());
        Api.Response locked = api.post(url + "/signatures", supervisee, null, first.header("ETag"));
        assertEquals("SIGNED", locked.json().get("status").asText(), locked.body());
    }

    @Test
    void coventryItemsAreNotRequiredAndWhatIsMissingNamesThemByLabel() {
        String url = "/api/v1/sessions/" + held() + "/record";
        Map<String, Object> one = new HashMap<>(recordFields());
        one.put("entries", List.of(Map.of("key", "workload_caseload", "text", "Caseload of 18.", "notApplicable", false)));
        Api.Response written = api.put(url, supervisor, one, api.get(url, supervisor).header("ETag"));
        List<String> missing = text(written.json().get("missing"));
        assertTrue(missing.contains("Agenda item not recorded: Feedback about performance"), missing.toString());
        assertFalse(missing.stream().anyMatch(m -> m.contains("performance_feedback")), missing.toString());

        // A key given twice is named by its label.
        Map<String, Object> twice = new HashMap<>(recordFields());
        twice.put("entries", List.of(Map.of("key", "aob", "notApplicable", true), Map.of("key", "aob", "notApplicable", true)));
        Api.Response refused = api.put(url, supervisor, twice, written.header("ETag"));
        assertEquals(422, refused.status());
        assertEquals("The agenda item \"AOB (any other business)\" is recorded twice.", refused.json().get("errors").get(0).get("message").asText());

        assertEquals(200, api.post(url + "/signatures", supervisor, null, written.header("ETag")).status(), "Coventry requires none");
    }

    // ---- helpers

    private void adopt(String profileId) {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response current = api.get("/api/v1/organisation/policy", admin);
        assertEquals(200, api.put("/api/v1/organisation/policy", admin, Map.of("profileId", profileId, "overrides", Map.of()),
                current.header("ETag")).status());
    }

    private String held() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("superviseeIds", List.of(sam.id()));
        plan.put("date", today.toString());
        plan.put("startTime", "00:00");
        plan.put("plannedMinutes", 90);
        plan.put("location", "Room 3");
        Api.Response booked = api.post("/api/v1/sessions", supervisor, plan);
        assertEquals(201, booked.status(), booked.body());
        String url = "/api/v1/sessions/" + booked.json().get("items").get(0).get("id").asText();
        Api.Response held = api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag"));
        assertEquals(200, held.status(), held.body());
        return held.json().get("id").asText();
    }

    /** The first n BIC 531 items recorded (every third one as not applicable), the rest left out. */
    private Map<String, Object> body(int n) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            entries.add(i % 3 == 2 ? Map.of("key", BIC_531.get(i), "notApplicable", true)
                    : Map.of("key", BIC_531.get(i), "text", "Discussed.", "notApplicable", false));
        }
        Map<String, Object> body = new HashMap<>(recordFields());
        body.put("entries", entries);
        return body;
    }

    private Map<String, Object> recordFields() {
        Map<String, Object> body = new HashMap<>();
        body.put("reflection", "What the child's view tells us.");
        body.put("nextDate", today.plusWeeks(4).toString());
        body.put("personalIssuesDiscussed", false);
        body.put("actionReviews", List.of());
        body.put("entries", List.of());
        return body;
    }

    private static List<String> text(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String messages(JsonNode errors) {
        StringBuilder out = new StringBuilder();
        errors.forEach(e -> out.append(e.get("message").asText()).append('\n'));
        return out.toString();
    }
}

package uk.supervision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy papers' minimums (decision 0014): session length (flagged on the session and the supervisor's
 * dashboard, warned about on an agreement) and frequencies (an agreement may make sessions more frequent,
 * longer only where the profile allows it).
 */
@MicronautTest(transactional = false)
class MinimumRulesApiTest extends ApiTest {
    static final String CENTRAL_BEDFORDSHIRE = "00000000-0000-7000-8000-000000000002";
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    World.Person priya;
    World.Person sam;
    String supervisor;
    String admin;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
    }

    @Test
    void aSessionHeldForLessThanTheMinimumIsFlaggedOnTheSessionAndTheDashboard() {
        String shortOne = hold(today.minusWeeks(3), 20);
        String fullOne = hold(today.minusWeeks(1), 90);

        JsonNode flagged = api.get("/api/v1/sessions/" + shortOne, supervisor).json();
        assertEquals(20, flagged.get("actualMinutes").asInt());
        assertEquals(90, flagged.get("minimumMinutesNotMet").asInt(), "Coventry asks 1.5 to 2 hours");
        assertFalse(api.get("/api/v1/sessions/" + fullOne, supervisor).json().has("minimumMinutesNotMet"));

        JsonNode row = samRow();
        assertEquals(1, row.get("shortSessions").asInt());
        assertEquals(90, row.get("minimumSessionMinutes").asInt());

        // The minimum is the organisation's to adjust, like its other rules.
        setPolicy(null, Map.of("minimumSessionMinutes", 15));
        assertFalse(api.get("/api/v1/sessions/" + shortOne, supervisor).json().has("minimumMinutesNotMet"));
        assertEquals(0, samRow().get("shortSessions").asInt());
        assertEquals(15, samRow().get("minimumSessionMinutes").asInt());
    }

    @Test
    void anAgreementBelowTheMinimumLengthIsAcceptedWithAWarning() {
        Map<String, Object> body = agreement(4, 30);
        body.put("superviseeId", sam.id());
        Api.Response drafted = api.post("/api/v1/agreements", supervisor, body);
        assertEquals(201, drafted.status(), drafted.body());
        JsonNode warnings = drafted.json().get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals("/durationMinutes", warnings.get(0).get("pointer").asText());
        assertTrue(warnings.get(0).get("message").asText().contains("90 minutes"), warnings.toString());
        assertEquals(30, fixtures.count("SELECT duration_minutes FROM agreement WHERE supervisee_id = ?", sam.id()), "stored as agreed");

        String url = "/api/v1/agreements/" + drafted.json().get("id").asText();
        Api.Response fixed = api.put(url, supervisor, agreement(4, 90), drafted.header("ETag"));
        assertEquals(200, fixed.status(), fixed.body());
        assertEquals(0, fixed.json().get("warnings").size());
    }

    @Test
    void centralBedfordshireFrequenciesAreMinimumsCoventryAllowsAnAgreedDeviation() {
        // Coventry: "any permanent deviation ... agreed and recorded in the Individual Supervision Agreement".
        String samToken = api.token(sam.username(), Fixtures.PASSWORD);
        Signing.activeAgreement(api, supervisor, samToken, sam.id(), 12);
        hold(today.minusWeeks(5), 90);
        JsonNode coventry = schedule();
        assertEquals("AGREEMENT", coventry.get("intervalSource").asText());
        assertEquals("ON_TRACK", coventry.get("status").asText());

        // Central Bedfordshire: "These are minimum frequencies". The 12 weeks agreed give way to the 4 weeks.
        setPolicy(CENTRAL_BEDFORDSHIRE, Map.of());
        JsonNode bedfordshire = schedule();
        assertEquals("P28D", bedfordshire.get("interval").asText());
        assertEquals("PROFILE", bedfordshire.get("intervalSource").asText());
        assertEquals(today.minusWeeks(1).toString(), bedfordshire.get("nextDue").asText());
        assertEquals("PAST_LONGEST_GAP", bedfordshire.get("status").asText());

        // Drafting a longer interval is refused with a pointer, and nothing is stored; a shorter one is fine.
        World.Person jo = world.person(world.teamA1(), "Jo", Role.PRACTITIONER);
        world.supervise(priya.staff(), jo.staff());
        Map<String, Object> longer = agreement(12, 90);
        longer.put("superviseeId", jo.id());
        Api.Response refused = api.post("/api/v1/agreements", supervisor, longer);
        assertEquals(422, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("/intervalWeeks", refused.json().get("errors").get(0).get("pointer").asText());
        assertTrue(refused.json().get("detail").asText().contains("every 4 weeks"), refused.body());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", jo.id()));
        Map<String, Object> shorter = agreement(2, 90);
        shorter.put("superviseeId", jo.id());
        Api.Response drafted = api.post("/api/v1/agreements", supervisor, shorter);
        assertEquals(201, drafted.status(), drafted.body());

        // Changing a draft to a longer interval is refused too, and the draft keeps its interval.
        String url = "/api/v1/agreements/" + drafted.json().get("id").asText();
        Map<String, Object> changed = agreement(8, 90);
        assertEquals(422, api.put(url, supervisor, changed, drafted.header("ETag")).status());
        assertEquals(2, fixtures.count("SELECT interval_weeks FROM agreement WHERE id = ?", drafted.json().get("id").asText()));

        // An organisation on Central Bedfordshire's profile may decide otherwise: a profile setting.
        setPolicy(CENTRAL_BEDFORDSHIRE, Map.of("agreementMayLengthenInterval", true));
        assertEquals(200, api.put(url, supervisor, changed, drafted.header("ETag")).status());
        assertEquals("AGREEMENT", schedule().get("intervalSource").asText());
    }

    @Test
    void aReviewCarryingAnIntervalTheProfileNoLongerAllowsIsNotSubmittedUntilChanged() {
        // Agreed at 12 weeks under Coventry's profile; the organisation then moves to Central Bedfordshire's minimums.
        String samToken = api.token(sam.username(), Fixtures.PASSWORD);
        String first = Signing.activeAgreement(api, supervisor, samToken, sam.id(), 12);
        setPolicy(CENTRAL_BEDFORDSHIRE, Map.of());
        Api.Response review = api.post("/api/v1/agreements/" + first + "/reviews", supervisor, null);
        assertEquals(201, review.status(), review.body());
        assertEquals(12, review.json().get("intervalWeeks").asInt(), "the review starts from what was agreed");
        String url = "/api/v1/agreements/" + review.json().get("id").asText();

        Api.Response refused = api.post(url + "/submission", supervisor, null, review.header("ETag"));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("/intervalWeeks", refused.json().get("errors").get(0).get("pointer").asText());
        assertEquals("DRAFT", fixtures.string("SELECT status FROM agreement WHERE id = ?", review.json().get("id").asText()));

        Api.Response changed = api.put(url, supervisor, agreement(4, 90), review.header("ETag"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(200, api.post(url + "/submission", supervisor, null, changed.header("ETag")).status());
    }

    // ---- helpers

    private JsonNode schedule() {
        Api.Response r = api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private JsonNode samRow() {
        for (JsonNode row : api.get("/api/v1/dashboards/my-supervisees", supervisor).json().get("items")) {
            if (row.get("supervisee").get("id").asText().equals(sam.id())) {
                return row;
            }
        }
        throw new AssertionError("Sam is not on the dashboard");
    }

    private void setPolicy(String profileId, Map<String, Object> overrides) {
        Api.Response current = api.get("/api/v1/organisation/policy", admin);
        String profile = profileId != null ? profileId : current.json().get("profile").get("id").asText();
        Api.Response r = api.put("/api/v1/organisation/policy", admin, Map.of("profileId", profile, "overrides", overrides),
                current.header("ETag"));
        assertEquals(200, r.status(), r.body());
    }

    private static Map<String, Object> agreement(int weeks, int minutes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intervalWeeks", weeks);
        body.put("durationMinutes", minutes);
        body.put("location", "Team room");
        body.put("answers", List.of());
        return body;
    }

    /** A one-to-one with Sam on a past date, held for so many minutes, through the API. */
    private String hold(LocalDate date, int minutes) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("superviseeIds", List.of(sam.id()));
        plan.put("date", date.toString());
        plan.put("startTime", "10:00");
        plan.put("plannedMinutes", 90);
        plan.put("location", "Room 3");
        Api.Response booked = api.post("/api/v1/sessions", supervisor, plan);
        assertEquals(201, booked.status(), booked.body());
        String url = "/api/v1/sessions/" + booked.json().get("items").get(0).get("id").asText();
        Api.Response held = api.post(url + "/held", supervisor, Map.of("actualMinutes", minutes), api.get(url, supervisor).header("ETag"));
        assertEquals(200, held.status(), held.body());
        return held.json().get("id").asText();
    }
}

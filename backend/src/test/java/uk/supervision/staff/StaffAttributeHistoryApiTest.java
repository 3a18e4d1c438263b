package uk.supervision.staff;

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
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Category, employment type, hours and caseload are dated changes, never overwritten (decision 0007). */
@MicronautTest(transactional = false)
class StaffAttributeHistoryApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    String hr;
    Staff sam;

    @BeforeEach
    void anNqswInPostForEightWeeks() {
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
        sam = fixtures.staff(world.org(), world.teamA1(), null, "Sam", "Asye", "NEWLY_QUALIFIED", "PERMANENT", today.minusWeeks(8));
    }

    @Test
    void aCategoryChangeWithAnEffectiveDateKeepsTheOldValuesAndTheHistoryListsBoth() {
        LocalDate completed = today.minusDays(3);
        Api.Response r = update(sam.id(), Map.of("category", "REGISTERED_SOCIAL_WORKER", "effectiveDate", completed.toString()));
        assertEquals(200, r.status(), r.body());
        assertEquals("REGISTERED_SOCIAL_WORKER", r.json().get("category").asText());

        // The first row is untouched; the change is a second row that sets the category only.
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ?", sam.id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ? AND category = 'NEWLY_QUALIFIED' "
                + "AND effective_from = ? AND employment_type = 'PERMANENT' AND weekly_hours = 37", sam.id(), today.minusWeeks(8)));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ? AND category = 'REGISTERED_SOCIAL_WORKER' "
                + "AND effective_from = ? AND employment_type IS NULL AND weekly_hours IS NULL AND carries_caseload IS NULL", sam.id(), completed));
        assertEquals("REGISTERED_SOCIAL_WORKER", fixtures.string("SELECT category FROM staff WHERE id = ?", sam.id()), "today's value cached");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'STAFF_UPDATED' AND entity_id = ? "
                + "AND summary LIKE ?", sam.id(), "%category%" + completed + "%"));

        JsonNode history = api.get("/api/v1/staff/" + sam.id() + "/history", hr).json();
        JsonNode periods = history.get("attributes");
        assertEquals(2, periods.size(), history.toString());
        assertEquals("NEWLY_QUALIFIED", periods.get(0).get("category").asText());
        assertEquals(today.minusWeeks(8).toString(), periods.get(0).get("effectiveFrom").asText());
        assertEquals(completed.minusDays(1).toString(), periods.get(0).get("effectiveTo").asText());
        assertEquals("REGISTERED_SOCIAL_WORKER", periods.get(1).get("category").asText());
        assertEquals(completed.toString(), periods.get(1).get("effectiveFrom").asText());
        assertFalse(periods.get(1).has("effectiveTo"));
        assertEquals(37.0, periods.get(1).get("weeklyHours").asDouble(), "unchanged values carry on");
        JsonNode changes = history.get("attributeChanges");
        assertEquals(2, changes.size());
        assertEquals("REGISTERED_SOCIAL_WORKER", changes.get(1).get("category").asText());
        assertFalse(changes.get(1).has("weeklyHours"), "only what changed");
        assertEquals(1, history.get("teams").size(), "teams still listed");
    }

    @Test
    void aCorrectionOnAnEarlierDateIsAFurtherRowAndTheLaterChangeStillHolds() {
        assertEquals(200, update(sam.id(), Map.of("category", "REGISTERED_SOCIAL_WORKER",
                "effectiveDate", today.minusDays(3).toString())).status());
        // HR learns the hours dropped to 30 a month ago; the values sent are those in force then (still newly qualified).
        Api.Response r = update(sam.id(), Map.of("category", "NEWLY_QUALIFIED", "weeklyHours", 30,
                "effectiveDate", today.minusMonths(1).toString()));
        assertEquals(200, r.status(), r.body());
        assertEquals("REGISTERED_SOCIAL_WORKER", r.json().get("category").asText(), "the later category change still holds");
        assertEquals(30.0, r.json().get("weeklyHours").asDouble());
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ?", sam.id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ? AND effective_from = ? "
                + "AND weekly_hours = 30 AND category IS NULL", sam.id(), today.minusMonths(1)));

        JsonNode periods = api.get("/api/v1/staff/" + sam.id() + "/history", hr).json().get("attributes");
        assertEquals(3, periods.size());
        assertEquals(37.0, periods.get(0).get("weeklyHours").asDouble());
        assertEquals("NEWLY_QUALIFIED", periods.get(1).get("category").asText());
        assertEquals(30.0, periods.get(1).get("weeklyHours").asDouble());
        assertEquals("REGISTERED_SOCIAL_WORKER", periods.get(2).get("category").asText());
        assertEquals(30.0, periods.get(2).get("weeklyHours").asDouble());

        // Sending the same values again (no date: today) records nothing.
        JsonNode current = api.get("/api/v1/staff/" + sam.id(), hr).json();
        assertEquals(200, update(sam.id(), Map.of("category", current.get("category").asText(), "weeklyHours", 30)).status());
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ?", sam.id()));
    }

    @Test
    void refusedChangesStoreNothing() {
        long version = fixtures.count("SELECT version FROM staff WHERE id = ?", sam.id());
        Api.Response future = update(sam.id(), Map.of("category", "REGISTERED_SOCIAL_WORKER", "effectiveDate", today.plusDays(1).toString()));
        assertEquals(422, future.status(), future.body());
        assertEquals("application/problem+json", future.contentType());
        assertEquals("/effectiveDate", future.json().get("errors").get(0).get("pointer").asText());
        Api.Response beforeStart = update(sam.id(), Map.of("category", "REGISTERED_SOCIAL_WORKER",
                "effectiveDate", today.minusWeeks(8).minusDays(1).toString()));
        assertEquals(422, beforeStart.status(), beforeStart.body());
        assertEquals("/effectiveDate", beforeStart.json().get("errors").get(0).get("pointer").asText());
        Api.Response notADate = update(sam.id(), Map.of("category", "REGISTERED_SOCIAL_WORKER", "effectiveDate", "yesterday"));
        assertEquals(400, notADate.status(), notADate.body());

        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        world.supervise(priya.staff(), sam);
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        Map<String, Object> body = body(api.get("/api/v1/staff/" + sam.id(), hr).json(), Map.of("category", "REGISTERED_SOCIAL_WORKER"));
        assertEquals(403, api.put("/api/v1/staff/" + sam.id(), supervisor, body,
                api.get("/api/v1/staff/" + sam.id(), hr).header("ETag")).status(), "a supervisor does not change staff details");

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM staff_attribute_change WHERE staff_id = ?", sam.id()));
        assertEquals("NEWLY_QUALIFIED", fixtures.string("SELECT category FROM staff WHERE id = ?", sam.id()));
        assertEquals(version, fixtures.count("SELECT version FROM staff WHERE id = ?", sam.id()), "the row was not written");
    }

    @Test
    void theHistoryIsReadByWhoeverMayReadTheRecord() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person self = world.person(world.teamA1(), "Self", Role.PRACTITIONER);
        world.supervise(priya.staff(), self.staff());
        World.Person colleague = world.person(world.teamA1(), "Cat", Role.PRACTITIONER);
        World.Person otherSupervisor = world.person(world.teamA2(), "Oscar", Role.SUPERVISOR);
        World.Person managerA = world.person(null, "Mina", Role.SERVICE_MANAGER);
        String path = "/api/v1/staff/" + self.id() + "/history";
        Map<String, Integer> expected = new HashMap<>();
        expected.put(self.username(), 200);
        expected.put(priya.username(), 200);
        expected.put(managerA.username(), 200);
        expected.put(colleague.username(), 403);
        expected.put(otherSupervisor.username(), 403);
        expected.put(world.accountOnly(Role.QA_AUDITOR).username(), 200);
        expected.put(world.accountOnly(Role.ADMIN).username(), 200);
        expected.put(world.accountOnly(Role.ELECTED_MEMBER).username(), 403);
        expected.forEach((user, status) -> {
            String token = api.token(user, Fixtures.PASSWORD);
            assertEquals(api.get("/api/v1/staff/" + self.id(), token).status(), api.get(path, token).status(), user + ": as the record");
            assertEquals(status.intValue(), api.get(path, token).status(), user);
        });
        World elsewhere = fixtures.organisation();
        String otherHr = api.token(elsewhere.person(null, "Olga", Role.HR).username(), Fixtures.PASSWORD);
        assertEquals(404, api.get(path, otherHr).status(), "another organisation's person does not exist");
        assertEquals(401, api.get(path, null).status());
    }

    private Api.Response update(String id, Map<String, Object> changes) {
        Api.Response current = api.get("/api/v1/staff/" + id, hr);
        assertEquals(200, current.status(), current.body());
        return api.put("/api/v1/staff/" + id, hr, body(current.json(), changes), current.header("ETag"));
    }

    /** The whole StaffUpdate body from a read, with some fields changed. */
    private static Map<String, Object> body(JsonNode staff, Map<String, Object> changes) {
        Map<String, Object> body = new HashMap<>();
        for (String f : new String[]{"givenName", "familyName", "email", "jobTitle", "category", "employmentType",
                "employmentStartDate", "postStartDate"}) {
            body.put(f, staff.get(f).asText());
        }
        body.put("weeklyHours", staff.get("weeklyHours").asDouble());
        body.put("carriesCaseload", staff.get("carriesCaseload").asBoolean());
        if (staff.has("caseloadSize")) {
            body.put("caseloadSize", staff.get("caseloadSize").asInt());
        }
        body.putAll(changes);
        return body;
    }
}

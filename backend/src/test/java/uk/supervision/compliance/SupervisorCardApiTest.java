package uk.supervision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What the supervisor's card says waits for each supervisee (UX.md): records to write, records written and
 * not signed, and overdue actions, each counted per person in one set-based query.
 */
@MicronautTest(transactional = false)
class SupervisorCardApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));

    @Test
    void eachCardCountsRecordsToWriteUnsignedRecordsAndOverdueActions() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        Staff sam = world.worker(world.teamA1(), "Sam", "Supervisee");
        Staff jo = world.worker(world.teamA1(), "Jo", "Supervisee");
        world.supervise(priya.staff(), sam);
        world.supervise(priya.staff(), jo);

        String first = held(supervisor, sam.id(), today.minusWeeks(3));
        String second = held(supervisor, sam.id(), today.minusWeeks(1));
        held(supervisor, sam.id(), today.minusDays(1));
        for (String session : List.of(first, second)) {
            String url = "/api/v1/sessions/" + session + "/record";
            Api.Response written = api.put(url, supervisor, Map.of("entries", List.of(), "personalIssuesDiscussed", false,
                    "actionReviews", List.of()), api.get(url, supervisor).header("ETag"));
            assertEquals(200, written.status(), written.body());
        }
        for (LocalDate due : List.of(today.minusDays(3), today.minusDays(1), today.plusDays(5))) {
            assertEquals(201, api.post("/api/v1/actions", supervisor, Map.of("superviseeId", sam.id(), "ownerId", sam.id(),
                    "text", "Update the chronology", "dueDate", due.toString())).status());
        }

        Map<String, JsonNode> rows = new HashMap<>();
        api.get("/api/v1/dashboards/my-supervisees", supervisor).json().get("items")
                .forEach(row -> rows.put(row.get("supervisee").get("id").asText(), row));
        JsonNode samRow = rows.get(sam.id());
        assertEquals(1, samRow.get("heldAwaitingRecord").asInt(), "three held, one with no record written");
        assertEquals(2, samRow.get("recordsAwaitingSignature").asInt(), "two written and waiting for signatures");
        assertEquals(2, samRow.get("overdueActions").asInt(), "two of three actions are past due");
        JsonNode joRow = rows.get(jo.id());
        assertEquals(0, joRow.get("recordsAwaitingSignature").asInt(), "sent as 0, not left out");
        assertEquals(0, joRow.get("overdueActions").asInt());
    }

    private String held(String token, String superviseeId, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", List.of(superviseeId));
        body.put("date", date.toString());
        body.put("startTime", "10:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3");
        Api.Response r = api.post("/api/v1/sessions", token, body);
        assertEquals(201, r.status(), r.body());
        String url = "/api/v1/sessions/" + r.json().get("items").get(0).get("id").asText();
        Api.Response held = api.post(url + "/held", token, Map.of("actualMinutes", 90), api.get(url, token).header("ETag"));
        assertEquals(200, held.status(), held.body());
        return r.json().get("items").get(0).get("id").asText();
    }
}

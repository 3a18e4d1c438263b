package uk.supervision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A planned session whose date passed without being held, postponed or cancelled is flagged to its supervisor. */
@MicronautTest(transactional = false)
class NotRecordedAsHeldApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void theSupervisorsCardListsPlannedSessionsWhoseDatePassedUntilTheyAreRecorded() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);

        String lastWeek = planned(supervisor, sam.id(), today.minusDays(7));
        String yesterday = planned(supervisor, sam.id(), today.minusDays(1));
        String postponed = planned(supervisor, sam.id(), today.minusDays(3));
        String upcoming = planned(supervisor, sam.id(), today.plusDays(2));
        String url = "/api/v1/sessions/" + postponed;
        assertEquals(200, api.post(url + "/postponement", supervisor, Map.of("reason", "Court"), api.get(url, supervisor).header("ETag")).status());

        JsonNode row = rowOf(supervisor, sam.id());
        assertEquals(List.of(lastWeek, yesterday), ids(row.get("notRecordedAsHeld")), row.toString());
        assertEquals(today.minusDays(7).toString(), row.get("notRecordedAsHeld").get(0).get("date").asText());
        assertEquals(upcoming, row.get("nextPlanned").get("id").asText(), "next planned is still the one ahead");

        String held = "/api/v1/sessions/" + lastWeek;
        assertEquals(200, api.post(held + "/held", supervisor, Map.of("actualMinutes", 90), api.get(held, supervisor).header("ETag")).status());
        assertEquals(List.of(yesterday), ids(rowOf(supervisor, sam.id()).get("notRecordedAsHeld")));
        String cancelled = "/api/v1/sessions/" + yesterday;
        assertEquals(200, api.post(cancelled + "/cancellation", supervisor, Map.of("cancelledBy", "SUPERVISEE", "reason", "Sick"),
                api.get(cancelled, supervisor).header("ETag")).status());
        assertTrue(ids(rowOf(supervisor, sam.id()).get("notRecordedAsHeld")).isEmpty());
    }

    private String planned(String token, String superviseeId, LocalDate date) {
        Api.Response r = api.post("/api/v1/sessions", token, Map.of("superviseeIds", List.of(superviseeId), "date", date.toString(),
                "startTime", "09:00", "plannedMinutes", 90, "location", "Room 2"));
        assertEquals(201, r.status(), r.body());
        return r.json().get("items").get(0).get("id").asText();
    }

    private JsonNode rowOf(String token, String superviseeId) {
        for (JsonNode row : api.get("/api/v1/dashboards/my-supervisees", token).json().get("items")) {
            if (row.get("supervisee").get("id").asText().equals(superviseeId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + superviseeId);
    }

    private static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        if (items != null) {
            items.forEach(i -> out.add(i.get("id").asText()));
        }
        return out;
    }
}

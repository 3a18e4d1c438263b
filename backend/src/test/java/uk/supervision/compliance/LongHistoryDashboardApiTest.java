package uk.supervision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A supervisee with ten years of sessions: the dashboard and the schedule, which now read ranges of the
 * participant rows (V039), give what the whole history gives.
 */
@MicronautTest(transactional = false)
class LongHistoryDashboardApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    @Test
    void tenYearsOfSessionsGiveTheSameCardAndSchedule() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        Staff lee = fixtures.staff(world.org(), world.teamA1(), null, "Lee", "Decade", "REGISTERED_SOCIAL_WORKER", "PERMANENT",
                today.minusYears(10));
        fixtures.supervise(priya.staff(), lee, today.minusYears(10));
        int old = 0;
        for (LocalDate d = today.minusYears(10).plusMonths(1); !d.isAfter(today.minusMonths(20)); d = d.plusMonths(2)) {
            session(priya.staff(), lee, "ONE_TO_ONE", "SIGNED", d, 90);
            old++;
        }
        session(priya.staff(), lee, "GROUP", "SIGNED", today.minusYears(8), 60);
        // Nine years ago, held and never written up: still a record to write.
        session(priya.staff(), lee, "ONE_TO_ONE", "HELD", today.minusYears(9).plusDays(3), 90);
        session(priya.staff(), lee, "ONE_TO_ONE", "SIGNED", today.minusDays(200), 5);
        session(priya.staff(), lee, "ONE_TO_ONE", "RECORDED", today.minusDays(30), 90);
        session(priya.staff(), lee, "ONE_TO_ONE", "CANCELLED", today.minusDays(1), null);
        String next = session(priya.staff(), lee, "ONE_TO_ONE", "PLANNED", today.plusDays(10), null);
        assertEquals(old + 6, fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ? AND meeting_date IS NOT NULL", lee.id()));

        JsonNode row = null;
        for (JsonNode r : api.get("/api/v1/dashboards/my-supervisees", supervisor).json().get("items")) {
            if (r.get("supervisee").get("id").asText().equals(lee.id())) {
                row = r;
            }
        }
        assertEquals(today.minusDays(30).toString(), row.get("schedule").get("lastHeld").asText());
        assertEquals(2, row.get("schedule").get("sessionsInLast12Months").asInt(), "the 5-minute one and the recorded one");
        assertEquals(1, row.get("heldAwaitingRecord").asInt(), "the one nine years ago");
        assertEquals(1, row.get("recordsAwaitingSignature").asInt());
        assertEquals(1, row.get("shortSessions").asInt(), "the 5-minute one, in the last 12 months");
        assertEquals(next, row.get("nextPlanned").get("id").asText());

        JsonNode schedule = api.get("/api/v1/staff/" + lee.id() + "/schedule", supervisor).json();
        assertEquals(today.minusDays(30).toString(), schedule.get("lastHeld").asText());
        assertEquals(2, schedule.get("sessionsInLast12Months").asInt());

        // Nothing held in the last 13 months: the last one before them (20 months ago at most) is what the clock runs from.
        fixtures.execute("UPDATE supervision_session SET status = 'CANCELLED' WHERE id IN (SELECT session_id FROM session_participant "
                + "WHERE supervisee_id = ? AND meeting_date >= ?)", lee.id(), Date.valueOf(today.minusMonths(13)));
        JsonNode earlier = api.get("/api/v1/staff/" + lee.id() + "/schedule", supervisor).json();
        LocalDate lastOld = today.minusYears(10).plusMonths(1).plusMonths(2L * (old - 1));
        assertEquals(lastOld.toString(), earlier.get("lastHeld").asText());
        assertEquals(0, earlier.get("sessionsInLast12Months").asInt());
    }

    private String session(Staff supervisor, Staff supervisee, String kind, String status, LocalDate day, Integer minutes) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, "
                        + "planned_minutes, location, actual_minutes, version, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, '10:00', 90, 'Room 1', ?, 1, ?, ?)",
                id, world.org().id(), supervisor.id(), kind, status, Date.valueOf(day), minutes, now, now);
        fixtures.execute("INSERT INTO session_participant (session_id, supervisee_id) VALUES (?, ?)", id, supervisee.id());
        return id;
    }
}

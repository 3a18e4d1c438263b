package uk.supervision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An NQSW completes the ASYE: from that date the standard cadence applies, and the schedule computed for a day
 * before it still uses the newly-qualified one (LGA profile: fortnightly from 6 weeks to 6 months, then monthly).
 */
@MicronautTest(transactional = false)
class EffectiveDatedScheduleTest extends ApiTest {
    private static final String LGA = "00000000-0000-7000-8000-000000000003";
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    @Inject
    ComplianceService compliance;
    @Inject
    StaffRepository staff;
    @Inject
    io.micronaut.transaction.TransactionOperations<java.sql.Connection> transactions;

    @Test
    void theScheduleBeforeAndAfterTheAsyeIsCompletedUsesTheCadenceInForceOnEachDay() {
        fixtures.execute("UPDATE organisation_policy SET profile_id = ? WHERE organisation_id = ?", LGA, world.org().id());
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        String hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
        Staff sam = fixtures.staff(world.org(), world.teamA1(), null, "Sam", "Asye", "NEWLY_QUALIFIED", "PERMANENT", today.minusWeeks(8));
        world.supervise(priya.staff(), sam);
        LocalDate lastHeld = today.minusDays(10);
        held(sam, priya.staff(), lastHeld);

        JsonNode nqsw = api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor).json();
        assertEquals("P14D", nqsw.get("interval").asText(), nqsw.toString());
        assertEquals("CADENCE_STEP", nqsw.get("intervalSource").asText());
        assertEquals(lastHeld.plusWeeks(2).toString(), nqsw.get("nextDue").asText());

        LocalDate completed = today.minusDays(3);
        Api.Response current = api.get("/api/v1/staff/" + sam.id(), hr);
        Map<String, Object> body = new HashMap<>();
        for (String f : new String[]{"givenName", "familyName", "email", "jobTitle", "employmentType", "employmentStartDate", "postStartDate"}) {
            body.put(f, current.json().get(f).asText());
        }
        body.put("weeklyHours", 37);
        body.put("carriesCaseload", true);
        body.put("caseloadSize", 10);
        body.put("category", "REGISTERED_SOCIAL_WORKER");
        body.put("effectiveDate", completed.toString());
        Api.Response updated = api.put("/api/v1/staff/" + sam.id(), hr, body, current.header("ETag"));
        assertEquals(200, updated.status(), updated.body());

        JsonNode qualified = api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor).json();
        assertEquals("P1M", qualified.get("interval").asText(), qualified.toString());
        assertEquals("PROFILE", qualified.get("intervalSource").asText());
        assertEquals(lastHeld.plusMonths(1).toString(), qualified.get("nextDue").asText());
        assertEquals(lastHeld.toString(), qualified.get("measuredFrom").asText(), "the clock is not reset by the change");

        // The same person computed for a day before and a day after the ASYE was completed.
        Staff stored = staff.findById(sam.id()).orElseThrow();
        Schedule before = scheduleOn(stored, completed.minusDays(1));
        assertEquals(Period.ofWeeks(2), before.interval());
        assertEquals(IntervalSource.CADENCE_STEP, before.intervalSource());
        assertEquals(lastHeld.plusWeeks(2), before.nextDue());
        Schedule after = scheduleOn(stored, completed);
        assertEquals(Period.ofMonths(1), after.interval());
        assertEquals(IntervalSource.PROFILE, after.intervalSource());
        assertEquals(lastHeld.plusMonths(1), after.nextDue());
    }

    private Schedule scheduleOn(Staff person, LocalDate day) {
        return transactions.executeRead(status -> compliance.schedules(world.org().id(), List.of(person), day).get(person.id()));
    }

    /** A one-to-one session held on a date, straight into the database. */
    private void held(Staff supervisee, Staff supervisor, LocalDate date) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, "
                + "planned_minutes, location, actual_minutes, version, created_at, updated_at) VALUES (?, ?, ?, 'ONE_TO_ONE', 'HELD', ?, "
                + "'10:00', 90, 'Room 1', 90, 1, ?, ?)", id, world.org().id(), supervisor.id(), Date.valueOf(date), now, now);
        fixtures.execute("INSERT INTO session_participant (session_id, supervisee_id) VALUES (?, ?)", id, supervisee.id());
    }
}

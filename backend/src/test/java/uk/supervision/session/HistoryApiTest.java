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
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Entering the paper history: a session that already happened is recorded under the supervisor of the time,
 * held at once, then written and signed; dates outside the person's employment or more than two years ahead
 * are refused with a pointer; and a year of history entered this way gives the schedule the policy says.
 */
@MicronautTest(transactional = false)
class HistoryApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    World.Person priya;
    World.Person olu;
    World.Person sam;
    String supervisor;
    String supervisee;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        olu = world.person(world.teamA1(), "Olu", Role.SUPERVISOR, Role.PRACTITIONER);
        // Sam started two years ago (World.worker): Olu supervised them until 14 months ago, Priya since.
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        LocalDate handover = today.minusMonths(14);
        // Olu's time is entered as history through the API, with its end date, as an HR adviser would.
        String hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
        Api.Response history = api.post("/api/v1/supervision-relations", hr, Map.of("supervisorId", olu.id(), "superviseeId", sam.id(),
                "fromDate", sam.staff().employmentStartDate().toString(), "toDate", handover.minusDays(1).toString()));
        assertEquals(201, history.status(), history.body());
        fixtures.supervise(priya.staff(), sam.staff(), handover);
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void aYearOfPaperHistoryEnteredThroughTheApiGivesThePolicysSchedule() {
        // Coventry: 4-weekly, longest gap 6 weeks, 2 months the limit, 10 a year. Eleven sessions over the last year,
        // the last 20 days ago, each planned as already held, written and signed by both.
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 10; i >= 0; i--) {
            dates.add(today.minusDays(20 + 31L * i));
        }
        for (LocalDate date : dates) {
            JsonNode held = past(date, "09:30", 85);
            assertEquals("HELD", held.get("status").asText(), held.toString());
            assertEquals(priya.id(), held.get("supervisor").get("id").asText(), "the supervisor in force on " + date);
            assertEquals(85, held.get("actualMinutes").asInt());
            writeAndSign(held.get("id").asText());
        }
        assertEquals(11, fixtures.count("SELECT COUNT(*) FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                + "WHERE p.supervisee_id = ? AND s.status = 'SIGNED'", sam.id()));

        JsonNode schedule = api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor).json();
        LocalDate last = dates.get(dates.size() - 1);
        assertEquals(last.toString(), schedule.get("lastHeld").asText());
        assertEquals(last.plusWeeks(4).toString(), schedule.get("nextDue").asText());
        assertEquals(last.plusWeeks(6).toString(), schedule.get("latestAllowed").asText());
        assertEquals(last.plusMonths(2).toString(), schedule.get("breachDate").asText());
        assertEquals(11, schedule.get("sessionsInLast12Months").asInt());
        assertTrue(schedule.get("meetsMinimum").asBoolean());
        assertEquals("ON_TRACK", schedule.get("status").asText(), schedule.toString());

        // Someone whose paper history stops 70 days ago is past the two-month limit.
        World.Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(priya.staff(), lee.staff());
        LocalDate leesLast = today.minusDays(70);
        assertEquals(201, api.post("/api/v1/sessions", supervisor, pastPlan(lee.id(), leesLast, "10:00", 90)).status());
        JsonNode breach = api.get("/api/v1/staff/" + lee.id() + "/schedule", supervisor).json();
        assertEquals("BREACH", breach.get("status").asText(), breach.toString());
        assertEquals(leesLast.plusMonths(2).toString(), breach.get("breachDate").asText());
        assertEquals(1, breach.get("sessionsInLast12Months").asInt());
    }

    @Test
    void aPastSessionGoesToTheSupervisorOfTheTime() {
        JsonNode held = past(today.minusMonths(18), "14:00", 90);
        assertEquals(olu.id(), held.get("supervisor").get("id").asText());
        assertEquals(olu.id(), fixtures.string("SELECT supervisor_id FROM supervision_session WHERE id = ?", held.get("id").asText()));
        // Planned without "held", a past session also goes to the supervisor of the time.
        Map<String, Object> planned = SessionApiTest.plan(List.of(sam.id()), today.minusMonths(3), 1);
        JsonNode recent = api.post("/api/v1/sessions", supervisor, planned).json().get("items").get(0);
        assertEquals(priya.id(), recent.get("supervisor").get("id").asText());
        assertEquals("PLANNED", recent.get("status").asText());

        // Nobody supervised Lee a year ago: the date is refused, not given to today's supervisor.
        World.Person lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(priya.staff(), lee.staff());
        Api.Response nobody = api.post("/api/v1/sessions", supervisor, pastPlan(lee.id(), today.minusYears(1), "10:00", 90));
        assertProblem(nobody, 422, "/date");
        assertEquals(0, sessionsOf(lee.id()));
    }

    @Test
    void datesBeforeTheEmploymentStartOrMoreThanTwoYearsAheadAreRefusedOnPlanSeriesRescheduleAndRebook() {
        LocalDate beforeStart = sam.staff().employmentStartDate().minusDays(1);
        assertProblem(api.post("/api/v1/sessions", supervisor, pastPlan(sam.id(), beforeStart, "10:00", 90)), 422, "/date");
        assertProblem(api.post("/api/v1/sessions", supervisor, SessionApiTest.plan(List.of(sam.id()), beforeStart, 1)), 422, "/date");
        assertProblem(api.post("/api/v1/sessions", supervisor, SessionApiTest.plan(List.of(sam.id()), today.plusYears(2).plusDays(1), 1)), 422, "/date");
        assertProblem(api.post("/api/v1/sessions", supervisor, SessionApiTest.plan(List.of(sam.id()), today.plusYears(2).minusWeeks(6), 3)), 422, "/count");
        assertEquals(0, sessionsOf(sam.id()), "nothing partial is stored");

        JsonNode s = api.post("/api/v1/sessions", supervisor, SessionApiTest.plan(List.of(sam.id()), today.plusDays(7), 1)).json().get("items").get(0);
        String url = "/api/v1/sessions/" + s.get("id").asText();
        String etag = api.get(url, supervisor).header("ETag");
        assertProblem(api.post(url + "/rescheduling", supervisor, Map.of("date", beforeStart.toString(), "startTime", "10:00"), etag), 422, "/date");
        assertProblem(api.post(url + "/rescheduling", supervisor, Map.of("date", today.plusYears(3).toString(), "startTime", "10:00"), etag), 422, "/date");
        // A past date under another supervisor (Olu's time) is not this session's to move to.
        assertProblem(api.post(url + "/rescheduling", supervisor, Map.of("date", today.minusMonths(18).toString(), "startTime", "10:00"), etag), 422, "/date");
        assertProblem(api.post(url + "/cancellation", supervisor, Map.of("cancelledBy", "SUPERVISOR", "reason", "Sick",
                "rebookDate", today.plusYears(2).plusWeeks(1).toString()), etag), 422, "/rebookDate");
        assertEquals(today.plusDays(7).toString(), fixtures.string("SELECT meeting_date FROM supervision_session WHERE id = ?", s.get("id").asText()));
        assertEquals("PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", s.get("id").asText()));
        assertEquals(1, sessionsOf(sam.id()));
    }

    @Test
    void aSeriesThatWouldRunPastTheLeavingDateIsRefused() {
        LocalDate leaving = today.plusWeeks(6);
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", java.sql.Date.valueOf(leaving), sam.id());
        // Four sessions from next week run past the leaving date: the last is what goes too far.
        assertProblem(api.post("/api/v1/sessions", supervisor, SessionApiTest.plan(List.of(sam.id()), today.plusWeeks(1), 4)), 422, "/count");
        assertEquals(0, sessionsOf(sam.id()), "nothing partial is stored");
        // One session before the leaving date is fine.
        assertEquals(201, api.post("/api/v1/sessions", supervisor, SessionApiTest.plan(List.of(sam.id()), today.plusWeeks(1), 1)).status());
        assertEquals(1, sessionsOf(sam.id()));
    }

    @Test
    void aSessionIsNotHeldBeforeItStarts() {
        // Today at 23:59 has not started (run before then); held at once or later, it is refused.
        LocalTime now = LocalTime.now(ZoneId.of("Europe/London"));
        assertTrue(now.isBefore(LocalTime.of(23, 59)), "the run is before 23:59");
        assertProblem(api.post("/api/v1/sessions", supervisor, pastPlan(sam.id(), today, "23:59", 90)), 422, "/startTime");
        assertProblem(api.post("/api/v1/sessions", supervisor, pastPlan(sam.id(), today.plusDays(1), "09:00", 90)), 422, "/date");
        Map<String, Object> series = pastPlan(sam.id(), today.minusWeeks(8), "09:00", 90);
        series.put("count", 2);
        assertProblem(api.post("/api/v1/sessions", supervisor, series), 422, "/count");
        assertEquals(0, sessionsOf(sam.id()));

        JsonNode tonight = api.post("/api/v1/sessions", supervisor, plan(today, "23:59")).json().get("items").get(0);
        String url = "/api/v1/sessions/" + tonight.get("id").asText();
        Api.Response early = api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag"));
        assertEquals(422, early.status(), early.body());
        assertEquals("PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", tonight.get("id").asText()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM session_record WHERE session_id = ?", tonight.get("id").asText()));

        JsonNode thisMorning = api.post("/api/v1/sessions", supervisor, plan(today, "00:00")).json().get("items").get(0);
        String started = "/api/v1/sessions/" + thisMorning.get("id").asText();
        assertEquals(200, api.post(started + "/held", supervisor, Map.of("actualMinutes", 90), api.get(started, supervisor).header("ETag")).status());
    }

    // ---- helpers

    private Map<String, Object> plan(LocalDate date, String time) {
        Map<String, Object> body = SessionApiTest.plan(List.of(sam.id()), date, 1);
        body.put("startTime", time);
        return body;
    }

    private static Map<String, Object> pastPlan(String superviseeId, LocalDate date, String time, int minutes) {
        Map<String, Object> body = new HashMap<>(SessionApiTest.plan(List.of(superviseeId), date, 1));
        body.put("startTime", time);
        body.put("held", Map.of("actualMinutes", minutes));
        return body;
    }

    private JsonNode past(LocalDate date, String time, int minutes) {
        Api.Response r = api.post("/api/v1/sessions", supervisor, pastPlan(sam.id(), date, time, minutes));
        assertEquals(201, r.status(), r.body());
        return r.json().get("items").get(0);
    }

    private void writeAndSign(String sessionId) {
        String url = "/api/v1/sessions/" + sessionId + "/record";
        List<Map<String, Object>> entries = new ArrayList<>();
        for (String key : List.of("workload_caseload", "performance_feedback", "work_personal_issues", "learning_reflective_practice", "aob")) {
            entries.add(Map.of("key", key, "text", "From the paper file: " + key.replace('_', ' ') + ".", "notApplicable", false));
        }
        Map<String, Object> body = new HashMap<>();
        body.put("entries", entries);
        body.put("personalIssuesDiscussed", false);
        body.put("actionReviews", List.of());
        Api.Response written = api.put(url, supervisor, body, api.get(url, supervisor).header("ETag"));
        assertEquals(200, written.status(), written.body());
        Api.Response mine = api.post(url + "/signatures", supervisor, null, written.header("ETag"));
        assertEquals(200, mine.status(), mine.body());
        Api.Response theirs = api.post(url + "/signatures", supervisee, null, mine.header("ETag"));
        assertEquals("SIGNED", theirs.json().get("status").asText(), theirs.body());
    }

    private long sessionsOf(String superviseeId) {
        return fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", superviseeId);
    }

    private static void assertProblem(Api.Response r, int status, String pointer) {
        assertEquals(status, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        assertEquals(pointer, r.json().get("errors").get(0).get("pointer").asText(), r.body());
    }
}

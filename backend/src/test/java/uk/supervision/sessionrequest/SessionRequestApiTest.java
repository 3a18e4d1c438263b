package uk.supervision.sessionrequest;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.ClockFactory;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 7, 3e: a supervisee asks for an extra session; the supervisor books it or declines it with a reason. */
@MicronautTest(transactional = false)
class SessionRequestApiTest extends ApiTest {
    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    LocalDate today;

    @BeforeEach
    void samIsSupervisedByPriya() {
        today = LocalDate.now(ClockFactory.ORGANISATION_ZONE);
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
    }

    @Test
    void aSuperviseeAsksAndTheSupervisorBooksASessionLinkedToTheRequest() {
        Api.Response asked = api.post("/api/v1/session-requests", supervisee, Map.of("reason", "A difficult visit on Tuesday",
                "preferredDates", List.of(today.plusDays(3).toString(), today.plusDays(2).toString())));
        assertEquals(201, asked.status(), asked.body());
        JsonNode request = asked.json();
        assertEquals("REQUESTED", request.get("status").asText());
        assertEquals(priya.id(), request.get("supervisor").get("id").asText());
        assertEquals(List.of(today.plusDays(2).toString(), today.plusDays(3).toString()),
                List.of(request.get("preferredDates").get(0).asText(), request.get("preferredDates").get(1).asText()));
        String id = request.get("id").asText();

        // The supervisor sees it among the open requests; the supervisee cannot book their own.
        JsonNode open = api.get("/api/v1/session-requests?status=REQUESTED", supervisor).json().get("items");
        assertEquals(List.of(id), idsOf(open));
        Map<String, Object> booking = Map.of("date", today.plusDays(2).toString(), "startTime", "14:00", "plannedMinutes", 90,
                "location", "Room 4");
        assertEquals(403, api.post("/api/v1/session-requests/" + id + "/booking", supervisee, booking, asked.header("ETag")).status());

        Api.Response booked = api.post("/api/v1/session-requests/" + id + "/booking", supervisor, booking, asked.header("ETag"));
        assertEquals(200, booked.status(), booked.body());
        JsonNode b = booked.json();
        assertEquals("BOOKED", b.get("status").asText());
        assertEquals(priya.id(), b.get("decidedBy").get("id").asText());
        String session = b.get("session").get("id").asText();
        assertEquals("PLANNED", b.get("session").get("status").asText());
        assertEquals(session, fixtures.string("SELECT session_id FROM session_request WHERE id = ?", id));
        assertEquals(today.plusDays(2).toString(), fixtures.string("SELECT meeting_date FROM supervision_session WHERE id = ?", session));
        assertEquals(priya.id(), fixtures.string("SELECT supervisor_id FROM supervision_session WHERE id = ?", session));
        assertEquals(sam.id(), fixtures.string("SELECT supervisee_id FROM session_participant WHERE session_id = ?", session));

        // The supervisee sees the outcome; a second decision is refused.
        JsonNode mine = api.get("/api/v1/session-requests", supervisee).json().get("items").get(0);
        assertEquals("BOOKED", mine.get("status").asText());
        assertEquals(session, mine.get("session").get("id").asText());
        assertEquals(409, api.post("/api/v1/session-requests/" + id + "/declination", supervisor, Map.of("reason", "No"),
                booked.header("ETag")).status());
    }

    @Test
    void theSupervisorDeclinesWithAReasonTheSuperviseeSees() {
        Api.Response asked = api.post("/api/v1/session-requests", supervisee, Map.of("reason", "Caseload review"));
        assertEquals(201, asked.status(), asked.body());
        String id = asked.json().get("id").asText();
        Api.Response blank = api.post("/api/v1/session-requests/" + id + "/declination", supervisor, Map.of("reason", "  "), asked.header("ETag"));
        assertEquals(422, blank.status(), blank.body());
        assertEquals("REQUESTED", fixtures.string("SELECT status FROM session_request WHERE id = ?", id));

        Api.Response declined = api.post("/api/v1/session-requests/" + id + "/declination", supervisor,
                Map.of("reason", "We meet on Monday anyway"), asked.header("ETag"));
        assertEquals(200, declined.status(), declined.body());
        JsonNode mine = api.get("/api/v1/session-requests", supervisee).json().get("items").get(0);
        assertEquals("DECLINED", mine.get("status").asText());
        assertEquals("We meet on Monday anyway", mine.get("declineReason").asText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                + "WHERE p.supervisee_id = ?", sam.id()));
    }

    @Test
    void badRequestsAreRefusedAndNothingIsStored() {
        Api.Response past = api.post("/api/v1/session-requests", supervisee, Map.of("reason", "Soon", "preferredDates",
                List.of(today.minusDays(1).toString())));
        assertEquals(422, past.status(), past.body());
        assertEquals("/preferredDates/0", past.json().get("errors").get(0).get("pointer").asText());
        Api.Response noReason = api.post("/api/v1/session-requests", supervisee, Map.of("preferredDates", List.of()));
        assertEquals(400, noReason.status(), noReason.body());
        assertTrue(noReason.contentType().startsWith("application/problem+json"));
        Api.Response four = api.post("/api/v1/session-requests", supervisee, Map.of("reason", "x", "preferredDates",
                List.of(today.plusDays(1).toString(), today.plusDays(2).toString(), today.plusDays(3).toString(), today.plusDays(4).toString())));
        assertEquals(400, four.status(), four.body());

        // Someone nobody supervises has nobody to ask; an administrator without a staff record may not ask.
        String loner = api.token(world.person(world.teamA2(), "Lone", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(422, api.post("/api/v1/session-requests", loner, Map.of("reason", "Help")).status());
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertEquals(403, api.post("/api/v1/session-requests", admin, Map.of("reason", "Help")).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM session_request WHERE organisation_id = ?", world.org().id()));

        Api.Response asked = api.post("/api/v1/session-requests", supervisee, Map.of("reason", "Court next week"));
        String id = asked.json().get("id").asText();
        Api.Response yesterday = api.post("/api/v1/session-requests/" + id + "/booking", supervisor, Map.of("date", today.minusDays(1).toString(),
                "startTime", "09:00", "plannedMinutes", 60, "location", "Room 1"), asked.header("ETag"));
        assertEquals(422, yesterday.status(), yesterday.body());
        assertEquals("/date", yesterday.json().get("errors").get(0).get("pointer").asText());
        assertEquals("REQUESTED", fixtures.string("SELECT status FROM session_request WHERE id = ?", id));

        // Another supervisor's practitioner cannot see it.
        String colleague = api.token(world.person(world.teamA1(), "Colin", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(0, api.get("/api/v1/session-requests", colleague).json().get("items").size());
    }

    @Test
    void aBookingFollowsTheSessionDateRulesAndNeedsACurrentSupervisor() {
        Api.Response asked = api.post("/api/v1/session-requests", supervisee, Map.of("reason", "Court next week"));
        assertEquals(201, asked.status(), asked.body());
        String id = asked.json().get("id").asText();
        Api.Response tooFar = api.post("/api/v1/session-requests/" + id + "/booking", supervisor, Map.of("date", today.plusYears(3).toString(),
                "startTime", "09:00", "plannedMinutes", 60, "location", "Room 1"), asked.header("ETag"));
        assertEquals(422, tooFar.status(), tooFar.body());
        assertEquals("/date", tooFar.json().get("errors").get(0).get("pointer").asText());
        assertTrue(tooFar.json().get("errors").get(0).get("message").asText().contains("two years"), tooFar.body());

        // Priya stops supervising Sam before anyone books: a manager's booking has no supervisor to give it to.
        fixtures.execute("UPDATE supervision_relation SET to_date = ? WHERE supervisee_id = ?", java.sql.Date.valueOf(today.minusDays(1)), sam.id());
        String manager = api.token(world.person(world.teamA1(), "Mani", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        Api.Response none = api.post("/api/v1/session-requests/" + id + "/booking", manager, Map.of("date", today.plusDays(2).toString(),
                "startTime", "09:00", "plannedMinutes", 60, "location", "Room 1"), asked.header("ETag"));
        assertEquals(422, none.status(), none.body());
        assertTrue(none.contentType().startsWith("application/problem+json"));
        assertEquals("REQUESTED", fixtures.string("SELECT status FROM session_request WHERE id = ?", id));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", sam.id()));
    }
}

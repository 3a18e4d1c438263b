package uk.supervision.handover;

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

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, 3d, a change of supervisor: the agreement is due for review at once, and the planned sessions with
 * the former supervisor are offered to the new one, who transfers or cancels each.
 */
@MicronautTest(transactional = false)
class SupervisorChangeApiTest extends ApiTest {
    World.Person priya;
    World.Person nadia;
    World.Person sam;
    String hr;
    LocalDate today;

    @BeforeEach
    void samIsSupervisedByPriya() {
        today = LocalDate.now(ClockFactory.ORGANISATION_ZONE);
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        nadia = world.person(world.teamA1(), "Nadia", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        fixtures.supervise(priya.staff(), sam.staff(), today.minusMonths(6));
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
    }

    @Test
    void aNewSupervisorMakesTheAgreementDueForReviewAtOnce() {
        // Signed with Priya two months ago (a row signed before snapshots: the row is what was agreed).
        String agreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        fixtures.execute("UPDATE agreement SET signed_at = ?, review_due = ? WHERE id = ?",
                Timestamp.from(Instant.now().minus(60, ChronoUnit.DAYS)), java.sql.Date.valueOf(today.plusMonths(10)), agreement);
        String priyaToken = api.token(priya.username(), Fixtures.PASSWORD);
        JsonNode before = api.get("/api/v1/agreements/" + agreement, priyaToken).json();
        assertEquals(today.plusMonths(10).toString(), before.get("reviewDue").asText());
        assertEquals("ANNUAL", before.get("reviewDueReason").asText());

        assertEquals(200, move(nadia).status());

        String nadiaToken = api.token(nadia.username(), Fixtures.PASSWORD);
        JsonNode after = api.get("/api/v1/agreements/" + agreement, nadiaToken).json();
        assertEquals(today.toString(), after.get("reviewDue").asText(), "due on the new supervisor's first day");
        assertEquals("NEW_SUPERVISOR", after.get("reviewDueReason").asText());
        JsonNode schedule = api.get("/api/v1/staff/" + sam.id() + "/schedule", nadiaToken).json();
        assertEquals(today.toString(), schedule.get("agreementReviewDue").asText(), "the schedule says the same");
    }

    @Test
    void plannedSessionsWithTheFormerSupervisorAreTransferredOrCancelledByTheNewOne() {
        String priyaToken = api.token(priya.username(), Fixtures.PASSWORD);
        Api.Response booked = api.post("/api/v1/sessions", priyaToken, Map.of("superviseeIds", List.of(sam.id()),
                "date", today.plusWeeks(1).toString(), "startTime", "10:00", "plannedMinutes", 90, "location", "Room 2", "count", 2));
        assertEquals(201, booked.status(), booked.body());
        List<String> planned = idsOf(booked.json().get("items"));
        assertEquals(200, move(nadia).status());

        String nadiaToken = api.token(nadia.username(), Fixtures.PASSWORD);
        JsonNode offered = api.get("/api/v1/staff/" + sam.id() + "/handover", nadiaToken).json();
        assertEquals(planned, idsOf(offered.get("sessionsToTransfer")));

        // Neither the former supervisor nor the supervisee decides.
        String first = "/api/v1/sessions/" + planned.get(0);
        String etag = api.get(first, nadiaToken).header("ETag");
        assertEquals(403, api.post(first + "/transfer", priyaToken, Map.of("outcome", "TRANSFER"), etag).status());
        String samToken = api.token(sam.username(), Fixtures.PASSWORD);
        assertEquals(403, api.post(first + "/transfer", samToken, Map.of("outcome", "TRANSFER"), etag).status());

        Api.Response transferred = api.post(first + "/transfer", nadiaToken, Map.of("outcome", "TRANSFER"), etag);
        assertEquals(200, transferred.status(), transferred.body());
        assertEquals(nadia.id(), transferred.json().get("supervisor").get("id").asText());
        assertEquals("PLANNED", transferred.json().get("status").asText());
        assertEquals(nadia.id(), fixtures.string("SELECT supervisor_id FROM supervision_session WHERE id = ?", planned.get(0)));
        assertEquals(409, api.post(first + "/transfer", nadiaToken, Map.of("outcome", "TRANSFER"), transferred.header("ETag")).status(),
                "already with the current supervisor");

        String second = "/api/v1/sessions/" + planned.get(1);
        String etag2 = api.get(second, nadiaToken).header("ETag");
        Api.Response noReason = api.post(second + "/transfer", nadiaToken, Map.of("outcome", "CANCEL"), etag2);
        assertEquals(422, noReason.status(), noReason.body());
        assertEquals("/reason", noReason.json().get("errors").get(0).get("pointer").asText());
        assertEquals("PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", planned.get(1)), "nothing changed");
        Api.Response cancelled = api.post(second + "/transfer", nadiaToken, Map.of("outcome", "CANCEL", "reason", "We meet on Tuesdays"), etag2);
        assertEquals(200, cancelled.status(), cancelled.body());
        assertEquals("CANCELLED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", planned.get(1)));
        assertEquals("We meet on Tuesdays", fixtures.string("SELECT status_reason FROM supervision_session WHERE id = ?", planned.get(1)));

        assertEquals(0, api.get("/api/v1/staff/" + sam.id() + "/handover", nadiaToken).json().get("sessionsToTransfer").size());
    }

    @Test
    void aPlannedSessionWhoseDateHasPassedIsNotTransferred() {
        String priyaToken = api.token(priya.username(), Fixtures.PASSWORD);
        Api.Response booked = api.post("/api/v1/sessions", priyaToken, Map.of("superviseeIds", List.of(sam.id()),
                "date", today.plusWeeks(1).toString(), "startTime", "10:00", "plannedMinutes", 90, "location", "Room 2", "count", 1));
        assertEquals(201, booked.status(), booked.body());
        String id = idsOf(booked.json().get("items")).get(0);
        assertEquals(200, move(nadia).status());
        // It was due with Priya last week and never marked held.
        fixtures.execute("UPDATE supervision_session SET meeting_date = ? WHERE id = ?", java.sql.Date.valueOf(today.minusDays(7)), id);

        String nadiaToken = api.token(nadia.username(), Fixtures.PASSWORD);
        String url = "/api/v1/sessions/" + id;
        Api.Response refused = api.post(url + "/transfer", nadiaToken, Map.of("outcome", "TRANSFER"), api.get(url, nadiaToken).header("ETag"));
        assertEquals(409, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertTrue(refused.json().get("detail").asText().contains("passed"), refused.body());
        assertEquals(priya.id(), fixtures.string("SELECT supervisor_id FROM supervision_session WHERE id = ?", id), "nothing moved");
        assertEquals("PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", id));
    }

    @Test
    void aChangeOfSupervisorOnTheSigningDayMakesTheReviewDueOnTheAgreementAndTheScheduleAlike() {
        // Signed with Priya this morning; Nadia takes over today.
        String agreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        fixtures.execute("UPDATE agreement SET signed_at = ?, review_due = ? WHERE id = ?",
                Timestamp.from(Instant.now()), java.sql.Date.valueOf(today.plusMonths(12)), agreement);
        assertEquals(200, move(nadia).status());

        String nadiaToken = api.token(nadia.username(), Fixtures.PASSWORD);
        JsonNode after = api.get("/api/v1/agreements/" + agreement, nadiaToken).json();
        JsonNode schedule = api.get("/api/v1/staff/" + sam.id() + "/schedule", nadiaToken).json();
        assertEquals(after.get("reviewDue").asText(), schedule.get("agreementReviewDue").asText(), "one rule for both");
        assertEquals(today.toString(), after.get("reviewDue").asText());
        assertEquals("NEW_SUPERVISOR", after.get("reviewDueReason").asText());
    }

    private Api.Response move(World.Person to) {
        String etag = api.get("/api/v1/staff/" + sam.id(), hr).header("ETag");
        return api.post("/api/v1/staff/" + sam.id() + "/moves", hr, Map.of("effectiveDate", today.toString(), "supervisorId", to.id()), etag);
    }
}

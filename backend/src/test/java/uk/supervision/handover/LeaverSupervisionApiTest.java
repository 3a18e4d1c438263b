package uk.supervision.handover;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.LeaverJob;
import uk.supervision.support.ClockFactory;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 7, 3d, leaving: the agreement ends (the signed content untouched), planned sessions are cancelled with
 * the reason, and the supervisor sees what was left open.
 */
@MicronautTest(transactional = false)
class LeaverSupervisionApiTest extends ApiTest {
    @Inject
    LeaverJob job;

    World.Person priya;
    World.Person sam;
    String supervisor;
    String supervisee;
    String hr;
    LocalDate today;

    @BeforeEach
    void aSupervisorAndHerSupervisee() {
        today = LocalDate.now(ClockFactory.ORGANISATION_ZONE);
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
    }

    @Test
    void onLeavingTheAgreementEndsPlannedSessionsAreCancelledAndTheSupervisorSeesWhatIsLeftOpen() {
        String agreement = Signing.activeAgreement(api, supervisor, supervisee, sam.id());
        String hashBefore = api.get("/api/v1/agreements/" + agreement, supervisor).json().get("contentHash").asText();
        List<String> planned = plan(today.plusWeeks(1), 3);
        String held = fixtures.session(world.org(), sam.staff(), priya.staff());
        fixtures.execute("UPDATE supervision_session SET status = 'HELD', meeting_date = ? WHERE id = ?",
                java.sql.Date.valueOf(today.minusDays(3)), held);
        String action = fixtures.action(world.org(), sam.staff());

        Api.Response left = recordLeaving(today);
        assertEquals(200, left.status(), left.body());

        assertEquals("ENDED", fixtures.string("SELECT status FROM agreement WHERE id = ?", agreement));
        assertEquals(today.toString(), fixtures.string("SELECT ended_on FROM agreement WHERE id = ?", agreement));
        JsonNode ended = api.get("/api/v1/agreements/" + agreement, supervisor).json();
        assertEquals("ENDED", ended.get("status").asText());
        assertEquals(today.toString(), ended.get("endedOn").asText());
        assertEquals(hashBefore, ended.get("contentHash").asText(), "ending changes the status, never the signed content");
        String admin = api.token(world.person(null, "Ada", Role.ADMIN).username(), Fixtures.PASSWORD);
        assertTrue(api.post("/api/v1/integrity/verifications", admin, null).json().get("intact").asBoolean(),
                "the hash chain still verifies: the snapshot was not touched");

        for (String id : planned) {
            assertEquals("CANCELLED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", id));
            assertEquals("Left the organisation", fixtures.string("SELECT status_reason FROM supervision_session WHERE id = ?", id));
        }
        assertEquals("HELD", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", held), "history stays as it was");

        // The supervisor of the last day sees what was left open, though she no longer supervises him.
        Api.Response handover = api.get("/api/v1/staff/" + sam.id() + "/handover", supervisor);
        assertEquals(200, handover.status(), handover.body());
        JsonNode h = handover.json();
        assertEquals(today.toString(), h.get("leavingDate").asText());
        assertEquals(priya.id(), h.get("supervisor").get("id").asText());
        assertEquals("ENDED", h.get("agreementStatus").asText());
        assertEquals(today.toString(), h.get("agreementEndedOn").asText());
        assertEquals(List.of(action), idsOf(h.get("openActions")));
        assertEquals(List.of(held), idsOf(h.get("unsignedSessions")));
        assertEquals(planned, idsOf(h.get("cancelledOnLeaving")));
        assertEquals(0, h.get("sessionsToTransfer").size());

        // A colleague who is neither party nor manager does not.
        String colleague = api.token(world.person(world.teamA1(), "Colin", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/staff/" + sam.id() + "/handover", colleague).status());
    }

    @Test
    void aFutureLeavingDateCancelsWhatComesAfterItAtOnceAndEndsTheAgreementOnTheDay() {
        String agreement = Signing.activeAgreement(api, supervisor, supervisee, sam.id());
        LocalDate lastDay = today.plusWeeks(2);
        String before = plan(today.plusWeeks(1), 1).get(0);
        String after = plan(today.plusWeeks(3), 1).get(0);

        assertEquals(200, recordLeaving(lastDay).status());
        assertEquals("PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", before), "it can still take place");
        assertEquals("CANCELLED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", after));
        assertEquals("ACTIVE", fixtures.string("SELECT status FROM agreement WHERE id = ?", agreement), "in force until the last day");

        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'leavers'");
        assertTrue(job.run(lastDay) >= 1);
        assertEquals("ENDED", fixtures.string("SELECT status FROM agreement WHERE id = ?", agreement));
        assertEquals(lastDay.toString(), fixtures.string("SELECT ended_on FROM agreement WHERE id = ?", agreement));
    }

    @Test
    void theDayAfterLeavingTheLastSupervisorStillSeesTheOpenActionsSheDidNotOwn() {
        String action = fixtures.action(world.org(), sam.staff());
        LocalDate lastDay = today.minusDays(1);
        assertEquals(200, recordLeaving(lastDay).status());
        assertEquals(null, fixtures.string("SELECT supervisor_id FROM supervision_relation WHERE supervisee_id = ? "
                + "AND from_date <= ? AND (to_date IS NULL OR to_date >= ?)", sam.id(), java.sql.Date.valueOf(today), java.sql.Date.valueOf(today)),
                "the relation has ended by today");

        Api.Response handover = api.get("/api/v1/staff/" + sam.id() + "/handover", supervisor);
        assertEquals(200, handover.status(), handover.body());
        assertEquals(priya.id(), handover.json().get("supervisor").get("id").asText());
        assertEquals(List.of(action), idsOf(handover.json().get("openActions")), "lastDay + 1: still listed for the last supervisor");
    }

    private List<String> plan(LocalDate date, int count) {
        Api.Response booked = api.post("/api/v1/sessions", supervisor, Map.of("superviseeIds", List.of(sam.id()), "date", date.toString(),
                "startTime", "10:00", "plannedMinutes", 90, "location", "Room 2", "count", count));
        assertEquals(201, booked.status(), booked.body());
        List<String> ids = new ArrayList<>();
        booked.json().get("items").forEach(s -> ids.add(s.get("id").asText()));
        return ids;
    }

    private Api.Response recordLeaving(LocalDate lastDay) {
        String etag = api.get("/api/v1/staff/" + sam.id(), hr).header("ETag");
        return api.post("/api/v1/staff/" + sam.id() + "/leaving", hr, Map.of("leavingDate", lastDay.toString(), "reason", "Moved away"), etag);
    }
}

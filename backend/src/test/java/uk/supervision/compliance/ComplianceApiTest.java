package uk.supervision.compliance;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The live schedule over the API, on the Coventry profile (4 weeks normal, 6 weeks longest, 2 months
 * breach, 10 a year, agreement within 3 months): sessions held through the API move the dates.
 */
@MicronautTest(transactional = false)
class ComplianceApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    World.Person priya;
    String supervisor;

    @BeforeEach
    void supervisorOfThree() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
    }

    @Test
    void theScheduleFollowsTheLastOneToOneHeldAndTheActiveAgreement() {
        World.Person samPerson = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), samPerson.staff());
        Staff sam = samPerson.staff();
        hold(List.of(sam.id()), today.minusWeeks(5));
        Api.Response r = api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor);
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json();
        assertEquals("OVERDUE", s.get("status").asText(), "past four weeks, within six");
        assertEquals(today.minusWeeks(5).toString(), s.get("lastHeld").asText());
        assertEquals(today.minusWeeks(1).toString(), s.get("nextDue").asText());
        assertEquals(today.plusWeeks(1).toString(), s.get("latestAllowed").asText());
        assertEquals(today.minusWeeks(5).plusMonths(2).toString(), s.get("breachDate").asText());
        assertEquals("PROFILE", s.get("intervalSource").asText());
        assertEquals("P28D", s.get("interval").asText());
        assertEquals(1, s.get("sessionsInLast12Months").asInt());
        assertEquals(10, s.get("minimumPerYear").asInt());
        assertEquals("NONE_OVERDUE", s.get("agreementStatus").asText(), "in post two years, no agreement");

        // A group session never counts as one-to-one supervision.
        hold(List.of(sam.id(), supervisee("Lee").id()), today.minusDays(1));
        assertEquals("OVERDUE", api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor).json().get("status").asText());

        // An agreement of six-weekly supervision, signed by both, sets the interval.
        Signing.activeAgreement(api, supervisor, api.token(samPerson.username(), Fixtures.PASSWORD), sam.id(), 6);
        JsonNode agreed = api.get("/api/v1/staff/" + sam.id() + "/schedule", supervisor).json();
        assertEquals("AGREEMENT", agreed.get("intervalSource").asText());
        assertEquals(today.plusWeeks(1).toString(), agreed.get("nextDue").asText());
        assertEquals("DUE_SOON", agreed.get("status").asText());
        assertEquals("ACTIVE", agreed.get("agreementStatus").asText());
        assertEquals(today.plusMonths(12).toString(), agreed.get("agreementReviewDue").asText());
    }

    @Test
    void theScheduleKeepsTheSignedIntervalWhenTheAgreementRowIsChangedAndVerificationReportsIt() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        String agreement = Signing.activeAgreement(api, supervisor, api.token(sam.username(), Fixtures.PASSWORD), sam.id(), 6);
        hold(List.of(sam.id()), today.minusWeeks(5));
        String url = "/api/v1/staff/" + sam.id() + "/schedule";
        assertEquals(today.plusWeeks(1).toString(), api.get(url, supervisor).json().get("nextDue").asText(), "six weeks after the last");

        // The agreement row is workflow state and stays writable; its terms are read from the signed snapshot.
        assertEquals(1, fixtures.asMigrationAccount("UPDATE agreement SET interval_weeks = 2, signed_at = ? WHERE id = ?",
                java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(400))), agreement));
        JsonNode s = api.get(url, supervisor).json();
        assertEquals("AGREEMENT", s.get("intervalSource").asText());
        assertEquals("P42D", s.get("interval").asText());
        assertEquals(today.plusWeeks(1).toString(), s.get("nextDue").asText());
        assertEquals("ACTIVE", s.get("agreementStatus").asText(), "the signed date, not the changed one, sets the review");
        assertEquals(today.plusMonths(12).toString(), s.get("agreementReviewDue").asText());

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        JsonNode verified = api.post("/api/v1/integrity/verifications", admin, null).json();
        assertFalse(verified.get("intact").asBoolean(), verified.toString());
        assertEquals(agreement, verified.get("firstBreak").get("itemId").asText());
        assertEquals("AGREEMENT", verified.get("firstBreak").get("itemType").asText());
    }

    @Test
    void theDashboardPutsTheMostUrgentFirstWithWhatWaits() {
        Staff sam = supervisee("Sam");
        Staff jo = supervisee("Jo");
        Staff kim = supervisee("Kim");
        hold(List.of(sam.id()), today.minusWeeks(5));
        hold(List.of(jo.id()), today.minusWeeks(1));
        hold(List.of(kim.id()), today.minusMonths(2).minusDays(1));
        plan(jo.id(), today.plusWeeks(3));
        world.worker(world.teamA1(), "Not", "Mine");
        for (LocalDate due : List.of(today.minusDays(2), today.plusDays(2))) {
            assertEquals(201, api.post("/api/v1/actions", supervisor, Map.of("superviseeId", sam.id(), "ownerId", sam.id(),
                    "text", "Update the chronology", "dueDate", due.toString())).status());
        }

        JsonNode items = api.get("/api/v1/dashboards/my-supervisees", supervisor).json().get("items");
        List<String> order = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        items.forEach(i -> {
            order.add(i.get("supervisee").get("givenName").asText());
            statuses.add(i.get("schedule").get("status").asText());
        });
        assertEquals(List.of("Kim", "Sam", "Jo"), order);
        assertEquals(List.of("BREACH", "OVERDUE", "ON_TRACK"), statuses);
        JsonNode joRow = items.get(2);
        assertEquals(today.plusWeeks(3).toString(), joRow.get("nextPlanned").get("date").asText());
        assertEquals(1, joRow.get("heldAwaitingRecord").asInt(), "held, no record written yet");
        assertFalse(items.get(0).has("nextPlanned"));
        assertEquals(1, items.get(1).get("overdueActions").asInt(), "Sam: one of two actions is past due");
        assertEquals(0, items.get(2).get("overdueActions").asInt());

        String nobody = api.token(world.person(world.teamA1(), "Pat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        assertEquals(0, api.get("/api/v1/dashboards/my-supervisees", nobody).json().get("items").size());
    }

    @Test
    void aScheduleIsForThoseWhoMaySeeThePerson() {
        Staff sam = supervisee("Sam");
        String colleague = api.token(world.person(world.teamA1(), "Cat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);
        String hr = api.token(world.person(null, "Hal", Role.HR).username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/staff/" + sam.id() + "/schedule", colleague).status());
        assertEquals(200, api.get("/api/v1/staff/" + sam.id() + "/schedule", hr).status());
        assertEquals(404, api.get("/api/v1/staff/" + fixtures.organisation().worker(world.teamA1(), "X", "Y").id() + "/schedule", hr).status());
    }

    private Staff supervisee(String name) {
        Staff s = world.worker(world.teamA1(), name, "Supervisee");
        world.supervise(priya.staff(), s);
        return s;
    }

    /** Books a session on a past date and records it as held, through the API. */
    private void hold(List<String> superviseeIds, LocalDate date) {
        JsonNode booked = plan(superviseeIds, date);
        String url = "/api/v1/sessions/" + booked.get("id").asText();
        Api.Response held = api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag"));
        assertEquals(200, held.status(), held.body());
    }

    private JsonNode plan(String superviseeId, LocalDate date) {
        return plan(List.of(superviseeId), date);
    }

    private JsonNode plan(List<String> superviseeIds, LocalDate date) {
        Map<String, Object> body = new HashMap<>();
        body.put("superviseeIds", superviseeIds);
        body.put("date", date.toString());
        body.put("startTime", "00:00");
        body.put("plannedMinutes", 90);
        body.put("location", "Room 3");
        Api.Response r = api.post("/api/v1/sessions", supervisor, body);
        assertEquals(201, r.status(), r.body());
        return r.json().get("items").get(0);
    }
}

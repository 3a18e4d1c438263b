package uk.supervision.staff;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.ClockFactory;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Supervision history through the API: a past supervisor is entered with an end date and never overlaps today's;
 * a relation that would overlap another of the same supervisee is refused; the supervisor on a day is the latest to start.
 */
@MicronautTest(transactional = false)
class SupervisionRelationApiTest extends ApiTest {
    @Inject
    SupervisionRelationRepository relations;

    LocalDate today;
    String hr;
    World.Person priya;
    World.Person olu;
    Staff sam;

    @BeforeEach
    void samSupervisedByPriyaSinceAYearAgo() {
        today = LocalDate.now(ClockFactory.ORGANISATION_ZONE);
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        olu = world.person(world.teamA1(), "Olu", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.worker(world.teamA1(), "Sam", "Historic");
        fixtures.supervise(priya.staff(), sam, today.minusYears(1));
    }

    @Test
    void aPastSupervisorIsEnteredWithAnEndDateAndTodaysSupervisorKeepsThePerson() {
        LocalDate from = sam.employmentStartDate();
        LocalDate to = today.minusYears(1).minusDays(1);
        Api.Response r = post(olu.id(), from, to);
        assertEquals(201, r.status(), r.body());
        assertEquals(to.toString(), r.json().get("toDate").asText());
        assertEquals(to.toString(), fixtures.string("SELECT to_date FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ?",
                olu.id(), sam.id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ? AND to_date IS NULL",
                priya.id(), sam.id()), "today's relation is untouched");
        assertEquals(priya.id(), relations.currentSupervisorId(sam.id(), today));
        assertEquals(olu.id(), relations.currentSupervisorId(sam.id(), from));
        // The former supervisor does not regain access today.
        String oluToken = api.token(olu.username(), Fixtures.PASSWORD);
        Api.Response list = api.get("/api/v1/supervision-relations?superviseeId=" + sam.id(), hr);
        assertEquals(1, list.json().get("items").size(), list.body());
        assertEquals(priya.id(), list.json().get("items").get(0).get("supervisor").get("id").asText());
        assertTrue(api.get("/api/v1/dashboards/my-supervisees", oluToken).body().indexOf(sam.id()) < 0, "Olu no longer supervises Sam");
    }

    @Test
    void overlappingOrBackwardsRelationsAreRefusedAndNothingIsStored() {
        assertProblem(post(olu.id(), today.minusMonths(20), today.minusMonths(21)), "/toDate");
        // Runs into Priya's time.
        assertProblem(post(olu.id(), today.minusMonths(20), today.minusMonths(6)), "/toDate");
        // An open relation starting before Priya's would run alongside hers.
        assertProblem(post(olu.id(), today.minusMonths(20), null), "/fromDate");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisor_id = ?", olu.id()));

        // A closed one inside another closed one.
        assertEquals(201, post(olu.id(), today.minusMonths(20), today.minusMonths(14)).status());
        World.Person lee = world.person(world.teamA1(), "Lee", Role.SUPERVISOR);
        assertProblem(post(lee.id(), today.minusMonths(16), today.minusMonths(15)), "/fromDate");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisor_id = ?", lee.id()));
    }

    @Test
    void aNewOpenRelationStillEndsTheEarlierOneAndTheLatestToStartIsTheSupervisor() {
        Api.Response r = post(olu.id(), today, null);
        assertEquals(201, r.status(), r.body());
        assertNull(r.json().get("toDate"));
        assertEquals(today.minusDays(1).toString(), fixtures.string("SELECT to_date FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ?",
                priya.id(), sam.id()));
        assertEquals(olu.id(), relations.currentSupervisorId(sam.id(), today));
        assertEquals(priya.id(), relations.currentSupervisorId(sam.id(), today.minusDays(1)));

        // Rows that overlap (from before this rule) resolve to the latest to start, whatever order they were stored in.
        Staff kim = world.worker(world.teamA1(), "Kim", "Overlap");
        fixtures.supervise(olu.staff(), kim, today.minusMonths(2));
        fixtures.supervise(priya.staff(), kim, today.minusMonths(4));
        assertEquals(olu.id(), relations.currentSupervisorId(kim.id(), today));
    }

    private Api.Response post(String supervisorId, LocalDate from, LocalDate to) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("supervisorId", supervisorId, "superviseeId", sam.id(),
                "fromDate", from.toString()));
        if (to != null) {
            body.put("toDate", to.toString());
        }
        return api.post("/api/v1/supervision-relations", hr, body);
    }

    private static void assertProblem(Api.Response r, String pointer) {
        assertEquals(422, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r.header("Content-Type"));
        assertEquals(pointer, r.json().get("errors").get(0).get("pointer").asText(), r.body());
    }
}

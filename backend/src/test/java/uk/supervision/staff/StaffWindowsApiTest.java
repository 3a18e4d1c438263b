package uk.supervision.staff;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HR's windows over the staff list (who leaves or started in a post between two days), filtered by the database so
 * the answer does not depend on who is on a first page; and the services a manager's grants give them on /me.
 */
@MicronautTest(transactional = false)
class StaffWindowsApiTest extends ApiTest {

    @Test
    void leavingAndPostStartWindowsAreInclusiveAndFilteredInTheDatabase() {
        String hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
        LocalDate today = LocalDate.now();
        // Family names sort these people before and after others, so a first page alone could not give the answer.
        Staff leavesToday = world.worker(world.teamA1(), "Lea", "Aardvark");
        Staff leavesInTwoWeeks = world.worker(world.teamA1(), "Leo", "Zebra");
        Staff leavesNextYear = world.worker(world.teamB1(), "Lia", "Middle");
        Staff staying = world.worker(world.teamB1(), "Stay", "Put");
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", today, leavesToday.id());
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", today.plusDays(14), leavesInTwoWeeks.id());
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", today.plusYears(1), leavesNextYear.id());
        fixtures.execute("UPDATE staff SET post_start_date = ? WHERE id = ?", today.minusDays(56), staying.id());
        fixtures.execute("UPDATE staff SET post_start_date = ? WHERE id IN (?, ?, ?)", today.minusYears(2),
                leavesToday.id(), leavesInTwoWeeks.id(), leavesNextYear.id());

        assertEquals(List.of(leavesToday.id(), leavesInTwoWeeks.id()),
                ids(hr, "status=all&leavingFrom=" + today + "&leavingTo=" + today.plusDays(14)), "both ends count");
        assertEquals(List.of(leavesInTwoWeeks.id()), ids(hr, "status=all&leavingFrom=" + today.plusDays(1) + "&leavingTo=" + today.plusDays(56)));
        assertEquals(List.of(leavesNextYear.id()), ids(hr, "status=all&leavingFrom=" + today.plusDays(57)), "an open end");
        // The post-start window: the person who moved 56 days ago is in it on its first day, nobody else started since.
        List<String> started = ids(hr, "postStartFrom=" + today.minusDays(56) + "&postStartTo=" + today);
        assertTrue(started.contains(staying.id()), started.toString());
        assertTrue(!started.contains(leavesToday.id()) && !started.contains(leavesNextYear.id()), started.toString());
        assertEquals(List.of(), ids(hr, "postStartFrom=" + today.minusDays(55) + "&postStartTo=" + today + "&q=put"));

        Api.Response backwards = api.get("/api/v1/staff?leavingFrom=" + today + "&leavingTo=" + today.minusDays(1), hr);
        assertEquals(400, backwards.status(), backwards.body());
        assertEquals("#leavingTo", backwards.json().get("errors").get(0).get("pointer").asText());
        assertTrue(backwards.json().get("detail").asText().contains("before leavingFrom"), backwards.body());
    }

    @Test
    void meSaysWhichServicesAManagerManages() {
        // A service manager whose own staff record is in service A but whose grant is over service B.
        Staff manager = world.worker(world.teamA1(), "Marcus", "Bell");
        var scoped = fixtures.account(world.org(), manager, world.serviceB().id(), Role.SERVICE_MANAGER, Role.SUPERVISOR);
        JsonNode me = api.get("/api/v1/me", api.token(scoped.username(), Fixtures.PASSWORD)).json();
        assertEquals(List.of(world.serviceB().id()), idsOf(me.get("managedServices")));
        assertEquals(world.serviceB().name(), me.get("managedServices").get(0).get("name").asText());

        // A head of service over the whole organisation: every service, by name.
        var whole = fixtures.account(world.org(), null, null, Role.HEAD_OF_SERVICE);
        List<String> names = new ArrayList<>();
        api.get("/api/v1/me", api.token(whole.username(), Fixtures.PASSWORD)).json().get("managedServices")
                .forEach(s -> names.add(s.get("name").asText()));
        List<String> expected = new ArrayList<>(List.of(world.serviceA().name(), world.serviceB().name()));
        expected.sort(String::compareTo);
        assertEquals(expected, names);

        // Anyone else: none.
        var supervisor = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        assertEquals(0, api.get("/api/v1/me", api.token(supervisor.username(), Fixtures.PASSWORD)).json().get("managedServices").size());
    }

    private List<String> ids(String token, String query) {
        Api.Response page = api.get("/api/v1/staff?limit=200&" + query, token);
        assertEquals(200, page.status(), page.body());
        return idsOf(page.json().get("items"));
    }
}

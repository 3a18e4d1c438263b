package uk.supervision.team;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The directorate's tree: services with their teams and head counts; only administrators change it. */
@MicronautTest(transactional = false)
class OrganisationApiTest extends ApiTest {


    @Test
    void theTreeShowsServicesTeamsAndCurrentHeadCountsOfMyOrganisationOnly() {
        world.worker(world.teamA1(), "One", "A");
        world.worker(world.teamA1(), "Two", "A");
        fixtures.organisation(); // another council's tree must not show
        String token = api.token(world.person(world.teamB1(), "Pat", Role.PRACTITIONER).username(), Fixtures.PASSWORD);

        JsonNode services = api.get("/api/v1/services", token).json().get("items");
        assertEquals(2, services.size());
        JsonNode a = services.get(0);
        assertEquals(world.serviceA().name(), a.get("name").asText());
        assertEquals(2, a.get("teams").size());
        assertEquals("Team A1", a.get("teams").get(0).get("name").asText());
        assertEquals(2, a.get("teams").get(0).get("staffCount").asInt());
        assertEquals(1, services.get(1).get("teams").get(0).get("staffCount").asInt(), "Pat in B1");

        JsonNode page1 = api.get("/api/v1/services?limit=1", token).json();
        assertEquals(1, page1.get("items").size());
        JsonNode page2 = api.get("/api/v1/services?limit=1&cursor=" + page1.get("nextCursor").asText(), token).json();
        assertEquals(world.serviceB().name(), page2.get("items").get(0).get("name").asText());

        Api.Response team = api.get("/api/v1/teams/" + world.teamA1().id(), token);
        assertEquals(200, team.status());
        assertEquals(world.serviceA().id(), team.json().get("service").get("id").asText());
        assertEquals(3, api.get("/api/v1/teams", token).json().get("items").size());
        assertEquals(1, api.get("/api/v1/teams?serviceId=" + world.serviceB().id(), token).json().get("items").size());
    }

    @Test
    void onlyAdministratorsAddServicesAndTeamsAndNamesAreUnique() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        String hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);

        assertEquals(403, api.post("/api/v1/services", hr, Map.of("name", "Early Help")).status());
        Api.Response service = api.post("/api/v1/services", admin, Map.of("name", "Early Help"));
        assertEquals(201, service.status(), service.body());
        String serviceId = service.json().get("id").asText();
        assertEquals(409, api.post("/api/v1/services", admin, Map.of("name", "Early Help")).status());

        Api.Response team = api.post("/api/v1/teams", admin, Map.of("serviceId", serviceId, "name", "Family Hub North"));
        assertEquals(201, team.status(), team.body());
        assertEquals("/api/v1/teams/" + team.json().get("id").asText(), team.header("Location"));
        assertEquals(409, api.post("/api/v1/teams", admin, Map.of("serviceId", serviceId, "name", "Family Hub North")).status());
        Api.Response foreign = api.post("/api/v1/teams", admin, Map.of("serviceId", fixtures.organisation().serviceA().id(), "name", "Intruders"));
        assertEquals(422, foreign.status(), "a service of another organisation is not ours to extend");

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM team WHERE service_id = ?", serviceId));

        // A resend with the same Idempotency-Key returns the first team and adds nothing.
        String key = Fixtures.unique("team-key");
        String body = "{\"serviceId\":\"" + serviceId + "\",\"name\":\"Family Hub South\"}";
        Api.Response first = api.raw("POST", "/api/v1/teams", admin, "application/json", body, Map.of("Idempotency-Key", key));
        Api.Response again = api.raw("POST", "/api/v1/teams", admin, "application/json", body, Map.of("Idempotency-Key", key));
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM team WHERE service_id = ?", serviceId));
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE organisation_id = ? AND action IN ('SERVICE_CREATED', 'TEAM_CREATED')",
                world.org().id()));
    }
}

package uk.supervision.decision;

import com.fasterxml.jackson.databind.JsonNode;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The people around one child for the decision tests: the allocated worker (team A1, service A), their
 * supervisor, a service manager of service A, and a supervisor of someone else.
 */
final class DecisionScene {
    final World world;
    final World.Person worker;
    final World.Person supervisor;
    final World.Person manager;
    final World.Person otherSupervisor;
    /** Supervised by otherSupervisor, in team B1. */
    final Staff otherWorker;
    final String childId;
    final String caseNumber;

    DecisionScene(World world, Fixtures fixtures) {
        this.world = world;
        worker = world.person(world.teamA1(), "Wren", Role.PRACTITIONER);
        supervisor = world.person(world.teamA1(), "Sol", Role.SUPERVISOR);
        manager = world.person(world.teamA1(), "Mo", Role.SERVICE_MANAGER);
        otherSupervisor = world.person(world.teamB1(), "Ode", Role.SUPERVISOR);
        world.supervise(supervisor.staff(), worker.staff());
        otherWorker = world.worker(world.teamB1(), "Bea", "Other");
        world.supervise(otherSupervisor.staff(), otherWorker);
        caseNumber = Fixtures.unique("CMS");
        childId = child(fixtures, world, worker.staff(), "Kai Child", caseNumber);
    }

    static String child(Fixtures fixtures, World world, Staff allocatedWorker, String name, String caseNumber) {
        String id = java.util.UUID.randomUUID().toString();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, date_of_birth, allocated_worker_id, version, created_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?)", id, world.org().id(), name, caseNumber, java.sql.Date.valueOf(LocalDate.of(2015, 3, 4)),
                allocatedWorker.id(), now, now);
        return id;
    }

    static Map<String, Object> decision(String childId, String text) {
        return Map.of("childId", childId, "decision", text, "rationale", "Because the family asked for it");
    }

    /** A machine client of the organisation with these scopes, and its access token. */
    static String clientToken(Api api, String adminToken, String... scopes) {
        Api.Response made = api.post("/api/v1/machine-clients", adminToken, Map.of("name", Fixtures.unique("CMS"), "scopes", List.of(scopes)));
        assertEquals(201, made.status(), made.body());
        JsonNode client = made.json();
        Api.Response r = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + client.get("clientId").asText() + "&client_secret=" + client.get("clientSecret").asText());
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    String token(Api api, World.Person person) {
        return api.token(person.username(), Fixtures.PASSWORD);
    }
}

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A leaver loses their account, their roles, their tokens and their supervision relations on the leaving date. */
@MicronautTest(transactional = false)
class LeaverApiTest extends ApiTest {
    @Inject
    LeaverJob job;

    private String hr;
    private LocalDate today;
    private World.Person marcus;
    private World.Person helen;
    private Staff supervisee;

    @BeforeEach
    void aServiceManagerWithASupervisorAndSupervisees() {
        today = LocalDate.now(ClockFactory.ORGANISATION_ZONE);
        hr = api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD);
        helen = world.person(null, "Helen", Role.HEAD_OF_SERVICE, Role.SUPERVISOR);
        marcus = world.person(world.teamA1(), "Marcus", Role.SERVICE_MANAGER, Role.SUPERVISOR, Role.PRACTITIONER);
        supervisee = world.worker(world.teamA1(), "Sam", "Supervised");
        world.supervise(helen.staff(), marcus.staff());
        world.supervise(marcus.staff(), supervisee);
    }

    @Test
    void aServiceManagerRecordedAsLeavingYesterdayIsRefusedAtOnceAndHisRelationsAreClosed() {
        Staff startsToday = world.worker(world.teamA2(), "Alex", "Newcomer");
        fixtures.supervise(marcus.staff(), startsToday, today);
        var pair = api.signIn(marcus.username(), Fixtures.PASSWORD);
        String token = pair.get("accessToken").asText();
        // Before: he reads his service.
        assertEquals(200, api.get("/api/v1/staff/" + supervisee.id(), token).status());
        assertTrue(api.get("/api/v1/staff", token).json().get("items").size() >= 3);

        LocalDate yesterday = today.minusDays(1);
        Api.Response left = recordLeaving(marcus.staff(), yesterday);
        assertEquals(200, left.status(), left.body());

        for (String path : new String[]{"/api/v1/me", "/api/v1/staff", "/api/v1/staff/" + supervisee.id(), "/api/v1/sessions",
                "/api/v1/dashboards/my-supervisees"}) {
            Api.Response r = api.get(path, token);
            assertEquals(401, r.status(), path + ": " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"));
        }
        assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", marcus.username(), "password", Fixtures.PASSWORD)).status());
        assertEquals(401, api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", pair.get("refreshToken").asText())).status());

        String account = marcus.account().id();
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", account));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", account));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ? AND revoked_at IS NULL", account));
        assertEquals(yesterday.toString(), fixtures.string("SELECT to_date FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ?",
                marcus.id(), supervisee.id()));
        assertEquals(yesterday.toString(), fixtures.string("SELECT to_date FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ?",
                helen.id(), marcus.id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ?",
                marcus.id(), startsToday.id()), "a relation starting after the leaving date never takes effect");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'LEAVER_ACCESS_ENDED' AND entity_id = ?", account));

        // Nobody can make him a supervisor again from a date after he left.
        Api.Response again = api.post("/api/v1/supervision-relations", hr, Map.of("supervisorId", marcus.id(),
                "superviseeId", startsToday.id(), "fromDate", today.toString()));
        assertEquals(422, again.status(), again.body());
    }

    @Test
    void aFutureLeavingDateEndsAccessWhenTheDayComesThroughTheLeasedJob() {
        Staff startsLater = world.worker(world.teamA2(), "Alex", "Later");
        LocalDate lastDay = today.plusDays(3);
        fixtures.supervise(marcus.staff(), startsLater, today.plusDays(5));
        String token = api.token(marcus.username(), Fixtures.PASSWORD);

        assertEquals(200, recordLeaving(marcus.staff(), lastDay).status());
        // Recorded ahead: he still works until then, his relations are set to end on his last day.
        assertEquals(200, api.get("/api/v1/staff/" + supervisee.id(), token).status());
        assertEquals(3, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", marcus.account().id()));
        assertEquals(lastDay.toString(), fixtures.string("SELECT to_date FROM supervision_relation WHERE supervisor_id = ? AND supervisee_id = ?",
                marcus.id(), supervisee.id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisee_id = ?", startsLater.id()));
        Api.Response afterHisLastDay = api.post("/api/v1/supervision-relations", hr, Map.of("supervisorId", marcus.id(),
                "superviseeId", startsLater.id(), "fromDate", lastDay.plusDays(1).toString()));
        assertEquals(422, afterHisLastDay.status(), afterHisLastDay.body());
        assertEquals("/fromDate", afterHisLastDay.json().get("errors").get(0).get("pointer").asText());

        assertTrue(runJob(lastDay.minusDays(1)) >= 0);
        assertEquals(200, api.get("/api/v1/staff/" + supervisee.id(), token).status(), "the day before: nothing changes");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", marcus.account().id()));

        // Another node holds the lease: this one does nothing.
        fixtures.execute("UPDATE scheduler_lease SET holder = 'node-elsewhere', lease_until = ? WHERE name = 'leavers'",
                java.sql.Timestamp.from(java.time.Instant.now().plusSeconds(600)));
        assertEquals(-1, job.run(lastDay));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", marcus.account().id()));

        assertTrue(runJob(lastDay) >= 1);
        Api.Response refused = api.get("/api/v1/staff/" + supervisee.id(), token);
        assertEquals(401, refused.status(), refused.body());
        assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", marcus.username(), "password", Fixtures.PASSWORD)).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", marcus.account().id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", marcus.account().id()));
        assertTrue(runJob(lastDay) >= 0, "the lease holder runs again; nothing left to do for him");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'LEAVER_ACCESS_ENDED' AND entity_id = ?",
                marcus.account().id()), "done once");
    }

    /**
     * HR's record is the truth, but the organisation must not be left with no administrator silently: the
     * last enabled administrator's leaving, today or past, is refused until someone else is appointed.
     */
    @Test
    void theLastAdministratorCannotBeRecordedAsLeftUntilAnotherIsAppointed() {
        World.Person ada = world.person(world.teamA1(), "Ada", Role.ADMIN, Role.PRACTITIONER);
        String adaToken = api.token(ada.username(), Fixtures.PASSWORD);

        Api.Response refused = recordLeaving(ada.staff(), today);
        assertEquals(422, refused.status(), refused.body());
        assertTrue(refused.contentType().startsWith("application/problem+json"));
        assertEquals("/leavingDate", refused.json().get("errors").get(0).get("pointer").asText());
        assertTrue(refused.json().get("detail").asText().contains("administrator"), refused.body());
        // Nothing stored: no leaving date, the account, its roles and its token as they were.
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM staff WHERE id = ? AND leaving_date IS NOT NULL", ada.id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", ada.account().id()));
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", ada.account().id()));
        assertEquals(200, api.get("/api/v1/me", adaToken).status());
        assertEquals(422, recordLeaving(ada.staff(), today.minusDays(2)).status(), "a past date too");

        // Ada appoints a successor; then her leaving is recorded and ends her access like anyone's.
        World.Person ben = world.person(world.teamA1(), "Ben", Role.PRACTITIONER);
        Api.Response appointed = api.post("/api/v1/accounts/" + ben.account().id() + "/role-grants", adaToken, Map.of("role", "ADMIN"));
        assertEquals(201, appointed.status(), appointed.body());
        Api.Response left = recordLeaving(ada.staff(), today);
        assertEquals(200, left.status(), left.body());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", ada.account().id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", ada.account().id()));
        assertEquals(1, fixtures.count("SELECT COUNT(DISTINCT a.id) FROM role_grant g JOIN account a ON a.id = g.account_id "
                + "WHERE a.organisation_id = ? AND a.enabled = TRUE AND g.role = 'ADMIN'", world.org().id()));
    }

    /** A future date is accepted; when the day comes the job ends access anyway and says loudly what that left. */
    @Test
    void theLastAdministratorLeavingOnAFutureDateStillLeavesAndTheJobSaysNoAdministratorIsLeft() {
        World.Person ada = world.person(world.teamA1(), "Ada", Role.ADMIN);
        LocalDate lastDay = today.plusDays(2);
        assertEquals(200, recordLeaving(ada.staff(), lastDay).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", ada.account().id()));

        assertTrue(runJob(lastDay) >= 1);
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM account WHERE id = ? AND enabled = TRUE", ada.account().id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", ada.account().id()));
        assertTrue(fixtures.string("SELECT summary FROM activity_log WHERE action = 'LEAVER_ACCESS_ENDED' AND entity_id = ?",
                ada.account().id()).contains("no enabled administrator"), "the log says the organisation has no administrator left");
    }

    /** Frees the lease first: another test context's scheduler (another "node") may hold it. */
    private int runJob(LocalDate day) {
        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'leavers'");
        return job.run(day);
    }

    private Api.Response recordLeaving(Staff who, LocalDate lastDay) {
        String etag = api.get("/api/v1/staff/" + who.id(), hr).header("ETag");
        return api.post("/api/v1/staff/" + who.id() + "/leaving", hr,
                Map.of("leavingDate", lastDay.toString(), "reason", "Moved to another council"), etag);
    }
}

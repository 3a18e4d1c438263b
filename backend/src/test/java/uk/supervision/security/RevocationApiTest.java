package uk.supervision.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Signing out, a role granted or removed and a disabled account end the person's access tokens on the
 * very next request (and their refresh tokens), over real HTTP. Leavers: staff/LeaverApiTest.
 */
@MicronautTest(transactional = false)
class RevocationApiTest extends ApiTest {

    @Test
    void signingOutEndsEveryAccessAndRefreshTokenOfTheAccountOnTheNextRequest() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode tablet = api.signIn(sam.username(), Fixtures.PASSWORD);
        JsonNode phone = api.signIn(sam.username(), Fixtures.PASSWORD);
        String tabletToken = tablet.get("accessToken").asText();
        assertEquals(200, api.get("/api/v1/me", tabletToken).status());
        assertEquals(200, api.get("/api/v1/me", phone.get("accessToken").asText()).status());

        Api.Response out = api.post("/api/v1/auth/sign-out", tabletToken, Map.of("refreshToken", tablet.get("refreshToken").asText()));
        assertEquals(204, out.status(), out.body());

        assertRefused(api.get("/api/v1/me", tabletToken));
        assertRefused(api.get("/api/v1/me", phone.get("accessToken").asText()));
        assertRefused(api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", tablet.get("refreshToken").asText())));
        assertRefused(api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", phone.get("refreshToken").asText())));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ? AND revoked_at IS NULL", sam.account().id()));
        assertEquals(1, fixtures.count("SELECT token_generation FROM account WHERE id = ?", sam.account().id()));
        // Signing in again works, with a token of the new generation.
        assertEquals(200, api.get("/api/v1/me", api.token(sam.username(), Fixtures.PASSWORD)).status());
    }

    /**
     * A refresh at the same moment as a sign-out must not outlive it: whichever runs first, afterwards no
     * refresh token of the account works and no access token the refresh handed out works.
     */
    @Test
    void aRefreshRacingASignOutLeavesNothingUsable() throws Exception {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 40; round++) {
                JsonNode pair = api.signIn(sam.username(), Fixtures.PASSWORD);
                String access = pair.get("accessToken").asText();
                String refresh = pair.get("refreshToken").asText();
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Api.Response> refreshed = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", refresh));
                });
                Future<Api.Response> signedOut = pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/auth/sign-out", access, Map.of("refreshToken", refresh));
                });
                Api.Response out = signedOut.get(30, TimeUnit.SECONDS);
                Api.Response in = refreshed.get(30, TimeUnit.SECONDS);
                assertEquals(204, out.status(), "round " + round + ": " + out);
                assertTrue(in.status() == 200 || in.status() == 401, "round " + round + ": " + in);

                assertRefused(api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", refresh)));
                if (in.status() == 200) {
                    String racedAccess = in.json().get("accessToken").asText();
                    String racedRefresh = in.json().get("refreshToken").asText();
                    assertEquals(401, api.get("/api/v1/me", racedAccess).status(), "round " + round + ": the raced access token still works");
                    assertEquals(401, api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", racedRefresh)).status(),
                            "round " + round + ": the raced refresh token still works");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void grantingARoleEndsTheOldTokensAndTheNextSignInCarriesTheRole() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode pair = api.signIn(sam.username(), Fixtures.PASSWORD);
        String old = pair.get("accessToken").asText();
        assertEquals(List.of("PRACTITIONER"), roles(api.get("/api/v1/me", old).json()));

        Api.Response granted = api.post("/api/v1/accounts/" + sam.account().id() + "/role-grants", admin,
                Map.of("role", "SERVICE_MANAGER", "serviceId", world.serviceA().id()));
        assertEquals(201, granted.status(), granted.body());
        assertEquals("SERVICE_MANAGER", granted.json().get("role").asText());
        assertEquals(world.serviceA().id(), granted.json().get("serviceId").asText());

        assertRefused(api.get("/api/v1/me", old));
        assertRefused(api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", pair.get("refreshToken").asText())));
        assertEquals(List.of("PRACTITIONER", "SERVICE_MANAGER"),
                roles(api.get("/api/v1/me", api.token(sam.username(), Fixtures.PASSWORD)).json()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE account_id = ? AND role = 'SERVICE_MANAGER' AND service_id = ?",
                sam.account().id(), world.serviceA().id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'ROLE_GRANTED' AND entity_id = ?", sam.account().id()));
    }

    @Test
    void removingARoleEndsTheOldTokens() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        String old = api.token(priya.username(), Fixtures.PASSWORD);
        String grant = fixtures.string("SELECT id FROM role_grant WHERE account_id = ? AND role = 'SUPERVISOR'", priya.account().id());

        Api.Response removed = api.raw("DELETE", "/api/v1/accounts/" + priya.account().id() + "/role-grants/" + grant, admin, null, null);
        assertEquals(204, removed.status(), removed.body());

        assertRefused(api.get("/api/v1/me", old));
        assertEquals(List.of("PRACTITIONER"), roles(api.get("/api/v1/me", api.token(priya.username(), Fixtures.PASSWORD)).json()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM role_grant WHERE id = ?", grant));
        assertEquals(404, api.raw("DELETE", "/api/v1/accounts/" + priya.account().id() + "/role-grants/" + grant, admin, null, null).status());
    }

    @Test
    void disablingAnAccountEndsItsTokensAndItsSignIn() {
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode pair = api.signIn(sam.username(), Fixtures.PASSWORD);
        assertEquals(200, api.get("/api/v1/me", pair.get("accessToken").asText()).status());

        assertEquals(204, api.post("/api/v1/accounts/" + sam.account().id() + "/disablement", admin, null).status());

        assertRefused(api.get("/api/v1/me", pair.get("accessToken").asText()));
        assertRefused(api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", pair.get("refreshToken").asText())));
        assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", Fixtures.PASSWORD)).status());
        assertEquals("FALSE", fixtures.string("SELECT CASE WHEN enabled THEN 'TRUE' ELSE 'FALSE' END FROM account WHERE id = ?",
                sam.account().id()));
        assertEquals(204, api.post("/api/v1/accounts/" + sam.account().id() + "/disablement", admin, null).status(), "idempotent");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'ACCOUNT_DISABLED' AND entity_id = ?", sam.account().id()));
    }

    @Test
    void onlyAnAdministratorOfTheSameOrganisationAdministersAccountsAndBadRequestsChangeNothing() {
        World.Person adminPerson = world.accountOnly(Role.ADMIN);
        String admin = api.token(adminPerson.username(), Fixtures.PASSWORD);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        String samToken = api.token(sam.username(), Fixtures.PASSWORD);
        String base = "/api/v1/accounts/" + sam.account().id();
        String grant = fixtures.string("SELECT id FROM role_grant WHERE account_id = ?", sam.account().id());

        List<String> others = new ArrayList<>();
        others.add(api.token(world.person(null, "Hannah", Role.HR).username(), Fixtures.PASSWORD));
        others.add(api.token(world.person(world.teamA1(), "Marcus", Role.SERVICE_MANAGER, Role.SUPERVISOR).username(), Fixtures.PASSWORD));
        others.add(api.token(world.person(null, "Helen", Role.HEAD_OF_SERVICE).username(), Fixtures.PASSWORD));
        others.add(api.token(world.person(null, "Rachel", Role.QA_AUDITOR).username(), Fixtures.PASSWORD));
        others.add(samToken);
        JsonNode client = api.post("/api/v1/machine-clients", admin, Map.of("name", "HR system", "scopes", List.of("staff.read", "staff.write"))).json();
        Api.Response clientToken = api.form("/api/v1/oauth/token", null, "grant_type=client_credentials&client_id="
                + client.get("clientId").asText() + "&client_secret=" + client.get("clientSecret").asText());
        assertEquals(200, clientToken.status(), clientToken.body());
        others.add(clientToken.json().get("access_token").asText());
        for (String token : others) {
            assertEquals(403, api.post(base + "/role-grants", token, Map.of("role", "ADMIN")).status());
            assertEquals(403, api.raw("DELETE", base + "/role-grants/" + grant, token, null, null).status());
            assertEquals(403, api.post(base + "/disablement", token, null).status());
        }
        World elsewhere = fixtures.organisation();
        String foreignAdmin = api.token(elsewhere.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertEquals(404, api.post(base + "/role-grants", foreignAdmin, Map.of("role", "ADMIN")).status());
        assertEquals(404, api.raw("DELETE", base + "/role-grants/" + grant, foreignAdmin, null, null).status());
        assertEquals(404, api.post(base + "/disablement", foreignAdmin, null).status());
        assertEquals(401, api.post(base + "/disablement", null, null).status());

        assertEquals(400, api.post(base + "/role-grants", admin, Map.of("role", "OWNER")).status());
        Api.Response scoped = api.post(base + "/role-grants", admin, Map.of("role", "QA_AUDITOR", "serviceId", world.serviceA().id()));
        assertEquals(422, scoped.status(), scoped.body());
        assertEquals("/serviceId", scoped.json().get("errors").get(0).get("pointer").asText());
        assertEquals(422, api.post(base + "/role-grants", admin, Map.of("role", "SERVICE_MANAGER", "serviceId", elsewhere.serviceA().id())).status());
        assertEquals(409, api.post(base + "/role-grants", admin, Map.of("role", "PRACTITIONER")).status());
        Api.Response lastAdmin = api.post("/api/v1/accounts/" + adminPerson.account().id() + "/disablement", admin, null);
        assertEquals(422, lastAdmin.status(), "the organisation's last administrator cannot be disabled");
        assertTrue(lastAdmin.contentType().startsWith("application/problem+json"));

        // Nothing changed: the same roles, the account enabled, and Sam's token still works (nothing was revoked).
        assertEquals(List.of(grant), fixtures.strings("SELECT id FROM role_grant WHERE account_id = ?", sam.account().id()));
        assertEquals(0, fixtures.count("SELECT token_generation FROM account WHERE id = ?", sam.account().id()));
        assertEquals(200, api.get("/api/v1/me", samToken).status());
        assertEquals(200, api.get("/api/v1/me", admin).status());
    }

    static void assertRefused(Api.Response r) {
        assertEquals(401, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    private static List<String> roles(JsonNode me) {
        List<String> out = new ArrayList<>();
        me.get("roles").forEach(r -> out.add(r.asText()));
        return out;
    }
}

package uk.supervision.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, throttling, refresh rotation, sign-out and token tampering, over real HTTP. */
@MicronautTest(transactional = false)
class AuthApiTest extends ApiTest {
    static final String TEST_SECRET = "test-signing-secret-of-at-least-thirty-two-characters";



    @Test
    void signInGivesASignedShortLivedTokenThatOpensMe() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode pair = api.signIn(sam.username(), Fixtures.PASSWORD);
        assertEquals("Bearer", pair.get("tokenType").asText());
        assertTrue(pair.get("expiresIn").asInt() <= 900, "access tokens live at most 15 minutes");

        String access = pair.get("accessToken").asText();
        JsonNode header = decode(access, 0);
        JsonNode claims = decode(access, 1);
        assertEquals("HS256", header.get("alg").asText());
        assertTrue(claims.get("exp").asLong() - claims.get("iat").asLong() <= 900);
        assertEquals(sam.account().id(), claims.get("sub").asText());

        Api.Response me = api.get("/api/v1/me", access);
        assertEquals(200, me.status(), me.body());
        assertEquals(sam.account().username(), me.json().get("username").asText());
        assertEquals(List.of("PRACTITIONER"), List.of(me.json().get("roles").get(0).asText()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'SIGN_IN' AND actor_account_id = ?", sam.account().id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ?", sam.account().id()));
        assertNotEquals(pair.get("refreshToken").asText(),
                fixtures.string("SELECT token_hash FROM refresh_token WHERE account_id = ?", sam.account().id()),
                "only a hash of the refresh token is stored");
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSame401Problem() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        Api.Response wrong = api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", "nope"));
        Api.Response unknown = api.post("/api/v1/auth/sign-in", null, Map.of("username", "nobody-" + sam.username(), "password", "nope"));
        for (Api.Response r : List.of(wrong, unknown)) {
            assertEquals(401, r.status());
            assertTrue(r.contentType().startsWith("application/problem+json"));
            assertEquals("urn:supervision:problem:invalid-credentials", r.json().get("type").asText());
        }
        assertEquals(wrong.json().get("detail"), unknown.json().get("detail"), "no hint whether the account exists");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'SIGN_IN_FAILED' AND actor_account_id = ?", sam.account().id()));
    }

    @Test
    void fiveFailuresLockTheAccountWith429EvenForTheRightPassword() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", "wrong" + i)).status());
        }
        Api.Response locked = api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", Fixtures.PASSWORD));
        assertEquals(429, locked.status(), locked.body());
        assertEquals("urn:supervision:problem:too-many-requests", locked.json().get("type").asText());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 15 * 60, "Retry-After " + retryAfter);
        assertNotNull(fixtures.string("SELECT locked_until FROM sign_in_throttle WHERE throttle_key = ?", "account:" + sam.username()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ?", sam.account().id()));
    }

    @Test
    void refreshRotatesAndAReusedTokenRevokesTheWholeSignIn() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode first = api.signIn(sam.username(), Fixtures.PASSWORD);
        String firstRefresh = first.get("refreshToken").asText();

        Api.Response second = api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", firstRefresh));
        assertEquals(200, second.status(), second.body());
        String secondRefresh = second.json().get("refreshToken").asText();
        assertNotEquals(firstRefresh, secondRefresh);
        assertEquals(200, api.get("/api/v1/me", second.json().get("accessToken").asText()).status());

        Api.Response reused = api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", firstRefresh));
        assertEquals(401, reused.status());
        assertEquals("urn:supervision:problem:invalid-token", reused.json().get("type").asText());
        // The stolen-token case: the legitimate newer token stops working too.
        assertEquals(401, api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", secondRefresh)).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ? AND revoked_at IS NULL", sam.account().id()));
    }

    @Test
    void signOutRevokesTheRefreshToken() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode pair = api.signIn(sam.username(), Fixtures.PASSWORD);
        Api.Response out = api.post("/api/v1/auth/sign-out", pair.get("accessToken").asText(),
                Map.of("refreshToken", pair.get("refreshToken").asText()));
        assertEquals(204, out.status(), out.body());
        assertEquals(401, api.post("/api/v1/auth/token-refresh", null, Map.of("refreshToken", pair.get("refreshToken").asText())).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'SIGN_OUT' AND actor_account_id = ?", sam.account().id()));
    }

    @Test
    void expiredTamperedForeignAndUnsignedTokensGet401() throws Exception {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        String valid = api.token(sam.username(), Fixtures.PASSWORD);
        assertEquals(200, api.get("/api/v1/me", valid).status());

        String expired = sign(TEST_SECRET, sam, Instant.now().minusSeconds(60));
        String foreign = sign("another-secret-that-is-also-thirty-two-characters-long", sam, Instant.now().plusSeconds(600));
        String[] parts = valid.split("\\.");
        JsonNode claims = decode(valid, 1);
        String escalated = Api.JSON.writeValueAsString(((com.fasterxml.jackson.databind.node.ObjectNode) claims)
                .set("roles", Api.JSON.valueToTree(List.of("ADMIN"))));
        String tampered = parts[0] + "." + b64(escalated) + "." + parts[2];
        String unsigned = b64("{\"alg\":\"none\"}") + "." + parts[1] + ".";

        for (String token : List.of(expired, foreign, tampered, unsigned)) {
            Api.Response r = api.get("/api/v1/me", token);
            assertEquals(401, r.status(), "token should be refused: " + token);
            assertTrue(r.contentType().startsWith("application/problem+json"));
        }
        // Control: a token signed with the service's secret and in date is accepted, so the 401s above are
        // about expiry, key and signature, not about how the test builds tokens.
        assertEquals(200, api.get("/api/v1/me", sign(TEST_SECRET, sam, Instant.now().plusSeconds(600))).status());
    }

    private static String sign(String secret, World.Person who, Instant expires) throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(who.account().id())
                .issueTime(Date.from(Instant.now().minusSeconds(120))).expirationTime(Date.from(expires))
                .claim("roles", List.of("PRACTITIONER")).claim("org", who.account().organisationId())
                .claim("staff", who.staff().id()).claim("kind", "person").build();
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static JsonNode decode(String jwt, int part) {
        try {
            return Api.JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[part]));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}

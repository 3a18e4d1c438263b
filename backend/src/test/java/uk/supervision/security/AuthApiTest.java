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
import java.sql.Timestamp;
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
    void failuresSlowDownTheAccountFromThatAddressWithDelaysThatDouble() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        String key = "account:" + sam.username() + "@127.0.0.1";
        for (int i = 0; i < 5; i++) {
            assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", "wrong" + i)).status());
        }
        Api.Response locked = api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", Fixtures.PASSWORD));
        assertEquals(429, locked.status(), locked.body());
        assertEquals("urn:supervision:problem:too-many-requests", locked.json().get("type").asText());
        long first = Long.parseLong(locked.header("Retry-After"));
        assertTrue(first > 0 && first <= 30, "first delay " + first);

        // The delay passes; one more failure waits twice as long, and the next twice as long again.
        long[] expected = {60, 120};
        for (long delay : expected) {
            fixtures.execute("UPDATE sign_in_throttle SET locked_until = ? WHERE throttle_key = ?",
                    Timestamp.from(Instant.now().minusSeconds(5)), key);
            assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", "wrong")).status());
            Api.Response again = api.post("/api/v1/auth/sign-in", null, Map.of("username", sam.username(), "password", Fixtures.PASSWORD));
            assertEquals(429, again.status(), again.body());
            long retryAfter = Long.parseLong(again.header("Retry-After"));
            assertTrue(retryAfter > delay / 2 && retryAfter <= delay + 1, "expected about " + delay + "s, got " + retryAfter);
        }
        assertEquals(7, fixtures.count("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?", key));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM refresh_token WHERE account_id = ?", sam.account().id()));
    }

    @Test
    void forgedForwardedHeadersFromAnUntrustedAddressNeverEscapeTheThrottleAndTheOwnerSignsInFromElsewhere() throws Exception {
        World.Person admin = world.accountOnly(Role.ADMIN);
        String wrong = Api.json(Map.of("username", admin.username(), "password", "guess"));
        int refused = 0;
        int throttled = 0;
        for (int i = 0; i < 60; i++) {
            Map<String, String> forged = switch (i % 3) {
                case 0 -> Map.of("X-Forwarded-For", "198.51.100." + i);
                case 1 -> Map.of("Forwarded", "for=198.51.100." + i);
                default -> Map.of("X-Forwarded-For", "203.0.113." + i + ", 10.0.0." + i, "Forwarded", "for=\"[2001:db8::" + i + "]\"");
            };
            int status = api.raw("POST", "/api/v1/auth/sign-in", null, "application/json", wrong, forged).status();
            if (status == 401) {
                refused++;
            } else if (status == 429) {
                throttled++;
            }
        }
        assertEquals(5, refused, "the forged addresses were not believed: only five failures were let through");
        assertEquals(55, throttled);
        // Locked from this address: another header with the right password does not help.
        Api.Response escape = api.raw("POST", "/api/v1/auth/sign-in", null, "application/json",
                Api.json(Map.of("username", admin.username(), "password", Fixtures.PASSWORD)), Map.of("X-Forwarded-For", "192.0.2.77"));
        assertEquals(429, escape.status(), escape.body());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key LIKE ?", "%@198.51.100.%"));

        // The same administrator, from another address, is not locked out.
        RawResponse elsewhere = signInFrom("127.0.0.2", admin.username(), Fixtures.PASSWORD);
        assertEquals(200, elsewhere.status(), elsewhere.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'SIGN_IN' AND actor_account_id = ? "
                + "AND remote_address = '127.0.0.2'", admin.account().id()));
        assertEquals(429, api.post("/api/v1/auth/sign-in", null, Map.of("username", admin.username(), "password", Fixtures.PASSWORD)).status(),
                "still slowed down from the address that failed");
    }

    @Test
    void correctlySignedTokensAreStillRefusedWithoutExpiryWithTooLongALifeFromAnotherIssuerOrNotValidYet() throws Exception {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        JsonNode issued = decode(api.token(sam.username(), Fixtures.PASSWORD), 1);
        assertEquals("supervision", issued.get("iss").asText(), "the service names itself as issuer");
        assertEquals(0, issued.get("gen").asInt());
        Instant now = Instant.now();
        Map<String, String> refused = new java.util.LinkedHashMap<>();
        refused.put("no exp", craft(sam, b -> b.expirationTime(null)));
        refused.put("ten-year exp", craft(sam, b -> b.expirationTime(Date.from(now.plus(java.time.Duration.ofDays(3650))))));
        refused.put("lifetime over 900 s though in date", craft(sam, b -> b.issueTime(Date.from(now.minusSeconds(30)))
                .expirationTime(Date.from(now.plusSeconds(900)))));
        refused.put("no iat", craft(sam, b -> b.issueTime(null)));
        refused.put("another iss", craft(sam, b -> b.issuer("https://elsewhere.example")));
        refused.put("no iss", craft(sam, b -> b.issuer(null)));
        refused.put("future nbf", craft(sam, b -> b.notBeforeTime(Date.from(now.plusSeconds(600)))));
        refused.put("old generation", craft(sam, b -> b.claim("gen", 1)));
        refused.put("no generation", craft(sam, b -> b.claim("gen", null)));
        for (Map.Entry<String, String> token : refused.entrySet()) {
            Api.Response r = api.get("/api/v1/me", token.getValue());
            assertEquals(401, r.status(), token.getKey() + " should be refused");
            assertTrue(r.contentType().startsWith("application/problem+json"), token.getKey());
        }
        // Control: the same recipe with nothing changed is accepted, so each 401 above is about the one claim.
        assertEquals(200, api.get("/api/v1/me", craft(sam, b -> { })).status());
        assertEquals(200, api.get("/api/v1/me", craft(sam, b -> b.notBeforeTime(Date.from(now.minusSeconds(10))))).status());
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
        return sign(secret, who, b -> b.issueTime(Date.from(expires.minusSeconds(600))).expirationTime(Date.from(expires)));
    }

    /** A person's token signed with the service's real secret: in date, this issuer, generation 0, then changed. */
    static String craft(World.Person who, java.util.function.Consumer<JWTClaimsSet.Builder> change) throws Exception {
        return sign(TEST_SECRET, who, change);
    }

    private static String sign(String secret, World.Person who, java.util.function.Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Instant now = Instant.now();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder().subject(who.account().id()).issuer("supervision")
                .issueTime(Date.from(now.minusSeconds(60))).expirationTime(Date.from(now.plusSeconds(600)))
                .claim("roles", List.of("PRACTITIONER")).claim("org", who.account().organisationId())
                .claim("staff", who.staff().id()).claim("kind", "person").claim("gen", 0);
        change.accept(builder);
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), builder.build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    record RawResponse(int status, String body) {
    }

    /** Signs in over a connection from another local address (127.0.0.2 is loopback too on Linux). */
    private RawResponse signInFrom(String localAddress, String username, String password) throws Exception {
        String body = Api.json(Map.of("username", username, "password", password));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.bind(new java.net.InetSocketAddress(localAddress, 0));
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.getPort()), 5000);
            socket.setSoTimeout(30000);
            String head = "POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Accept: application/json\r\nConnection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            return new RawResponse(status, response);
        }
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

package uk.supervision.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Behind a configured reverse proxy, each forwarded client address is throttled on its own. */
@MicronautTest(transactional = false)
@Property(name = "supervision.security.trusted-proxies", value = "127.0.0.0/8")
class TrustedProxyThrottleApiTest extends ApiTest {

    @Test
    void behindATrustedProxyEachForwardedAddressIsCountedSeparately() {
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        String wrong = Api.json(Map.of("username", sam.username(), "password", "guess"));
        String right = Api.json(Map.of("username", sam.username(), "password", Fixtures.PASSWORD));
        for (int i = 0; i < 5; i++) {
            assertEquals(401, signIn(wrong, Map.of("X-Forwarded-For", "203.0.113.10")).status());
        }
        assertEquals(429, signIn(right, Map.of("X-Forwarded-For", "203.0.113.10")).status());
        // The client adds an address of its own in front: the proxy appended the real one, which is still locked.
        assertEquals(429, signIn(right, Map.of("X-Forwarded-For", "198.51.100.1, 203.0.113.10")).status());
        assertEquals(429, signIn(right, Map.of("Forwarded", "for=198.51.100.1, for=\"203.0.113.10:51234\"")).status());

        Api.Response other = signIn(right, Map.of("X-Forwarded-For", "203.0.113.11"));
        assertEquals(200, other.status(), other.body());
        assertEquals(5, fixtures.count("SELECT failures FROM sign_in_throttle WHERE throttle_key = ?",
                "account:" + sam.username() + "@203.0.113.10"));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM sign_in_throttle WHERE throttle_key LIKE ?", "account:" + sam.username() + "@127.%"));
        assertEquals("203.0.113.11", fixtures.string("SELECT remote_address FROM activity_log WHERE action = 'SIGN_IN' AND actor_account_id = ?",
                sam.account().id()));
    }

    private Api.Response signIn(String body, Map<String, String> headers) {
        return api.raw("POST", "/api/v1/auth/sign-in", null, "application/json", body, headers);
    }
}

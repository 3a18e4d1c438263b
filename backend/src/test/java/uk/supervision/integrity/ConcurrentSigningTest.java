package uk.supervision.integrity;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both parties sign at the same moment, over real HTTP, many times: each agreement and each record ends
 * locked exactly once, with both signatures, one snapshot and one link in the chain.
 */
@MicronautTest(transactional = false)
class ConcurrentSigningTest extends ApiTest {
    private static final int ROUNDS = 20;

    World.Person sam;
    String supervisor;
    String supervisee;
    String admin;

    @BeforeEach
    void people() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
    }

    @Test
    void bothPartiesSigningAnAgreementAtOnceActivateItExactlyOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Signing.Ready ready = Signing.submittedAgreement(api, supervisor, sam.id());
            List<Api.Response> both = together(ready.url() + "/signatures", ready.etag());
            String id = ready.url().substring(ready.url().lastIndexOf('/') + 1);
            String where = "round " + round + ": " + both;
            both.forEach(r -> assertEquals(200, r.status(), where));
            assertEquals("ACTIVE", fixtures.string("SELECT status FROM agreement WHERE id = ?", id), where);
            assertEquals(List.of("SUPERVISEE", "SUPERVISOR"), fixtures.strings("SELECT party FROM agreement_signature WHERE agreement_id = ? "
                    + "ORDER BY party", id), where);
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'AGREEMENT' AND item_id = ?", id), where);
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ? AND action = 'AGREEMENT_ACTIVE'", id), where);
            assertTrue(both.stream().anyMatch(r -> r.json().get("status").asText().equals("ACTIVE")), where);
        }
        assertChainWhole(ROUNDS);
    }

    @Test
    void bothPartiesSigningARecordAtOnceLockItExactlyOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Signing.Ready ready = Signing.writtenRecord(api, supervisor, sam.id());
            List<Api.Response> both = together(ready.url() + "/signatures", ready.etag());
            String session = ready.url().split("/")[4];
            String where = "round " + round + ": " + both;
            both.forEach(r -> assertEquals(200, r.status(), where));
            assertEquals("SIGNED", fixtures.string("SELECT status FROM session_record WHERE session_id = ?", session), where);
            assertEquals("SIGNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", session), where);
            assertEquals(2, fixtures.count("SELECT COUNT(DISTINCT signer_staff_id) FROM record_signature WHERE session_id = ?", session), where);
            assertEquals(2, fixtures.count("SELECT COUNT(*) FROM record_signature WHERE session_id = ?", session), where);
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'SESSION_RECORD' AND item_id = ?", session), where);
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ? AND action = 'RECORD_SIGNED_AND_LOCKED'",
                    session), where);
        }
        assertChainWhole(ROUNDS);
    }

    /** Both parties send their signature with the ETag they both read, released at the same instant. */
    private List<Api.Response> together(String url, String etag) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Api.Response> a = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return api.post(url, supervisor, null, etag);
            });
            Future<Api.Response> b = pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return api.post(url, supervisee, null, etag);
            });
            return List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    private void assertChainWhole(int items) {
        String org = world.org().id();
        assertEquals(items, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE organisation_id = ?", org));
        assertEquals(items, fixtures.count("SELECT last_sequence FROM chain_head WHERE organisation_id = ?", org));
        Api.Response verified = api.post("/api/v1/integrity/verifications", admin, null);
        assertTrue(verified.json().get("intact").asBoolean(), verified.body());
        assertEquals(items, verified.json().get("itemsChecked").asLong());
    }
}

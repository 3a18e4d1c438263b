package uk.supervision.integrity;

import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A signing holds one database connection, its own: twice as many final signatures as the pool has
 * connections, released at the same instant, all lock their item. Before, each signing took a second
 * connection to create the chain head, so a full pool of signings waited on each other and got 503.
 */
@MicronautTest(transactional = false)
class SigningNeedsOneConnectionTest extends ApiTest {
    @Value("${datasources.default.maximum-pool-size}")
    int poolSize;

    /** One agreement awaiting its last signature: the URL, the ETag and the supervisee's token. */
    record LastSignature(String url, String etag, String token, String organisationId) {
    }

    @Test
    void moreSigningsAtOnceThanThePoolHasConnectionsInAsManyOrganisationsAllLock() throws Exception {
        List<LastSignature> waiting = new ArrayList<>();
        for (int i = 0; i < poolSize * 2; i++) {
            World org = i == 0 ? world : fixtures.organisation();
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM chain_head WHERE organisation_id = ? AND last_sequence = 0", org.org().id()),
                    "the chain starts with the organisation");
            waiting.add(awaitingLastSignature(org));
        }
        List<Api.Response> signed = together(waiting);
        for (int i = 0; i < waiting.size(); i++) {
            LastSignature w = waiting.get(i);
            assertEquals(200, signed.get(i).status(), signed.get(i).body());
            assertEquals("ACTIVE", signed.get(i).json().get("status").asText());
            assertEquals(1, fixtures.count("SELECT last_sequence FROM chain_head WHERE organisation_id = ?", w.organisationId()));
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE organisation_id = ? AND sequence_no = 1", w.organisationId()));
        }
    }

    @Test
    void anOrganisationWithoutAChainHeadStartsItOnceUnderConcurrentFirstSignings() throws Exception {
        // An organisation made before chain heads were created with it.
        assertEquals(1, fixtures.asMigrationAccount("DELETE FROM chain_head WHERE organisation_id = ?", world.org().id()));
        List<LastSignature> waiting = new ArrayList<>();
        for (int i = 0; i < poolSize * 2; i++) {
            waiting.add(awaitingLastSignature(world));
        }
        List<Api.Response> signed = together(waiting);
        signed.forEach(r -> assertEquals(200, r.status(), r.body()));
        int items = waiting.size();
        assertEquals(items, fixtures.count("SELECT COUNT(DISTINCT sequence_no) FROM signed_item WHERE organisation_id = ?", world.org().id()));
        assertEquals(items, fixtures.count("SELECT last_sequence FROM chain_head WHERE organisation_id = ?", world.org().id()));
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response verified = api.post("/api/v1/integrity/verifications", admin, null);
        assertTrue(verified.json().get("intact").asBoolean(), verified.body());
        assertEquals(items, verified.json().get("itemsChecked").asLong());
    }

    /** A supervisor and a supervisee in the organisation; the agreement signed by the supervisor. */
    private LastSignature awaitingLastSignature(World org) {
        World.Person priya = org.person(org.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        World.Person sam = org.person(org.teamA1(), "Sam", Role.PRACTITIONER);
        org.supervise(priya.staff(), sam.staff());
        String supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        Signing.Ready ready = Signing.submittedAgreement(api, supervisor, sam.id());
        Api.Response first = api.post(ready.url() + "/signatures", supervisor, null, ready.etag());
        assertEquals(200, first.status(), first.body());
        return new LastSignature(ready.url(), first.header("ETag"), api.token(sam.username(), Fixtures.PASSWORD), org.org().id());
    }

    private List<Api.Response> together(List<LastSignature> all) throws Exception {
        CyclicBarrier start = new CyclicBarrier(all.size());
        ExecutorService pool = Executors.newFixedThreadPool(all.size());
        try {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (LastSignature s : all) {
                Callable<Api.Response> sign = () -> {
                    start.await(30, TimeUnit.SECONDS);
                    return api.post(s.url() + "/signatures", s.token(), null, s.etag());
                };
                futures.add(pool.submit(sign));
            }
            List<Api.Response> out = new ArrayList<>();
            for (Future<Api.Response> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}

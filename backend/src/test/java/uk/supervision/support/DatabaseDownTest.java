package uk.supervision.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.problem.ErrorsApiTestSupport;
import uk.supervision.problem.UnexpectedExceptionHandler;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under a running service, with the product's own pool settings: requests get
 * 503 problem+json with Retry-After quickly (not after Hikari's default 30 s), /health and readiness say
 * DOWN within about a second while liveness stays UP, a request whose connection dies while it waits on
 * the database gets 503 (not 500), and the service recovers without a restart. The service reaches the
 * database through a relay the test cuts: its own H2 server, or the configured MariaDB/MySQL (CI).
 * Times are asserted only as generous upper bounds; the measured ones are printed.
 */
class DatabaseDownTest {
    private static final long REFUSAL_BOUND_MS = 2_500;
    private static final long HEALTH_BOUND_MS = 1_500;
    private static final long RECOVERY_BOUND_MS = 20_000;

    @Test
    void aLostDatabaseIsAFast503HealthSaysDownAndTheServiceRecoversWithoutRestart() throws Exception {
        Database db = Database.start();
        try (CuttableProxy proxy = new CuttableProxy(db.host, db.port);
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, db.settingsVia(proxy.port()), "test")) {
            Api api = new Api(server.getURI());
            World world = server.getApplicationContext().getBean(Fixtures.class).organisation();
            String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
            assertEquals(200, api.get("/api/v1/services", admin).status(), "up");
            assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", "a@b.c", "password", "x")).status(),
                    "up: an unknown user is simply refused");
            assertEquals(200, api.get("/health/readiness", null).status());

            proxy.cut();

            Timed<Api.Response> signIn = timed(() -> api.post("/api/v1/auth/sign-in", null, Map.of("username", "a@b.c", "password", "x")));
            assertUnavailable(signIn, "sign-in");
            Timed<Api.Response> list = timed(() -> api.get("/api/v1/services", admin));
            assertUnavailable(list, "a read");

            Timed<Api.Response> health = timed(() -> api.get("/health", null));
            assertEquals(503, health.value.status(), health.value.body());
            assertEquals("DOWN", health.value.json().get("status").asText());
            assertTrue(health.ms < HEALTH_BOUND_MS, "health answered in " + health.ms + " ms");
            Timed<Api.Response> readiness = timed(() -> api.get("/health/readiness", null));
            assertEquals(503, readiness.value.status(), "not ready without the database");
            assertTrue(readiness.ms < HEALTH_BOUND_MS, "readiness answered in " + readiness.ms + " ms");
            Api.Response liveness = api.get("/health/liveness", null);
            assertEquals(200, liveness.status(), "the process itself is fine: no restart wanted");
            assertEquals("UP", liveness.json().get("status").asText());

            proxy.restore();
            long recovery = untilReady(api);
            assertEquals(200, api.get("/api/v1/services", admin).status(), "back without a restart");

            // Mid-flight: a read is waiting on the database's answer when the database goes away.
            assertEquals(200, api.get("/api/v1/services", admin).status()); // a fresh connection, no re-validation
            proxy.holdReplies();
            CompletableFuture<Api.Response> inFlight = CompletableFuture.supplyAsync(() -> api.get("/api/v1/services", admin));
            long waited = System.nanoTime();
            while (proxy.sentWhileHolding() == 0 && System.nanoTime() - waited < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(10);
            }
            assertTrue(proxy.sentWhileHolding() > 0, "the request reached the database");
            Thread.sleep(100);
            long cutAt = System.nanoTime();
            proxy.cut();
            Api.Response midFlight = inFlight.get(30, TimeUnit.SECONDS);
            long midFlightMs = (System.nanoTime() - cutAt) / 1_000_000;
            ErrorsApiTestSupport.assertProblem(midFlight, 503, "unavailable");
            assertEquals(UnexpectedExceptionHandler.RETRY_AFTER_SECONDS, midFlight.header("Retry-After"));
            assertTrue(midFlightMs < REFUSAL_BOUND_MS, "in-flight request answered " + midFlightMs + " ms after the cut");

            proxy.restore();
            long secondRecovery = untilReady(api);
            assertEquals(200, api.get("/api/v1/services", admin).status());

            System.out.printf("DatabaseDownTest on %s: sign-in 503 in %d ms, read 503 in %d ms, /health DOWN in %d ms, "
                            + "readiness DOWN in %d ms, in-flight 503 %d ms after the cut, ready again %d ms and %d ms after restore%n",
                    db.kind, signIn.ms, list.ms, health.ms, readiness.ms, midFlightMs, recovery, secondRecovery);
        } finally {
            db.stop();
        }
    }

    private static void assertUnavailable(Timed<Api.Response> r, String what) {
        ErrorsApiTestSupport.assertProblem(r.value, 503, "unavailable");
        assertEquals(UnexpectedExceptionHandler.RETRY_AFTER_SECONDS, r.value.header("Retry-After"), what);
        assertTrue(r.ms < REFUSAL_BOUND_MS, what + " refused in " + r.ms + " ms");
    }

    /** Polls readiness until the database answers again; how long that took. */
    private static long untilReady(Api api) throws InterruptedException {
        long start = System.nanoTime();
        while (api.get("/health/readiness", null).status() != 200) {
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertTrue(ms < RECOVERY_BOUND_MS, "still not ready " + ms + " ms after the database came back");
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1_000_000;
    }

    private record Timed<T>(T value, long ms) {
    }

    private static <T> Timed<T> timed(Supplier<T> call) {
        long start = System.nanoTime();
        T value = call.get();
        return new Timed<>(value, (System.nanoTime() - start) / 1_000_000);
    }

    /** The database behind the relay: the configured MySQL/MariaDB (CI), else an H2 server of this test's own. */
    private record Database(String kind, String host, int port, String urlPrefix, String urlSuffix, Server h2,
                            java.nio.file.Path dir) {
        static Database start() throws Exception {
            String configured = System.getenv("SUPERVISION_DB_URL");
            if (configured != null && !configured.isBlank()) {
                Matcher m = Pattern.compile("jdbc:(mysql|mariadb)://([^:/?]+)(?::(\\d+))?(/.*)").matcher(configured);
                assertTrue(m.matches(), "a jdbc:mysql://host:port/db URL: " + configured);
                return new Database(m.group(1), m.group(2), m.group(3) == null ? 3306 : Integer.parseInt(m.group(3)),
                        "jdbc:" + m.group(1) + "://127.0.0.1:", m.group(4), null, null);
            }
            // A file database: H2 closes an in-memory one for good when its connections are cut.
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("supervision-down");
            Server h2 = Server.createTcpServer("-tcpPort", "0", "-ifNotExists", "-baseDir", dir.toString()).start();
            return new Database("h2", "127.0.0.1", h2.getPort(), "jdbc:h2:tcp://127.0.0.1:",
                    "/down;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE", h2, dir);
        }

        Map<String, Object> settingsVia(int proxyPort) {
            Map<String, Object> settings = new HashMap<>();
            settings.put("datasources.default.url", urlPrefix + proxyPort + urlSuffix);
            return settings;
        }

        void stop() throws java.io.IOException {
            if (h2 != null) {
                h2.stop();
                try (var files = java.nio.file.Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }
}

package uk.supervision.support;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import uk.supervision.problem.ErrorsApiTestSupport;
import uk.supervision.testing.Api;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The database goes away under a running service: requests get 503 problem+json (Retry-After), not a
 * hang or a stack trace, and health says DOWN. Uses its own H2 server over TCP so it can be stopped.
 */
class DatabaseDownTest {
    @Test
    void aLostDatabaseIs503AndHealthSaysDown() throws Exception {
        Server db = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + db.getPort() + "/mem:down-" + System.nanoTime()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", url,
                "datasources.default.connection-timeout", 1000,
                "datasources.default.validation-timeout", 500), "test")) {
            Api api = new Api(server.getURI());
            assertEquals(401, api.post("/api/v1/auth/sign-in", null, Map.of("username", "a@b.c", "password", "x")).status(),
                    "up: an unknown user is simply refused");

            db.stop();

            Api.Response down = api.post("/api/v1/auth/sign-in", null, Map.of("username", "a@b.c", "password", "x"));
            ErrorsApiTestSupport.assertProblem(down, 503, "unavailable");
            assertEquals("30", down.header("Retry-After"));
            assertEquals(503, api.get("/health", null).status());
        } finally {
            db.stop();
        }
    }
}

package uk.supervision.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.h2.tools.Server;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.problem.ErrorsApiTestSupport;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The per-request token check reads the database: when it is gone, a signed-in request is 503 (try
 * again), not 401 (which would send the person back to sign in) and not 500.
 */
class RevocationCheckDatabaseDownTest {
    @Test
    void aSignedInRequestIs503WhileTheDatabaseIsDown() throws Exception {
        Server db = Server.createTcpServer("-tcpPort", "0", "-ifNotExists").start();
        String url = "jdbc:h2:tcp://localhost:" + db.getPort() + "/mem:revocation-down-" + System.nanoTime()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, Map.of(
                "datasources.default.url", url,
                "datasources.default.connection-timeout", 1000,
                "datasources.default.validation-timeout", 500,
                "supervision.security.revocation-cache-seconds", 0), "test")) {
            Api api = new Api(server.getURI());
            Fixtures fixtures = server.getApplicationContext().getBean(Fixtures.class);
            World world = fixtures.organisation();
            World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
            String token = api.token(sam.username(), Fixtures.PASSWORD);
            assertEquals(200, api.get("/api/v1/me", token).status());

            db.stop();

            Api.Response down = api.get("/api/v1/me", token);
            ErrorsApiTestSupport.assertProblem(down, 503, "unavailable");
        } finally {
            db.stop();
        }
    }
}

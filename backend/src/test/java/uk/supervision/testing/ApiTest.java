package uk.supervision.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every black-box API test starts from: the running service, a client for it, and a fresh
 * organisation of its own. Subclasses carry {@code @MicronautTest(transactional = false)}.
 */
public abstract class ApiTest {
    @Inject
    protected EmbeddedServer server;
    @Inject
    protected Fixtures fixtures;
    protected Api api;
    protected World world;

    @BeforeEach
    void startWithAFreshOrganisation() {
        api = new Api(server.getURI());
        world = fixtures.organisation();
    }
}

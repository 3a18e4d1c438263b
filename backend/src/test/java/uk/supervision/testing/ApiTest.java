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

    /** The ids of a list of resources, in order. */
    protected static java.util.List<String> idsOf(com.fasterxml.jackson.databind.JsonNode items) {
        java.util.List<String> out = new java.util.ArrayList<>();
        items.forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    @BeforeEach
    void startWithAFreshOrganisation() {
        api = new Api(server.getURI());
        world = fixtures.organisation();
    }
}

package uk.supervision.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import uk.supervision.api.model.Role;
import uk.supervision.security.AuthService;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every log line of a request carries its id, including lines a service writes on the blocking
 * executor (not the event-loop thread the request arrived on); the id is the caller's X-Request-Id when
 * sane, else a new one, and comes back in the response.
 */
@MicronautTest(transactional = false)
class RequestIdLogTest extends ApiTest {

    @Test
    void aServiceLineWrittenOnTheBlockingExecutorCarriesTheRequestsId() {
        Logger serviceLog = (Logger) LoggerFactory.getLogger(AuthService.class);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        serviceLog.addAppender(captured);
        try {
            World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
            String refresh = api.signIn(sam.username(), Fixtures.PASSWORD).get("refreshToken").asText();
            assertEquals(200, refresh(refresh, Fixtures.unique("first-use")).status());

            // Presenting the used token again is refused, and AuthService logs it (a warning) on the blocking executor.
            String id = Fixtures.unique("reuse-check");
            Api.Response reused = refresh(refresh, id);
            assertEquals(401, reused.status(), reused.body());
            assertEquals(id, reused.header("X-Request-Id"), "the id comes back to the caller");

            List<ILoggingEvent> lines = captured.list.stream()
                    .filter(e -> e.getFormattedMessage().startsWith("Refresh token reused")).toList();
            assertEquals(1, lines.size(), "one service line: " + captured.list);
            ILoggingEvent line = lines.get(0);
            assertEquals(id, line.getMDCPropertyMap().get(RequestId.MDC_KEY), "the line carries this request's id");
            assertFalse(line.getThreadName().contains("eventloop") || line.getThreadName().contains("event-loop"),
                    "written on the blocking executor, not the event loop: " + line.getThreadName());
        } finally {
            serviceLog.detachAppender(captured);
        }
    }

    @Test
    void anUnsafeInboundIdIsReplacedAndEachRequestGetsItsOwn() {
        Api.Response forged = api.raw("GET", "/api/v1/me", null, null, null,
                Map.of("X-Request-Id", "abc\" level=ERROR forged"));
        String given = forged.header("X-Request-Id");
        assertTrue(given.matches("[0-9a-f-]{36}"), "a generated UUID instead of the unsafe id: " + given);

        Api.Response tooLong = api.raw("GET", "/api/v1/me", null, null, null, Map.of("X-Request-Id", "a".repeat(65)));
        assertTrue(tooLong.header("X-Request-Id").matches("[0-9a-f-]{36}"));
        assertNotEquals(given, tooLong.header("X-Request-Id"));
    }

    @Test
    void jsonLogsCarryTheRequestIdOnEachLine() throws Exception {
        // The product's logback.xml with SUPERVISION_LOG_FORMAT=json, in a logger context of its own.
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(((LoggerContext) LoggerFactory.getILoggerFactory()).getMDCAdapter());
        context.putProperty("SUPERVISION_LOG_FORMAT", "json");
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        Appender<ILoggingEvent> stdout = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDOUT");
        JsonEncoder encoder = assertInstanceOf(JsonEncoder.class, ((ConsoleAppender<ILoggingEvent>) stdout).getEncoder());

        Logger logger = context.getLogger("uk.supervision.Example");
        org.slf4j.MDC.put(RequestId.MDC_KEY, "req-1234");
        ch.qos.logback.classic.spi.LoggingEvent event;
        try {
            event = new ch.qos.logback.classic.spi.LoggingEvent(Logger.class.getName(), logger,
                    ch.qos.logback.classic.Level.WARN, "Something \"quoted\" happened", null, null);
            event.prepareForDeferredProcessing();
        } finally {
            org.slf4j.MDC.remove(RequestId.MDC_KEY);
        }
        String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
        assertTrue(line.endsWith("\n") && line.indexOf('\n') == line.length() - 1, "one line: " + line);
        JsonNode json = Api.JSON.readTree(line);
        assertEquals("WARN", json.get("level").asText());
        assertEquals("Something \"quoted\" happened", json.get("message").asText());
        assertEquals("req-1234", json.get("mdc").get(RequestId.MDC_KEY).asText(), line);
        context.stop();
    }

    private Api.Response refresh(String token, String requestId) {
        return api.raw("POST", "/api/v1/auth/token-refresh", null, "application/json",
                Api.json(Map.of("refreshToken", token)), Map.of("X-Request-Id", requestId));
    }
}

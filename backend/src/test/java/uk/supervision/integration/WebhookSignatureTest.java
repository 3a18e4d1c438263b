package uk.supervision.integration;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The worked example of docs/integrations/case-management.md, computed the way the dispatcher signs. */
class WebhookSignatureTest {
    static final String SECRET = "whsec_AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    static final String BODY = "{\"type\":\"case-decision.ready\",\"timestamp\":\"2026-01-01T12:00:00Z\","
            + "\"data\":{\"decisionId\":\"01a2374a-65a2-71f0-b9b0-ed6930319a3a\",\"caseNumber\":\"CMS-1042\"}}";

    @Test
    void theDocumentedExampleSignsAsPublished() {
        assertEquals("8IEn7+ekTUGevfNmrcZqADYsqbHilED8Nb5JDil5WT4=",
                WebhookDispatcher.signature(SECRET, "msg_01a2374a65a271f0b9b0ed6930319a3a", "1767268800", BODY));
    }

    @Test
    void theBackoffScheduleIsReadFromTheSetting() {
        assertEquals(List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2),
                Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)), WebhookDeliveries.parse("5s,5m,30m,2h,5h,10h,10h"));
        assertEquals(List.of(Duration.ofMillis(200)), WebhookDeliveries.parse(" 200ms "));
        assertThrows(IllegalArgumentException.class, () -> WebhookDeliveries.parse("5d"));
    }
}

package uk.supervision.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Property;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.support.ClockFactory;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo as a newcomer meets it (SUPERVISION_DEMO_DATA=true): a living team on the supervisor's first
 * screen, 18 months of history made through the product's own services, a hash chain that verifies, and
 * loaded once only. Needs a database without an older demo in it (CI's is fresh; so is in-memory H2).
 */
@MicronautTest(transactional = false)
@Property(name = "supervision.demo-data", value = "true")
class DemoDataApiTest {
    @Inject
    EmbeddedServer server;
    @Inject
    DemoData demo;
    @Inject
    Fixtures fixtures;

    Api api;
    LocalDate today;

    @BeforeEach
    void setUp() {
        api = new Api(server.getURI());
        today = LocalDate.now(ClockFactory.ORGANISATION_ZONE);
    }

    @Test
    void theSupervisorsFirstScreenIsALivingTeam() {
        String priya = api.token("supervisor@demo.test", DemoData.PASSWORD);
        Api.Response r = api.get("/api/v1/dashboards/my-supervisees", priya);
        assertEquals(200, r.status(), r.body());
        Map<String, JsonNode> byName = new HashMap<>();
        Set<String> statuses = new HashSet<>();
        int overdueActions = 0;
        boolean reviewDue = false;
        for (JsonNode row : r.json().get("items")) {
            byName.put(row.get("supervisee").get("displayName").asText(), row);
            statuses.add(row.get("schedule").get("status").asText());
            overdueActions += row.get("overdueActions").asInt();
            reviewDue |= row.get("schedule").get("agreementStatus").asText().equals("REVIEW_OVERDUE");
        }
        assertEquals(Set.of("Sam Okafor", "Jordan Reid", "Alex Morgan", "Chris Taylor"), byName.keySet());
        assertTrue(statuses.containsAll(List.of("ON_TRACK", "DUE_SOON", "OVERDUE", "BREACH")), "a mix of states: " + statuses);
        assertTrue(overdueActions > 0, "someone has overdue actions");
        assertTrue(reviewDue, "an agreement is due for review");

        // The newly qualified social worker is on the profile's weekly step.
        JsonNode jordan = byName.get("Jordan Reid");
        assertEquals("NEWLY_QUALIFIED", jordan.get("supervisee").get("category").asText());
        assertEquals("P7D", jordan.get("schedule").get("interval").asText());
        assertEquals("CADENCE_STEP", jordan.get("schedule").get("intervalSource").asText());
        assertNotNull(jordan.get("nextPlanned"), "his next weekly session is booked");

        // Sam: 18 months of history, at least the policy's 10 sessions in the last 12 months.
        JsonNode sam = byName.get("Sam Okafor");
        assertTrue(sam.get("schedule").get("sessionsInLast12Months").asInt() >= 10, sam.toString());
        Api.Response oldest = api.get("/api/v1/sessions?limit=1&superviseeId=" + sam.get("supervisee").get("id").asText()
                + "&to=" + today.minusMonths(17), priya);
        assertEquals(1, oldest.json().get("items").size(), "sessions from 17 months ago and more: " + oldest.body());
    }

    @Test
    void recordsAwaitASignatureAndACancelledSessionWasRebooked() {
        String priya = api.token("supervisor@demo.test", DemoData.PASSWORD);
        JsonNode written = api.get("/api/v1/sessions?limit=50&status=RECORDED", priya).json().get("items");
        assertTrue(written.size() > 0, "records written and awaiting a signature");
        String id = written.get(0).get("id").asText();
        JsonNode record = api.get("/api/v1/sessions/" + id + "/record", priya).json();
        assertEquals("DRAFT", record.get("status").asText());
        List<String> signedCurrent = new ArrayList<>();
        record.get("signatures").forEach(s -> {
            if (s.get("current").asBoolean()) {
                signedCurrent.add(s.get("signer").get("displayName").asText());
            }
        });
        assertEquals(List.of("Priya Shah"), signedCurrent, "signed by the supervisor, awaiting the supervisee: " + record);

        JsonNode cancelled = api.get("/api/v1/sessions?limit=50&status=CANCELLED", priya).json().get("items");
        assertEquals(1, cancelled.size(), cancelled.toString());
        JsonNode rebooked = api.get("/api/v1/sessions/" + cancelled.get(0).get("rebookedAsId").asText(), priya).json();
        assertEquals("PLANNED", rebooked.get("status").asText());
        assertEquals(cancelled.get(0).get("id").asText(), rebooked.get("rebookedFromId").asText());
        assertTrue(LocalDate.parse(rebooked.get("date").asText()).isAfter(today), rebooked.toString());
        assertEquals("SUPERVISEE", cancelled.get(0).get("cancelledBy").asText());
    }

    @Test
    void signedRecordsAnswerEveryAgendaItemAndTheChainIsIntact() {
        String sam = api.token("practitioner@demo.test", DemoData.PASSWORD);
        JsonNode signed = api.get("/api/v1/sessions?limit=50&status=SIGNED", sam).json().get("items");
        assertTrue(signed.size() >= 15, "Sam's signed records: " + signed.size());
        JsonNode record = api.get("/api/v1/sessions/" + signed.get(0).get("id").asText() + "/record", sam).json();
        assertEquals("SIGNED", record.get("status").asText());
        long items = fixtures.count("SELECT COUNT(*) FROM template_item WHERE template_id = ?", record.get("templateId").asText());
        assertEquals(items, (long) record.get("entries").size(), record.toString());
        record.get("entries").forEach(e -> assertFalse(e.get("text").asText().isBlank(), e.toString()));
        assertEquals(2, record.get("signatures").size());

        String admin = api.token("admin@demo.test", DemoData.PASSWORD);
        Api.Response r = api.post("/api/v1/integrity/verifications", admin, null);
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().get("intact").asBoolean(), r.body());
        long signedItems = fixtures.count("SELECT COUNT(*) FROM signed_item WHERE organisation_id = (SELECT id FROM organisation WHERE code = 'DEMO')");
        assertTrue(signedItems > 50, "signed agreements and records: " + signedItems);
        assertEquals(signedItems, r.json().get("itemsChecked").asLong(), r.body());
    }

    @Test
    void theDemoIsLoadedOnceOnly() {
        String org = "(SELECT id FROM organisation WHERE code = 'DEMO')";
        long sessions = fixtures.count("SELECT COUNT(*) FROM supervision_session WHERE organisation_id = " + org);
        assertTrue(sessions > 100, "sessions: " + sessions);
        demo.onStartup(null);
        assertEquals(1L, fixtures.count("SELECT COUNT(*) FROM organisation WHERE code = 'DEMO'"));
        assertEquals(sessions, fixtures.count("SELECT COUNT(*) FROM supervision_session WHERE organisation_id = " + org));
    }
}

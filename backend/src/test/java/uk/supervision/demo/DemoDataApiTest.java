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

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
        // The case work is on the same chain: six locked discussions and four decisions recorded between sessions.
        String demo = "organisation_id = (SELECT id FROM organisation WHERE code = 'DEMO')";
        assertEquals(6L, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'CASE_DISCUSSION' AND " + demo));
        assertEquals(4L, fixtures.count("SELECT COUNT(*) FROM signed_item WHERE item_type = 'CASE_DECISION' AND " + demo));
    }

    @Test
    void childrenAreAllocatedByTheirWorkersSupervisorsAndNoneToSam() {
        String priya = api.token("supervisor@demo.test", DemoData.PASSWORD);
        Map<String, Integer> byWorker = new HashMap<>();
        api.get("/api/v1/children?limit=100", priya).json().get("items")
                .forEach(c -> byWorker.merge(c.get("allocatedWorker").get("displayName").asText(), 1, Integer::sum));
        assertEquals(Map.of("Jordan Reid", 2, "Alex Morgan", 2, "Chris Taylor", 2), byWorker);
        JsonNode kayden = api.get("/api/v1/children?caseNumber=PRN-103877", priya).json().get("items");
        assertEquals("Kayden Price", kayden.get(0).get("name").asText(), kayden.toString());
        String demo = "(SELECT id FROM organisation WHERE code = 'DEMO')";
        assertEquals(10L, fixtures.count("SELECT COUNT(*) FROM child WHERE organisation_id = " + demo));
        assertEquals(0L, fixtures.count("SELECT COUNT(*) FROM child c JOIN staff s ON s.id = c.allocated_worker_id WHERE s.given_name = 'Sam' "
                + "AND c.organisation_id = " + demo));
        // Added by the supervisor, as the log says.
        assertEquals(10L, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'CHILD_ADDED' AND organisation_id = " + demo));
    }

    @Test
    void signedCaseDiscussionsRecordTheChildsViewOrWhyNot() {
        String priya = api.token("supervisor@demo.test", DemoData.PASSWORD);
        JsonNode signed = api.get("/api/v1/case-discussions?limit=100&status=SIGNED", priya).json().get("items");
        Map<String, Integer> byView = new HashMap<>();
        signed.forEach(d -> byView.merge(d.get("childViewStatus").asText(), 1, Integer::sum));
        // Priya's four: in sessions with Jordan (two), Alex and Chris; a reason given for the baby and the teenager, counted apart.
        assertEquals(Map.of("RECORDED", 2, "NOT_OBTAINED", 2), byView, signed.toString());
        signed.forEach(d -> assertNotNull(d.get("sessionId"), "inside a held session: " + d));

        JsonNode teenager = null;
        JsonNode recorded = null;
        for (JsonNode d : signed) {
            JsonNode full = api.get("/api/v1/case-discussions/" + d.get("id").asText(), priya).json();
            if (full.get("child").get("name").asText().equals("Kayden Price")) {
                teenager = full;
            }
            if (full.get("child").get("name").asText().equals("Leon Ashworth")) {
                recorded = full;
            }
        }
        assertNotNull(teenager);
        assertEquals("DECLINED", teenager.get("childVoice").get("reason").asText(), teenager.toString());
        assertNotNull(recorded);
        assertEquals("RECORDED", recorded.get("childVoice").get("status").asText());
        assertTrue(recorded.get("childVoice").get("view").asText().contains("Nan"), recorded.toString());
        assertEquals(2, recorded.get("signatures").size());
        recorded.get("signatures").forEach(s -> assertTrue(s.get("current").asBoolean(), s.toString()));
        JsonNode scale = null;
        for (JsonNode a : recorded.get("answers")) {
            if (a.get("key").asText().equals("safety_scale")) {
                scale = a;
            }
        }
        assertNotNull(scale, "a safety scale answered: " + recorded);
        assertTrue(recorded.get("decisions").get(0).hasNonNull("rationale"));
        assertNotNull(recorded.get("decisions").get(0).get("caseDecisionId"), "filed into the feed");
        JsonNode action = recorded.get("actions").get(0);
        assertEquals("Jordan Reid", action.get("owner").get("displayName").asText());
        assertNotNull(action.get("trackedActionId"), "on the action lists: " + action);

        // Between sessions: Tom and Aisha, seen by Tom.
        String tom = api.token("tom.ellis@demo.test", DemoData.PASSWORD);
        JsonNode toms = api.get("/api/v1/case-discussions?limit=100&status=SIGNED", tom).json().get("items");
        assertEquals(1, toms.size(), toms.toString());
        assertFalse(toms.get(0).has("sessionId") && !toms.get(0).get("sessionId").isNull(), toms.toString());

        // Signed by Priya, awaiting Alex: something to sign on his home page.
        String alex = api.token("alex.morgan@demo.test", DemoData.PASSWORD);
        JsonNode drafts = api.get("/api/v1/case-discussions?limit=100&status=DRAFT", alex).json().get("items");
        assertEquals(1, drafts.size(), drafts.toString());
        assertEquals("Amira Hassan", drafts.get(0).get("child").get("name").asText());
        assertFalse(drafts.get(0).get("signedByMe").asBoolean());
        JsonNode draft = api.get("/api/v1/case-discussions/" + drafts.get(0).get("id").asText(), alex).json();
        assertEquals(List.of("Priya Shah"), names(draft.get("signatures")), draft.toString());
    }

    @Test
    void theCaseManagementSystemFiledMostDecisionsOneLateAndTwoWait() {
        String head = api.token("head@demo.test", DemoData.PASSWORD);
        JsonNode all = api.get("/api/v1/case-decisions?limit=100", head).json().get("items");
        // Seven from locked discussions (Alex's about Kayden made two), four recorded between sessions.
        assertEquals(11, all.size(), all.toString());
        int management = 0;
        int late = 0;
        Set<String> makers = new HashSet<>();
        for (JsonNode d : all) {
            assertFalse(d.get("rationale").asText().isBlank(), d.toString());
            if (d.get("kind").asText().equals("MANAGEMENT")) {
                management++;
                makers.add(d.get("madeBy").get("displayName").asText());
            }
            if (d.hasNonNull("acknowledgedAt")) {
                assertTrue(d.get("filedAs").asText().startsWith("CMS case note "), d.toString());
                Duration after = Duration.between(OffsetDateTime.parse(d.get("signedAt").asText()), OffsetDateTime.parse(d.get("acknowledgedAt").asText()));
                assertFalse(after.isNegative(), d.toString());
                late += after.toHours() >= 24 ? 1 : 0;
            }
        }
        assertEquals(4, management);
        assertEquals(Set.of("Priya Shah", "Marcus Bell"), makers);
        assertEquals(1, late, "one filed late");
        JsonNode waiting = api.get("/api/v1/case-decisions?limit=100&acknowledged=false", head).json().get("items");
        assertEquals(2, waiting.size(), waiting.toString());
        waiting.forEach(d -> assertEquals("MANAGEMENT", d.get("kind").asText()));

        // The 24-hour measure over the last 30 days: what the replayed times made, nothing forced.
        String qa = api.token("qa@demo.test", DemoData.PASSWORD);
        Api.Response measure = api.get("/api/v1/dashboards/decisions-filed", qa);
        assertEquals(200, measure.status(), measure.body());
        JsonNode total = measure.json().get("total");
        assertEquals(1, total.get("acknowledgedLater").asInt(), measure.body());
        assertEquals(2, total.get("waiting").asInt(), measure.body());
        assertTrue(total.get("acknowledgedWithin24Hours").asInt() >= 4, measure.body());
        assertEquals(0, total.get("notYetDue").asInt(), measure.body());

        // The demo's client exists with the scope it needs; its secret was never kept.
        assertEquals(1L, fixtures.count("SELECT COUNT(*) FROM machine_client WHERE name = ? AND scopes = 'case-decisions:read'",
                DemoCaseWork.CLIENT_NAME));
    }

    private static List<String> names(JsonNode signatures) {
        List<String> out = new ArrayList<>();
        signatures.forEach(s -> out.add(s.get("signer").get("displayName").asText()));
        return out;
    }

    @Test
    void lastQuartersAuditsAndQuestionnairesAreThereAndThisQuartersAreToDo() {
        uk.supervision.audit.Quarter current = uk.supervision.audit.Quarter.of(today);
        String previous = current.previous().toString();
        String qa = api.token("qa@demo.test", DemoData.PASSWORD);

        // Last quarter's sample of 4 with the demo's seed: three audits completed, one left in draft; none drawn this quarter.
        JsonNode samples = api.get("/api/v1/audit-samples", qa).json().get("items");
        assertEquals(1, samples.size(), samples.toString());
        JsonNode sample = samples.get(0);
        assertEquals(previous, sample.get("quarter").asText());
        assertEquals(DemoAudits.SAMPLE_SIZE, sample.get("size").asInt());
        assertEquals(DemoAudits.SAMPLE_SEED, sample.get("seed").asLong());
        assertEquals(3, sample.get("completed").asInt(), sample.toString());
        Map<String, Integer> grades = new HashMap<>();
        int drafts = 0;
        for (JsonNode f : sample.get("files")) {
            if (f.get("auditStatus").asText().equals("COMPLETED")) {
                grades.merge(f.get("grade").asText(), 1, Integer::sum);
            } else {
                drafts++;
            }
        }
        assertEquals(Map.of("GOOD", 1, "OUTSTANDING", 1, "REQUIRES_IMPROVEMENT", 1), grades);
        assertEquals(1, drafts);
        JsonNode qaSchedule = api.get("/api/v1/audit-schedule", qa).json().get("items");
        boolean dueNow = false;
        for (JsonNode i : qaSchedule) {
            dueNow |= i.get("period").asText().equals(current.toString()) && i.get("status").asText().equals("DUE");
        }
        assertTrue(dueNow, "this quarter's sample is to draw: " + qaSchedule);

        // The audit that required improvement: two actions due after today, one done.
        JsonNode completed = api.get("/api/v1/audits?limit=100&status=COMPLETED&quarter=" + previous, qa).json().get("items");
        JsonNode improve = null;
        int monthly = 0;
        for (JsonNode a : completed) {
            if (a.get("grade").asText().equals("REQUIRES_IMPROVEMENT")) {
                improve = api.get("/api/v1/audits/" + a.get("id").asText(), qa).json();
            }
            monthly += a.get("kind").asText().equals("SERVICE_MANAGER_MONTHLY") ? 1 : 0;
        }
        assertEquals(3, monthly, "Marcus audited a file in each month of the quarter: " + completed);
        assertNotNull(improve);
        Set<String> statuses = new HashSet<>();
        for (JsonNode action : improve.get("actions")) {
            assertTrue(LocalDate.parse(action.get("dueDate").asText()).isAfter(today), action.toString());
            statuses.add(action.get("status").asText());
        }
        assertEquals(Set.of("OPEN", "DONE"), statuses, improve.get("actions").toString());

        // Marcus: this month's audit due and not started, with a file suggested; nothing overdue.
        String marcus = api.token("servicemanager@demo.test", DemoData.PASSWORD);
        JsonNode smSchedule = api.get("/api/v1/audit-schedule", marcus).json().get("items");
        assertEquals(1, smSchedule.size(), smSchedule.toString());
        assertEquals("DUE", smSchedule.get(0).get("status").asText());
        assertEquals(java.time.YearMonth.from(today).toString(), smSchedule.get(0).get("period").asText());
        assertNotNull(smSchedule.get(0).get("suggestedSupervisee"), smSchedule.toString());

        // Last quarter's Part 2 results: the directorate and the Referral service shown, smaller groups suppressed.
        JsonNode results = api.get("/api/v1/questionnaire-results?quarter=" + previous, qa).json();
        Set<String> shown = new HashSet<>();
        int fewer = 0;
        for (JsonNode g : results.get("groups")) {
            if (!g.get("suppressed").asBoolean()) {
                shown.add(g.get("level").asText() + ":" + g.get("name").asText());
            } else if (g.get("suppressedBecause").asText().equals("FEWER_THAN_MINIMUM")) {
                fewer++;
            }
        }
        assertTrue(shown.containsAll(Set.of("DIRECTORATE:Demo City Council Children's Services", "SERVICE:Referral and Assessment Service")),
                results.toString());
        assertTrue(fewer > 0, results.toString());

        // The Referral service's report: themes written, not signed off.
        String referral = api.get("/api/v1/audit-reports?quarter=" + previous, qa).json().get("items").toString();
        assertTrue(referral.contains("Referral and Assessment Service"), referral);
        String serviceId = fixtures.string("SELECT id FROM service WHERE name = 'Referral and Assessment Service' AND organisation_id = "
                + "(SELECT id FROM organisation WHERE code = 'DEMO')");
        JsonNode report = api.get("/api/v1/audit-reports/" + serviceId + "/" + previous, qa).json();
        assertEquals("DRAFT", report.get("status").asText(), report.toString());
        assertTrue(report.get("themes").asText().startsWith("Supervision is regular"), report.toString());

        // Priya's files were audited: the outcome waits on her next record or is noted on a signed one.
        assertTrue(fixtures.count("SELECT COUNT(*) FROM file_audit a JOIN file_audit_signature s ON s.file_audit_id = a.id "
                + "JOIN staff p ON p.id = a.supervisor_id WHERE p.given_name = 'Priya' AND p.organisation_id = a.organisation_id "
                + "AND a.organisation_id = (SELECT id FROM organisation WHERE code = 'DEMO')") > 0);

        // No questionnaire open for Sam; Jordan's is open.
        assertEquals(0, api.get("/api/v1/questionnaires", api.token("practitioner@demo.test", DemoData.PASSWORD)).json().get("items").size());
        assertEquals(1, api.get("/api/v1/questionnaires", api.token("jordan.reid@demo.test", DemoData.PASSWORD)).json().get("items").size());
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

    // issue 10: FACTS - the demo has its measures' facts as soon as it is loaded
    @Test
    void theDemoHasItsMeasuresFactsAtOnce() {
        String org = "(SELECT id FROM organisation WHERE code = 'DEMO')";
        // 13 members of staff (Jordan started this month), each with a row for this month.
        assertEquals(13L, fixtures.count("SELECT COUNT(*) FROM measure_person_month WHERE organisation_id = " + org
                + " AND month_start = ?", java.sql.Date.valueOf(java.time.LocalDate.now().withDayOfMonth(1))));
        assertEquals(1L, fixtures.count("SELECT COUNT(*) FROM measure_refresh WHERE organisation_id = " + org));
        // Managers this month: Helen, Marcus, Priya, Tom and Aisha; Helen, Marcus and Priya were trained in time,
        // Tom late, Aisha not yet (all five past their deadline).
        assertEquals(5L, fixtures.count("SELECT SUM(training_due) FROM measure_team_month WHERE organisation_id = " + org
                + " AND month_start = ?", java.sql.Date.valueOf(java.time.LocalDate.now().withDayOfMonth(1))));
        assertEquals(3L, fixtures.count("SELECT SUM(trained_in_time) FROM measure_team_month WHERE organisation_id = " + org
                + " AND month_start = ?", java.sql.Date.valueOf(java.time.LocalDate.now().withDayOfMonth(1))));
        // Caseloads above 15 this month: at least Sam (18) and Alex (21).
        assertTrue(fixtures.count("SELECT SUM(caseload_above_level) FROM measure_team_month WHERE organisation_id = " + org
                + " AND month_start = ?", java.sql.Date.valueOf(java.time.LocalDate.now().withDayOfMonth(1))) >= 2);
    }
}

package uk.supervision.auditreport;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quarterly audit report of a service: figures counted from completed audits, themes, sign-off and lock, access. */
@MicronautTest(transactional = false)
class AuditReportApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    final Quarter current = Quarter.of(today);
    final Quarter last = current.previous();
    CompletedAudits audits;
    Staff sam;
    Staff priya;
    Staff quinn;
    Staff bea;
    String qa;
    String manager;
    String head;

    @BeforeEach
    void people() {
        audits = new CompletedAudits(fixtures);
        sam = world.worker(world.teamA1(), "Sam", "Audited");
        priya = world.worker(world.teamA1(), "Priya", "Supervisor");
        bea = world.worker(world.teamB1(), "Bea", "Elsewhere");
        World.Person auditor = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        quinn = auditor.staff();
        qa = api.token(auditor.username(), Fixtures.PASSWORD);
        manager = api.token(world.person(world.teamA1(), "Meg", Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        Staff hos = world.worker(world.teamA1(), "Hal", "Head");
        head = api.token(fixtures.account(world.org(), hos, null, Role.HEAD_OF_SERVICE).username(), Fixtures.PASSWORD);
    }

    private String url(Quarter q) {
        return "/api/v1/audit-reports/" + world.serviceA().id() + "/" + q;
    }

    private static Map<String, Integer> ratings(Object... keyThenRating) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < keyThenRating.length; i += 2) {
            out.put((String) keyThenRating[i], (Integer) keyThenRating[i + 1]);
        }
        return out;
    }

    @Test
    void figuresAreCountedFromTheQuartersCompletedAuditsOfTheServiceOnly() {
        LocalDate day = last.firstDay().plusDays(10);
        audits.completed(sam, priya, quinn, world.serviceA().id(), last.toString(), day, "GOOD", ratings("q1", 1, "q3", 2, "q12", 3), List.of());
        String second = audits.completed(sam, priya, quinn, world.serviceA().id(), last.toString(), day, "REQUIRES_IMPROVEMENT",
                ratings("q1", 2, "q3", 4, "q12", 5), List.of(
                        new CompletedAudits.Action("Review the open cases with Sam", priya, today.minusDays(1), "OPEN"),
                        new CompletedAudits.Action("Record the supervision agreement", priya, today.minusDays(2), "DONE"),
                        new CompletedAudits.Action("Book reflective supervision", priya, today.plusDays(5), "OPEN")));
        audits.completed(sam, priya, quinn, world.serviceA().id(), last.toString(), day, "REQUIRES_IMPROVEMENT", ratings("q1", 4, "q4", 2), List.of());
        // Not counted: another service, another quarter, an audit not completed (no signature).
        audits.completed(bea, priya, quinn, world.serviceB().id(), last.toString(), day, "INADEQUATE", ratings("q1", 5), List.of());
        audits.completed(sam, priya, quinn, world.serviceA().id(), last.previous().toString(), day.minusMonths(3), "INADEQUATE",
                ratings("q1", 5), List.of());
        audits.draft(sam, priya, quinn, world.serviceA().id(), last.toString(), day, "INADEQUATE");

        Api.Response r = api.get(url(last), qa);
        assertEquals(200, r.status(), r.body());
        assertEquals("\"v0\"", r.header("ETag"), "a report nobody wrote yet is at version 0");
        JsonNode report = r.json();
        assertEquals("DRAFT", report.get("status").asText());
        assertEquals(3, report.get("auditsCompleted").asInt());
        Map<String, Integer> grades = new LinkedHashMap<>();
        report.get("grades").forEach(g -> grades.put(g.get("grade").asText(), g.get("count").asInt()));
        assertEquals(Map.of("OUTSTANDING", 0, "GOOD", 1, "REQUIRES_IMPROVEMENT", 2, "INADEQUATE", 0), grades);

        Map<String, JsonNode> questions = new LinkedHashMap<>();
        report.get("questions").forEach(q -> questions.put(q.get("key").asText(), q));
        assertEquals(List.of("q1", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q12"), new ArrayList<>(questions.keySet()),
                "the rated questions of the form, in its order");
        assertEquals("Q1", questions.get("q1").get("number").asText());
        assertEquals("Were the actions from the last supervision session reviewed?", questions.get("q1").get("label").asText());
        assertEquals(2.33, questions.get("q1").get("meanRating").asDouble(), 0.0);
        assertEquals(3, questions.get("q1").get("count").asInt());
        assertEquals(3.0, questions.get("q3").get("meanRating").asDouble(), 0.0);
        assertEquals(2.0, questions.get("q4").get("meanRating").asDouble(), 0.0);
        assertEquals("Q12", questions.get("q12").get("number").asText());
        assertEquals(4.0, questions.get("q12").get("meanRating").asDouble(), 0.0);
        assertFalse(questions.get("q12").has("functionTag"), "Q12 is in no function");
        assertFalse(questions.get("q5").has("meanRating"), "no audit rated it");
        assertEquals(0, questions.get("q5").get("count").asInt());

        Map<String, String> functions = new LinkedHashMap<>();
        report.get("functions").forEach(f -> functions.put(f.get("functionTag").asText(), f.get("meanRating").asDouble() + "/" + f.get("count").asInt()));
        assertEquals(Map.of("MANAGEMENT", "2.67/3", "MEDIATION", "2.33/3"), functions, "(2+4+2)/3 and (1+2+4)/3; Q12 not in a function");

        List<String> actions = new ArrayList<>();
        report.get("actions").forEach(a -> actions.add(a.get("text").asText() + "|" + a.get("status").asText() + "|" + a.get("overdue").asBoolean()
                + "|" + a.get("auditId").asText() + "|" + a.get("owner").get("id").asText()));
        assertEquals(List.of("Record the supervision agreement|DONE|false|" + second + "|" + priya.id(),
                "Review the open cases with Sam|OPEN|true|" + second + "|" + priya.id(),
                "Book reflective supervision|OPEN|false|" + second + "|" + priya.id()), actions);
    }

    @Test
    void themesAreWrittenThenAHeadOfServiceSignsOffAndTheReportIsLocked() {
        LocalDate day = last.firstDay().plusDays(3);
        audits.completed(sam, priya, quinn, world.serviceA().id(), last.toString(), day, "GOOD", ratings("q1", 1, "q3", 2), List.of());

        Api.Response early = api.post(url(current) + "/sign-off", head, null, "\"v0\"");
        assertEquals(422, early.status(), early.body());
        assertEquals(List.of("/quarter", "/auditsCompleted", "/themes"), pointers(early.json()));
        Api.Response noThemes = api.post(url(last) + "/sign-off", head, null, "\"v0\"");
        assertEquals(422, noThemes.status(), noThemes.body());
        assertEquals(List.of("/themes"), pointers(noThemes.json()));

        assertEquals(428, api.put(url(last), qa, Map.of("themes", "x"), null).status());
        Api.Response first = api.put(url(last), qa, Map.of("themes", "Actions are reviewed but rarely recorded."), "\"v0\"");
        assertEquals(200, first.status(), first.body());
        assertEquals("\"v1\"", first.header("ETag"));
        assertEquals("Actions are reviewed but rarely recorded.", fixtures.string(
                "SELECT themes FROM audit_report WHERE service_id = ? AND quarter = ?", world.serviceA().id(), last.toString()));
        assertEquals(412, api.put(url(last), manager, Map.of("themes", "stale"), "\"v0\"").status());
        Api.Response second = api.put(url(last), manager, Map.of("themes", "Actions are reviewed but rarely recorded.",
                "recommendations", "Record the review of each action."), first.header("ETag"));
        assertEquals(200, second.status(), second.body());
        assertEquals("Record the review of each action.", second.json().get("recommendations").asText());
        assertEquals(403, api.put(url(last), head, Map.of("themes", "x"), second.header("ETag")).status(),
                "the head of service signs off; QA and service managers write");
        assertEquals(403, api.post(url(last) + "/sign-off", manager, null, second.header("ETag")).status());
        assertEquals(403, api.post(url(last) + "/sign-off", qa, null, second.header("ETag")).status());

        Api.Response signed = api.post(url(last) + "/sign-off", head, null, second.header("ETag"));
        assertEquals(200, signed.status(), signed.body());
        JsonNode report = signed.json();
        assertEquals("SIGNED_OFF", report.get("status").asText());
        assertEquals("Hal Head", report.get("signedOffBy").get("displayName").asText());
        assertEquals(1, report.get("auditsCompleted").asInt());
        String hash = report.get("contentHash").asText();
        assertEquals(hash, fixtures.string("SELECT content_hash FROM signed_item WHERE item_type = 'AUDIT_REPORT' AND item_id = "
                + "(SELECT id FROM audit_report WHERE service_id = ? AND quarter = ?)", world.serviceA().id(), last.toString()));
        assertEquals("SIGNED_OFF", fixtures.string("SELECT status FROM audit_report WHERE service_id = ? AND quarter = ?",
                world.serviceA().id(), last.toString()));
        assertEquals(hash, fixtures.string("SELECT content_hash FROM audit_report WHERE service_id = ? AND quarter = ?",
                world.serviceA().id(), last.toString()));

        // A later completed audit of the same quarter leaves the signed report as it was.
        audits.completed(sam, priya, quinn, world.serviceA().id(), last.toString(), day, "INADEQUATE", ratings("q1", 5, "q3", 5), List.of());
        Api.Response after = api.get(url(last), qa);
        assertEquals(200, after.status(), after.body());
        assertEquals(signed.body(), after.body());
        assertEquals(1, after.json().get("questions").get(0).get("count").asInt());
        assertEquals(409, api.put(url(last), qa, Map.of("themes", "changed"), after.header("ETag")).status());
        assertEquals(409, api.post(url(last) + "/sign-off", head, null, after.header("ETag")).status());
        JsonNode listed = api.get("/api/v1/audit-reports?quarter=" + last, qa).json().get("items");
        JsonNode a = find(listed, world.serviceA().id());
        assertEquals("SIGNED_OFF", a.get("status").asText());
        assertEquals(1, a.get("auditsCompleted").asInt(), "the signed count");
        assertFalse(a.get("mayEdit").asBoolean());

        // The signed copy still matches the rows it was made from.
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response verified = api.post("/api/v1/integrity/verifications", admin, null);
        assertEquals(200, verified.status(), verified.body());
        assertTrue(verified.json().get("intact").asBoolean(), verified.body());
    }

    @Test
    void onlyQualityAssuranceAndTheServicesManagersSeeReports() {
        audits.completed(sam, priya, quinn, world.serviceA().id(), last.toString(), last.firstDay(), "GOOD", ratings("q1", 1), List.of());
        audits.completed(bea, priya, quinn, world.serviceB().id(), last.toString(), last.firstDay(), "GOOD", ratings("q1", 1), List.of());
        Staff other = world.worker(world.teamB1(), "Ola", "OtherManager");
        String otherManager = api.token(fixtures.account(world.org(), other, world.serviceB().id(), Role.SERVICE_MANAGER).username(), Fixtures.PASSWORD);
        World.Person supervisor = world.person(world.teamA1(), "Sue", Role.SUPERVISOR, Role.PRACTITIONER);
        String sue = api.token(supervisor.username(), Fixtures.PASSWORD);
        String hr = api.token(world.person(world.teamA1(), "Harriet", Role.HR).username(), Fixtures.PASSWORD);

        assertEquals(403, api.get(url(last), otherManager).status(), "another service's manager");
        assertEquals(403, api.get(url(last), sue).status(), "a supervisor");
        assertEquals(403, api.get(url(last), hr).status());
        assertEquals(403, api.get("/api/v1/audit-reports?quarter=" + last, sue).status());
        assertEquals(403, api.put(url(last), otherManager, Map.of("themes", "x"), "\"v0\"").status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM audit_report WHERE service_id = ?", world.serviceA().id()));
        assertEquals(400, api.get("/api/v1/audit-reports?quarter=2026-Q5", qa).status());

        JsonNode mine = api.get("/api/v1/audit-reports?quarter=" + last, manager).json().get("items");
        assertEquals(1, mine.size(), "a service manager sees the services they manage");
        assertEquals(world.serviceA().id(), mine.get(0).get("service").get("id").asText());
        assertEquals(1, mine.get(0).get("auditsCompleted").asInt());
        assertTrue(mine.get(0).get("mayEdit").asBoolean());
        assertFalse(mine.get(0).get("maySignOff").asBoolean());

        JsonNode all = api.get("/api/v1/audit-reports?quarter=" + last, head).json().get("items");
        assertEquals(1, find(all, world.serviceB().id()).get("auditsCompleted").asInt());
        assertTrue(find(all, world.serviceA().id()).get("maySignOff").asBoolean());
        assertFalse(find(all, world.serviceA().id()).get("mayEdit").asBoolean());
        JsonNode qas = api.get("/api/v1/audit-reports?quarter=" + last, qa).json().get("items");
        assertTrue(find(qas, world.serviceB().id()).get("mayEdit").asBoolean());
        assertFalse(find(qas, world.serviceB().id()).get("maySignOff").asBoolean());
    }

    private static JsonNode find(JsonNode items, String serviceId) {
        for (JsonNode i : items) {
            if (i.get("service").get("id").asText().equals(serviceId)) {
                return i;
            }
        }
        throw new AssertionError("no report of service " + serviceId + " in " + items);
    }

    private static List<String> pointers(JsonNode problem) {
        List<String> out = new ArrayList<>();
        problem.get("errors").forEach(e -> out.add(e.get("pointer").asText()));
        return out;
    }
}

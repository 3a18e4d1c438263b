package uk.supervision.auditsample;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuditScheduleApiTest extends ApiTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private final LocalDate today = LocalDate.now(LONDON);
    private final YearMonth month = YearMonth.from(today);
    private final Quarter quarter = Quarter.of(today);

    private JsonNode schedule(String token) {
        Api.Response r = api.get("/api/v1/audit-schedule", token);
        assertEquals(200, r.status(), r.body());
        return r.json().get("items");
    }

    private Staff supervised(Staff s, Staff supervisor) {
        world.supervise(supervisor, s);
        return s;
    }

    private static Instant noonOn(LocalDate day) {
        return day.atTime(12, 0).atZone(LONDON).toInstant();
    }

    private static List<String> statuses(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("kind").asText() + " " + i.get("period").asText() + " " + i.get("status").asText()));
        return out;
    }

    private static String label(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.UK) + " " + m.getYear();
    }

    @Test
    void aServiceManagerHasTheMonthsAuditDueWithTheLongestUnauditedFileOfTheirOwnTeams() {
        Person sm = world.person(world.teamA1(), "Sue", Role.SERVICE_MANAGER);
        String token = api.token(sm.username(), Fixtures.PASSWORD);
        Staff sam = world.worker(world.teamA1(), "Sam", "Supervisor");
        supervised(sm.staff(), sam); // the manager's own file is never suggested to them
        Staff recent = supervised(world.worker(world.teamA1(), "Rita", "Recent"), sam);
        Staff older = supervised(world.worker(world.teamA2(), "Olga", "Older"), sam);
        Staff never = supervised(world.worker(world.teamA2(), "Nina", "Never"), sam);
        Staff noCaseload = supervised(world.worker(world.teamA1(), "Cas", "NoCaseload"), sam);
        fixtures.execute("UPDATE staff SET carries_caseload = FALSE WHERE id = ?", noCaseload.id());
        Staff otherService = supervised(world.worker(world.teamB1(), "Bo", "Elsewhere"), world.worker(world.teamB1(), "Ben", "Boss"));
        Staff auditor = world.worker(world.teamB1(), "Quinn", "Auditor");
        Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", null, recent, sam.id(), auditor, sm.account().id(),
                today.minusMonths(1), Instant.now().minusSeconds(86_400L * 30), "GOOD");
        Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", null, older, sam.id(), auditor, sm.account().id(),
                today.minusMonths(5), Instant.now().minusSeconds(86_400L * 150), "GOOD");
        Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", null, otherService, sam.id(), auditor, sm.account().id(),
                today.minusMonths(9), Instant.now().minusSeconds(86_400L * 270), "GOOD");

        JsonNode items = schedule(token);
        assertEquals(List.of("SERVICE_MANAGER_MONTHLY " + month + " DUE", "SERVICE_MANAGER_MONTHLY " + month.minusMonths(1) + " OVERDUE"),
                statuses(items));
        JsonNode due = items.get(0);
        assertEquals(label(month), due.get("periodLabel").asText());
        assertEquals(month.atEndOfMonth().toString(), due.get("dueBy").asText());
        assertEquals(never.id(), due.get("suggestedSupervisee").get("id").asText(), "never audited comes first");
        assertEquals(world.teamA2().id(), due.get("suggestedTeam").get("id").asText());
        assertEquals(world.serviceA().id(), due.get("service").get("id").asText());
        assertEquals(due, schedule(token).get(0), "the suggestion is stable within the month");

        // Once Nina's file is audited, the oldest audited file in the manager's services is next (not Bo's, in service B).
        Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", null, never, sam.id(), auditor, sm.account().id(), today, Instant.now(), "GOOD");
        assertEquals(older.id(), schedule(token).get(0).get("suggestedSupervisee").get("id").asText());
        assertNotEquals(otherService.id(), schedule(token).get(0).get("suggestedSupervisee").get("id").asText());
    }

    @Test
    void theMonthIsInProgressWithADraftDoneWhenSignedAndLastMonthOverdueUntilOneWasCompletedInIt() {
        Person sm = world.person(world.teamA1(), "Sue", Role.SERVICE_MANAGER);
        String token = api.token(sm.username(), Fixtures.PASSWORD);
        Staff sam = world.worker(world.teamA1(), "Sam", "Supervisor");
        Staff ann = supervised(world.worker(world.teamA1(), "Ann", "Audited"), sam);
        Staff al = supervised(world.worker(world.teamA2(), "Al", "Audited"), sam);

        JsonNode overdue = schedule(token).get(1);
        assertEquals("OVERDUE", overdue.get("status").asText());
        assertEquals(month.minusMonths(1).toString(), overdue.get("period").asText());
        assertEquals(label(month.minusMonths(1)), overdue.get("periodLabel").asText());
        assertEquals(month.minusMonths(1).atEndOfMonth().toString(), overdue.get("dueBy").asText());
        assertTrue(overdue.has("suggestedSupervisee"));

        // An audit completed last month (and another kind of audit this month, which does not count).
        Audits.completed(fixtures, world.org().id(), "SERVICE_MANAGER_MONTHLY", null, ann, sam.id(), sm.staff(), sm.account().id(),
                month.minusMonths(1).atDay(15), noonOn(month.minusMonths(1).atDay(15)), "GOOD");
        Audits.completed(fixtures, world.org().id(), "AD_HOC", null, al, sam.id(), sm.staff(), sm.account().id(), today, Instant.now(), "GOOD");
        assertEquals(List.of("SERVICE_MANAGER_MONTHLY " + month + " DUE"), statuses(schedule(token)));

        String draft = Audits.draft(fixtures, world.org().id(), "SERVICE_MANAGER_MONTHLY", null, al, sam.id(), sm.staff(), sm.account().id(), today);
        JsonNode inProgress = schedule(token).get(0);
        assertEquals("IN_PROGRESS", inProgress.get("status").asText());
        assertEquals(draft, inProgress.get("auditId").asText());

        String done = Audits.completed(fixtures, world.org().id(), "SERVICE_MANAGER_MONTHLY", null, al, sam.id(), sm.staff(), sm.account().id(),
                today, Instant.now(), "OUTSTANDING");
        JsonNode items = schedule(token);
        assertEquals(List.of("SERVICE_MANAGER_MONTHLY " + month + " DONE"), statuses(items));
        assertEquals(done, items.get(0).get("auditId").asText());
        assertFalse(items.get(0).has("suggestedSupervisee"));
    }

    @Test
    void headsOfServiceHaveOneAuditAQuarterPerServiceManagerOnlyWhenTheRulesAskForIt() {
        Person hos = world.person(world.teamA1(), "Hal", Role.HEAD_OF_SERVICE);
        String token = api.token(hos.username(), Fixtures.PASSWORD);
        Person sue = world.person(world.teamA1(), "Sue", Role.SERVICE_MANAGER);
        Person sid = world.person(world.teamA2(), "Sid", Role.SERVICE_MANAGER);
        Staff sam = world.worker(world.teamA1(), "Sam", "Supervisor");
        supervised(sue.staff(), sam);
        supervised(sid.staff(), sam);
        Staff ann = supervised(world.worker(world.teamA2(), "Ann", "Worker"), sam);
        supervised(world.worker(world.teamB1(), "Bo", "Elsewhere"), world.worker(world.teamB1(), "Ben", "Boss"));

        assertEquals(0, schedule(token).size(), "Coventry 2016 has no head of service audits");

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response policy = api.get("/api/v1/organisation/policy", admin);
        Api.Response changed = api.put("/api/v1/organisation/policy", admin, Map.of("profileId", policy.json().get("profile").get("id").asText(),
                "overrides", Map.of("auditSchedule", Map.of("headOfServiceQuarterly", true))), policy.header("ETag"));
        assertEquals(200, changed.status(), changed.body());

        JsonNode items = schedule(token);
        assertEquals(List.of("HEAD_OF_SERVICE_QUARTERLY " + quarter + " DUE", "HEAD_OF_SERVICE_QUARTERLY " + quarter + " DUE"), statuses(items));
        List<String> managers = new ArrayList<>();
        items.forEach(i -> {
            managers.add(i.get("serviceManager").get("id").asText());
            assertEquals(world.serviceA().id(), i.get("service").get("id").asText());
            assertEquals(quarter.label(), i.get("periodLabel").asText());
            assertEquals(quarter.lastDay().toString(), i.get("dueBy").asText());
            // Suggested from that manager's service: not the head of service, not the manager, not service B.
            assertTrue(List.of(ann.id(), sue.id(), sid.id()).contains(i.get("suggestedSupervisee").get("id").asText()), i.toString());
            assertNotEquals(i.get("serviceManager").get("id").asText(), i.get("suggestedSupervisee").get("id").asText());
            assertNotEquals(hos.id(), i.get("suggestedSupervisee").get("id").asText());
        });
        assertEquals(new java.util.TreeSet<>(List.of(sue.id(), sid.id())), new java.util.TreeSet<>(managers));

        // A service manager's monthly audit is not the head of service's, and a practitioner has nothing due.
        JsonNode sueItems = schedule(api.token(sue.username(), Fixtures.PASSWORD));
        assertTrue(statuses(sueItems).stream().allMatch(s -> s.startsWith("SERVICE_MANAGER_MONTHLY")), statuses(sueItems).toString());
        Person pat = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        assertEquals(0, schedule(api.token(pat.username(), Fixtures.PASSWORD)).size());
    }

    @Test
    void anAuditorSeesTheQuartersSampleDueThenItsProgressAndLastQuartersWhileUnfinished() {
        Person qa = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        String token = api.token(qa.username(), Fixtures.PASSWORD);
        Staff sam = world.worker(world.teamA1(), "Sam", "Supervisor");
        Staff ann = supervised(world.worker(world.teamA1(), "Ann", "One"), sam);
        Staff al = supervised(world.worker(world.teamA2(), "Al", "Two"), sam);

        JsonNode due = schedule(token);
        assertEquals(List.of("QA_SAMPLE " + quarter + " DUE"), statuses(due));
        assertEquals(quarter.label(), due.get(0).get("periodLabel").asText());
        assertEquals(quarter.lastDay().toString(), due.get(0).get("dueBy").asText());

        Api.Response drawn = api.post("/api/v1/audit-samples", token, Map.of("quarter", quarter.toString(), "size", 2, "seed", 99));
        assertEquals(201, drawn.status(), drawn.body());
        String sampleId = drawn.json().get("id").asText();
        JsonNode progress = schedule(token).get(0);
        assertEquals("IN_PROGRESS", progress.get("status").asText());
        assertEquals(sampleId, progress.get("sampleId").asText());
        assertEquals(2, progress.get("sampleSize").asInt());
        assertEquals(99, progress.get("seed").asLong());
        assertEquals(0, progress.get("completed").asInt());

        Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", sampleId, ann, sam.id(), qa.staff(), qa.account().id(), today, Instant.now(), "GOOD");
        assertEquals(1, schedule(token).get(0).get("completed").asInt());
        Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", sampleId, al, sam.id(), qa.staff(), qa.account().id(), today, Instant.now(), "GOOD");
        assertEquals(List.of("QA_SAMPLE " + quarter + " DONE"), statuses(schedule(token)));

        // Last quarter's sample, one file not yet audited: overdue.
        String previous = uk.supervision.support.Ids.newId();
        fixtures.execute("INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_staff_id, "
                        + "drawn_by_account_id, drawn_at) VALUES (?, ?, ?, 1, 5, 2, ?, ?, ?)", previous, world.org().id(),
                quarter.previous().toString(), qa.id(), qa.account().id(), java.sql.Timestamp.from(noonOn(quarter.previous().firstDay())));
        fixtures.execute("INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id) VALUES (?, 1, ?, ?, ?)",
                previous, ann.id(), ann.teamId(), ann.serviceId());
        JsonNode items = schedule(token);
        assertEquals(List.of("QA_SAMPLE " + quarter + " DONE", "QA_SAMPLE " + quarter.previous() + " OVERDUE"), statuses(items));
        assertEquals(previous, items.get(1).get("sampleId").asText());
        assertEquals(quarter.previous().label(), items.get(1).get("periodLabel").asText());
        assertEquals(0, items.get(1).get("completed").asInt());
    }

    @Test
    void aProfileWithoutAnAuditScheduleHasNothingDue() {
        Person qa = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        Person sm = world.person(world.teamA1(), "Sue", Role.SERVICE_MANAGER);
        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        Api.Response policy = api.get("/api/v1/organisation/policy", admin);
        String bedfordshire = fixtures.string("SELECT id FROM policy_profile WHERE code = 'CENTRAL_BEDFORDSHIRE_2012'");
        Api.Response changed = api.put("/api/v1/organisation/policy", admin, Map.of("profileId", bedfordshire, "overrides", Map.of()),
                policy.header("ETag"));
        assertEquals(200, changed.status(), changed.body());
        assertEquals(0, schedule(api.token(qa.username(), Fixtures.PASSWORD)).size());
        assertEquals(0, schedule(api.token(sm.username(), Fixtures.PASSWORD)).size());
    }
}

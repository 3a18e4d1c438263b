package uk.supervision.activitylog;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.net.InetAddress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every read of a person's record leaves exactly one activity-log row, written in the read's own
 * transaction (run on MariaDB too: it refuses the row in a read-only transaction, H2 does not).
 */
@MicronautTest(transactional = false)
class ReadLogApiTest extends ApiTest {
    World.Person priya;     // supervisor of Sam and Lee
    World.Person sam;
    World.Person lee;
    World.Person marcus;    // service manager of service A
    String supervisor;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        lee = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        marcus = world.person(world.teamA2(), "Marcus", Role.SERVICE_MANAGER);
        world.supervise(priya.staff(), sam.staff());
        world.supervise(priya.staff(), lee.staff());
        supervisor = token(priya);
    }

    @Test
    void eachReadOfAnAgreementLeavesOneRowWithReaderRolesRecordSubjectRequestIdAndConnectionAddress() throws Exception {
        String agreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        Api.Response read = api.raw("GET", "/api/v1/agreements/" + agreement, token(marcus), null, null,
                Map.of("X-Request-Id", "trace-abc.123", "X-Forwarded-For", "203.0.113.9", "Forwarded", "for=198.51.100.7"));
        assertEquals(200, read.status(), read.body());
        assertEquals("trace-abc.123", read.header("X-Request-Id"), "a sane client request id is kept and echoed");

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'agreement' AND entity_id = ?", agreement));
        Map<String, String> row = logRow("agreement", agreement, "READ");
        assertEquals(marcus.account().id(), row.get("actor_account_id"));
        assertEquals(marcus.id(), row.get("actor_staff_id"));
        assertEquals("SERVICE_MANAGER", row.get("actor_roles"));
        assertEquals(world.org().id(), row.get("organisation_id"));
        assertEquals("trace-abc.123", row.get("request_id"));
        assertTrue(InetAddress.getByName(row.get("remote_address")).isLoopbackAddress(),
                "the connection's address, not a forwarded header: " + row.get("remote_address"));
        assertEquals(List.of(sam.id()), subjects(row.get("id")));

        // Reading it again is another read: one more row, with the id the service made up and returned.
        Api.Response again = api.raw("GET", "/api/v1/agreements/" + agreement, supervisor, null, null,
                Map.of("X-Request-Id", "not a sane id; drop table"));
        assertEquals(200, again.status());
        String generated = again.header("X-Request-Id");
        assertNotNull(generated);
        assertNotEquals("not a sane id; drop table", generated);
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'agreement' AND entity_id = ? AND action = 'READ'", agreement));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE request_id = ? AND actor_account_id = ? AND action = 'READ'",
                generated, priya.account().id()));
        assertEquals("PRACTITIONER SUPERVISOR", fixtures.string("SELECT actor_roles FROM activity_log WHERE request_id = ?", generated),
                "every role in force");
    }

    @Test
    void readingTheVersionsOfAnAgreementLeavesOneRow() {
        String agreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        Api.Response versions = api.get("/api/v1/agreements/" + agreement + "/versions", token(sam));
        assertEquals(200, versions.status(), versions.body());
        Map<String, String> row = logRow("agreement", agreement, "READ_VERSIONS");
        assertEquals(sam.account().id(), row.get("actor_account_id"));
        assertEquals(versions.header("X-Request-Id"), row.get("request_id"));
        assertEquals(List.of(sam.id()), subjects(row.get("id")));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", agreement));
    }

    @Test
    void readingAGroupSessionsRecordLeavesOneRowNamingEverySupervisee() {
        String session = heldGroupSession();
        long before = fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", session);
        Api.Response read = api.get("/api/v1/sessions/" + session + "/record", token(marcus));
        assertEquals(200, read.status(), read.body());
        assertEquals(before + 1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", session));
        Map<String, String> row = logRow("session_record", session, "READ");
        assertEquals(marcus.account().id(), row.get("actor_account_id"));
        assertEquals(read.header("X-Request-Id"), row.get("request_id"));
        List<String> expected = new ArrayList<>(List.of(sam.id(), lee.id()));
        expected.sort(null);
        assertEquals(expected, subjects(row.get("id")));
    }

    @Test
    void aRefusedReadLogsNothing() {
        String agreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        String session = heldGroupSession();
        World.Person colleague = world.person(world.teamB1(), "Cat", Role.PRACTITIONER);
        World.Person hr = world.person(null, "Hana", Role.HR);
        World.Person otherCouncilsQa = fixtures.organisation().accountOnly(Role.QA_AUDITOR);

        assertEquals(403, api.get("/api/v1/agreements/" + agreement, token(colleague)).status());
        assertEquals(403, api.get("/api/v1/agreements/" + agreement + "/versions", token(hr)).status());
        assertEquals(403, api.get("/api/v1/sessions/" + session + "/record", token(colleague)).status());
        assertEquals(404, api.get("/api/v1/agreements/" + agreement, token(otherCouncilsQa)).status());
        assertEquals(404, api.get("/api/v1/agreements/" + java.util.UUID.randomUUID(), token(colleague)).status());
        for (World.Person refused : List.of(colleague, hr, otherCouncilsQa)) {
            assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE actor_account_id = ? AND action LIKE 'READ%'",
                    refused.account().id()), refused.username());
        }
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id IN (?, ?) AND action LIKE 'READ%'", agreement, session));
    }

    @Test
    void aListLogsOneRowPerCallNamingEveryoneWhoseRecordsItShowed() {
        fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        fixtures.agreement(world.org(), lee.staff(), priya.staff(), "ACTIVE");
        Api.Response list = api.get("/api/v1/agreements", supervisor);
        assertEquals(2, list.json().get("items").size());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE actor_account_id = ? AND action = 'LIST'", priya.account().id()));
        String id = fixtures.string("SELECT id FROM activity_log WHERE actor_account_id = ? AND action = 'LIST' AND entity_type = 'agreement'",
                priya.account().id());
        List<String> expected = new ArrayList<>(List.of(sam.id(), lee.id()));
        expected.sort(null);
        assertEquals(expected, subjects(id));
        assertEquals(list.header("X-Request-Id"), fixtures.string("SELECT request_id FROM activity_log WHERE id = ?", Long.parseLong(id)));

        // A page that shows nobody's records logs nothing.
        World.Person colleague = world.person(world.teamB1(), "Cat", Role.PRACTITIONER);
        assertEquals(0, api.get("/api/v1/agreements", token(colleague)).json().get("items").size());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE actor_account_id = ? AND action <> 'SIGN_IN'", colleague.account().id()));
    }

    @Test
    void aPersonSeesWhoReadTheirRecordsAndNothingOfAnyoneElses() {
        String samsAgreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        String leesAgreement = fixtures.agreement(world.org(), lee.staff(), priya.staff(), "ACTIVE");
        String session = heldGroupSession();
        String manager = token(marcus);
        assertEquals(200, api.get("/api/v1/agreements/" + samsAgreement, manager).status());
        assertEquals(200, api.get("/api/v1/agreements/" + leesAgreement, manager).status());
        assertEquals(200, api.get("/api/v1/sessions/" + session + "/record", manager).status());

        String samToken = token(sam);
        JsonNode mine = api.get("/api/v1/me/activity", samToken).json();
        List<JsonNode> items = new ArrayList<>();
        mine.get("items").forEach(items::add);
        assertEquals(2, items.size(), mine.toString());
        JsonNode recordRead = items.get(0);   // newest first
        assertEquals("session_record", recordRead.get("record").get("type").asText());
        assertEquals(session, recordRead.get("record").get("id").asText());
        assertEquals(List.of(sam.id()), idsOf(recordRead.get("subjects")), "only me, never the other people in a group session");
        JsonNode agreementRead = items.get(1);
        assertEquals("READ", agreementRead.get("action").asText());
        assertEquals(samsAgreement, agreementRead.get("record").get("id").asText());
        assertEquals(marcus.staff().displayName(), agreementRead.get("actor").get("displayName").asText());
        assertEquals("SERVICE_MANAGER", agreementRead.get("actor").get("roles").get(0).asText());
        for (JsonNode item : items) {
            assertNull(item.get("remoteAddress"), "the reader's address is not shown to the person");
            assertNull(item.get("requestId"));
            assertNull(item.get("actor").get("accountId"));
            assertFalse(item.toString().contains(leesAgreement), "Lee's agreement is not Sam's business");
        }

        // Paged with the same cursor as every list.
        JsonNode first = api.get("/api/v1/me/activity?limit=1", samToken).json();
        assertEquals(1, first.get("items").size());
        JsonNode second = api.get("/api/v1/me/activity?limit=1&cursor=" + first.get("nextCursor").asText(), samToken).json();
        assertEquals(1, second.get("items").size());
        assertNull(second.get("nextCursor"));
        assertEquals(items.get(1).get("id"), second.get("items").get(0).get("id"));

        // Lee sees the two reads of Lee's records; an account with no staff record has none; a forged cursor is a 400.
        assertEquals(2, api.get("/api/v1/me/activity", token(lee)).json().get("items").size());
        Api.Response admin = api.get("/api/v1/me/activity", token(world.accountOnly(Role.ADMIN)));
        assertEquals(200, admin.status());
        assertEquals(0, admin.json().get("items").size());
        Api.Response forged = api.get("/api/v1/me/activity?cursor=bm90YWRhdGUfeHl6", samToken);
        assertEquals(400, forged.status(), forged.body());
        assertTrue(forged.contentType().startsWith("application/problem+json"));
    }

    @Test
    void administratorsAndQaSearchByPersonRecordActorAndPeriodPagedByCursor() {
        String samsAgreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        String leesAgreement = fixtures.agreement(world.org(), lee.staff(), priya.staff(), "ACTIVE");
        String manager = token(marcus);
        World.Person qa = world.accountOnly(Role.QA_AUDITOR);
        String qaToken = token(qa);
        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.get("/api/v1/agreements/" + samsAgreement, manager).status());
        }
        assertEquals(200, api.get("/api/v1/agreements/" + leesAgreement, qaToken).status());
        String admin = token(world.accountOnly(Role.ADMIN));

        // By person, two pages.
        JsonNode page1 = search(admin, "subjectId=" + sam.id() + "&limit=2");
        assertEquals(2, page1.get("items").size());
        JsonNode page2 = search(admin, "subjectId=" + sam.id() + "&limit=2&cursor=" + page1.get("nextCursor").asText());
        assertEquals(1, page2.get("items").size());
        assertNull(page2.get("nextCursor"));
        List<Long> ids = new ArrayList<>();
        page1.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        page2.get("items").forEach(i -> ids.add(i.get("id").asLong()));
        assertEquals(fixtures.strings("SELECT l.id FROM activity_log l JOIN activity_log_subject s ON s.activity_id = l.id "
                + "WHERE s.subject_staff_id = ? ORDER BY l.occurred_at DESC, l.id DESC", sam.id()).stream().map(Long::parseLong).toList(), ids);
        JsonNode entry = page1.get("items").get(0);
        assertEquals(marcus.account().id(), entry.get("actor").get("accountId").asText());
        assertEquals(samsAgreement, entry.get("record").get("id").asText());
        assertEquals(sam.id(), entry.get("subjects").get(0).get("id").asText());
        assertEquals(sam.staff().displayName(), entry.get("subjects").get(0).get("displayName").asText());
        assertNotNull(entry.get("requestId"));
        assertNotNull(entry.get("remoteAddress"));

        // By record, by actor, combined.
        JsonNode byRecord = search(qaToken, "recordType=agreement&recordId=" + leesAgreement);
        assertEquals(1, byRecord.get("items").size());
        assertEquals(qa.account().id(), byRecord.get("items").get(0).get("actor").get("accountId").asText());
        JsonNode byActor = search(admin, "actorId=" + marcus.account().id());
        assertEquals(List.of("READ", "READ", "READ", "SIGN_IN"), actions(byActor), "everything Marcus did, newest first");
        byActor.get("items").forEach(i -> assertTrue(i.get("record") == null || samsAgreement.equals(i.get("record").get("id").asText())));
        assertEquals(0, search(admin, "actorId=" + marcus.account().id() + "&subjectId=" + lee.id()).get("items").size());

        // By period, [from, to): reads of Lee's records at known times (whole seconds: MariaDB through Connector/J keeps no fraction).
        java.time.Instant t0 = java.time.Instant.parse("2026-01-05T10:00:00Z");
        List<String> past = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            past.add(pastRead(lee.id(), t0.plusSeconds(10L * i)));
        }
        assertEquals(List.of(past.get(1)), ids(search(admin, "subjectId=" + lee.id() + "&from=" + t0.plusSeconds(10) + "&to=" + t0.plusSeconds(20))));
        assertEquals(List.of(past.get(2), past.get(1)), ids(search(admin, "subjectId=" + lee.id() + "&from=" + t0.plusSeconds(10) + "&to=" + t0.plusSeconds(21))));
        assertEquals(List.of(past.get(0)), ids(search(admin, "recordType=agreement&recordId=past-" + lee.id() + "&to=" + t0.plusSeconds(10))));
        assertEquals(List.of(past.get(2), past.get(1), past.get(0)), ids(search(admin, "from=" + t0 + "&to=" + t0.plusSeconds(30))));
        assertEquals(0, search(admin, "actorId=" + marcus.account().id() + "&from=2000-01-01T00:00:00Z&to=2001-01-01T00:00:00Z").get("items").size());

        // Only the caller's organisation.
        String otherAdmin = token(fixtures.organisation().accountOnly(Role.ADMIN));
        assertEquals(0, search(otherAdmin, "subjectId=" + sam.id()).get("items").size());

        // The search itself is on the record.
        assertTrue(fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'ACTIVITY_SEARCHED' AND actor_account_id = ?", qa.account().id()) >= 1);
    }

    @Test
    void badFiltersAreRefusedWithAProblem() {
        String admin = token(world.accountOnly(Role.ADMIN));
        for (String query : List.of("recordType=agreement", "recordId=abc", "from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
                "from=+12026-01-01T00:00:00Z", "subjectId=not-a-uuid", "recordType=DROP%20TABLE&recordId=1", "limit=0", "limit=201",
                "cursor=bm90YWRhdGUfeHl6", "cursor=YR9iH2M")) {
            Api.Response r = api.get("/api/v1/activity?" + query, admin);
            assertEquals(400, r.status(), query + " -> " + r.body());
            assertTrue(r.contentType().startsWith("application/problem+json"), query);
            if (!query.startsWith("limit") && !query.startsWith("cursor")) {   // the export has neither
                Api.Response csv = api.get("/api/v1/activity.csv?" + query, admin);
                assertEquals(400, csv.status(), "csv " + query + " -> " + csv.body());
            }
        }
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE organisation_id = ? AND action LIKE 'ACTIVITY_%'", world.org().id()),
                "a refused search is not logged as done");
    }

    @Test
    void onlyAdministratorsAndQaMaySearchOrExport() {
        World.Person hr = world.person(null, "Hana", Role.HR);
        World.Person head = world.person(null, "Hugo", Role.HEAD_OF_SERVICE);
        World.Person member = world.accountOnly(Role.ELECTED_MEMBER);
        for (World.Person refused : List.of(sam, priya, marcus, hr, head, member)) {
            String t = token(refused);
            assertEquals(403, api.get("/api/v1/activity", t).status(), refused.username());
            assertEquals(403, api.get("/api/v1/activity.csv", t).status(), refused.username());
        }
        String adminToken = token(world.accountOnly(Role.ADMIN));
        JsonNode client = api.post("/api/v1/machine-clients", adminToken,
                Map.of("name", Fixtures.unique("Case system"), "scopes", List.of("staff.read"))).json();
        Api.Response issued = api.form("/api/v1/oauth/token", client.get("clientId").asText() + ":" + client.get("clientSecret").asText(),
                "grant_type=client_credentials&scope=staff.read");
        assertEquals(200, issued.status(), issued.body());
        String machine = issued.json().get("access_token").asText();
        for (String path : List.of("/api/v1/activity", "/api/v1/activity.csv", "/api/v1/me/activity")) {
            assertEquals(403, api.get(path, machine).status(), "a machine client: " + path);
        }
        assertEquals(401, api.get("/api/v1/activity", null).status());
        assertEquals(401, api.get("/api/v1/me/activity", null).status());
        assertEquals(200, api.get("/api/v1/activity", token(world.accountOnly(Role.QA_AUDITOR))).status());
        assertEquals(200, api.get("/api/v1/activity.csv", token(world.accountOnly(Role.ADMIN))).status());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action LIKE 'ACTIVITY_%' AND actor_account_id IN (?, ?, ?, ?, ?, ?)",
                sam.account().id(), priya.account().id(), marcus.account().id(), hr.account().id(), head.account().id(), member.account().id()));
    }

    @Test
    void theCsvExportHoldsTheSameEntriesQuotedAndDefusedAgainstFormulas() {
        String agreement = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        fixtures.execute("UPDATE account SET display_name = ? WHERE id = ?", formula, marcus.account().id());
        Api.Response read = api.raw("GET", "/api/v1/agreements/" + agreement, token(marcus), null, null, Map.of("X-Request-Id", "-csv-trace"));
        assertEquals(200, read.status());
        assertEquals(200, api.get("/api/v1/agreements/" + agreement, supervisor).status());
        World.Person qa = world.accountOnly(Role.QA_AUDITOR);
        String qaToken = token(qa);

        Api.Response csv = api.get("/api/v1/activity.csv?subjectId=" + sam.id(), qaToken);
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.header("Content-Disposition").contains("activity.csv"));
        List<List<String>> rows = parseCsv(csv.body());
        assertEquals(List.of("id", "occurredAt", "action", "actorAccountId", "actorStaffId", "actorName", "actorRoles", "actorClientId",
                "recordType", "recordId", "subjectIds", "summary", "requestId", "remoteAddress"), rows.get(0));
        assertEquals(3, rows.size(), csv.body());
        JsonNode json = search(qaToken, "subjectId=" + sam.id());
        assertEquals(List.of(json.get("items").get(0).get("id").asText(), json.get("items").get(1).get("id").asText()),
                List.of(rows.get(1).get(0), rows.get(2).get(0)), "the same entries as the search, in the same order");
        List<String> marcusRow = rows.get(2);
        assertEquals(marcus.account().id(), marcusRow.get(3));
        assertEquals("'" + formula, marcusRow.get(5), "a formula is defused with a leading quote");
        assertEquals("'-csv-trace", marcusRow.get(12));
        assertEquals("SERVICE_MANAGER", marcusRow.get(6));
        assertEquals("agreement", marcusRow.get(8));
        assertEquals(agreement, marcusRow.get(9));
        assertEquals(sam.id(), marcusRow.get(10));
        assertTrue(csv.body().contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\""), "quotes doubled inside a quoted field");
        assertTrue(csv.body().contains("\r\n"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'ACTIVITY_EXPORTED' AND actor_account_id = ?", qa.account().id()));
    }

    @Test
    void aLargeExportStreamsEveryPage() {
        String marker = Fixtures.unique("bulk");
        int n = ActivityCsv.PAGE * 2 + 7;
        for (int i = 0; i < n; i++) {
            fixtures.execute("INSERT INTO activity_log (occurred_at, organisation_id, action, entity_type, entity_id) VALUES (?, ?, 'READ', 'agreement', ?)",
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(i % 5)), world.org().id(), marker);
        }
        Api.Response csv = api.get("/api/v1/activity.csv?recordType=agreement&recordId=" + marker, token(world.accountOnly(Role.ADMIN)));
        assertEquals(200, csv.status());
        List<List<String>> rows = parseCsv(csv.body());
        assertEquals(n + 1, rows.size());
        assertEquals(n, rows.stream().skip(1).map(r -> r.get(0)).distinct().count(), "no entry twice across pages");
    }

    // ---- helpers

    private String token(World.Person p) {
        return api.token(p.username(), Fixtures.PASSWORD);
    }

    private JsonNode search(String token, String query) {
        Api.Response r = api.get("/api/v1/activity?" + query, token);
        assertEquals(200, r.status(), query + " -> " + r.body());
        return r.json();
    }

    /** A read of a person's agreement logged at a given time, straight into the database. */
    private String pastRead(String subject, java.time.Instant at) {
        fixtures.execute("INSERT INTO activity_log (occurred_at, organisation_id, action, entity_type, entity_id, request_id) "
                + "VALUES (?, ?, 'READ', 'agreement', ?, ?)", java.sql.Timestamp.from(at), world.org().id(), "past-" + subject, "past-" + at.getEpochSecond());
        String id = fixtures.string("SELECT MAX(id) FROM activity_log WHERE entity_id = ?", "past-" + subject);
        fixtures.execute("INSERT INTO activity_log_subject (activity_id, subject_staff_id, occurred_at) VALUES (?, ?, ?)",
                Long.parseLong(id), subject, java.sql.Timestamp.from(at));
        return id;
    }

    private static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("id").asText()));
        return out;
    }

    private static List<String> actions(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("items").forEach(i -> out.add(i.get("action").asText()));
        return out;
    }

    /** The one log row of this read of this record. */
    private Map<String, String> logRow(String type, String id, String action) {
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = ? AND entity_id = ? AND action = ?", type, id, action),
                "exactly one " + action + " row for " + type + " " + id);
        Map<String, String> row = new HashMap<>();
        for (String column : List.of("id", "organisation_id", "actor_account_id", "actor_staff_id", "actor_roles", "request_id", "remote_address")) {
            row.put(column, fixtures.string("SELECT " + column + " FROM activity_log WHERE entity_type = ? AND entity_id = ? AND action = ?", type, id, action));
        }
        return row;
    }

    private List<String> subjects(String logId) {
        return fixtures.strings("SELECT subject_staff_id FROM activity_log_subject WHERE activity_id = ? ORDER BY subject_staff_id", Long.parseLong(logId));
    }

    private String heldGroupSession() {
        Map<String, Object> plan = new HashMap<>();
        plan.put("superviseeIds", List.of(sam.id(), lee.id()));
        plan.put("date", LocalDate.now().toString());
        plan.put("startTime", "00:00");
        plan.put("plannedMinutes", 90);
        plan.put("location", "Room 3");
        Api.Response planned = api.post("/api/v1/sessions", supervisor, plan);
        assertEquals(201, planned.status(), planned.body());
        String id = planned.json().get("items").get(0).get("id").asText();
        String url = "/api/v1/sessions/" + id;
        assertEquals(200, api.post(url + "/held", supervisor, Map.of("actualMinutes", 90), api.get(url, supervisor).header("ETag")).status());
        return id;
    }

    /** A strict RFC 4180 reader, so the test does not trust the writer's own code. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(cell.toString());
                cell.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertTrue(row.isEmpty() && cell.length() == 0, "the last line ends with CRLF");
        return rows;
    }
}

package uk.supervision.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The evidence beside an audit, from a scripted file: sessions and records, actions open and reviewed, an agreement and
 * case discussions, inside and outside the audit's period; each fact exact. Opening each kind of record it links to is
 * itself a logged read.
 */
@MicronautTest(transactional = false)
class AuditEvidenceApiTest extends ApiTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WORDS = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);
    private final LocalDate today = LocalDate.now(LONDON);

    private static String words(LocalDate d) {
        return d.format(WORDS);
    }

    private static Timestamp noon(LocalDate d) {
        return Timestamp.from(d.atTime(12, 0).atZone(LONDON).toInstant());
    }

    private String session(World.Person supervisor, World.Person supervisee, LocalDate day, String status) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, "
                + "planned_minutes, location, version, created_at, updated_at) VALUES (?, ?, ?, 'ONE_TO_ONE', ?, ?, '10:00', 90, 'Room 1', 1, ?, ?)",
                id, world.org().id(), supervisor.id(), status, Date.valueOf(day), now, now);
        fixtures.execute("INSERT INTO session_participant (session_id, supervisee_id) VALUES (?, ?)", id, supervisee.id());
        return id;
    }

    private void record(String sessionId, String status, String reviewsJson, LocalDate signedOn) {
        fixtures.execute("INSERT INTO session_record (session_id, template_id, status, entries_json, personal_discussed, action_reviews_json, "
                + "content_hash, signed_at, version, updated_at) VALUES (?, '00000000-0000-7000-8101-000000000002', ?, '[]', FALSE, ?, NULL, ?, 1, ?)",
                sessionId, status, reviewsJson, signedOn == null ? null : noon(signedOn), Timestamp.from(Instant.now()));
    }

    private String discussion(String childId, World.Person supervisee, World.Person supervisor, LocalDate day, String viewStatus) {
        String id = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO case_discussion (id, organisation_id, child_id, supervisee_id, supervisor_id, session_id, template_id, "
                + "discussed_on, status, content_json, child_view_status, version, content_version, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, ?, NULL, '00000000-0000-7000-8101-000000000003', ?, 'DRAFT', '{}', ?, 1, 1, ?, ?)",
                id, world.org().id(), childId, supervisee.id(), supervisor.id(), Date.valueOf(day), viewStatus, now, now);
        return id;
    }

    @Test
    void theEvidenceOfAScriptedFileIsExactAndEachLinkedRecordIsALoggedRead() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        world.supervise(priya.staff(), sam.staff());
        String qa = api.token(quinn.username(), Fixtures.PASSWORD);

        // An action agreed 40 days ago, still open.
        String actionId = fixtures.action(world.org(), sam.staff());
        fixtures.execute("UPDATE supervision_action SET created_at = ? WHERE id = ?", noon(today.minusDays(40)), actionId);
        // In the period (the last 56 days): two one-to-one sessions held; one reviewed the open action and was signed
        // 3 days later, the other did not review it and is not signed. A cancelled one and one before the period do not count.
        LocalDate first = today.minusDays(20);
        LocalDate second = today.minusDays(6);
        String s1 = session(priya, sam, first, "SIGNED");
        record(s1, "SIGNED", "[{\"actionId\":\"" + actionId + "\",\"outcome\":\"PARTLY\"}]", first.plusDays(3));
        String s2 = session(priya, sam, second, "RECORDED");
        record(s2, "DRAFT", "[]", null);
        session(priya, sam, today.minusDays(10), "CANCELLED");
        String before = session(priya, sam, today.minusDays(70), "SIGNED");
        record(before, "SIGNED", "[]", today.minusDays(69));

        // An agreement signed 100 days ago and in force.
        String agreementId = fixtures.agreement(world.org(), sam.staff(), priya.staff(), "ACTIVE");
        fixtures.execute("UPDATE agreement SET signed_at = ? WHERE id = ?", noon(today.minusDays(100)), agreementId);

        // Case discussions: three in the period (view recorded, a reason, neither), one before it.
        String childId = Ids.newId();
        Timestamp now = Timestamp.from(Instant.now());
        fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", childId, world.org().id(), Fixtures.unique("PRN"), sam.id(), now, now);
        String d1 = discussion(childId, sam, priya, today.minusDays(30), "RECORDED");
        String d2 = discussion(childId, sam, priya, today.minusDays(15), "NOT_OBTAINED");
        String d3 = discussion(childId, sam, priya, today.minusDays(2), null);
        discussion(childId, sam, priya, today.minusDays(90), "RECORDED");

        JsonNode audit = Audits.start(api, qa, sam.id());
        String url = "/api/v1/audits/" + audit.get("id").asText();
        Map<String, Object> period = Audits.update(List.of(), List.of());
        period.put("periodFrom", today.minusDays(55).toString());
        period.put("periodTo", today.toString());
        assertEquals(200, api.put(url, qa, period, "\"v1\"").status());

        Api.Response r = api.get(url + "/evidence", qa);
        assertEquals(200, r.status(), r.toString());
        JsonNode evidence = r.json();
        assertEquals(today.minusDays(55).toString(), evidence.get("periodFrom").asText());
        Map<String, JsonNode> byTopic = new LinkedHashMap<>();
        evidence.get("items").forEach(i -> byTopic.put(i.get("topic").asText(), i));
        assertEquals(List.of("ACTIONS_REVIEWED", "SESSIONS_AGAINST_SCHEDULE", "RECORD_TIMELINESS", "AGREEMENT", "CHILD_VIEWS"),
                new ArrayList<>(byTopic.keySet()));

        JsonNode reviewed = byTopic.get("ACTIONS_REVIEWED");
        assertEquals("[\"q1\",\"q2\"]", reviewed.get("questionKeys").toString());
        assertEquals("1 of 2 sessions with previous actions open reviewed all of them.", reviewed.get("summary").asText());
        assertEquals(facts(Map.of("Session on " + words(first), "1 of 1 open previous actions reviewed",
                "Session on " + words(second), "0 of 1 open previous actions reviewed")), facts(reviewed));
        assertEquals(List.of("RECORD " + s1, "RECORD " + s2), links(reviewed));

        JsonNode schedule = byTopic.get("SESSIONS_AGAINST_SCHEDULE");
        assertEquals("2 of 2 expected one-to-one sessions were held; the longest gap was 35 days.", schedule.get("summary").asText());
        assertEquals(facts(Map.of("One-to-one sessions held", "2", "Sessions expected (one every 28 days)", "2",
                "Longest gap without a session", "35 days")), facts(schedule));
        assertEquals(List.of("SESSION " + s1, "SESSION " + s2), links(schedule));

        JsonNode timeliness = byTopic.get("RECORD_TIMELINESS");
        assertEquals("1 of 2 records were signed by both, on average 3.0 days after the session.", timeliness.get("summary").asText());
        assertEquals(facts(Map.of("Session on " + words(first), "3 days", "Session on " + words(second), "Not signed",
                "Average days to a record signed by both", "3.0")), facts(timeliness));

        JsonNode agreement = byTopic.get("AGREEMENT");
        assertEquals("A signed supervision agreement was in force on " + words(today) + ", signed on " + words(today.minusDays(100)) + ".",
                agreement.get("summary").asText());
        assertEquals(List.of("AGREEMENT " + agreementId), links(agreement));
        assertEquals("Supervision agreement signed on " + words(today.minusDays(100)), agreement.get("links").get(0).get("label").asText());

        JsonNode views = byTopic.get("CHILD_VIEWS");
        assertEquals("1 of 3 case discussions recorded the child's view; 1 gave a reason it could not be obtained.", views.get("summary").asText());
        assertEquals(facts(Map.of("Case discussions in the period", "3", "With the child's view recorded", "1",
                "With a reason the view could not be obtained", "1")), facts(views));
        assertEquals(List.of("CASE_DISCUSSION " + d1, "CASE_DISCUSSION " + d2, "CASE_DISCUSSION " + d3), links(views));

        // The evidence read is logged, and so is opening each kind of record it links to.
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = 'file_audit_evidence' AND entity_id = ?",
                audit.get("id").asText()));
        assertEquals(200, api.get("/api/v1/sessions/" + s1 + "/record", qa).status());
        assertEquals(200, api.get("/api/v1/agreements/" + agreementId, qa).status());
        assertEquals(200, api.get("/api/v1/case-discussions/" + d1, qa).status());
        for (String[] read : List.of(new String[]{"session_record", s1}, new String[]{"agreement", agreementId},
                new String[]{"case_discussion", d1})) {
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_type = ? AND entity_id = ? AND action = 'READ' "
                    + "AND actor_account_id = ?", read[0], read[1], quinn.account().id()), read[0] + " opened from the evidence is logged");
        }
    }

    @Test
    void aFileWithNothingInThePeriodSaysSo() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        world.supervise(priya.staff(), sam.staff());
        String qa = api.token(quinn.username(), Fixtures.PASSWORD);
        JsonNode audit = Audits.start(api, qa, sam.id());
        JsonNode evidence = api.get("/api/v1/audits/" + audit.get("id").asText() + "/evidence", qa).json();
        List<String> summaries = new ArrayList<>();
        evidence.get("items").forEach(i -> summaries.add(i.get("summary").asText()));
        assertEquals(List.of("No one-to-one sessions were held in the period.",
                "0 of 3 expected one-to-one sessions were held; the longest gap was "
                        + java.time.temporal.ChronoUnit.DAYS.between(LocalDate.now().minusMonths(3), LocalDate.now()) + " days.",
                "No one-to-one sessions were held in the period.",
                "There was no signed supervision agreement in force on " + words(LocalDate.now()) + ".",
                "No case discussions were held in the period."), summaries);
    }

    private static Map<String, String> facts(Map<String, String> expected) {
        return new java.util.TreeMap<>(expected);
    }

    private static Map<String, String> facts(JsonNode item) {
        Map<String, String> out = new java.util.TreeMap<>();
        item.get("facts").forEach(f -> out.put(f.get("label").asText(), f.get("value").asText()));
        return out;
    }

    private static List<String> links(JsonNode item) {
        List<String> out = new ArrayList<>();
        item.get("links").forEach(l -> out.add(l.get("kind").asText() + " " + l.get("id").asText()));
        return out;
    }
}

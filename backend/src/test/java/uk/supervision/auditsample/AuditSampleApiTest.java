package uk.supervision.auditsample;

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
import uk.supervision.testing.World.Person;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
class AuditSampleApiTest extends ApiTest {
    @jakarta.inject.Inject
    javax.sql.DataSource dataSource;

    private final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
    private final Quarter quarter = Quarter.of(today);

    private Person qa;
    private String qaToken;
    private Staff sam;
    private Staff bea;
    /** Eligible: supervised today, in a team, not left, not audited last quarter. */
    private final List<String> eligible = new ArrayList<>();
    private Staff auditedLastQuarter;
    private Staff draftLastQuarter;
    private Staff auditedLongAgo;
    private Staff leaver;

    @BeforeEach
    void aServiceWithFilesInEveryTeam() {
        qa = world.person(world.teamA1(), "Quinn", Role.QA_AUDITOR);
        qaToken = api.token(qa.username(), Fixtures.PASSWORD);
        sam = world.worker(world.teamA1(), "Sam", "Supervisor");
        bea = world.worker(world.teamB1(), "Bea", "Supervisor");
        for (int i = 0; i < 3; i++) {
            eligible.add(supervised(world.worker(world.teamA1(), "Ann" + i, "One"), sam).id());
            eligible.add(supervised(world.worker(world.teamA2(), "Al" + i, "Two"), sam).id());
            eligible.add(supervised(world.worker(world.teamB1(), "Bo" + i, "Three"), bea).id());
        }
        // Not eligible: audited (and signed) last quarter; left; no supervisor (sam, bea, the auditor); no team.
        auditedLastQuarter = supervised(world.worker(world.teamA2(), "Audited", "Recently"), sam);
        Audits.completed(fixtures, world.org().id(), "SERVICE_MANAGER_MONTHLY", null, auditedLastQuarter, sam.id(), qa.staff(),
                qa.account().id(), quarter.previous().lastDay(), quarter.previous().lastDay().atStartOfDay(ZoneId.of("Europe/London")).toInstant(), "GOOD");
        leaver = supervised(world.worker(world.teamA1(), "Lena", "Leaver"), sam);
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", java.sql.Date.valueOf(today), leaver.id());
        Staff noTeam = fixtures.staff(world.org(), null, world.serviceA().id(), "Nat", "NoTeam", "REGISTERED_SOCIAL_WORKER", "PERMANENT",
                today.minusYears(1));
        world.supervise(sam, noTeam);
        // Eligible still: a draft (not completed) last quarter, and a completed audit two quarters ago.
        draftLastQuarter = supervised(world.worker(world.teamB1(), "Drafted", "Only"), bea);
        Audits.draft(fixtures, world.org().id(), "SERVICE_MANAGER_MONTHLY", null, draftLastQuarter, bea.id(), qa.staff(), qa.account().id(),
                quarter.previous().firstDay());
        auditedLongAgo = supervised(world.worker(world.teamA1(), "Audited", "LongAgo"), sam);
        LocalDate twoAgo = quarter.previous().previous().firstDay();
        Audits.completed(fixtures, world.org().id(), "SERVICE_MANAGER_MONTHLY", null, auditedLongAgo, sam.id(), qa.staff(), qa.account().id(),
                twoAgo, twoAgo.atStartOfDay(ZoneId.of("Europe/London")).toInstant().plus(1, ChronoUnit.HOURS), "GOOD");
        eligible.add(draftLastQuarter.id());
        eligible.add(auditedLongAgo.id());
    }

    private Staff supervised(Staff s, Staff supervisor) {
        world.supervise(supervisor, s);
        return s;
    }

    private Api.Response draw(String quarterText, int size, Long seed) {
        Map<String, Object> body = seed == null ? Map.of("quarter", quarterText, "size", size) : Map.of("quarter", quarterText, "size", size, "seed", seed);
        return api.post("/api/v1/audit-samples", qaToken, body);
    }

    private static List<String> supervisees(JsonNode sample) {
        List<String> out = new ArrayList<>();
        sample.get("files").forEach(f -> out.add(f.get("supervisee").get("id").asText()));
        return out;
    }

    @Test
    void aSeededDrawIsExactlyThePureDrawOverTheEligibleFilesAndIsStoredWithItsSeed() {
        long seed = 8_675_309L;
        Api.Response r = draw(quarter.toString(), 4, seed);
        assertEquals(201, r.status(), r.body());
        JsonNode sample = r.json();
        List<String> expected = SampleDraw.draw(eligible, 4, seed);
        assertEquals(expected, supervisees(sample), "the files, in the order drawn");
        assertEquals(seed, sample.get("seed").asLong());
        assertEquals(eligible.size(), sample.get("eligibleCount").asInt());
        assertEquals(quarter.toString(), sample.get("quarter").asText());
        assertEquals(qa.id(), sample.get("drawnBy").get("id").asText());
        assertEquals(0, sample.get("completed").asInt());
        String id = sample.get("id").asText();
        assertEquals("/api/v1/audit-samples/" + id, r.header("Location"));

        assertEquals(String.valueOf(seed), fixtures.string("SELECT seed FROM audit_sample WHERE id = ?", id));
        assertEquals(String.valueOf(eligible.size()), fixtures.string("SELECT eligible_count FROM audit_sample WHERE id = ?", id));
        assertEquals(expected, fixtures.strings("SELECT supervisee_id FROM audit_sample_file WHERE sample_id = ? ORDER BY position", id));
        assertEquals(world.teamB1().id().equals(fixtures.string("SELECT team_id FROM staff WHERE id = ?", expected.get(0)))
                        ? world.serviceB().id() : world.serviceA().id(),
                fixtures.string("SELECT service_id FROM audit_sample_file WHERE sample_id = ? AND position = 1", id), "service as drawn");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'AUDIT_SAMPLE_DRAWN' AND entity_id = ?", id));

        // The draw is evidence: the application's own account can neither change the seed nor the files drawn.
        uk.supervision.testing.DatabaseRights.assertRefused(dataSource, "sample: UPDATE", "UPDATE audit_sample SET seed = 1 WHERE id = ?", id);
        uk.supervision.testing.DatabaseRights.assertRefused(dataSource, "sample files: DELETE", "DELETE FROM audit_sample_file WHERE sample_id = ?", id);
        assertEquals(String.valueOf(seed), fixtures.string("SELECT seed FROM audit_sample WHERE id = ?", id));

        Api.Response again = api.get("/api/v1/audit-samples/" + id, qaToken);
        assertEquals(200, again.status(), again.body());
        assertEquals(expected, supervisees(again.json()));
        assertEquals(seed, again.json().get("seed").asLong());
        // Reading it is logged against each supervisee it names (it shows their audits' grades).
        assertEquals(new java.util.TreeSet<>(expected), new java.util.TreeSet<>(fixtures.strings("SELECT s.subject_staff_id FROM activity_log a "
                + "JOIN activity_log_subject s ON s.activity_id = a.id WHERE a.action = 'READ' AND a.entity_type = 'audit_sample' AND a.entity_id = ?", id)));
        assertEquals(200, api.get("/api/v1/audit-samples", qaToken).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'LIST' AND entity_type = 'audit_sample' "
                + "AND actor_account_id = ?", qa.account().id()));
    }

    @Test
    void theWholeEligiblePopulationLeavesOutFilesAuditedLastQuarterAndRepresentsEveryTeam() {
        Api.Response r = draw(quarter.toString(), eligible.size(), null);
        assertEquals(201, r.status(), r.body());
        JsonNode sample = r.json();
        assertEquals(new HashSet<>(eligible), new HashSet<>(supervisees(sample)));
        assertFalse(supervisees(sample).contains(auditedLastQuarter.id()), "audited and signed last quarter");
        assertFalse(supervisees(sample).contains(leaver.id()), "left");
        assertTrue(supervisees(sample).contains(draftLastQuarter.id()), "a draft is not a completed audit");
        assertTrue(supervisees(sample).contains(auditedLongAgo.id()), "audited two quarters ago");
        Set<String> teams = new HashSet<>();
        sample.get("files").forEach(f -> teams.add(f.get("team").get("id").asText()));
        assertEquals(Set.of(world.teamA1().id(), world.teamA2().id(), world.teamB1().id()), teams, "every team is represented");
        // The seed chosen is returned and stored, and reproduces the draw.
        long seed = sample.get("seed").asLong();
        assertEquals(String.valueOf(seed), fixtures.string("SELECT seed FROM audit_sample WHERE id = ?", sample.get("id").asText()));
        assertEquals(SampleDraw.draw(eligible, eligible.size(), seed), supervisees(sample));
    }

    @Test
    void aSampleLargerThanTheEligibleFilesIsRefusedAndNothingIsStored() {
        Api.Response r = draw(quarter.toString(), eligible.size() + 1, 1L);
        assertEquals(422, r.status(), r.body());
        assertEquals("/size", r.json().get("errors").get(0).get("pointer").asText());
        assertTrue(r.body().contains("Only " + eligible.size() + " supervision files are eligible for " + quarter.label()), r.body());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ?", world.org().id()));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'AUDIT_SAMPLE_DRAWN' AND organisation_id = ?",
                world.org().id()));
    }

    @Test
    void oneSampleAQuarterForThisQuarterOrTheNextOnly() {
        assertEquals(201, draw(quarter.toString(), 2, 5L).status());
        Api.Response second = draw(quarter.toString(), 3, 6L);
        assertEquals(409, second.status(), second.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ?", world.org().id()));
        assertEquals(201, draw(quarter.next().toString(), 2, 5L).status(), "the next quarter may be drawn ahead");
        Api.Response later = draw(quarter.next().next().toString(), 2, 5L);
        assertEquals(422, later.status(), later.body());
        assertEquals("/quarter", later.json().get("errors").get(0).get("pointer").asText());
        Api.Response past = draw(quarter.previous().toString(), 2, 5L);
        assertEquals(422, past.status(), past.body());
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void theSampleShowsTheAuditOfEachFileAndCountsTheCompleted() {
        JsonNode sample = draw(quarter.toString(), 3, 11L).json();
        String id = sample.get("id").asText();
        List<String> files = supervisees(sample);
        Staff first = staffOf(files.get(0));
        Staff second = staffOf(files.get(1));
        String done = Audits.completed(fixtures, world.org().id(), "QA_SAMPLE", id, first, fixtures.string(
                "SELECT supervisor_id FROM supervision_relation WHERE supervisee_id = ?", first.id()), qa.staff(), qa.account().id(), today,
                Instant.now(), "REQUIRES_IMPROVEMENT");
        String draft = Audits.draft(fixtures, world.org().id(), "QA_SAMPLE", id, second, fixtures.string(
                "SELECT supervisor_id FROM supervision_relation WHERE supervisee_id = ?", second.id()), qa.staff(), qa.account().id(), today);
        JsonNode read = api.get("/api/v1/audit-samples/" + id, qaToken).json();
        assertEquals(1, read.get("completed").asInt());
        JsonNode f1 = read.get("files").get(0);
        assertEquals(done, f1.get("auditId").asText());
        assertEquals("COMPLETED", f1.get("auditStatus").asText());
        assertEquals("REQUIRES_IMPROVEMENT", f1.get("grade").asText());
        JsonNode f2 = read.get("files").get(1);
        assertEquals(draft, f2.get("auditId").asText());
        assertEquals("DRAFT", f2.get("auditStatus").asText());
        assertFalse(f2.has("grade"));
        assertFalse(read.get("files").get(2).has("auditId"));
    }

    @jakarta.inject.Inject
    uk.supervision.staff.StaffRepository staff;

    private Staff staffOf(String id) {
        return staff.findById(id).orElseThrow();
    }

    @Test
    void theListIsNewestFirstInPages() {
        String now = draw(quarter.toString(), 1, 1L).json().get("id").asText();
        String next = draw(quarter.next().toString(), 1, 1L).json().get("id").asText();
        Api.Response page1 = api.get("/api/v1/audit-samples?limit=1", qaToken);
        assertEquals(200, page1.status(), page1.body());
        assertEquals(List.of(next), idsOf(page1.json().get("items")));
        assertEquals(1, page1.json().get("items").get(0).get("files").size());
        String cursor = page1.json().get("nextCursor").asText();
        Api.Response page2 = api.get("/api/v1/audit-samples?limit=1&cursor=" + cursor, qaToken);
        assertEquals(List.of(now), idsOf(page2.json().get("items")));
        assertFalse(page2.json().has("nextCursor"));
        // Another organisation's auditor sees none of them.
        var other = fixtures.organisation();
        Person theirs = other.person(other.teamA1(), "Otto", Role.QA_AUDITOR);
        String theirToken = api.token(theirs.username(), Fixtures.PASSWORD);
        assertEquals(0, api.get("/api/v1/audit-samples", theirToken).json().get("items").size());
        assertEquals(404, api.get("/api/v1/audit-samples/" + now, theirToken).status());
    }

    @Test
    void aResentDrawWithTheSameIdempotencyKeyReturnsTheFirstSampleAndDrawsNothing() {
        String body = Api.json(Map.of("quarter", quarter.toString(), "size", 2));
        Map<String, String> key = Map.of("Idempotency-Key", Fixtures.unique("draw-key"));
        Api.Response first = api.raw("POST", "/api/v1/audit-samples", qaToken, "application/json", body, key);
        assertEquals(201, first.status(), first.body());
        Api.Response again = api.raw("POST", "/api/v1/audit-samples", qaToken, "application/json", body, key);
        assertEquals(201, again.status(), again.body());
        assertEquals("true", again.header("Idempotent-Replayed"));
        assertEquals(first.json().get("id"), again.json().get("id"));
        assertEquals(first.json().get("files"), again.json().get("files"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ?", world.org().id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE action = 'AUDIT_SAMPLE_DRAWN' AND organisation_id = ?",
                world.org().id()));
    }

    @Test
    void onlyQualityAssuranceAuditorsDrawListOrReadSamples() {
        String id = draw(quarter.toString(), 1, 1L).json().get("id").asText();
        for (Role role : List.of(Role.PRACTITIONER, Role.SUPERVISOR, Role.SERVICE_MANAGER, Role.HEAD_OF_SERVICE, Role.HR, Role.ADMIN)) {
            Person p = world.person(world.teamA1(), "Not" + role.name().charAt(0), role);
            String token = api.token(p.username(), Fixtures.PASSWORD);
            assertEquals(403, api.post("/api/v1/audit-samples", token, Map.of("quarter", quarter.next().toString(), "size", 1)).status(), role.name());
            assertEquals(403, api.get("/api/v1/audit-samples", token).status(), role.name());
            assertEquals(403, api.get("/api/v1/audit-samples/" + id, token).status(), role.name());
        }
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ?", world.org().id()));
    }
}

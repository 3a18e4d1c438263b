package uk.supervision.questionnaire;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.audit.Quarter;
import uk.supervision.staff.Staff;
import uk.supervision.support.ReplayClock;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Part 2 questionnaire: answered once by the invitee, stored without them; rounds; the one reminder. */
@MicronautTest(transactional = false)
class QuestionnaireApiTest extends ApiTest {
    static final List<String> KEYS = List.of("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9");

    @Inject
    QuestionnaireInvitations invitations;
    @Inject
    QuestionnaireReminderJob reminders;

    World.Person priya;
    World.Person sam;
    World.Person qa;
    String samToken;

    @BeforeEach
    void people() {
        priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        qa = world.person(null, "Quinn", Role.QA_AUDITOR);
        world.supervise(priya.staff(), sam.staff());
        samToken = api.token(sam.username(), Fixtures.PASSWORD);
    }

    String invite(Staff invitee, Staff supervisor, Instant issuedAt, Instant expiresAt) {
        return invitations.issue(world.org().id(), invitee.id(), supervisor.id(), invitee.teamId(), invitee.serviceId(), null, null,
                issuedAt, expiresAt);
    }

    static Map<String, Object> answers(List<String> keys, String value, String comment) {
        List<Map<String, String>> list = new ArrayList<>();
        keys.forEach(k -> list.add(Map.of("key", k, "value", value)));
        Map<String, Object> body = new HashMap<>();
        body.put("answers", list);
        if (comment != null) {
            body.put("comment", comment);
        }
        return body;
    }

    @Test
    void theInviteeAnswersOnceAndTheAnswerNamesNobodyAndNoTime() {
        Instant now = Instant.now();
        String invitation = invite(sam.staff(), priya.staff(), now, now.plus(Duration.ofDays(28)));

        JsonNode mine = api.get("/api/v1/questionnaires", samToken).json();
        assertEquals(List.of(invitation), ids(mine.get("items"), "invitationId"));
        Api.Response got = api.get("/api/v1/questionnaires/" + invitation, samToken);
        assertEquals(200, got.status(), got.body());
        JsonNode q = got.json();
        assertEquals("OPEN", q.get("status").asText());
        assertEquals(9, q.get("statements").size());
        assertEquals(1, q.get("statements").get(0).get("number").asInt());
        assertEquals(9, q.get("statements").get(8).get("number").asInt());
        assertEquals("I am helped to identify gaps in my practice skills and opportunities to learn", q.get("statements").get(8).get("label").asText());
        assertEquals(List.of("Very good", "Good", "Satisfactory", "Poor", "Very poor"), labels(q.get("options")));
        assertTrue(q.get("guidance").asText().startsWith("The primary purpose of supervision"));
        assertEquals("Your answers go to quality assurance. Your supervisor and their managers never see your answers or whether you "
                + "answered: they see only totals for groups of at least 5 people.", q.get("whoSeesAnswers").asText());

        Map<String, Object> body = answers(KEYS, "GOOD", "A comment only quality assurance reads");
        body.put("answers", new ArrayList<>((List<?>) body.get("answers")));
        @SuppressWarnings("unchecked") List<Map<String, String>> list = (List<Map<String, String>>) body.get("answers");
        list.set(2, Map.of("key", "s3", "value", "VERY_POOR"));
        Api.Response answered = api.raw("POST", "/api/v1/questionnaires/" + invitation + "/response", samToken, "application/json",
                Api.json(body), Map.of("Idempotency-Key", "part-two-" + invitation));
        assertEquals(201, answered.status(), answered.body());
        // The key is kept against the invitation, never a hash of the answers (5^9 bodies: a hash would give them away).
        assertEquals(uk.supervision.security.PasswordHasher.sha256("answerQuestionnaire\n\"" + invitation + "\""),
                fixtures.string("SELECT request_hash FROM idempotency_key WHERE operation = 'answerQuestionnaire' AND resource_id = ?", invitation));
        assertEquals(invitation, answered.json().get("invitationId").asText());
        assertTrue(answered.json().get("whoSeesAnswers").asText().contains("never see your answers"));

        // The invitation says it was answered; the response says by nobody and when never.
        assertNotNull(fixtures.string("SELECT answered_at FROM questionnaire_invitation WHERE id = ?", invitation));
        assertEquals("1", fixtures.string("SELECT version FROM questionnaire_invitation WHERE id = ?", invitation));
        List<String> columns = fixtures.strings("SELECT LOWER(column_name) FROM information_schema.columns WHERE LOWER(table_name) = 'questionnaire_response' "
                + "ORDER BY LOWER(column_name)");
        assertEquals(List.of("audit_id", "comment_text", "id", "organisation_id", "quarter", "service_id", "supervisor_id", "team_id", "template_id"),
                columns.stream().distinct().toList(), "no respondent and no time column");
        List<String> responses = fixtures.strings("SELECT id FROM questionnaire_response WHERE organisation_id = ?", world.org().id());
        assertEquals(1, responses.size());
        String response = responses.get(0);
        assertEquals('4', response.charAt(14), "a random (version 4) id, not a time-ordered one");
        assertEquals(priya.id(), fixtures.string("SELECT supervisor_id FROM questionnaire_response WHERE id = ?", response));
        assertEquals(world.teamA1().id(), fixtures.string("SELECT team_id FROM questionnaire_response WHERE id = ?", response));
        assertEquals(Quarter.of(LocalDate.now(ZoneId.of("Europe/London"))).toString(),
                fixtures.string("SELECT quarter FROM questionnaire_response WHERE id = ?", response));
        assertEquals("A comment only quality assurance reads", fixtures.string("SELECT comment_text FROM questionnaire_response WHERE id = ?", response));
        assertEquals(9, fixtures.count("SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = ?", response));
        assertEquals(8, fixtures.count("SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = ? AND rating = 2", response));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM questionnaire_answer WHERE response_id = ? AND item_key = 's3' AND rating = 5", response));
        // No log row says who answered (administrators search the log), and none names the answers or the response.
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", invitation));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ? OR summary LIKE ?", response, "%" + response + "%"));

        Api.Response again = api.post("/api/v1/questionnaires/" + invitation + "/response", samToken, answers(KEYS, "POOR", null));
        assertEquals(409, again.status(), again.body());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM questionnaire_response WHERE organisation_id = ?", world.org().id()));
        assertEquals(0, api.get("/api/v1/questionnaires", samToken).json().get("items").size(), "answered: no longer waiting");
        assertEquals("ANSWERED", api.get("/api/v1/questionnaires/" + invitation, samToken).json().get("status").asText());
    }

    @Test
    void onlyTheInviteeSeesOrAnswersIt() {
        Instant now = Instant.now();
        String invitation = invite(sam.staff(), priya.staff(), now, now.plus(Duration.ofDays(28)));
        for (World.Person other : List.of(priya, qa, world.person(world.teamA1(), "Hana", Role.SERVICE_MANAGER))) {
            String token = api.token(other.username(), Fixtures.PASSWORD);
            assertEquals(403, api.get("/api/v1/questionnaires/" + invitation, token).status());
            assertEquals(403, api.post("/api/v1/questionnaires/" + invitation + "/response", token, answers(KEYS, "GOOD", null)).status());
            assertEquals(0, api.get("/api/v1/questionnaires", token).json().get("items").size());
        }
        assertNull(fixtures.string("SELECT answered_at FROM questionnaire_invitation WHERE id = ?", invitation));
    }

    @Test
    void anExpiredQuestionnaireCannotBeAnswered() {
        Instant now = Instant.now();
        String invitation = invite(sam.staff(), priya.staff(), now.minus(Duration.ofDays(30)), now.minus(Duration.ofDays(2)));
        assertEquals("EXPIRED", api.get("/api/v1/questionnaires/" + invitation, samToken).json().get("status").asText());
        assertEquals(0, api.get("/api/v1/questionnaires", samToken).json().get("items").size());
        Api.Response r = api.post("/api/v1/questionnaires/" + invitation + "/response", samToken, answers(KEYS, "GOOD", null));
        assertEquals(422, r.status(), r.body());
        assertNull(fixtures.string("SELECT answered_at FROM questionnaire_invitation WHERE id = ?", invitation));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM questionnaire_response WHERE organisation_id = ?", world.org().id()));
    }

    @Test
    void everyStatementOnceWithOneOfTheFiveAnswers() {
        Instant now = Instant.now();
        String invitation = invite(sam.staff(), priya.staff(), now, now.plus(Duration.ofDays(28)));
        List<Map<String, String>> list = new ArrayList<>();
        for (String k : List.of("s1", "s2", "s3", "s4", "s5", "s6", "s1", "s99")) {
            list.add(Map.of("key", k, "value", "GOOD"));
        }
        Api.Response r = api.post("/api/v1/questionnaires/" + invitation + "/response", samToken, Map.of("answers", list));
        assertEquals(422, r.status(), r.body());
        Map<String, String> errors = new HashMap<>();
        r.json().get("errors").forEach(e -> errors.put(e.get("pointer").asText(), e.get("message").asText()));
        assertEquals(Map.of("/answers/6/key", "Statement 1 is answered twice: answer it once.",
                "/answers/7/key", "There is no statement s99 on this questionnaire.",
                "/answers", "Answer statements 7, 8, 9."), errors);
        Api.Response bad = api.post("/api/v1/questionnaires/" + invitation + "/response", samToken,
                Map.of("answers", List.of(Map.of("key", "s1", "value", "EXCELLENT"))));
        assertEquals(400, bad.status(), bad.body());
        assertEquals(400, api.post("/api/v1/questionnaires/" + invitation + "/response", samToken,
                answers(KEYS, "GOOD", "x".repeat(2001))).status(), "a comment of at most 2000 characters");
        assertNull(fixtures.string("SELECT answered_at FROM questionnaire_invitation WHERE id = ?", invitation));
        assertEquals(201, api.post("/api/v1/questionnaires/" + invitation + "/response", samToken, answers(KEYS, "VERY_GOOD", null)).status());
    }

    @Test
    void qualityAssuranceIssuesARoundToTheTeamsEligibleSupervisees() {
        World.Person ali = world.person(world.teamA1(), "Ali", Role.PRACTITIONER);
        world.supervise(priya.staff(), ali.staff());
        World.Person unsupervised = world.person(world.teamA1(), "Una", Role.PRACTITIONER);
        World.Person leaver = world.person(world.teamA1(), "Lee", Role.PRACTITIONER);
        world.supervise(priya.staff(), leaver.staff());
        fixtures.execute("UPDATE staff SET leaving_date = ? WHERE id = ?", java.sql.Date.valueOf(AuditRows.today().minusDays(1)), leaver.id());
        World.Person other = world.person(world.teamA2(), "Olu", Role.PRACTITIONER);
        world.supervise(priya.staff(), other.staff());
        Instant now = Instant.now();
        String open = invite(ali.staff(), priya.staff(), now, now.plus(Duration.ofDays(10)));
        String qaToken = api.token(qa.username(), Fixtures.PASSWORD);
        LocalDate expiresOn = AuditRows.today().plusDays(14);

        Api.Response issued = api.post("/api/v1/questionnaire-rounds", qaToken, Map.of("teamId", world.teamA1().id(), "expiresOn", expiresOn.toString()));
        assertEquals(201, issued.status(), issued.body());
        JsonNode round = issued.json();
        assertEquals(1, round.get("invitationCount").asInt(), "Sam only: Ali has one open, Una no supervisor, Lee has left, Olu another team");
        assertEquals(world.teamA1().id(), round.get("team").get("id").asText());
        String roundId = round.get("id").asText();
        assertEquals(List.of(sam.id()), fixtures.strings("SELECT invitee_staff_id FROM questionnaire_invitation WHERE round_id = ?", roundId));
        assertEquals(priya.id(), fixtures.string("SELECT supervisor_id FROM questionnaire_invitation WHERE round_id = ?", roundId));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM questionnaire_invitation WHERE round_id = ? AND expires_at = ?", roundId,
                Timestamp.from(expiresOn.plusDays(1).atStartOfDay(ZoneId.of("Europe/London")).toInstant())), "open to the end of the last day");
        assertEquals(1, fixtures.count("SELECT invitation_count FROM questionnaire_round WHERE id = ?", roundId));
        assertNotNull(open);

        Api.Response again = api.post("/api/v1/questionnaire-rounds", qaToken, Map.of("teamId", world.teamA1().id(), "expiresOn", expiresOn.toString()));
        assertEquals(422, again.status(), "nobody left to invite: " + again.body());
        Api.Response both = api.post("/api/v1/questionnaire-rounds", qaToken, Map.of("teamId", world.teamA1().id(),
                "serviceId", world.serviceA().id(), "expiresOn", expiresOn.toString()));
        assertEquals(422, both.status());
        assertEquals("/teamId", both.json().get("errors").get(0).get("pointer").asText());
        for (LocalDate day : List.of(AuditRows.today(), AuditRows.today().plusDays(91))) {
            Api.Response r = api.post("/api/v1/questionnaire-rounds", qaToken, Map.of("serviceId", world.serviceA().id(), "expiresOn", day.toString()));
            assertEquals(422, r.status(), r.body());
            assertEquals("/expiresOn", r.json().get("errors").get(0).get("pointer").asText());
        }
        Api.Response service = api.post("/api/v1/questionnaire-rounds", qaToken, Map.of("serviceId", world.serviceA().id(),
                "expiresOn", AuditRows.today().plusDays(90).toString()));
        assertEquals(201, service.status(), service.body());
        assertEquals(1, service.json().get("invitationCount").asInt(), "Olu in team A2");
        assertEquals(403, api.post("/api/v1/questionnaire-rounds", api.token(priya.username(), Fixtures.PASSWORD),
                Map.of("teamId", world.teamA2().id(), "expiresOn", expiresOn.toString())).status());
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM questionnaire_round WHERE organisation_id = ?", world.org().id()));

        JsonNode page = api.get("/api/v1/questionnaire-invitations?status=OPEN&limit=2", qaToken).json();
        assertEquals(2, page.get("items").size());
        assertEquals(open, page.get("items").get(0).get("id").asText(), "oldest first");
        JsonNode rest = api.get("/api/v1/questionnaire-invitations?status=OPEN&limit=2&cursor=" + page.get("nextCursor").asText(), qaToken).json();
        assertEquals(1, rest.get("items").size());
        assertFalse(rest.has("nextCursor"));
        assertEquals(403, api.get("/api/v1/questionnaire-invitations", samToken).status());
    }

    @Test
    void eachOpenInvitationIsRemindedOnce() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        World.Person ali = world.person(world.teamA1(), "Ali", Role.PRACTITIONER);
        World.Person bea = world.person(world.teamA1(), "Bea", Role.PRACTITIONER);
        World.Person cy = world.person(world.teamA1(), "Cy", Role.PRACTITIONER);
        String weekOld = invite(sam.staff(), priya.staff(), now.minus(Duration.ofDays(8)), now.plus(Duration.ofDays(20)));
        String closing = invite(ali.staff(), priya.staff(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(2)));
        String fresh = invite(bea.staff(), priya.staff(), now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)));
        String answered = invite(cy.staff(), priya.staff(), now.minus(Duration.ofDays(10)), now.plus(Duration.ofDays(20)));
        fixtures.execute("UPDATE questionnaire_invitation SET answered_at = ? WHERE id = ?", Timestamp.from(now.minus(Duration.ofDays(9))), answered);
        String expired = invite(bea.staff(), priya.staff(), now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(1)));

        int first = ReplayClock.at(now, reminders::run);
        assertTrue(first >= 2, "at least this organisation's two: " + first);
        String weekOldAt = fixtures.string("SELECT reminded_at FROM questionnaire_invitation WHERE id = ?", weekOld);
        assertNotNull(weekOldAt);
        assertNotNull(fixtures.string("SELECT reminded_at FROM questionnaire_invitation WHERE id = ?", closing));
        for (String not : List.of(fresh, answered, expired)) {
            assertNull(fixtures.string("SELECT reminded_at FROM questionnaire_invitation WHERE id = ?", not), not);
        }
        assertNotNull(api.get("/api/v1/questionnaires", samToken).json().get("items").get(0).get("remindedAt"));

        // A week later the fresh one is due; the others are not reminded again.
        ReplayClock.at(now.plus(Duration.ofDays(7)), reminders::run);
        assertEquals(weekOldAt, fixtures.string("SELECT reminded_at FROM questionnaire_invitation WHERE id = ?", weekOld));
        assertEquals("1", fixtures.string("SELECT version FROM questionnaire_invitation WHERE id = ?", weekOld));
        assertNotNull(fixtures.string("SELECT reminded_at FROM questionnaire_invitation WHERE id = ?", fresh));
    }

    static List<String> ids(JsonNode items, String field) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get(field).asText()));
        return out;
    }

    static List<String> labels(JsonNode options) {
        List<String> out = new ArrayList<>();
        options.forEach(o -> out.add(o.get("label").asText()));
        return out;
    }
}

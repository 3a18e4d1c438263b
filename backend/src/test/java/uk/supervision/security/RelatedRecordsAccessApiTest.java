package uk.supervision.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import uk.supervision.account.Account;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World.Person;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Operations that return records nested in or related to the one asked for check each of them on its
 * own: reading one record never opens the records linked to it.
 */
@MicronautTest(transactional = false)
class RelatedRecordsAccessApiTest extends ApiTest {
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    // ---- agreement versions

    @Test
    void aFormerSupervisorReadsOnlyTheVersionsTheyMayReadThroughTheChain() {
        Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        Person olga = world.person(world.teamA1(), "Olga", Role.SUPERVISOR);
        Person nora = world.person(world.teamA1(), "Nora", Role.SUPERVISOR);
        var former = fixtures.supervise(olga.staff(), sam.staff(), today.minusMonths(8));
        fixtures.execute("UPDATE supervision_relation SET to_date = ? WHERE id = ?", java.sql.Date.valueOf(today.minusMonths(1)), former.id());
        fixtures.supervise(nora.staff(), sam.staff(), today.minusMonths(1).plusDays(1));
        String old = fixtures.agreement(world.org(), sam.staff(), olga.staff(), "SUPERSEDED");
        String next = fixtures.agreementVersion(world.org(), sam.staff(), nora.staff(), "DRAFT", old);
        assertEquals(2, fixtures.count("SELECT version_number FROM agreement WHERE id = ?", next));

        String olgas = api.token(olga.username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/agreements/" + next, olgas).status(), "the new version is not Olga's to read");
        Api.Response throughOld = api.get("/api/v1/agreements/" + old + "/versions", olgas);
        assertEquals(200, throughOld.status(), throughOld.body());
        assertEquals(List.of(old), idsOf(throughOld.json().get("items")), "only the version she was party to");
        assertFalse(throughOld.body().contains(next), "nothing of the new version: " + throughOld.body());
        Api.Response throughNew = api.get("/api/v1/agreements/" + next + "/versions", olgas);
        assertEquals(403, throughNew.status(), throughNew.body());

        // The parties of today read the whole chain.
        String samsToken = api.token(sam.username(), Fixtures.PASSWORD);
        assertEquals(List.of(old, next), idsOf(api.get("/api/v1/agreements/" + old + "/versions", samsToken).json().get("items")));
        String norasToken = api.token(nora.username(), Fixtures.PASSWORD);
        assertEquals(List.of(old, next), idsOf(api.get("/api/v1/agreements/" + next + "/versions", norasToken).json().get("items")));
    }

    // ---- a group session's record

    @Test
    void inAGroupSessionEachPractitionerSeesOnlyTheirOwnOpenActions() {
        Person lead = world.person(world.teamA1(), "Lena", Role.SUPERVISOR);
        Person amir = world.person(world.teamA1(), "Amir", Role.PRACTITIONER);
        Person beth = world.person(world.teamA1(), "Beth", Role.PRACTITIONER);
        world.supervise(lead.staff(), amir.staff());
        world.supervise(lead.staff(), beth.staff());
        String amirs = fixtures.action(world.org(), amir.staff());
        String beths = fixtures.action(world.org(), beth.staff());
        String leadToken = api.token(lead.username(), Fixtures.PASSWORD);
        String record = "/api/v1/sessions/" + heldGroupSession(leadToken, amir.staff(), beth.staff()) + "/record";

        assertEquals(List.of(amirs), openActions(record, api.token(amir.username(), Fixtures.PASSWORD)));
        assertEquals(List.of(beths), openActions(record, api.token(beth.username(), Fixtures.PASSWORD)));
        assertEquals(sorted(amirs, beths), sorted(openActions(record, leadToken).toArray(String[]::new)), "their supervisor sees both");
    }

    @Test
    void aPractitionerCannotReviewAnotherParticipantsActionThroughTheGroupRecord() {
        Person lead = world.person(world.teamA1(), "Lena", Role.SUPERVISOR);
        Person amir = world.person(world.teamA1(), "Amir", Role.PRACTITIONER);
        Person beth = world.person(world.teamA1(), "Beth", Role.PRACTITIONER);
        world.supervise(lead.staff(), amir.staff());
        world.supervise(lead.staff(), beth.staff());
        String beths = fixtures.action(world.org(), beth.staff());
        String record = "/api/v1/sessions/" + heldGroupSession(api.token(lead.username(), Fixtures.PASSWORD), amir.staff(), beth.staff()) + "/record";
        String amirsToken = api.token(amir.username(), Fixtures.PASSWORD);

        Api.Response r = api.put(record, amirsToken, Map.of("entries", List.of(), "personalIssuesDiscussed", false,
                "actionReviews", List.of(Map.of("actionId", beths, "outcome", "NO_LONGER_NEEDED", "note", "Not needed"))),
                api.get(record, amirsToken).header("ETag"));
        assertEquals(422, r.status(), r.body());
        assertEquals("[]", fixtures.string("SELECT action_reviews_json FROM session_record WHERE session_id = ?", record.split("/")[4]),
                "nothing stored");
    }

    @Test
    void acrossServicesAManagerSeesOnlyTheirOwnActionsInAGroupSessionTheHeadOfServiceRan() {
        Staff mariaStaff = world.worker(world.teamA1(), "Maria", "ManagerA");
        Account maria = fixtures.account(world.org(), mariaStaff, world.serviceA().id(), Role.SERVICE_MANAGER);
        Staff tomStaff = world.worker(world.teamB1(), "Tom", "ManagerB");
        Account tom = fixtures.account(world.org(), tomStaff, world.serviceB().id(), Role.SERVICE_MANAGER);
        String marias = fixtures.action(world.org(), mariaStaff);
        String toms = fixtures.action(world.org(), tomStaff);
        // Hadley's head-of-service role covers the organisation (no service), so she may arrange for both.
        Account hadley = fixtures.account(world.org(), world.worker(world.teamA1(), "Hadley", "Org"), null, Role.HEAD_OF_SERVICE);
        String headToken = api.token(hadley.username(), Fixtures.PASSWORD);
        String record = "/api/v1/sessions/" + heldGroupSession(headToken, mariaStaff, tomStaff) + "/record";

        assertEquals(List.of(marias), openActions(record, api.token(maria.username(), Fixtures.PASSWORD)));
        assertEquals(List.of(toms), openActions(record, api.token(tom.username(), Fixtures.PASSWORD)));
        assertEquals(sorted(marias, toms), sorted(openActions(record, headToken).toArray(String[]::new)));
    }

    // ---- people listed through a supervision relation alone

    @Test
    void aSupervisionRelationWithoutASupervisingRoleShowsNoOneOnTheDashboardOrInMe() {
        Person senior = world.person(world.teamA1(), "Pat", Role.PRACTITIONER);
        Staff junior = world.worker(world.teamA1(), "June", "Junior");
        world.supervise(senior.staff(), junior);
        String token = api.token(senior.username(), Fixtures.PASSWORD);
        assertEquals(403, api.get("/api/v1/staff/" + junior.id(), token).status(), "the record itself is refused");

        Api.Response dashboard = api.get("/api/v1/dashboards/my-supervisees", token);
        assertEquals(200, dashboard.status(), dashboard.body());
        assertEquals(0, dashboard.json().get("items").size(), "nobody's record through the dashboard: " + dashboard.body());
        Api.Response me = api.get("/api/v1/me", token);
        assertEquals(200, me.status(), me.body());
        assertEquals(0, me.json().get("supervisees").size(), "nobody's record through /me: " + me.body());

        // With the role, the same relation shows the person in both.
        Account withRole = fixtures.account(world.org(), senior.staff(), null, Role.SUPERVISOR);
        String supervisorToken = api.token(withRole.username(), Fixtures.PASSWORD);
        assertEquals(1, api.get("/api/v1/dashboards/my-supervisees", supervisorToken).json().get("items").size());
        assertEquals(1, api.get("/api/v1/me", supervisorToken).json().get("supervisees").size());
    }

    // ---- helpers

    /** A group session led by the caller, held today, with an empty record. */
    private String heldGroupSession(String leadToken, Staff... supervisees) {
        List<String> ids = new ArrayList<>();
        for (Staff s : supervisees) {
            ids.add(s.id());
        }
        Api.Response planned = api.post("/api/v1/sessions", leadToken, Map.of("superviseeIds", ids, "date", today.toString(),
                "startTime", "00:00", "plannedMinutes", 90, "location", "Room 2"));
        assertEquals(201, planned.status(), planned.body());
        String id = planned.json().get("items").get(0).get("id").asText();
        Api.Response held = api.post("/api/v1/sessions/" + id + "/held", leadToken, Map.of("actualMinutes", 90),
                api.get("/api/v1/sessions/" + id, leadToken).header("ETag"));
        assertEquals(200, held.status(), held.body());
        return id;
    }

    private List<String> openActions(String recordUrl, String token) {
        Api.Response r = api.get(recordUrl, token);
        assertEquals(200, r.status(), r.body());
        JsonNode record = r.json();
        return idsOf(record.get("openActions"));
    }

    private static List<String> sorted(String... ids) {
        return java.util.Arrays.stream(ids).sorted().toList();
    }
}

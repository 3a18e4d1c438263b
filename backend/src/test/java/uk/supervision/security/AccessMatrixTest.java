package uk.supervision.security;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.supervision.account.Account;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may do what to which staff record, as one table: operation x role x relation of the record to
 * the caller -> Y (allowed), N (403, or absent from lists), X (another organisation: 404, or absent),
 * - (no such relation for this role: the account has no staff record). Each cell is a real request.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** The rules. Change a rule here and in AccessPolicy, never only in one. */
    static final String MATRIX = """
            operation role             SELF SUPERVISEE SAME_SERVICE OTHER_SERVICE OTHER_ORGANISATION
            READ      PRACTITIONER     Y    N          N            N             X
            READ      SUPERVISOR       Y    Y          N            N             X
            READ      SERVICE_MANAGER  Y    Y          Y            N             X
            READ      HEAD_OF_SERVICE  Y    Y          Y            Y             X
            READ      QA_AUDITOR       Y    Y          Y            Y             X
            READ      HR               Y    Y          Y            Y             X
            READ      ELECTED_MEMBER   -    -          N            N             X
            READ      ADMIN            -    -          Y            Y             X
            LIST      PRACTITIONER     Y    N          N            N             X
            LIST      SUPERVISOR       Y    Y          N            N             X
            LIST      SERVICE_MANAGER  Y    Y          Y            N             X
            LIST      HEAD_OF_SERVICE  Y    Y          Y            Y             X
            LIST      QA_AUDITOR       Y    Y          Y            Y             X
            LIST      HR               Y    Y          Y            Y             X
            LIST      ELECTED_MEMBER   -    -          N            N             X
            LIST      ADMIN            -    -          Y            Y             X
            HISTORY   PRACTITIONER     Y    N          N            N             X
            HISTORY   SUPERVISOR       Y    Y          N            N             X
            HISTORY   SERVICE_MANAGER  Y    Y          Y            N             X
            HISTORY   HEAD_OF_SERVICE  Y    Y          Y            Y             X
            HISTORY   QA_AUDITOR       Y    Y          Y            Y             X
            HISTORY   HR               Y    Y          Y            Y             X
            HISTORY   ELECTED_MEMBER   -    -          N            N             X
            HISTORY   ADMIN            -    -          Y            Y             X
            UPDATE    PRACTITIONER     N    N          N            N             X
            UPDATE    SUPERVISOR       N    N          N            N             X
            UPDATE    SERVICE_MANAGER  N    N          N            N             X
            UPDATE    HEAD_OF_SERVICE  N    N          N            N             X
            UPDATE    QA_AUDITOR       N    N          N            N             X
            UPDATE    HR               Y    Y          Y            Y             X
            UPDATE    ELECTED_MEMBER   -    -          N            N             X
            UPDATE    ADMIN            -    -          Y            Y             X
            LEAVE     PRACTITIONER     N    N          N            N             X
            LEAVE     SUPERVISOR       N    N          N            N             X
            LEAVE     SERVICE_MANAGER  N    N          N            N             X
            LEAVE     HEAD_OF_SERVICE  N    N          N            N             X
            LEAVE     QA_AUDITOR       N    N          N            N             X
            LEAVE     HR               -    Y          Y            Y             X
            LEAVE     ELECTED_MEMBER   -    -          N            N             X
            LEAVE     ADMIN            -    -          Y            Y             X
            MOVE      PRACTITIONER     N    N          N            N             X
            MOVE      SUPERVISOR       N    N          N            N             X
            MOVE      SERVICE_MANAGER  Y    Y          Y            N             X
            MOVE      HEAD_OF_SERVICE  Y    Y          Y            Y             X
            MOVE      QA_AUDITOR       N    N          N            N             X
            MOVE      HR               Y    Y          Y            Y             X
            MOVE      ELECTED_MEMBER   -    -          N            N             X
            MOVE      ADMIN            -    -          Y            Y             X
            """;

    /**
     * Supervision agreements, by the agreement's relation to the caller: the caller is its supervisee, its
     * supervisor, a manager above the supervisor (BELOW_ME), or it is between others in the caller's
     * service, in another service, or in another organisation.
     */
    static final String AGREEMENT_MATRIX = """
            operation role             AS_SUPERVISEE AS_SUPERVISOR BELOW_ME SAME_SERVICE OTHER_SERVICE OTHER_ORGANISATION
            READ      PRACTITIONER     Y             -             -        N            N             X
            READ      SUPERVISOR       Y             Y             Y        N            N             X
            READ      SERVICE_MANAGER  Y             Y             Y        Y            N             X
            READ      HEAD_OF_SERVICE  Y             Y             Y        Y            Y             X
            READ      QA_AUDITOR       Y             -             -        Y            Y             X
            READ      HR               Y             -             -        N            N             X
            READ      ELECTED_MEMBER   -             -             -        N            N             X
            READ      ADMIN            -             -             -        N            N             X
            SIGN      PRACTITIONER     Y             -             -        N            N             X
            SIGN      SUPERVISOR       Y             Y             N        N            N             X
            SIGN      SERVICE_MANAGER  Y             Y             N        N            N             X
            SIGN      HEAD_OF_SERVICE  Y             Y             N        N            N             X
            SIGN      QA_AUDITOR       Y             -             -        N            N             X
            SIGN      HR               Y             -             -        N            N             X
            SIGN      ELECTED_MEMBER   -             -             -        N            N             X
            SIGN      ADMIN            -             -             -        N            N             X
            """;

    enum Relation { SELF, SUPERVISEE, SAME_SERVICE, OTHER_SERVICE, OTHER_ORGANISATION }

    /** Sessions (read, postpone) and actions (change), by the same relations as agreements. */
    static final String SESSION_AND_ACTION_MATRIX = """
            operation     role             AS_SUPERVISEE AS_SUPERVISOR BELOW_ME SAME_SERVICE OTHER_SERVICE OTHER_ORGANISATION
            READ_SESSION  PRACTITIONER     Y             -             -        N            N             X
            READ_SESSION  SUPERVISOR       Y             Y             Y        N            N             X
            READ_SESSION  SERVICE_MANAGER  Y             Y             Y        Y            N             X
            READ_SESSION  HEAD_OF_SERVICE  Y             Y             Y        Y            Y             X
            READ_SESSION  QA_AUDITOR       Y             -             -        Y            Y             X
            READ_SESSION  HR               Y             -             -        N            N             X
            READ_SESSION  ELECTED_MEMBER   -             -             -        N            N             X
            READ_SESSION  ADMIN            -             -             -        N            N             X
            POSTPONE      PRACTITIONER     Y             -             -        N            N             X
            POSTPONE      SUPERVISOR       Y             Y             N        N            N             X
            POSTPONE      SERVICE_MANAGER  Y             Y             N        N            N             X
            POSTPONE      HEAD_OF_SERVICE  Y             Y             N        N            N             X
            POSTPONE      QA_AUDITOR       Y             -             -        N            N             X
            POSTPONE      HR               Y             -             -        N            N             X
            POSTPONE      ELECTED_MEMBER   -             -             -        N            N             X
            POSTPONE      ADMIN            -             -             -        N            N             X
            CHANGE_ACTION PRACTITIONER     Y             -             -        N            N             X
            CHANGE_ACTION SUPERVISOR       Y             Y             Y        N            N             X
            CHANGE_ACTION SERVICE_MANAGER  Y             Y             Y        Y            N             X
            CHANGE_ACTION HEAD_OF_SERVICE  Y             Y             Y        Y            Y             X
            CHANGE_ACTION QA_AUDITOR       Y             -             -        N            N             X
            CHANGE_ACTION HR               Y             -             -        N            N             X
            CHANGE_ACTION ELECTED_MEMBER   -             -             -        N            N             X
            CHANGE_ACTION ADMIN            -             -             -        N            N             X
            """;

    enum RecordRelation { AS_SUPERVISEE, AS_SUPERVISOR, BELOW_ME, SAME_SERVICE, OTHER_SERVICE, OTHER_ORGANISATION }

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    Api api;
    World world;
    World elsewhere;
    Staff newSupervisor;
    final Map<Role, Caller> callers = new EnumMap<>(Role.class);

    record Caller(Role role, Staff staff, String token) {
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        world = fixtures.organisation();
        elsewhere = fixtures.organisation();
        newSupervisor = world.worker(world.teamA1(), "Nora", "Newsupervisor");
        for (Role role : Role.values()) {
            boolean hasStaffRecord = role != Role.ELECTED_MEMBER && role != Role.ADMIN;
            Staff staff = hasStaffRecord ? world.worker(world.teamA1(), role.name().toLowerCase(), "Caller") : null;
            // Service managers manage service A; the head of service has the whole organisation.
            String scope = role == Role.HEAD_OF_SERVICE ? null : world.serviceA().id();
            Account account = fixtures.account(world.org(), staff, scope, role);
            callers.put(role, new Caller(role, staff, api.token(account.username(), Fixtures.PASSWORD)));
        }
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = MATRIX.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split("\\s+");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            String operation = cells[0];
            Role role = Role.valueOf(cells[1]);
            for (int i = 2; i < cells.length; i++) {
                Relation relation = Relation.valueOf(header[i]);
                String expected = cells[i];
                if (expected.equals("-")) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(operation + " " + role + " " + relation + " -> " + expected,
                        () -> check(operation, callers.get(role), relation, expected)));
            }
        }
        assertEquals(8 * 6 * 5 - 2 * 6 * 2 - 1, tests.size(), "every role, operation and relation is covered");
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> sessionAndActionMatrix() {
        return recordTests(SESSION_AND_ACTION_MATRIX, this::checkSessionOrAction);
    }

    @TestFactory
    Stream<DynamicTest> agreementMatrix() {
        return recordTests(AGREEMENT_MATRIX, this::checkAgreement);
    }

    interface RecordCheck {
        void check(String operation, Caller caller, RecordRelation relation, String expected);
    }

    private Stream<DynamicTest> recordTests(String matrix, RecordCheck check) {
        List<DynamicTest> tests = new ArrayList<>();
        List<String> lines = matrix.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        String[] header = lines.get(0).split("\\s+");
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split("\\s+");
            Role role = Role.valueOf(cells[1]);
            for (int i = 2; i < cells.length; i++) {
                if (cells[i].equals("-")) {
                    continue;
                }
                RecordRelation relation = RecordRelation.valueOf(header[i]);
                String operation = cells[0];
                String expected = cells[i];
                tests.add(DynamicTest.dynamicTest(operation + " " + role + " " + relation + " -> " + expected,
                        () -> check.check(operation, callers.get(role), relation, expected)));
            }
        }
        return tests.stream();
    }

    private void checkSessionOrAction(String operation, Caller caller, RecordRelation relation, String expected) {
        Staff[] pair = parties(caller, relation);
        var org = relation == RecordRelation.OTHER_ORGANISATION ? elsewhere.org() : world.org();
        Api.Response response;
        String id;
        switch (operation) {
            case "READ_SESSION" -> {
                id = fixtures.session(org, pair[0], pair[1]);
                response = api.get("/api/v1/sessions/" + id, caller.token());
            }
            case "POSTPONE" -> {
                id = fixtures.session(org, pair[0], pair[1]);
                response = api.post("/api/v1/sessions/" + id + "/postponement", caller.token(), Map.of("reason", "Court"), "\"v1\"");
            }
            case "CHANGE_ACTION" -> {
                id = fixtures.action(org, pair[0]);
                response = api.put("/api/v1/actions/" + id, caller.token(), Map.of("ownerId", pair[0].id(), "text", "Changed",
                        "dueDate", LocalDate.now().toString(), "status", "OPEN"), "\"v1\"");
            }
            default -> throw new IllegalArgumentException(operation);
        }
        int expectedStatus = switch (expected) {
            case "Y" -> 200;
            case "N" -> 403;
            default -> 404;
        };
        assertEquals(expectedStatus, response.status(), response.toString());
        if (operation.equals("POSTPONE")) {
            assertEquals(expectedStatus == 200 ? "POSTPONED" : "PLANNED", fixtures.string("SELECT status FROM supervision_session WHERE id = ?", id));
        }
        if (operation.equals("CHANGE_ACTION")) {
            assertEquals(expectedStatus == 200 ? "Changed" : "Update the chronology", fixtures.string("SELECT text FROM supervision_action WHERE id = ?", id));
        }
    }

    /** A supervisee and their supervisor in that relation to the caller; the supervisor is supervising them today. */
    private Staff[] parties(Caller caller, RecordRelation relation) {
        String tag = String.valueOf(Math.abs(Fixtures.unique("p").hashCode()));
        return switch (relation) {
            case AS_SUPERVISEE -> {
                Staff supervisor = world.worker(world.teamA1(), "Their", "Supervisor" + tag);
                world.supervise(supervisor, caller.staff());
                yield new Staff[]{caller.staff(), supervisor};
            }
            case AS_SUPERVISOR -> {
                Staff supervisee = world.worker(world.teamA1(), "My", "Supervisee" + tag);
                world.supervise(caller.staff(), supervisee);
                yield new Staff[]{supervisee, caller.staff()};
            }
            case BELOW_ME -> {
                Staff deputy = world.worker(world.teamA1(), "Deputy", "Below" + tag);
                Staff worker = world.worker(world.teamA1(), "Worker", "Below" + tag);
                world.supervise(caller.staff(), deputy);
                world.supervise(deputy, worker);
                yield new Staff[]{worker, deputy};
            }
            case SAME_SERVICE -> pair(world, world.teamA2(), "Same" + tag);
            case OTHER_SERVICE -> pair(world, world.teamB1(), "Other" + tag);
            case OTHER_ORGANISATION -> pair(elsewhere, elsewhere.teamA1(), "Far" + tag);
        };
    }

    private static Staff[] pair(World w, uk.supervision.team.Team team, String name) {
        Staff supervisee = w.worker(team, "Supervisee", name);
        Staff supervisor = w.worker(team, "Supervisor", name);
        w.supervise(supervisor, supervisee);
        return new Staff[]{supervisee, supervisor};
    }

    private void checkAgreement(String operation, Caller caller, RecordRelation relation, String expected) {
        String status = operation.equals("SIGN") ? "AWAITING_SIGNATURES" : "ACTIVE";
        String id = agreement(caller, relation, status);
        String url = "/api/v1/agreements/" + id;
        Api.Response response = operation.equals("READ") ? api.get(url, caller.token())
                : api.post(url + "/signatures", caller.token(), null, "\"v1\"");
        int expectedStatus = switch (expected) {
            case "Y" -> 200;
            case "N" -> 403;
            default -> 404;
        };
        assertEquals(expectedStatus, response.status(), response.toString());
        if (operation.equals("SIGN")) {
            assertEquals(expectedStatus == 200 ? 1 : 0, fixtures.count("SELECT COUNT(*) FROM agreement_signature WHERE agreement_id = ?", id),
                    "a signature is stored only when allowed");
        }
    }

    /** A fresh agreement between two people in that relation to the caller. */
    private String agreement(Caller caller, RecordRelation relation, String status) {
        Staff[] pair = parties(caller, relation);
        return fixtures.agreement(relation == RecordRelation.OTHER_ORGANISATION ? elsewhere.org() : world.org(), pair[0], pair[1], status);
    }

    private void check(String operation, Caller caller, Relation relation, String expected) {
        Staff target = target(caller, relation, !operation.equals("READ") && !operation.equals("LIST") && !operation.equals("HISTORY"));
        String path = "/api/v1/staff/" + target.id();
        Api.Response response = switch (operation) {
            case "READ" -> api.get(path, caller.token());
            case "HISTORY" -> api.get(path + "/history", caller.token());
            case "LIST" -> api.get("/api/v1/staff?limit=200&q=" + target.familyName(), caller.token());
            case "UPDATE" -> api.put(path, caller.token(), editable(target, "Updated"), etag(target));
            case "LEAVE" -> api.post(path + "/leaving", caller.token(), Map.of("leavingDate", LocalDate.now().toString()), etag(target));
            case "MOVE" -> api.post(path + "/moves", caller.token(),
                    Map.of("effectiveDate", LocalDate.now().toString(), "supervisorId", newSupervisor.id()), etag(target));
            default -> throw new IllegalArgumentException(operation);
        };
        if (operation.equals("LIST")) {
            boolean listed = response.status() == 200 && contains(response.json().get("items"), target.id());
            assertTrue(response.status() == 200 || response.status() == 403, response.toString());
            assertEquals(expected.equals("Y"), listed, "listed? " + response);
            return;
        }
        int status = switch (expected) {
            case "Y" -> 200;
            case "N" -> 403;
            default -> 404;
        };
        assertEquals(status, response.status(), response.toString());
        if (status != 200) {
            assertTrue(response.contentType().startsWith("application/problem+json"));
        }
        if (operation.equals("UPDATE")) {
            String family = fixtures.string("SELECT family_name FROM staff WHERE id = ?", target.id());
            assertEquals(status == 200, family.equals("Updated"), "the database shows the change only when it was allowed");
        }
        if (operation.equals("LEAVE")) {
            assertEquals(status == 200, fixtures.string("SELECT leaving_date FROM staff WHERE id = ?", target.id()) != null);
        }
        if (operation.equals("MOVE")) {
            assertEquals(status == 200 ? 1 : 0, fixtures.count("SELECT COUNT(*) FROM supervision_relation WHERE supervisee_id = ? "
                    + "AND supervisor_id = ?", target.id(), newSupervisor.id()));
        }
    }

    /** The record in that relation to the caller; a fresh one for changes so cells never interfere. */
    private Staff target(Caller caller, Relation relation, boolean fresh) {
        return switch (relation) {
            case SELF -> caller.staff();
            case SUPERVISEE -> {
                Staff s = world.worker(world.teamA1(), "Supervisee", "Of" + caller.role().name().charAt(0) + Fixtures.unique("s").hashCode());
                world.supervise(caller.staff(), s);
                yield s;
            }
            case SAME_SERVICE -> world.worker(world.teamA2(), "Colleague", "Same" + Math.abs(Fixtures.unique("c").hashCode()));
            case OTHER_SERVICE -> world.worker(world.teamB1(), "Colleague", "Other" + Math.abs(Fixtures.unique("o").hashCode()));
            case OTHER_ORGANISATION -> elsewhere.worker(elsewhere.teamA1(), "Stranger", "Elsewhere" + Math.abs(Fixtures.unique("e").hashCode()));
        };
    }

    private String etag(Staff target) {
        return "\"v" + fixtures.string("SELECT version FROM staff WHERE id = ?", target.id()) + "\"";
    }

    private static Map<String, Object> editable(Staff s, String familyName) {
        return Map.of("givenName", s.givenName(), "familyName", familyName, "email", s.email(), "jobTitle", s.jobTitle(),
                "category", s.category(), "employmentType", s.employmentType(), "weeklyHours", s.weeklyHours(),
                "employmentStartDate", s.employmentStartDate().toString(), "postStartDate", s.postStartDate().toString(),
                "carriesCaseload", s.carriesCaseload());
    }

    private static boolean contains(JsonNode items, String id) {
        for (JsonNode item : items) {
            if (item.get("id").asText().equals(id)) {
                return true;
            }
        }
        return false;
    }
}

package uk.supervision.security;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import uk.supervision.account.Account;
import uk.supervision.account.RoleGrant;
import uk.supervision.api.model.Role;
import uk.supervision.security.AccessMatrix.Caller;
import uk.supervision.security.AccessMatrix.Cell;
import uk.supervision.security.AccessMatrix.Relation;
import uk.supervision.staff.Staff;
import uk.supervision.support.Ids;
import uk.supervision.testing.Api;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call which operation on which record, as tables: every operation of openapi.yaml has rows here
 * (the build fails otherwise, see {@link #everyOperationOfTheContractHasRowsForEveryCaller}), and every
 * cell is a real request over HTTP by a freshly made caller, so no cell depends on another.
 *
 * <p>Callers: PRAC practitioner, SUP supervisor, SM service manager (of service A), HOS head of service
 * (the whole organisation), QA quality-assurance auditor, HR, EM elected member, ADMIN administrator (EM and
 * ADMIN have no staff record), C_READ / C_WRITE a machine client holding only staff.read / only staff.write
 * (each is the client "without the scope" for the other kind of operation), ANON no credentials. Every
 * person with a staff record works in team A1 of service A.
 *
 * <p>Relations of the record's person to the caller: SELF; SUPERVISEE (the caller supervises them); BELOW
 * (supervised by the caller's supervisee); FORMER (the caller supervised them until two months ago; someone
 * else does now); SAME_TEAM (A1); OTHER_TEAM (A2, same service); ABOVE (the caller's own supervisor);
 * OTHER_SERVICE (B1); OTHER_ORG (another organisation). A record operation acts on that person's record, or
 * on a supervision record (agreement, session, action) about them with their current supervisor.
 *
 * <p>Cells: Y allowed (2xx; for a list, the record is in it), N refused (403; for a list, absent), R refused outright
 * (403 exactly, never a list without the record: a caller who may list none of the kind, such as an elected member), X another
 * organisation's (404, or 422 "no such person in your organisation" when its id is in the body; for a list,
 * absent), U unauthenticated (401), - no such relation for this caller.
 *
 * <p>To add an operation: a row per caller in its feature's table (or one line in a caller-column table for
 * an operation on no particular person), and one {@code probe} line in {@link #probes()} saying how to call
 * it and, for a change, what in the database shows it happened. For example, a person's own activity
 * ({@code GET /me/activity}) is one line in PUBLIC_AND_ACCOUNT plus
 * {@code p.put("listMyActivity", read(c -> api.get("/api/v1/me/activity", c.token())));}; a search of the log
 * over a person's records is eleven rows in a table with relation columns plus
 * {@code p.put("searchActivity", list(c -> api.get("/api/v1/activity?personId=" + c.person().id(), c.token()), c -> ...));}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    /** Operations on no particular person: one line each, a column per caller. */
    static final String PUBLIC_AND_ACCOUNT = """
            operation                 PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            getHealth                 Y    Y   Y   Y   Y   Y   Y   Y     Y      Y       Y
            signIn                    Y    Y   Y   Y   Y   Y   Y   Y     Y      Y       Y
            refreshToken              Y    Y   Y   Y   Y   Y   Y   Y     Y      Y       Y
            issueClientToken          Y    Y   Y   Y   Y   Y   Y   Y     Y      Y       Y
            signOut                   Y    Y   Y   Y   Y   Y   Y   Y     N      N       U
            getMe                     Y    Y   Y   Y   Y   Y   Y   Y     N      N       U
            listMyActivity            Y    Y   Y   Y   Y   Y   Y   Y     N      N       U
            searchActivity            N    N   N   N   Y   N   N   Y     N      N       U
            exportActivity            N    N   N   N   Y   N   N   Y     N      N       U
            verifyIntegrity           N    N   N   N   Y   N   N   Y     N      N       U
            """;

    static final String ORGANISATION = """
            operation                 PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            listServices              Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            createService             N    N   N   N   N   N   N   Y     N      N       U
            listTeams                 Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            getTeam                   Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            createTeam                N    N   N   N   N   N   N   Y     N      N       U
            listPolicyProfiles        Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            getPolicyProfile          Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            getPolicyTemplate         Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            getOrganisationPolicy     Y    Y   Y   Y   Y   Y   Y   Y     Y      N       U
            updateOrganisationPolicy  N    N   N   N   N   N   N   Y     N      N       U
            listMachineClients        N    N   N   N   N   N   N   Y     N      N       U
            registerMachineClient     N    N   N   N   N   N   N   Y     N      N       U
            createStaff               N    N   N   N   N   Y   N   Y     N      Y       U
            grantRole                 N    N   N   N   N   N   N   Y     N      N       U
            removeRoleGrant           N    N   N   N   N   N   N   Y     N      N       U
            disableAccount            N    N   N   N   N   N   N   Y     N      N       U
            """;

    /** Staff records: the person in that relation to the caller. */
    static final String STAFF = """
            operation                  caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            getStaff                   PRAC    Y    N          N     N      N         N          N     N             X
            getStaff                   SUP     Y    Y          Y     N      N         N          N     N             X
            getStaff                   SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getStaff                   HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getStaff                   QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getStaff                   HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            getStaff                   EM      -    -          -     -      N         N          -     N             X
            getStaff                   ADMIN   -    -          -     -      Y         Y          -     Y             X
            getStaff                   C_READ  -    -          -     -      Y         Y          -     Y             X
            getStaff                   C_WRITE -    -          -     -      N         N          -     N             X
            getStaff                   ANON    -    -          -     -      U         U          -     U             U
            getStaffHistory            PRAC    Y    N          N     N      N         N          N     N             X
            getStaffHistory            SUP     Y    Y          Y     N      N         N          N     N             X
            getStaffHistory            SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getStaffHistory            HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getStaffHistory            QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getStaffHistory            HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            getStaffHistory            EM      -    -          -     -      N         N          -     N             X
            getStaffHistory            ADMIN   -    -          -     -      Y         Y          -     Y             X
            getStaffHistory            C_READ  -    -          -     -      Y         Y          -     Y             X
            getStaffHistory            C_WRITE -    -          -     -      N         N          -     N             X
            getStaffHistory            ANON    -    -          -     -      U         U          -     U             U
            getSupervisionSchedule     PRAC    Y    N          N     N      N         N          N     N             X
            getSupervisionSchedule     SUP     Y    Y          Y     N      N         N          N     N             X
            getSupervisionSchedule     SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getSupervisionSchedule     HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getSupervisionSchedule     QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getSupervisionSchedule     HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            getSupervisionSchedule     EM      -    -          -     -      N         N          -     N             X
            getSupervisionSchedule     ADMIN   -    -          -     -      Y         Y          -     Y             X
            getSupervisionSchedule     C_READ  -    -          -     -      N         N          -     N             N
            getSupervisionSchedule     C_WRITE -    -          -     -      N         N          -     N             N
            getSupervisionSchedule     ANON    -    -          -     -      U         U          -     U             U
            listStaff                  PRAC    Y    N          N     N      N         N          N     N             X
            listStaff                  SUP     Y    Y          Y     N      N         N          N     N             X
            listStaff                  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listStaff                  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listStaff                  QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listStaff                  HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            listStaff                  EM      -    -          -     -      N         N          -     N             N
            listStaff                  ADMIN   -    -          -     -      Y         Y          -     Y             X
            listStaff                  C_READ  -    -          -     -      Y         Y          -     Y             X
            listStaff                  C_WRITE -    -          -     -      N         N          -     N             N
            listStaff                  ANON    -    -          -     -      U         U          -     U             U
            updateStaff                PRAC    N    N          N     N      N         N          N     N             X
            updateStaff                SUP     N    N          N     N      N         N          N     N             X
            updateStaff                SM      N    N          N     N      N         N          N     N             X
            updateStaff                HOS     N    N          N     N      N         N          N     N             X
            updateStaff                QA      N    N          N     N      N         N          N     N             X
            updateStaff                HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            updateStaff                EM      -    -          -     -      N         N          -     N             X
            updateStaff                ADMIN   -    -          -     -      Y         Y          -     Y             X
            updateStaff                C_READ  -    -          -     -      N         N          -     N             X
            updateStaff                C_WRITE -    -          -     -      Y         Y          -     Y             X
            updateStaff                ANON    -    -          -     -      U         U          -     U             U
            recordLeaver               PRAC    N    N          N     N      N         N          N     N             X
            recordLeaver               SUP     N    N          N     N      N         N          N     N             X
            recordLeaver               SM      N    N          N     N      N         N          N     N             X
            recordLeaver               HOS     N    N          N     N      N         N          N     N             X
            recordLeaver               QA      N    N          N     N      N         N          N     N             X
            recordLeaver               HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            recordLeaver               EM      -    -          -     -      N         N          -     N             X
            recordLeaver               ADMIN   -    -          -     -      Y         Y          -     Y             X
            recordLeaver               C_READ  -    -          -     -      N         N          -     N             X
            recordLeaver               C_WRITE -    -          -     -      Y         Y          -     Y             X
            recordLeaver               ANON    -    -          -     -      U         U          -     U             U
            moveStaff                  PRAC    N    N          N     N      N         N          N     N             X
            moveStaff                  SUP     N    N          N     N      N         N          N     N             X
            moveStaff                  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            moveStaff                  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            moveStaff                  QA      N    N          N     N      N         N          N     N             X
            moveStaff                  HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            moveStaff                  EM      -    -          -     -      N         N          -     N             X
            moveStaff                  ADMIN   -    -          -     -      Y         Y          -     Y             X
            moveStaff                  C_READ  -    -          -     -      N         N          -     N             X
            moveStaff                  C_WRITE -    -          -     -      Y         Y          -     Y             X
            moveStaff                  ANON    -    -          -     -      U         U          -     U             U
            listSupervisionRelations   PRAC    Y    N          N     N      N         N          N     N             X
            listSupervisionRelations   SUP     Y    Y          Y     N      N         N          N     N             X
            listSupervisionRelations   SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listSupervisionRelations   HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listSupervisionRelations   QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listSupervisionRelations   HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            listSupervisionRelations   EM      -    -          -     -      N         N          -     N             N
            listSupervisionRelations   ADMIN   -    -          -     -      Y         Y          -     Y             X
            listSupervisionRelations   C_READ  -    -          -     -      Y         Y          -     Y             X
            listSupervisionRelations   C_WRITE -    -          -     -      N         N          -     N             N
            listSupervisionRelations   ANON    -    -          -     -      U         U          -     U             U
            createSupervisionRelation  PRAC    N    N          N     N      N         N          N     N             X
            createSupervisionRelation  SUP     N    N          N     N      N         N          N     N             X
            createSupervisionRelation  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            createSupervisionRelation  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            createSupervisionRelation  QA      N    N          N     N      N         N          N     N             X
            createSupervisionRelation  HR      Y    Y          Y     Y      Y         Y          Y     Y             X
            createSupervisionRelation  EM      -    -          -     -      N         N          -     N             X
            createSupervisionRelation  ADMIN   -    -          -     -      Y         Y          -     Y             X
            createSupervisionRelation  C_READ  -    -          -     -      N         N          -     N             X
            createSupervisionRelation  C_WRITE -    -          -     -      Y         Y          -     Y             X
            createSupervisionRelation  ANON    -    -          -     -      U         U          -     U             U
            getMySuperviseesDashboard  PRAC    N    N          N     N      N         N          N     N             X
            getMySuperviseesDashboard  SUP     N    Y          N     N      N         N          N     N             X
            getMySuperviseesDashboard  SM      N    Y          N     N      N         N          N     N             X
            getMySuperviseesDashboard  HOS     N    Y          N     N      N         N          N     N             X
            getMySuperviseesDashboard  QA      N    Y          N     N      N         N          N     N             X
            getMySuperviseesDashboard  HR      N    Y          N     N      N         N          N     N             X
            getMySuperviseesDashboard  EM      -    -          -     -      R         R          -     R             R
            getMySuperviseesDashboard  ADMIN   -    -          -     -      N         N          -     N             X
            getMySuperviseesDashboard  C_READ  -    -          -     -      R         R          -     R             R
            getMySuperviseesDashboard  C_WRITE -    -          -     -      R         R          -     R             R
            getMySuperviseesDashboard  ANON    -    -          -     -      U         U          -     U             U
            """;

    /** Agreements about the person with their current supervisor (versions: read through the previous version, the caller's own when FORMER). */
    static final String AGREEMENTS = """
            operation              caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listAgreements         PRAC    Y    Y          N     N      N         N          N     N             X
            listAgreements         SUP     Y    Y          Y     N      N         N          N     N             X
            listAgreements         SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listAgreements         HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listAgreements         QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listAgreements         HR      Y    Y          N     N      N         N          N     N             X
            listAgreements         EM      -    -          -     -      R         R          -     R             R
            listAgreements         ADMIN   -    -          -     -      N         N          -     N             X
            listAgreements         C_READ  -    -          -     -      R         R          -     R             R
            listAgreements         C_WRITE -    -          -     -      R         R          -     R             R
            listAgreements         ANON    -    -          -     -      U         U          -     U             U
            getAgreement           PRAC    Y    Y          N     N      N         N          N     N             X
            getAgreement           SUP     Y    Y          Y     N      N         N          N     N             X
            getAgreement           SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getAgreement           HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getAgreement           QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getAgreement           HR      Y    Y          N     N      N         N          N     N             X
            getAgreement           EM      -    -          -     -      N         N          -     N             X
            getAgreement           ADMIN   -    -          -     -      N         N          -     N             X
            getAgreement           C_READ  -    -          -     -      N         N          -     N             N
            getAgreement           C_WRITE -    -          -     -      N         N          -     N             N
            getAgreement           ANON    -    -          -     -      U         U          -     U             U
            listAgreementVersions  PRAC    Y    Y          N     N      N         N          N     N             X
            listAgreementVersions  SUP     Y    Y          Y     N      N         N          N     N             X
            listAgreementVersions  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listAgreementVersions  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listAgreementVersions  QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listAgreementVersions  HR      Y    Y          N     N      N         N          N     N             X
            listAgreementVersions  EM      -    -          -     -      N         N          -     N             X
            listAgreementVersions  ADMIN   -    -          -     -      N         N          -     N             X
            listAgreementVersions  C_READ  -    -          -     -      N         N          -     N             N
            listAgreementVersions  C_WRITE -    -          -     -      N         N          -     N             N
            listAgreementVersions  ANON    -    -          -     -      U         U          -     U             U
            createAgreement        PRAC    N    N          N     N      N         N          N     N             X
            createAgreement        SUP     N    Y          Y     N      N         N          N     N             X
            createAgreement        SM      Y    Y          Y     Y      Y         Y          Y     N             X
            createAgreement        HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            createAgreement        QA      N    N          N     N      N         N          N     N             X
            createAgreement        HR      N    N          N     N      N         N          N     N             X
            createAgreement        EM      -    -          -     -      N         N          -     N             X
            createAgreement        ADMIN   -    -          -     -      N         N          -     N             X
            createAgreement        C_READ  -    -          -     -      N         N          -     N             N
            createAgreement        C_WRITE -    -          -     -      N         N          -     N             N
            createAgreement        ANON    -    -          -     -      U         U          -     U             U
            updateAgreement        PRAC    Y    Y          N     N      N         N          N     N             X
            updateAgreement        SUP     Y    Y          N     N      N         N          N     N             X
            updateAgreement        SM      Y    Y          N     N      N         N          N     N             X
            updateAgreement        HOS     Y    Y          N     N      N         N          N     N             X
            updateAgreement        QA      Y    Y          N     N      N         N          N     N             X
            updateAgreement        HR      Y    Y          N     N      N         N          N     N             X
            updateAgreement        EM      -    -          -     -      N         N          -     N             X
            updateAgreement        ADMIN   -    -          -     -      N         N          -     N             X
            updateAgreement        C_READ  -    -          -     -      N         N          -     N             N
            updateAgreement        C_WRITE -    -          -     -      N         N          -     N             N
            updateAgreement        ANON    -    -          -     -      U         U          -     U             U
            submitAgreement        PRAC    Y    Y          N     N      N         N          N     N             X
            submitAgreement        SUP     Y    Y          N     N      N         N          N     N             X
            submitAgreement        SM      Y    Y          N     N      N         N          N     N             X
            submitAgreement        HOS     Y    Y          N     N      N         N          N     N             X
            submitAgreement        QA      Y    Y          N     N      N         N          N     N             X
            submitAgreement        HR      Y    Y          N     N      N         N          N     N             X
            submitAgreement        EM      -    -          -     -      N         N          -     N             X
            submitAgreement        ADMIN   -    -          -     -      N         N          -     N             X
            submitAgreement        C_READ  -    -          -     -      N         N          -     N             N
            submitAgreement        C_WRITE -    -          -     -      N         N          -     N             N
            submitAgreement        ANON    -    -          -     -      U         U          -     U             U
            signAgreement          PRAC    Y    Y          N     N      N         N          N     N             X
            signAgreement          SUP     Y    Y          N     N      N         N          N     N             X
            signAgreement          SM      Y    Y          N     N      N         N          N     N             X
            signAgreement          HOS     Y    Y          N     N      N         N          N     N             X
            signAgreement          QA      Y    Y          N     N      N         N          N     N             X
            signAgreement          HR      Y    Y          N     N      N         N          N     N             X
            signAgreement          EM      -    -          -     -      N         N          -     N             X
            signAgreement          ADMIN   -    -          -     -      N         N          -     N             X
            signAgreement          C_READ  -    -          -     -      N         N          -     N             N
            signAgreement          C_WRITE -    -          -     -      N         N          -     N             N
            signAgreement          ANON    -    -          -     -      U         U          -     U             U
            reviewAgreement        PRAC    N    N          N     N      N         N          N     N             X
            reviewAgreement        SUP     N    Y          Y     N      N         N          N     N             X
            reviewAgreement        SM      Y    Y          Y     Y      Y         Y          Y     N             X
            reviewAgreement        HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            reviewAgreement        QA      N    N          N     N      N         N          N     N             X
            reviewAgreement        HR      N    N          N     N      N         N          N     N             X
            reviewAgreement        EM      -    -          -     -      N         N          -     N             X
            reviewAgreement        ADMIN   -    -          -     -      N         N          -     N             X
            reviewAgreement        C_READ  -    -          -     -      N         N          -     N             N
            reviewAgreement        C_WRITE -    -          -     -      N         N          -     N             N
            reviewAgreement        ANON    -    -          -     -      U         U          -     U             U
            """;

    /** A one-to-one session of the person with their current supervisor; record operations on one held today. */
    static final String SESSIONS = """
            operation            caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listSessions         PRAC    Y    Y          N     N      N         N          N     N             X
            listSessions         SUP     Y    Y          Y     N      N         N          N     N             X
            listSessions         SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listSessions         HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listSessions         QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listSessions         HR      Y    Y          N     N      N         N          N     N             X
            listSessions         EM      -    -          -     -      R         R          -     R             R
            listSessions         ADMIN   -    -          -     -      N         N          -     N             X
            listSessions         C_READ  -    -          -     -      R         R          -     R             R
            listSessions         C_WRITE -    -          -     -      R         R          -     R             R
            listSessions         ANON    -    -          -     -      U         U          -     U             U
            getSession           PRAC    Y    Y          N     N      N         N          N     N             X
            getSession           SUP     Y    Y          Y     N      N         N          N     N             X
            getSession           SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getSession           HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getSession           QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getSession           HR      Y    Y          N     N      N         N          N     N             X
            getSession           EM      -    -          -     -      N         N          -     N             X
            getSession           ADMIN   -    -          -     -      N         N          -     N             X
            getSession           C_READ  -    -          -     -      N         N          -     N             N
            getSession           C_WRITE -    -          -     -      N         N          -     N             N
            getSession           ANON    -    -          -     -      U         U          -     U             U
            planSessions         PRAC    N    N          N     N      N         N          N     N             X
            planSessions         SUP     N    Y          Y     N      N         N          N     N             X
            planSessions         SM      Y    Y          Y     Y      Y         Y          Y     N             X
            planSessions         HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            planSessions         QA      N    N          N     N      N         N          N     N             X
            planSessions         HR      N    N          N     N      N         N          N     N             X
            planSessions         EM      -    -          -     -      N         N          -     N             X
            planSessions         ADMIN   -    -          -     -      N         N          -     N             X
            planSessions         C_READ  -    -          -     -      N         N          -     N             N
            planSessions         C_WRITE -    -          -     -      N         N          -     N             N
            planSessions         ANON    -    -          -     -      U         U          -     U             U
            previewSessionDates  PRAC    N    N          N     N      N         N          N     N             X
            previewSessionDates  SUP     N    Y          Y     N      N         N          N     N             X
            previewSessionDates  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            previewSessionDates  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            previewSessionDates  QA      N    N          N     N      N         N          N     N             X
            previewSessionDates  HR      N    N          N     N      N         N          N     N             X
            previewSessionDates  EM      -    -          -     -      N         N          -     N             X
            previewSessionDates  ADMIN   -    -          -     -      N         N          -     N             X
            previewSessionDates  C_READ  -    -          -     -      N         N          -     N             N
            previewSessionDates  C_WRITE -    -          -     -      N         N          -     N             N
            previewSessionDates  ANON    -    -          -     -      U         U          -     U             U
            rescheduleSession    PRAC    Y    Y          N     N      N         N          N     N             X
            rescheduleSession    SUP     Y    Y          N     N      N         N          N     N             X
            rescheduleSession    SM      Y    Y          N     N      N         N          N     N             X
            rescheduleSession    HOS     Y    Y          N     N      N         N          N     N             X
            rescheduleSession    QA      Y    Y          N     N      N         N          N     N             X
            rescheduleSession    HR      Y    Y          N     N      N         N          N     N             X
            rescheduleSession    EM      -    -          -     -      N         N          -     N             X
            rescheduleSession    ADMIN   -    -          -     -      N         N          -     N             X
            rescheduleSession    C_READ  -    -          -     -      N         N          -     N             N
            rescheduleSession    C_WRITE -    -          -     -      N         N          -     N             N
            rescheduleSession    ANON    -    -          -     -      U         U          -     U             U
            postponeSession      PRAC    Y    Y          N     N      N         N          N     N             X
            postponeSession      SUP     Y    Y          N     N      N         N          N     N             X
            postponeSession      SM      Y    Y          N     N      N         N          N     N             X
            postponeSession      HOS     Y    Y          N     N      N         N          N     N             X
            postponeSession      QA      Y    Y          N     N      N         N          N     N             X
            postponeSession      HR      Y    Y          N     N      N         N          N     N             X
            postponeSession      EM      -    -          -     -      N         N          -     N             X
            postponeSession      ADMIN   -    -          -     -      N         N          -     N             X
            postponeSession      C_READ  -    -          -     -      N         N          -     N             N
            postponeSession      C_WRITE -    -          -     -      N         N          -     N             N
            postponeSession      ANON    -    -          -     -      U         U          -     U             U
            cancelSession        PRAC    Y    Y          N     N      N         N          N     N             X
            cancelSession        SUP     Y    Y          N     N      N         N          N     N             X
            cancelSession        SM      Y    Y          N     N      N         N          N     N             X
            cancelSession        HOS     Y    Y          N     N      N         N          N     N             X
            cancelSession        QA      Y    Y          N     N      N         N          N     N             X
            cancelSession        HR      Y    Y          N     N      N         N          N     N             X
            cancelSession        EM      -    -          -     -      N         N          -     N             X
            cancelSession        ADMIN   -    -          -     -      N         N          -     N             X
            cancelSession        C_READ  -    -          -     -      N         N          -     N             N
            cancelSession        C_WRITE -    -          -     -      N         N          -     N             N
            cancelSession        ANON    -    -          -     -      U         U          -     U             U
            markSessionHeld      PRAC    Y    Y          N     N      N         N          N     N             X
            markSessionHeld      SUP     Y    Y          N     N      N         N          N     N             X
            markSessionHeld      SM      Y    Y          N     N      N         N          N     N             X
            markSessionHeld      HOS     Y    Y          N     N      N         N          N     N             X
            markSessionHeld      QA      Y    Y          N     N      N         N          N     N             X
            markSessionHeld      HR      Y    Y          N     N      N         N          N     N             X
            markSessionHeld      EM      -    -          -     -      N         N          -     N             X
            markSessionHeld      ADMIN   -    -          -     -      N         N          -     N             X
            markSessionHeld      C_READ  -    -          -     -      N         N          -     N             N
            markSessionHeld      C_WRITE -    -          -     -      N         N          -     N             N
            markSessionHeld      ANON    -    -          -     -      U         U          -     U             U
            getSessionRecord     PRAC    Y    Y          N     N      N         N          N     N             X
            getSessionRecord     SUP     Y    Y          Y     N      N         N          N     N             X
            getSessionRecord     SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getSessionRecord     HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getSessionRecord     QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getSessionRecord     HR      Y    Y          N     N      N         N          N     N             X
            getSessionRecord     EM      -    -          -     -      N         N          -     N             X
            getSessionRecord     ADMIN   -    -          -     -      N         N          -     N             X
            getSessionRecord     C_READ  -    -          -     -      N         N          -     N             N
            getSessionRecord     C_WRITE -    -          -     -      N         N          -     N             N
            getSessionRecord     ANON    -    -          -     -      U         U          -     U             U
            updateSessionRecord  PRAC    Y    Y          N     N      N         N          N     N             X
            updateSessionRecord  SUP     Y    Y          N     N      N         N          N     N             X
            updateSessionRecord  SM      Y    Y          N     N      N         N          N     N             X
            updateSessionRecord  HOS     Y    Y          N     N      N         N          N     N             X
            updateSessionRecord  QA      Y    Y          N     N      N         N          N     N             X
            updateSessionRecord  HR      Y    Y          N     N      N         N          N     N             X
            updateSessionRecord  EM      -    -          -     -      N         N          -     N             X
            updateSessionRecord  ADMIN   -    -          -     -      N         N          -     N             X
            updateSessionRecord  C_READ  -    -          -     -      N         N          -     N             N
            updateSessionRecord  C_WRITE -    -          -     -      N         N          -     N             N
            updateSessionRecord  ANON    -    -          -     -      U         U          -     U             U
            proposeAgendaItem    PRAC    Y    Y          N     N      N         N          N     N             X
            proposeAgendaItem    SUP     Y    Y          N     N      N         N          N     N             X
            proposeAgendaItem    SM      Y    Y          N     N      N         N          N     N             X
            proposeAgendaItem    HOS     Y    Y          N     N      N         N          N     N             X
            proposeAgendaItem    QA      Y    Y          N     N      N         N          N     N             X
            proposeAgendaItem    HR      Y    Y          N     N      N         N          N     N             X
            proposeAgendaItem    EM      -    -          -     -      N         N          -     N             X
            proposeAgendaItem    ADMIN   -    -          -     -      N         N          -     N             X
            proposeAgendaItem    C_READ  -    -          -     -      N         N          -     N             N
            proposeAgendaItem    C_WRITE -    -          -     -      N         N          -     N             N
            proposeAgendaItem    ANON    -    -          -     -      U         U          -     U             U
            addRecordNote        PRAC    Y    Y          N     N      N         N          N     N             X
            addRecordNote        SUP     Y    Y          N     N      N         N          N     N             X
            addRecordNote        SM      Y    Y          N     N      N         N          N     N             X
            addRecordNote        HOS     Y    Y          N     N      N         N          N     N             X
            addRecordNote        QA      Y    Y          N     N      N         N          N     N             X
            addRecordNote        HR      Y    Y          N     N      N         N          N     N             X
            addRecordNote        EM      -    -          -     -      N         N          -     N             X
            addRecordNote        ADMIN   -    -          -     -      N         N          -     N             X
            addRecordNote        C_READ  -    -          -     -      N         N          -     N             N
            addRecordNote        C_WRITE -    -          -     -      N         N          -     N             N
            addRecordNote        ANON    -    -          -     -      U         U          -     U             U
            signSessionRecord    PRAC    Y    Y          N     N      N         N          N     N             X
            signSessionRecord    SUP     Y    Y          N     N      N         N          N     N             X
            signSessionRecord    SM      Y    Y          N     N      N         N          N     N             X
            signSessionRecord    HOS     Y    Y          N     N      N         N          N     N             X
            signSessionRecord    QA      Y    Y          N     N      N         N          N     N             X
            signSessionRecord    HR      Y    Y          N     N      N         N          N     N             X
            signSessionRecord    EM      -    -          -     -      N         N          -     N             X
            signSessionRecord    ADMIN   -    -          -     -      N         N          -     N             X
            signSessionRecord    C_READ  -    -          -     -      N         N          -     N             N
            signSessionRecord    C_WRITE -    -          -     -      N         N          -     N             N
            signSessionRecord    ANON    -    -          -     -      U         U          -     U             U
            """;

    /**
     * Issue 7, 3d and 3e. The handover of a person with a current supervisor (read as their records are); a
     * planned session of theirs with a former supervisor, moved on as sessions are planned; a request for an
     * extra session by the person to their current supervisor, seen as their records are and decided as sessions
     * are planned, never by the person who asked. A request is always the caller's own: only SELF has a supervisor.
     */
    static final String LIFECYCLE = """
            operation              caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            getSupervisionHandover PRAC    Y    Y          N     N      N         N          N     N             X
            getSupervisionHandover SUP     Y    Y          Y     N      N         N          N     N             X
            getSupervisionHandover SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getSupervisionHandover HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getSupervisionHandover QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getSupervisionHandover HR      Y    Y          N     N      N         N          N     N             X
            getSupervisionHandover EM      -    -          -     -      N         N          -     N             X
            getSupervisionHandover ADMIN   -    -          -     -      N         N          -     N             X
            getSupervisionHandover C_READ  -    -          -     -      N         N          -     N             N
            getSupervisionHandover C_WRITE -    -          -     -      N         N          -     N             N
            getSupervisionHandover ANON    -    -          -     -      U         U          -     U             U
            transferSession        PRAC    N    N          N     N      N         N          N     N             X
            transferSession        SUP     N    Y          Y     N      N         N          N     N             X
            transferSession        SM      Y    Y          Y     Y      Y         Y          Y     N             X
            transferSession        HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            transferSession        QA      N    N          N     N      N         N          N     N             X
            transferSession        HR      N    N          N     N      N         N          N     N             X
            transferSession        EM      -    -          -     -      N         N          -     N             X
            transferSession        ADMIN   -    -          -     -      N         N          -     N             X
            transferSession        C_READ  -    -          -     -      N         N          -     N             N
            transferSession        C_WRITE -    -          -     -      N         N          -     N             N
            transferSession        ANON    -    -          -     -      U         U          -     U             U
            listSessionRequests    PRAC    Y    Y          N     N      N         N          N     N             X
            listSessionRequests    SUP     Y    Y          Y     N      N         N          N     N             X
            listSessionRequests    SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listSessionRequests    HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listSessionRequests    QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listSessionRequests    HR      Y    Y          N     N      N         N          N     N             X
            listSessionRequests    EM      -    -          -     -      R         R          -     R             R
            listSessionRequests    ADMIN   -    -          -     -      N         N          -     N             X
            listSessionRequests    C_READ  -    -          -     -      R         R          -     R             R
            listSessionRequests    C_WRITE -    -          -     -      R         R          -     R             R
            listSessionRequests    ANON    -    -          -     -      U         U          -     U             U
            getSessionRequest      PRAC    Y    Y          N     N      N         N          N     N             X
            getSessionRequest      SUP     Y    Y          Y     N      N         N          N     N             X
            getSessionRequest      SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getSessionRequest      HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getSessionRequest      QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getSessionRequest      HR      Y    Y          N     N      N         N          N     N             X
            getSessionRequest      EM      -    -          -     -      N         N          -     N             X
            getSessionRequest      ADMIN   -    -          -     -      N         N          -     N             X
            getSessionRequest      C_READ  -    -          -     -      N         N          -     N             N
            getSessionRequest      C_WRITE -    -          -     -      N         N          -     N             N
            getSessionRequest      ANON    -    -          -     -      U         U          -     U             U
            requestSession         PRAC    Y    -          -     -      -         -          -     -             -
            requestSession         SUP     Y    -          -     -      -         -          -     -             -
            requestSession         SM      Y    -          -     -      -         -          -     -             -
            requestSession         HOS     Y    -          -     -      -         -          -     -             -
            requestSession         QA      Y    -          -     -      -         -          -     -             -
            requestSession         HR      Y    -          -     -      -         -          -     -             -
            requestSession         EM      -    -          -     -      N         N          -     N             N
            requestSession         ADMIN   -    -          -     -      N         N          -     N             N
            requestSession         C_READ  -    -          -     -      N         N          -     N             N
            requestSession         C_WRITE -    -          -     -      N         N          -     N             N
            requestSession         ANON    -    -          -     -      U         U          -     U             U
            bookSessionRequest     PRAC    N    N          N     N      N         N          N     N             X
            bookSessionRequest     SUP     N    Y          Y     N      N         N          N     N             X
            bookSessionRequest     SM      N    Y          Y     Y      Y         Y          Y     N             X
            bookSessionRequest     HOS     N    Y          Y     Y      Y         Y          Y     Y             X
            bookSessionRequest     QA      N    N          N     N      N         N          N     N             X
            bookSessionRequest     HR      N    N          N     N      N         N          N     N             X
            bookSessionRequest     EM      -    -          -     -      N         N          -     N             X
            bookSessionRequest     ADMIN   -    -          -     -      N         N          -     N             X
            bookSessionRequest     C_READ  -    -          -     -      N         N          -     N             N
            bookSessionRequest     C_WRITE -    -          -     -      N         N          -     N             N
            bookSessionRequest     ANON    -    -          -     -      U         U          -     U             U
            declineSessionRequest  PRAC    N    N          N     N      N         N          N     N             X
            declineSessionRequest  SUP     N    Y          Y     N      N         N          N     N             X
            declineSessionRequest  SM      N    Y          Y     Y      Y         Y          Y     N             X
            declineSessionRequest  HOS     N    Y          Y     Y      Y         Y          Y     Y             X
            declineSessionRequest  QA      N    N          N     N      N         N          N     N             X
            declineSessionRequest  HR      N    N          N     N      N         N          N     N             X
            declineSessionRequest  EM      -    -          -     -      N         N          -     N             X
            declineSessionRequest  ADMIN   -    -          -     -      N         N          -     N             X
            declineSessionRequest  C_READ  -    -          -     -      N         N          -     N             N
            declineSessionRequest  C_WRITE -    -          -     -      N         N          -     N             N
            declineSessionRequest  ANON    -    -          -     -      U         U          -     U             U
            """;

    /** An open action of the person's, owned by them. */
    static final String ACTIONS = """
            operation     caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listActions   PRAC    Y    N          N     N      N         N          N     N             X
            listActions   SUP     Y    Y          Y     N      N         N          N     N             X
            listActions   SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listActions   HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listActions   QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listActions   HR      Y    N          N     N      N         N          N     N             X
            listActions   EM      -    -          -     -      R         R          -     R             R
            listActions   ADMIN   -    -          -     -      N         N          -     N             X
            listActions   C_READ  -    -          -     -      R         R          -     R             R
            listActions   C_WRITE -    -          -     -      R         R          -     R             R
            listActions   ANON    -    -          -     -      U         U          -     U             U
            createAction  PRAC    Y    N          N     N      N         N          N     N             X
            createAction  SUP     Y    Y          Y     N      N         N          N     N             X
            createAction  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            createAction  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            createAction  QA      Y    N          N     N      N         N          N     N             X
            createAction  HR      Y    N          N     N      N         N          N     N             X
            createAction  EM      -    -          -     -      N         N          -     N             X
            createAction  ADMIN   -    -          -     -      N         N          -     N             X
            createAction  C_READ  -    -          -     -      N         N          -     N             N
            createAction  C_WRITE -    -          -     -      N         N          -     N             N
            createAction  ANON    -    -          -     -      U         U          -     U             U
            updateAction  PRAC    Y    N          N     N      N         N          N     N             X
            updateAction  SUP     Y    Y          Y     N      N         N          N     N             X
            updateAction  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            updateAction  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            updateAction  QA      Y    N          N     N      N         N          N     N             X
            updateAction  HR      Y    N          N     N      N         N          N     N             X
            updateAction  EM      -    -          -     -      N         N          -     N             X
            updateAction  ADMIN   -    -          -     -      N         N          -     N             X
            updateAction  C_READ  -    -          -     -      N         N          -     N             N
            updateAction  C_WRITE -    -          -     -      N         N          -     N             N
            updateAction  ANON    -    -          -     -      U         U          -     U             U
            deleteAction  PRAC    Y    N          N     N      N         N          N     N             X
            deleteAction  SUP     Y    Y          Y     N      N         N          N     N             X
            deleteAction  SM      Y    Y          Y     Y      Y         Y          Y     N             X
            deleteAction  HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            deleteAction  QA      Y    N          N     N      N         N          N     N             X
            deleteAction  HR      Y    N          N     N      N         N          N     N             X
            deleteAction  EM      -    -          -     -      N         N          -     N             X
            deleteAction  ADMIN   -    -          -     -      N         N          -     N             X
            deleteAction  C_READ  -    -          -     -      N         N          -     N             N
            deleteAction  C_WRITE -    -          -     -      N         N          -     N             N
            deleteAction  ANON    -    -          -     -      U         U          -     U             U
            """;

    /**
     * Decisions about a child whose allocated worker is the person in that relation (issue 8). Machine clients
     * with case-decisions:read (none of C_READ / C_WRITE has it) are checked in CaseDecisionFeedApiTest.
     */
    static final String DECISIONS = """
            operation                 caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            recordManagementDecision  PRAC    N    N          N     N      N         N          N     N             X
            recordManagementDecision  SUP     N    Y          Y     N      N         N          N     N             X
            recordManagementDecision  SM      N    Y          Y     Y      Y         Y          Y     N             X
            recordManagementDecision  HOS     N    Y          Y     Y      Y         Y          Y     Y             X
            recordManagementDecision  QA      N    N          N     N      N         N          N     N             X
            recordManagementDecision  HR      N    N          N     N      N         N          N     N             X
            recordManagementDecision  EM      -    -          -     -      N         N          -     N             X
            recordManagementDecision  ADMIN   -    -          -     -      N         N          -     N             X
            recordManagementDecision  C_READ  -    -          -     -      N         N          -     N             N
            recordManagementDecision  C_WRITE -    -          -     -      N         N          -     N             N
            recordManagementDecision  ANON    -    -          -     -      U         U          -     U             U
            listCaseDecisions         PRAC    Y    N          N     N      N         N          N     N             X
            listCaseDecisions         SUP     Y    Y          Y     N      N         N          N     N             X
            listCaseDecisions         SM      Y    Y          Y     Y      Y         Y          Y     N             X
            listCaseDecisions         HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            listCaseDecisions         QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            listCaseDecisions         HR      N    N          N     N      N         N          N     N             N
            listCaseDecisions         EM      -    -          -     -      N         N          -     N             N
            listCaseDecisions         ADMIN   -    -          -     -      N         N          -     N             N
            listCaseDecisions         C_READ  -    -          -     -      N         N          -     N             N
            listCaseDecisions         C_WRITE -    -          -     -      N         N          -     N             N
            listCaseDecisions         ANON    -    -          -     -      U         U          -     U             U
            getCaseDecision           PRAC    Y    N          N     N      N         N          N     N             X
            getCaseDecision           SUP     Y    Y          Y     N      N         N          N     N             X
            getCaseDecision           SM      Y    Y          Y     Y      Y         Y          Y     N             X
            getCaseDecision           HOS     Y    Y          Y     Y      Y         Y          Y     Y             X
            getCaseDecision           QA      Y    Y          Y     Y      Y         Y          Y     Y             X
            getCaseDecision           HR      N    N          N     N      N         N          N     N             N
            getCaseDecision           EM      -    -          -     -      N         N          -     N             N
            getCaseDecision           ADMIN   -    -          -     -      N         N          -     N             N
            getCaseDecision           C_READ  -    -          -     -      N         N          -     N             N
            getCaseDecision           C_WRITE -    -          -     -      N         N          -     N             N
            getCaseDecision           ANON    -    -          -     -      U         U          -     U             U
            """;

    /** The decisions-filed measure, acknowledgements (only a client with case-decisions:read) and webhooks (administrators). */
    static final String DECISIONS_AND_WEBHOOKS = """
            operation                 PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            acknowledgeCaseDecision   N    N   N   N   N   N   N   N     N      N       U
            getDecisionsFiled         N    Y   Y   Y   Y   N   N   N     N      N       U
            getChildVoiceRecorded     N    Y   Y   Y   Y   N   N   N     N      N       U
            listWebhooks              N    N   N   N   N   N   N   Y     N      N       U
            registerWebhook           N    N   N   N   N   N   N   Y     N      N       U
            removeWebhook             N    N   N   N   N   N   N   Y     N      N       U
            listWebhookDeliveries     N    N   N   N   N   N   N   Y     N      N       U
            """;

    // issue 10: evidence packs
    /**
     * Evidence packs: asked for (here of the directorate) by whoever sees at least its aggregates (not a practitioner-only
     * account, not machine clients); listed, read and downloaded by the person who asked (here each caller's own pack;
     * a colleague's is refused, see EvidencePackApiTest).
     */
    static final String EVIDENCE_PACKS = """
            operation                 PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            listEvidencePacks         Y    Y   Y   Y   Y   Y   Y   Y     N      N       U
            requestEvidencePack       N    Y   Y   Y   Y   Y   Y   Y     N      N       U
            getEvidencePack           Y    Y   Y   Y   Y   Y   Y   Y     N      N       U
            downloadEvidencePackFile  Y    Y   Y   Y   Y   Y   Y   Y     N      N       U
            """;

    // issue 9: sample
    /** The quarterly samples (quality assurance auditors only) and the audits due from the caller (every person; not clients). */
    static final String AUDIT_SAMPLES = """
            operation                 PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            listAuditSamples          N    N   N   N   Y   N   N   N     N      N       U
            drawAuditSample           N    N   N   N   Y   N   N   N     N      N       U
            getAuditSample            N    N   N   N   Y   N   N   N     N      N       U
            getAuditSchedule          Y    Y   Y   Y   Y   Y   N   Y     N      N       U
            """;

    /** Children: a child allocated to the person (clients here hold staff scopes, not children:write; see ChildApiTest). */
    static final String CHILDREN = """
            operation               caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listChildren            PRAC    Y    N    N    N    N    N    N    N    X
            listChildren            SUP     Y    Y    Y    N    N    N    N    N    X
            listChildren            SM      Y    Y    Y    Y    Y    Y    Y    N    X
            listChildren            HOS     Y    Y    Y    Y    Y    Y    Y    Y    X
            listChildren            QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            listChildren            HR      N    N    N    N    N    N    N    N    N
            listChildren            EM      -    -    -    -    N    N    -    N    N
            listChildren            ADMIN   -    -    -    -    N    N    -    N    N
            listChildren            C_READ  -    -    -    -    N    N    -    N    N
            listChildren            C_WRITE -    -    -    -    N    N    -    N    N
            listChildren            ANON    -    -    -    -    U    U    -    U    U
            getChild                PRAC    Y    N    N    N    N    N    N    N    X
            getChild                SUP     Y    Y    Y    N    N    N    N    N    X
            getChild                SM      Y    Y    Y    Y    Y    Y    Y    N    X
            getChild                HOS     Y    Y    Y    Y    Y    Y    Y    Y    X
            getChild                QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            getChild                HR      N    N    N    N    N    N    N    N    X
            getChild                EM      -    -    -    -    N    N    -    N    X
            getChild                ADMIN   -    -    -    -    N    N    -    N    X
            getChild                C_READ  -    -    -    -    N    N    -    N    X
            getChild                C_WRITE -    -    -    -    N    N    -    N    X
            getChild                ANON    -    -    -    -    U    U    -    U    U
            createChild             PRAC    N    N    N    N    N    N    N    N    X
            createChild             SUP     N    Y    Y    N    N    N    N    N    X
            createChild             SM      N    Y    Y    Y    Y    Y    Y    N    X
            createChild             HOS     N    Y    Y    Y    Y    Y    Y    Y    X
            createChild             QA      N    N    N    N    N    N    N    N    X
            createChild             HR      N    N    N    N    N    N    N    N    X
            createChild             EM      -    -    -    -    N    N    -    N    X
            createChild             ADMIN   -    -    -    -    N    N    -    N    X
            createChild             C_READ  -    -    -    -    N    N    -    N    X
            createChild             C_WRITE -    -    -    -    N    N    -    N    X
            createChild             ANON    -    -    -    -    U    U    -    U    U
            updateChild             PRAC    N    N    N    N    N    N    N    N    X
            updateChild             SUP     N    Y    Y    N    N    N    N    N    X
            updateChild             SM      N    Y    Y    Y    Y    Y    Y    N    X
            updateChild             HOS     N    Y    Y    Y    Y    Y    Y    Y    X
            updateChild             QA      N    N    N    N    N    N    N    N    X
            updateChild             HR      N    N    N    N    N    N    N    N    X
            updateChild             EM      -    -    -    -    N    N    -    N    X
            updateChild             ADMIN   -    -    -    -    N    N    -    N    X
            updateChild             C_READ  -    -    -    -    N    N    -    N    X
            updateChild             C_WRITE -    -    -    -    N    N    -    N    X
            updateChild             ANON    -    -    -    -    U    U    -    U    U
            """;

    /** Case discussions about the person with their current supervisor: the parties write; managers above the supervisor and QA read. */
    static final String CASE_DISCUSSIONS = """
            operation               caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listCaseDiscussions     PRAC    Y    Y    N    N    N    N    N    N    X
            listCaseDiscussions     SUP     Y    Y    Y    N    N    N    N    N    X
            listCaseDiscussions     SM      Y    Y    Y    Y    Y    Y    Y    N    X
            listCaseDiscussions     HOS     Y    Y    Y    Y    Y    Y    Y    Y    X
            listCaseDiscussions     QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            listCaseDiscussions     HR      N    N    N    N    N    N    N    N    N
            listCaseDiscussions     EM      -    -    -    -    N    N    -    N    N
            listCaseDiscussions     ADMIN   -    -    -    -    N    N    -    N    N
            listCaseDiscussions     C_READ  -    -    -    -    N    N    -    N    N
            listCaseDiscussions     C_WRITE -    -    -    -    N    N    -    N    N
            listCaseDiscussions     ANON    -    -    -    -    U    U    -    U    U
            getCaseDiscussion       PRAC    Y    Y    N    N    N    N    N    N    X
            getCaseDiscussion       SUP     Y    Y    Y    N    N    N    N    N    X
            getCaseDiscussion       SM      Y    Y    Y    Y    Y    Y    Y    N    X
            getCaseDiscussion       HOS     Y    Y    Y    Y    Y    Y    Y    Y    X
            getCaseDiscussion       QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            getCaseDiscussion       HR      Y    Y    N    N    N    N    N    N    X
            getCaseDiscussion       EM      -    -    -    -    N    N    -    N    X
            getCaseDiscussion       ADMIN   -    -    -    -    N    N    -    N    X
            getCaseDiscussion       C_READ  -    -    -    -    N    N    -    N    N
            getCaseDiscussion       C_WRITE -    -    -    -    N    N    -    N    N
            getCaseDiscussion       ANON    -    -    -    -    U    U    -    U    U
            createCaseDiscussion    PRAC    Y    Y    N    N    N    N    N    N    X
            createCaseDiscussion    SUP     Y    Y    N    N    N    N    N    N    X
            createCaseDiscussion    SM      Y    Y    N    N    N    N    N    N    X
            createCaseDiscussion    HOS     Y    Y    N    N    N    N    N    N    X
            createCaseDiscussion    QA      Y    Y    N    N    N    N    N    N    X
            createCaseDiscussion    HR      Y    Y    N    N    N    N    N    N    X
            createCaseDiscussion    EM      -    -    -    -    N    N    -    N    X
            createCaseDiscussion    ADMIN   -    -    -    -    N    N    -    N    X
            createCaseDiscussion    C_READ  -    -    -    -    N    N    -    N    N
            createCaseDiscussion    C_WRITE -    -    -    -    N    N    -    N    N
            createCaseDiscussion    ANON    -    -    -    -    U    U    -    U    U
            updateCaseDiscussion    PRAC    Y    Y    N    N    N    N    N    N    X
            updateCaseDiscussion    SUP     Y    Y    N    N    N    N    N    N    X
            updateCaseDiscussion    SM      Y    Y    N    N    N    N    N    N    X
            updateCaseDiscussion    HOS     Y    Y    N    N    N    N    N    N    X
            updateCaseDiscussion    QA      Y    Y    N    N    N    N    N    N    X
            updateCaseDiscussion    HR      Y    Y    N    N    N    N    N    N    X
            updateCaseDiscussion    EM      -    -    -    -    N    N    -    N    X
            updateCaseDiscussion    ADMIN   -    -    -    -    N    N    -    N    X
            updateCaseDiscussion    C_READ  -    -    -    -    N    N    -    N    N
            updateCaseDiscussion    C_WRITE -    -    -    -    N    N    -    N    N
            updateCaseDiscussion    ANON    -    -    -    -    U    U    -    U    U
            deleteCaseDiscussion    PRAC    Y    Y    N    N    N    N    N    N    X
            deleteCaseDiscussion    SUP     Y    Y    N    N    N    N    N    N    X
            deleteCaseDiscussion    SM      Y    Y    N    N    N    N    N    N    X
            deleteCaseDiscussion    HOS     Y    Y    N    N    N    N    N    N    X
            deleteCaseDiscussion    QA      Y    Y    N    N    N    N    N    N    X
            deleteCaseDiscussion    HR      Y    Y    N    N    N    N    N    N    X
            deleteCaseDiscussion    EM      -    -    -    -    N    N    -    N    X
            deleteCaseDiscussion    ADMIN   -    -    -    -    N    N    -    N    X
            deleteCaseDiscussion    C_READ  -    -    -    -    N    N    -    N    N
            deleteCaseDiscussion    C_WRITE -    -    -    -    N    N    -    N    N
            deleteCaseDiscussion    ANON    -    -    -    -    U    U    -    U    U
            signCaseDiscussion      PRAC    Y    Y    N    N    N    N    N    N    X
            signCaseDiscussion      SUP     Y    Y    N    N    N    N    N    N    X
            signCaseDiscussion      SM      Y    Y    N    N    N    N    N    N    X
            signCaseDiscussion      HOS     Y    Y    N    N    N    N    N    N    X
            signCaseDiscussion      QA      Y    Y    N    N    N    N    N    N    X
            signCaseDiscussion      HR      Y    Y    N    N    N    N    N    N    X
            signCaseDiscussion      EM      -    -    -    -    N    N    -    N    X
            signCaseDiscussion      ADMIN   -    -    -    -    N    N    -    N    X
            signCaseDiscussion      C_READ  -    -    -    -    N    N    -    N    N
            signCaseDiscussion      C_WRITE -    -    -    -    N    N    -    N    N
            signCaseDiscussion      ANON    -    -    -    -    U    U    -    U    U
            """;

    // issue 9: audits
    /**
     * Audits of the person's file, their current supervisor audited, by an independent QA auditor (team A2). Reads on a
     * completed audit: the supervisor audited, managers above them and QA, never the person audited, HR, administrators,
     * members or clients; the evidence for QA (and the auditor) only. Writes on a draft: only its auditor (no caller here),
     * so every caller is refused. Starting one: QA anywhere, the service manager in service A, the head of service
     * anywhere; never of one's own file or a file one supervises.
     */
    static final String AUDITS = """
            operation         caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listAudits        PRAC    N    Y    N    N    N    N    N    N    X
            listAudits        SUP     N    Y    Y    N    N    N    N    N    X
            listAudits        SM      N    Y    Y    Y    Y    Y    Y    N    X
            listAudits        HOS     N    Y    Y    Y    Y    Y    Y    Y    X
            listAudits        QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            listAudits        HR      N    N    N    N    N    N    N    N    N
            listAudits        EM      -    -    -    -    N    N    -    N    N
            listAudits        ADMIN   -    -    -    -    N    N    -    N    N
            listAudits        C_READ  -    -    -    -    N    N    -    N    N
            listAudits        C_WRITE -    -    -    -    N    N    -    N    N
            listAudits        ANON    -    -    -    -    U    U    -    U    U
            getAudit          PRAC    N    Y    N    N    N    N    N    N    X
            getAudit          SUP     N    Y    Y    N    N    N    N    N    X
            getAudit          SM      N    Y    Y    Y    Y    Y    Y    N    X
            getAudit          HOS     N    Y    Y    Y    Y    Y    Y    Y    X
            getAudit          QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            getAudit          HR      N    N    N    N    N    N    N    N    X
            getAudit          EM      -    -    -    -    N    N    -    N    X
            getAudit          ADMIN   -    -    -    -    N    N    -    N    X
            getAudit          C_READ  -    -    -    -    N    N    -    N    N
            getAudit          C_WRITE -    -    -    -    N    N    -    N    N
            getAudit          ANON    -    -    -    -    U    U    -    U    U
            getAuditEvidence  PRAC    N    N    N    N    N    N    N    N    X
            getAuditEvidence  SUP     N    N    N    N    N    N    N    N    X
            getAuditEvidence  SM      N    N    N    N    N    N    N    N    X
            getAuditEvidence  HOS     N    N    N    N    N    N    N    N    X
            getAuditEvidence  QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            getAuditEvidence  HR      N    N    N    N    N    N    N    N    X
            getAuditEvidence  EM      -    -    -    -    N    N    -    N    X
            getAuditEvidence  ADMIN   -    -    -    -    N    N    -    N    X
            getAuditEvidence  C_READ  -    -    -    -    N    N    -    N    N
            getAuditEvidence  C_WRITE -    -    -    -    N    N    -    N    N
            getAuditEvidence  ANON    -    -    -    -    U    U    -    U    U
            createAudit       PRAC    N    N    N    N    N    N    N    N    X
            createAudit       SUP     N    N    N    N    N    N    N    N    X
            createAudit       SM      N    N    Y    Y    Y    Y    Y    N    X
            createAudit       HOS     N    N    Y    Y    Y    Y    Y    Y    X
            createAudit       QA      N    N    Y    Y    Y    Y    Y    Y    X
            createAudit       HR      N    N    N    N    N    N    N    N    X
            createAudit       EM      -    -    -    -    N    N    -    N    N
            createAudit       ADMIN   -    -    -    -    N    N    -    N    N
            createAudit       C_READ  -    -    -    -    N    N    -    N    N
            createAudit       C_WRITE -    -    -    -    N    N    -    N    N
            createAudit       ANON    -    -    -    -    U    U    -    U    U
            updateAudit       PRAC    N    N    N    N    N    N    N    N    X
            updateAudit       SUP     N    N    N    N    N    N    N    N    X
            updateAudit       SM      N    N    N    N    N    N    N    N    X
            updateAudit       HOS     N    N    N    N    N    N    N    N    X
            updateAudit       QA      N    N    N    N    N    N    N    N    X
            updateAudit       HR      N    N    N    N    N    N    N    N    X
            updateAudit       EM      -    -    -    -    N    N    -    N    X
            updateAudit       ADMIN   -    -    -    -    N    N    -    N    X
            updateAudit       C_READ  -    -    -    -    N    N    -    N    N
            updateAudit       C_WRITE -    -    -    -    N    N    -    N    N
            updateAudit       ANON    -    -    -    -    U    U    -    U    U
            deleteAudit       PRAC    N    N    N    N    N    N    N    N    X
            deleteAudit       SUP     N    N    N    N    N    N    N    N    X
            deleteAudit       SM      N    N    N    N    N    N    N    N    X
            deleteAudit       HOS     N    N    N    N    N    N    N    N    X
            deleteAudit       QA      N    N    N    N    N    N    N    N    X
            deleteAudit       HR      N    N    N    N    N    N    N    N    X
            deleteAudit       EM      -    -    -    -    N    N    -    N    X
            deleteAudit       ADMIN   -    -    -    -    N    N    -    N    X
            deleteAudit       C_READ  -    -    -    -    N    N    -    N    N
            deleteAudit       C_WRITE -    -    -    -    N    N    -    N    N
            deleteAudit       ANON    -    -    -    -    U    U    -    U    U
            completeAudit     PRAC    N    N    N    N    N    N    N    N    X
            completeAudit     SUP     N    N    N    N    N    N    N    N    X
            completeAudit     SM      N    N    N    N    N    N    N    N    X
            completeAudit     HOS     N    N    N    N    N    N    N    N    X
            completeAudit     QA      N    N    N    N    N    N    N    N    X
            completeAudit     HR      N    N    N    N    N    N    N    N    X
            completeAudit     EM      -    -    -    -    N    N    -    N    X
            completeAudit     ADMIN   -    -    -    -    N    N    -    N    X
            completeAudit     C_READ  -    -    -    -    N    N    -    N    N
            completeAudit     C_WRITE -    -    -    -    N    N    -    N    N
            completeAudit     ANON    -    -    -    -    U    U    -    U    U
            """;

    // ---- the harness

    @Inject
    EmbeddedServer server;
    @Inject
    Fixtures fixtures;
    @Inject
    AccessTokens accessTokens;
    // issue 9: questionnaire
    /**
     * The Part 2 questionnaire sent to the person in that relation (issue 9): seen and answered by the invitee only,
     * QA auditors included among the refused; machine clients refused.
     */
    static final String QUESTIONNAIRES = """
            operation             caller  SELF SUPERVISEE SAME_TEAM OTHER_ORG
            getQuestionnaire      PRAC    Y    N          N         X
            getQuestionnaire      SUP     Y    N          N         X
            getQuestionnaire      SM      Y    N          N         X
            getQuestionnaire      HOS     Y    N          N         X
            getQuestionnaire      QA      Y    N          N         X
            getQuestionnaire      HR      Y    N          N         X
            getQuestionnaire      EM      -    -          N         X
            getQuestionnaire      ADMIN   -    -          N         X
            getQuestionnaire      C_READ  -    -          N         N
            getQuestionnaire      C_WRITE -    -          N         N
            getQuestionnaire      ANON    -    -          U         U
            answerQuestionnaire   PRAC    Y    N          N         X
            answerQuestionnaire   SUP     Y    N          N         X
            answerQuestionnaire   SM      Y    N          N         X
            answerQuestionnaire   HOS     Y    N          N         X
            answerQuestionnaire   QA      Y    N          N         X
            answerQuestionnaire   HR      Y    N          N         X
            answerQuestionnaire   EM      -    -          N         X
            answerQuestionnaire   ADMIN   -    -          N         X
            answerQuestionnaire   C_READ  -    -          N         N
            answerQuestionnaire   C_WRITE -    -          N         N
            answerQuestionnaire   ANON    -    -          U         U
            """;

    /** The caller's own questionnaires (people with a staff record), who answered and what (QA only), the aggregates (issue 9). */
    static final String QUESTIONNAIRE_OVERSIGHT = """
            operation                   PRAC SUP SM  HOS QA  HR  EM  ADMIN C_READ C_WRITE ANON
            listMyQuestionnaires        Y    Y   Y   Y   Y   Y   N   N     N      N       U
            issueQuestionnaireRound     N    N   N   N   Y   N   N   N     N      N       U
            listQuestionnaireInvitations N   N   N   N   Y   N   N   N     N      N       U
            getAuditQuestionnaireAnswer N    N   N   N   Y   N   N   N     N      N       U
            getAuditCrossCheck          N    N   N   N   Y   N   N   N     N      N       U
            listAuditDisagreements      N    N   N   N   Y   N   N   N     N      N       U
            getQuestionnaireResults     N    Y   Y   Y   Y   N   Y   N     N      N       U
            """;

    // issue 9: audit reports
    /**
     * Quarterly audit reports of the service of the person in that relation (SAME_TEAM: service A, which the service
     * manager manages; OTHER_SERVICE: service B; OTHER_ORG: another organisation's). Each cell uses a quarter of its own.
     */
    static final String AUDIT_REPORTS = """
            operation               caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            listAuditReports        PRAC    -    -    -    -    N    -    -    N    N
            listAuditReports        SUP     -    -    -    -    N    -    -    N    N
            listAuditReports        SM      -    -    -    -    Y    -    -    N    X
            listAuditReports        HOS     -    -    -    -    Y    -    -    Y    X
            listAuditReports        QA      -    -    -    -    Y    -    -    Y    X
            listAuditReports        HR      -    -    -    -    N    -    -    N    N
            listAuditReports        EM      -    -    -    -    N    -    -    N    N
            listAuditReports        ADMIN   -    -    -    -    N    -    -    N    N
            listAuditReports        C_READ  -    -    -    -    N    -    -    N    N
            listAuditReports        C_WRITE -    -    -    -    N    -    -    N    N
            listAuditReports        ANON    -    -    -    -    U    -    -    U    U
            getAuditReport          PRAC    -    -    -    -    N    -    -    N    X
            getAuditReport          SUP     -    -    -    -    N    -    -    N    X
            getAuditReport          SM      -    -    -    -    Y    -    -    N    X
            getAuditReport          HOS     -    -    -    -    Y    -    -    Y    X
            getAuditReport          QA      -    -    -    -    Y    -    -    Y    X
            getAuditReport          HR      -    -    -    -    N    -    -    N    X
            getAuditReport          EM      -    -    -    -    N    -    -    N    X
            getAuditReport          ADMIN   -    -    -    -    N    -    -    N    X
            getAuditReport          C_READ  -    -    -    -    N    -    -    N    N
            getAuditReport          C_WRITE -    -    -    -    N    -    -    N    N
            getAuditReport          ANON    -    -    -    -    U    -    -    U    U
            updateAuditReport       PRAC    -    -    -    -    N    -    -    N    X
            updateAuditReport       SUP     -    -    -    -    N    -    -    N    X
            updateAuditReport       SM      -    -    -    -    Y    -    -    N    X
            updateAuditReport       HOS     -    -    -    -    N    -    -    N    X
            updateAuditReport       QA      -    -    -    -    Y    -    -    Y    X
            updateAuditReport       HR      -    -    -    -    N    -    -    N    X
            updateAuditReport       EM      -    -    -    -    N    -    -    N    X
            updateAuditReport       ADMIN   -    -    -    -    N    -    -    N    X
            updateAuditReport       C_READ  -    -    -    -    N    -    -    N    N
            updateAuditReport       C_WRITE -    -    -    -    N    -    -    N    N
            updateAuditReport       ANON    -    -    -    -    U    -    -    U    U
            signOffAuditReport      PRAC    -    -    -    -    N    -    -    N    X
            signOffAuditReport      SUP     -    -    -    -    N    -    -    N    X
            signOffAuditReport      SM      -    -    -    -    N    -    -    N    X
            signOffAuditReport      HOS     -    -    -    -    Y    -    -    Y    X
            signOffAuditReport      QA      -    -    -    -    N    -    -    N    X
            signOffAuditReport      HR      -    -    -    -    N    -    -    N    X
            signOffAuditReport      EM      -    -    -    -    N    -    -    N    X
            signOffAuditReport      ADMIN   -    -    -    -    N    -    -    N    X
            signOffAuditReport      C_READ  -    -    -    -    N    -    -    N    N
            signOffAuditReport      C_WRITE -    -    -    -    N    -    -    N    N
            signOffAuditReport      ANON    -    -    -    -    U    -    -    U    U
            """;

    // issue 10: measures service
    /**
     * The measures (decision 0033). getMeasures and listMeasurePeople ask for the PERSON scope of the person in that
     * relation: in full for themselves, the managers above them and QA, never for totals-only callers. The series asks
     * for the person's team and the breakdown for the person's service: anyone with at least the totals (supervisors,
     * managers, QA, HR, administrators, elected members), never a practitioner alone or a client without measures:read.
     * Callers who may see no one's figures but their own are refused a PERSON scope before the look-up (403, even for
     * another organisation's person), so the answer never says whether a staff id exists.
     */
    static final String MEASURES = """
            operation            caller  SELF SUPERVISEE BELOW FORMER SAME_TEAM OTHER_TEAM ABOVE OTHER_SERVICE OTHER_ORG
            getMeasures          PRAC    Y    N    N    N    N    N    N    N    N
            getMeasures          SUP     Y    Y    Y    N    N    N    N    N    X
            getMeasures          SM      Y    Y    Y    Y    Y    Y    Y    N    X
            getMeasures          HOS     Y    Y    Y    Y    Y    Y    Y    Y    X
            getMeasures          QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            getMeasures          HR      Y    N    N    N    N    N    N    N    N
            getMeasures          EM      -    -    -    -    N    N    -    N    N
            getMeasures          ADMIN   -    -    -    -    N    N    -    N    N
            getMeasures          C_READ  -    -    -    -    N    N    -    N    N
            getMeasures          C_WRITE -    -    -    -    N    N    -    N    N
            getMeasures          ANON    -    -    -    -    U    U    -    U    U
            listMeasurePeople    PRAC    Y    N    N    N    N    N    N    N    N
            listMeasurePeople    SUP     Y    Y    Y    N    N    N    N    N    X
            listMeasurePeople    SM      Y    Y    Y    Y    Y    Y    Y    N    X
            listMeasurePeople    HOS     Y    Y    Y    Y    Y    Y    Y    Y    X
            listMeasurePeople    QA      Y    Y    Y    Y    Y    Y    Y    Y    X
            listMeasurePeople    HR      Y    N    N    N    N    N    N    N    N
            listMeasurePeople    EM      -    -    -    -    N    N    -    N    N
            listMeasurePeople    ADMIN   -    -    -    -    N    N    -    N    N
            listMeasurePeople    C_READ  -    -    -    -    N    N    -    N    N
            listMeasurePeople    C_WRITE -    -    -    -    N    N    -    N    N
            listMeasurePeople    ANON    -    -    -    -    U    U    -    U    U
            getMeasureSeries     PRAC    -    -    -    -    N    N    -    N    X
            getMeasureSeries     SUP     -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     SM      -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     HOS     -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     QA      -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     HR      -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     EM      -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     ADMIN   -    -    -    -    Y    Y    -    Y    X
            getMeasureSeries     C_READ  -    -    -    -    N    N    -    N    N
            getMeasureSeries     C_WRITE -    -    -    -    N    N    -    N    N
            getMeasureSeries     ANON    -    -    -    -    U    U    -    U    U
            getMeasureBreakdown  PRAC    -    -    -    -    N    -    -    N    X
            getMeasureBreakdown  SUP     -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  SM      -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  HOS     -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  QA      -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  HR      -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  EM      -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  ADMIN   -    -    -    -    Y    -    -    Y    X
            getMeasureBreakdown  C_READ  -    -    -    -    N    -    -    N    N
            getMeasureBreakdown  C_WRITE -    -    -    -    N    -    -    N    N
            getMeasureBreakdown  ANON    -    -    -    -    U    -    -    U    U
            """;

    Api api;
    World world;
    World elsewhere;
    String readClient;
    String writeClient;
    String clientCredentials;
    final LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));

    /** Every table, by name (for messages). */
    static Map<String, String> tables() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("PUBLIC_AND_ACCOUNT", PUBLIC_AND_ACCOUNT);
        all.put("ORGANISATION", ORGANISATION);
        all.put("STAFF", STAFF);
        all.put("AGREEMENTS", AGREEMENTS);
        all.put("SESSIONS", SESSIONS);
        all.put("LIFECYCLE", LIFECYCLE);
        all.put("ACTIONS", ACTIONS);
        all.put("DECISIONS", DECISIONS);
        all.put("DECISIONS_AND_WEBHOOKS", DECISIONS_AND_WEBHOOKS);
        all.put("CHILDREN", CHILDREN);
        all.put("CASE_DISCUSSIONS", CASE_DISCUSSIONS);
        // issue 9: audits
        all.put("AUDITS", AUDITS);
        // issue 9: questionnaire
        all.put("QUESTIONNAIRES", QUESTIONNAIRES);
        all.put("QUESTIONNAIRE_OVERSIGHT", QUESTIONNAIRE_OVERSIGHT);
        all.put("EVIDENCE_PACKS", EVIDENCE_PACKS);  // issue 10: evidence packs
        // issue 9: sample
        all.put("AUDIT_SAMPLES", AUDIT_SAMPLES);
        all.put("AUDIT_REPORTS", AUDIT_REPORTS);  // issue 9: audit reports
        all.put("MEASURES", MEASURES);  // issue 10: measures service
        return all;
    }

    @BeforeAll
    void setUp() {
        api = new Api(server.getURI());
        world = fixtures.organisation();
        elsewhere = fixtures.organisation();
        String admin = tokenFor(fixtures.account(world.org(), null, null, Role.ADMIN), List.of(Role.ADMIN), null);
        Api.Response client = api.post("/api/v1/machine-clients", admin,
                Map.of("name", Fixtures.unique("HR system"), "scopes", List.of("staff.read", "staff.write")));
        assertEquals(201, client.status(), client.body());
        clientCredentials = client.json().get("clientId").asText() + ":" + client.json().get("clientSecret").asText();
        readClient = clientToken("staff.read");
        writeClient = clientToken("staff.write");
    }

    @Test
    void everyOperationOfTheContractHasRowsForEveryCaller() {
        List<AccessMatrix.Row> rows = AccessMatrix.parse(tables());
        List<String> problems = AccessMatrix.coverage(AccessMatrix.operationsOf(AccessMatrix.contract()), rows, probes().keySet());
        assertEquals(List.of(), problems, "The access matrix must have rows (and a probe) for every operation of openapi.yaml");
    }

    @TestFactory
    Stream<DynamicTest> matrix() {
        Map<String, Probe> probes = probes();
        List<DynamicTest> tests = new ArrayList<>();
        for (AccessMatrix.Row row : AccessMatrix.parse(tables())) {
            row.cells().forEach((relation, expected) -> {
                if (!expected.equals("-")) {
                    tests.add(DynamicTest.dynamicTest(row.operation() + " " + row.caller() + " " + relation + " -> " + expected,
                            () -> check(row.operation(), probes.get(row.operation()), row.caller(), relation, expected)));
                }
            });
        }
        return tests.stream();
    }

    // ---- probes: how to call each operation, and what shows a change happened

    /** How one operation is called in a cell; for a list, which id shows the record; for a change, its trace in the database. */
    record Probe(Function<Cell, Api.Response> call, Function<Cell, String> listedId, Function<Cell, String> state) {
    }

    static Probe read(Function<Cell, Api.Response> call) {
        return new Probe(call, null, null);
    }

    static Probe list(Function<Cell, Api.Response> call, Function<Cell, String> listedId) {
        return new Probe(call, listedId, null);
    }

    static Probe change(Function<Cell, Api.Response> call, Function<Cell, String> state) {
        return new Probe(call, null, state);
    }

    Map<String, Probe> probes() {
        Map<String, Probe> p = new HashMap<>();
        // public and account
        p.put("getHealth", read(c -> api.get("/health", c.token())));
        p.put("signIn", read(c -> api.post("/api/v1/auth/sign-in", c.token(), Map.of("username", signable().username(), "password", Fixtures.PASSWORD))));
        p.put("refreshToken", read(c -> api.post("/api/v1/auth/token-refresh", c.token(),
                Map.of("refreshToken", api.signIn(signable().username(), Fixtures.PASSWORD).get("refreshToken").asText()))));
        p.put("issueClientToken", read(c -> api.form("/api/v1/oauth/token", clientCredentials, "grant_type=client_credentials&scope=staff.read")));
        p.put("signOut", read(c -> api.post("/api/v1/auth/sign-out", c.token(), Map.of("refreshToken", "rt_" + Fixtures.unique("unknown")))));
        p.put("getMe", read(c -> api.get("/api/v1/me", c.token())));
        p.put("listMyActivity", read(c -> api.get("/api/v1/me/activity", c.token())));
        p.put("searchActivity", read(c -> api.get("/api/v1/activity?limit=5", c.token())));
        p.put("exportActivity", read(c -> api.get("/api/v1/activity.csv", c.token())));
        p.put("verifyIntegrity", read(c -> api.post("/api/v1/integrity/verifications", c.token(), null)));
        // organisation
        p.put("listServices", read(c -> api.get("/api/v1/services", c.token())));
        p.put("createService", change(c -> api.post("/api/v1/services", c.token(), Map.of("name", c.tag("Service"))),
                c -> count("SELECT COUNT(*) FROM service WHERE name = ?", c.tag("Service"))));
        p.put("listTeams", read(c -> api.get("/api/v1/teams?serviceId=" + world.serviceA().id(), c.token())));
        p.put("getTeam", read(c -> api.get("/api/v1/teams/" + world.teamA1().id(), c.token())));
        p.put("createTeam", change(c -> api.post("/api/v1/teams", c.token(), Map.of("serviceId", world.serviceB().id(), "name", c.tag("Team"))),
                c -> count("SELECT COUNT(*) FROM team WHERE name = ?", c.tag("Team"))));
        p.put("listPolicyProfiles", read(c -> api.get("/api/v1/policy-profiles", c.token())));
        p.put("getPolicyProfile", read(c -> api.get("/api/v1/policy-profiles/" + coventryProfile(), c.token())));
        p.put("getPolicyTemplate", read(c -> api.get("/api/v1/policy-templates/00000000-0000-7000-8101-000000000001", c.token())));
        p.put("getOrganisationPolicy", read(c -> api.get("/api/v1/organisation/policy", c.token())));
        p.put("updateOrganisationPolicy", change(c -> api.put("/api/v1/organisation/policy", c.token(),
                        Map.of("profileId", coventryProfile(), "overrides", Map.of()), policyETag()),
                c -> fixtures.string("SELECT version FROM organisation_policy WHERE organisation_id = ?", world.org().id())));
        p.put("listMachineClients", read(c -> api.get("/api/v1/machine-clients", c.token())));
        p.put("registerMachineClient", change(c -> api.post("/api/v1/machine-clients", c.token(),
                        Map.of("name", c.tag("Client"), "scopes", List.of("staff.read"))),
                c -> count("SELECT COUNT(*) FROM machine_client WHERE name = ?", c.tag("Client"))));
        p.put("createStaff", change(c -> api.post("/api/v1/staff", c.token(), staffCreate(c.tag("Created"))),
                c -> count("SELECT COUNT(*) FROM staff WHERE family_name = ?", c.tag("Created"))));
        // accounts: each cell acts on an account of its own, holding one practitioner grant
        p.put("grantRole", change(c -> api.post(accountUrl(c) + "/role-grants", c.token(), Map.of("role", "QA_AUDITOR")),
                c -> count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", targetAccount(c).id())));
        p.put("removeRoleGrant", change(c -> api.raw("DELETE", accountUrl(c) + "/role-grants/"
                        + fixtures.string("SELECT id FROM role_grant WHERE account_id = ?", targetAccount(c).id()), c.token(), null, null),
                c -> count("SELECT COUNT(*) FROM role_grant WHERE account_id = ?", targetAccount(c).id())));
        p.put("disableAccount", change(c -> api.post(accountUrl(c) + "/disablement", c.token(), null),
                c -> fixtures.string("SELECT enabled FROM account WHERE id = ?", targetAccount(c).id())));
        // staff
        p.put("getStaff", read(c -> api.get(staffUrl(c), c.token())));
        p.put("getStaffHistory", read(c -> api.get(staffUrl(c) + "/history", c.token())));
        p.put("getSupervisionSchedule", read(c -> api.get(staffUrl(c) + "/schedule", c.token())));
        p.put("listStaff", list(c -> api.get("/api/v1/staff?limit=200&q=" + c.person().familyName(), c.token()), c -> c.person().id()));
        p.put("updateStaff", change(c -> api.put(staffUrl(c), c.token(), editable(c.person(), c.tag("Updated")), staffETag(c)),
                c -> fixtures.string("SELECT family_name FROM staff WHERE id = ?", c.person().id())));
        p.put("recordLeaver", change(c -> api.post(staffUrl(c) + "/leaving", c.token(), Map.of("leavingDate", today.toString()), staffETag(c)),
                c -> fixtures.string("SELECT leaving_date FROM staff WHERE id = ?", c.person().id())));
        p.put("moveStaff", change(c -> api.post(staffUrl(c) + "/moves", c.token(),
                        Map.of("effectiveDate", today.toString(), "supervisorId", newSupervisor(c).id()), staffETag(c)),
                c -> count("SELECT COUNT(*) FROM supervision_relation WHERE supervisee_id = ? AND supervisor_id = ?", c.person().id(), newSupervisor(c).id())));
        p.put("listSupervisionRelations", list(c -> api.get("/api/v1/supervision-relations?current=false&superviseeId=" + c.person().id(), c.token()),
                c -> c.supervisor().id()));
        p.put("createSupervisionRelation", change(c -> api.post("/api/v1/supervision-relations", c.token(),
                        Map.of("supervisorId", newSupervisor(c).id(), "superviseeId", c.person().id(), "fromDate", today.toString())),
                c -> count("SELECT COUNT(*) FROM supervision_relation WHERE supervisee_id = ? AND supervisor_id = ?", c.person().id(), newSupervisor(c).id())));
        p.put("getMySuperviseesDashboard", list(c -> api.get("/api/v1/dashboards/my-supervisees", c.token()), c -> c.person().id()));
        // agreements: about the person, with their current supervisor
        p.put("listAgreements", list(c -> api.get("/api/v1/agreements?limit=100&superviseeId=" + c.person().id(), c.token()),
                c -> agreement(c, "ACTIVE")));
        p.put("getAgreement", read(c -> api.get(agreementUrl(c, "ACTIVE"), c.token())));
        p.put("listAgreementVersions", list(c -> api.get("/api/v1/agreements/" + previousVersion(c) + "/versions", c.token()),
                c -> {
                    previousVersion(c);
                    return agreement(c, "ACTIVE");
                }));
        p.put("createAgreement", change(c -> api.post("/api/v1/agreements", c.token(), agreementCreate(c.person().id())),
                c -> count("SELECT COUNT(*) FROM agreement WHERE supervisee_id = ?", c.person().id())));
        p.put("updateAgreement", change(c -> api.put(agreementUrl(c, "DRAFT"), c.token(), agreementFields(c.tag("Room")), "\"v1\""),
                c -> fixtures.string("SELECT location FROM agreement WHERE id = ?", agreement(c, "DRAFT"))));
        p.put("submitAgreement", change(c -> api.post(agreementUrl(c, "DRAFT") + "/submission", c.token(), null, "\"v1\""),
                c -> fixtures.string("SELECT status FROM agreement WHERE id = ?", agreement(c, "DRAFT"))));
        p.put("signAgreement", change(c -> api.post(agreementUrl(c, "AWAITING_SIGNATURES") + "/signatures", c.token(), null, "\"v1\""),
                c -> count("SELECT COUNT(*) FROM agreement_signature WHERE agreement_id = ?", agreement(c, "AWAITING_SIGNATURES"))));
        p.put("reviewAgreement", change(c -> api.post(agreementUrl(c, "ACTIVE") + "/reviews", c.token(), null),
                c -> count("SELECT COUNT(*) FROM agreement WHERE previous_version_id = ?", agreement(c, "ACTIVE"))));
        // sessions: a one-to-one of the person with their current supervisor
        p.put("listSessions", list(c -> api.get("/api/v1/sessions?superviseeId=" + c.person().id(), c.token()), this::session));
        p.put("getSession", read(c -> api.get(sessionUrl(c), c.token())));
        p.put("planSessions", change(c -> api.post("/api/v1/sessions", c.token(), Map.of("superviseeIds", List.of(c.person().id()),
                        "date", today.plusDays(14).toString(), "startTime", "10:00", "plannedMinutes", 90, "location", "Room 3")),
                c -> count("SELECT COUNT(*) FROM session_participant WHERE supervisee_id = ?", c.person().id())));
        // The dates a series would be booked on: the same rule as booking it.
        p.put("previewSessionDates", read(c -> api.get("/api/v1/staff/" + c.person().id() + "/session-dates?first="
                + today.plusDays(14) + "&count=3", c.token())));
        p.put("rescheduleSession", change(c -> api.post(sessionUrl(c) + "/rescheduling", c.token(),
                        Map.of("date", today.plusDays(9).toString(), "startTime", "14:30", "reason", "Clash"), "\"v1\""),
                c -> fixtures.string("SELECT meeting_date FROM supervision_session WHERE id = ?", session(c))));
        p.put("postponeSession", change(c -> api.post(sessionUrl(c) + "/postponement", c.token(), Map.of("reason", "Court"), "\"v1\""),
                c -> fixtures.string("SELECT status FROM supervision_session WHERE id = ?", session(c))));
        p.put("cancelSession", change(c -> api.post(sessionUrl(c) + "/cancellation", c.token(),
                        Map.of("cancelledBy", "SUPERVISOR", "reason", "Sickness"), "\"v1\""),
                c -> fixtures.string("SELECT status FROM supervision_session WHERE id = ?", session(c))));
        p.put("markSessionHeld", change(c -> api.post("/api/v1/sessions/" + todaysSession(c) + "/held", c.token(), Map.of("actualMinutes", 90), "\"v1\""),
                c -> fixtures.string("SELECT status FROM supervision_session WHERE id = ?", todaysSession(c))));
        p.put("getSessionRecord", read(c -> api.get(recordUrl(c), c.token())));
        p.put("updateSessionRecord", change(c -> api.put(recordUrl(c), c.token(), Map.of("entries", List.of(), "personalIssuesDiscussed", false,
                        "reflection", c.tag("Reflection"), "actionReviews", List.of()), "\"v1\""),
                c -> fixtures.string("SELECT reflection FROM session_record WHERE session_id = ?", heldSession(c))));
        p.put("addRecordNote", change(c -> api.post(recordUrl(c) + "/notes", c.token(), Map.of("kind", "COMMENT", "text", "Agreed.")),
                c -> count("SELECT COUNT(*) FROM record_note WHERE session_id = ?", heldSession(c))));
        p.put("signSessionRecord", change(c -> api.post(recordUrl(c) + "/signatures", c.token(), null, "\"v1\""),
                c -> count("SELECT COUNT(*) FROM record_signature WHERE session_id = ?", heldSession(c))));
        // actions: the person's own, owned by them
        p.put("getSupervisionHandover", read(c -> api.get(staffUrl(c) + "/handover", c.token())));
        p.put("transferSession", change(c -> api.post("/api/v1/sessions/" + formerSupervisorsSession(c) + "/transfer", c.token(),
                        Map.of("outcome", "TRANSFER"), "\"v1\""),
                c -> fixtures.string("SELECT supervisor_id FROM supervision_session WHERE id = ?", formerSupervisorsSession(c))));
        p.put("listSessionRequests", list(c -> api.get("/api/v1/session-requests?limit=200&superviseeId=" + c.person().id(), c.token()),
                this::sessionRequest));
        p.put("requestSession", change(c -> api.post("/api/v1/session-requests", c.token(), Map.of("reason", c.tag("Extra"))),
                c -> count("SELECT COUNT(*) FROM session_request WHERE reason = ?", c.tag("Extra"))));
        p.put("getSessionRequest", read(c -> api.get("/api/v1/session-requests/" + sessionRequest(c), c.token())));
        p.put("bookSessionRequest", change(c -> api.post("/api/v1/session-requests/" + sessionRequest(c) + "/booking", c.token(),
                        Map.of("date", today.plusDays(7).toString(), "startTime", "10:00", "plannedMinutes", 90, "location", "Room 1"), "\"v1\""),
                c -> fixtures.string("SELECT status FROM session_request WHERE id = ?", sessionRequest(c))));
        p.put("declineSessionRequest", change(c -> api.post("/api/v1/session-requests/" + sessionRequest(c) + "/declination", c.token(),
                        Map.of("reason", "We meet on Monday"), "\"v1\""),
                c -> fixtures.string("SELECT status FROM session_request WHERE id = ?", sessionRequest(c))));
        p.put("listActions", list(c -> api.get("/api/v1/actions?superviseeId=" + c.person().id(), c.token()), this::action));
        p.put("createAction", change(c -> api.post("/api/v1/actions", c.token(), Map.of("superviseeId", c.person().id(),
                        "ownerId", c.person().id(), "text", "Read the research", "dueDate", today.plusDays(7).toString())),
                c -> count("SELECT COUNT(*) FROM supervision_action WHERE supervisee_id = ?", c.person().id())));
        p.put("updateAction", change(c -> api.put("/api/v1/actions/" + action(c), c.token(), Map.of("ownerId", c.person().id(),
                        "text", c.tag("Changed"), "dueDate", today.plusDays(7).toString(), "status", "OPEN"), "\"v1\""),
                c -> fixtures.string("SELECT text FROM supervision_action WHERE id = ?", action(c))));
        p.put("deleteAction", change(c -> api.raw("DELETE", "/api/v1/actions/" + action(c), c.token(), null, null, Map.of("If-Match", "\"v1\"")),
                c -> count("SELECT COUNT(*) FROM supervision_action WHERE id = ?", action(c))));
        // children and case discussions (issue 8)
        p.put("listChildren", list(c -> api.get("/api/v1/children?limit=200&allocatedWorkerId=" + c.person().id(), c.token()), this::child));
        p.put("getChild", read(c -> api.get("/api/v1/children/" + child(c), c.token())));
        p.put("createChild", change(c -> api.post("/api/v1/children", c.token(), Map.of("name", "Amelia Brown",
                        "caseNumber", Fixtures.unique("PRN"), "allocatedWorkerId", c.person().id())),
                c -> count("SELECT COUNT(*) FROM child WHERE allocated_worker_id = ?", c.person().id())));
        p.put("updateChild", change(c -> api.put("/api/v1/children/" + child(c), c.token(), Map.of("name", c.tag("Amelia"),
                        "allocatedWorkerId", c.person().id()), "\"v1\""),
                c -> fixtures.string("SELECT name FROM child WHERE id = ?", child(c))));
        p.put("listCaseDiscussions", list(c -> api.get("/api/v1/case-discussions?limit=200&superviseeId=" + c.person().id(), c.token()),
                this::caseDiscussion));
        p.put("getCaseDiscussion", read(c -> api.get("/api/v1/case-discussions/" + caseDiscussion(c), c.token())));
        p.put("createCaseDiscussion", change(c -> api.post("/api/v1/case-discussions", c.token(), Map.of("childId", child(c),
                        "superviseeId", c.person().id())),
                c -> count("SELECT COUNT(*) FROM case_discussion WHERE supervisee_id = ?", c.person().id())));
        p.put("updateCaseDiscussion", change(c -> api.put("/api/v1/case-discussions/" + caseDiscussion(c), c.token(), Map.of(
                        "discussedOn", today.toString(), "answers", List.of(), "childVoice", Map.of("status", "RECORDED", "view", "Happy", "seenAlone", true),
                        "decisions", List.of(Map.of("text", c.tag("Decision"))), "actions", List.of()), "\"v1\""),
                c -> fixtures.string("SELECT content_json FROM case_discussion WHERE id = ?", caseDiscussion(c))));
        p.put("deleteCaseDiscussion", change(c -> api.raw("DELETE", "/api/v1/case-discussions/" + caseDiscussion(c), c.token(), null, null,
                        Map.of("If-Match", "\"v1\"")),
                c -> count("SELECT COUNT(*) FROM case_discussion WHERE id = ?", caseDiscussion(c))));
        p.put("signCaseDiscussion", change(c -> api.post("/api/v1/case-discussions/" + caseDiscussion(c) + "/signatures", c.token(), null, "\"v1\""),
                c -> count("SELECT COUNT(*) FROM case_discussion_signature WHERE case_discussion_id = ?", caseDiscussion(c))));
        // issue 9: audits
        p.put("listAudits", list(c -> api.get("/api/v1/audits?limit=200&superviseeId=" + c.person().id(), c.token()), this::completedAudit));
        p.put("getAudit", read(c -> api.get("/api/v1/audits/" + completedAudit(c), c.token())));
        p.put("getAuditEvidence", read(c -> api.get("/api/v1/audits/" + completedAudit(c) + "/evidence", c.token())));
        p.put("createAudit", change(c -> api.post("/api/v1/audits", c.token(), Map.of("superviseeId", c.person().id(), "kind", "AD_HOC")),
                c -> count("SELECT COUNT(*) FROM file_audit WHERE supervisee_id = ?", c.person().id())));
        p.put("updateAudit", change(c -> api.put("/api/v1/audits/" + draftAudit(c), c.token(), Map.of("periodFrom", today.minusMonths(1).toString(),
                        "periodTo", today.toString(), "answers", List.of(Map.of("key", "q1", "value", "1")), "actions", List.of()), "\"v2\""),
                c -> fixtures.string("SELECT content_json FROM file_audit WHERE id = ?", draftAudit(c))));
        p.put("deleteAudit", change(c -> api.raw("DELETE", "/api/v1/audits/" + draftAudit(c), c.token(), null, null, Map.of("If-Match", "\"v2\"")),
                c -> count("SELECT COUNT(*) FROM file_audit WHERE id = ?", draftAudit(c))));
        p.put("completeAudit", change(c -> api.post("/api/v1/audits/" + draftAudit(c) + "/completion", c.token(), null, "\"v2\""),
                c -> count("SELECT COUNT(*) FROM file_audit_signature WHERE file_audit_id = ?", draftAudit(c))));
        p.put("proposeAgendaItem", change(c -> api.post(staffUrl(c) + "/next-agenda-items", c.token(), Map.of("text", c.tag("Agenda"))),
                c -> count("SELECT COUNT(*) FROM agenda_proposal WHERE supervisee_id = ?", c.person().id())));
        // issue 8: decisions about children, the 24-hour measure, webhooks
        p.put("recordManagementDecision", change(c -> api.post("/api/v1/case-decisions", c.token(),
                        Map.of("childId", child(c), "decision", c.tag("Decided"), "rationale", "Because")),
                c -> count("SELECT COUNT(*) FROM case_decision WHERE child_id = ?", child(c))));
        p.put("listCaseDecisions", list(c -> api.get("/api/v1/case-decisions?limit=200&childId=" + child(c), c.token()), this::caseDecision));
        p.put("getCaseDecision", read(c -> api.get("/api/v1/case-decisions/" + caseDecision(c), c.token())));
        p.put("acknowledgeCaseDecision", change(c -> api.post("/api/v1/case-decisions/" + caseDecision(c) + "/acknowledgement", c.token(), Map.of()),
                c -> count("SELECT COUNT(*) FROM case_decision_acknowledgement WHERE decision_id = ?", caseDecision(c))));
        p.put("getDecisionsFiled", read(c -> api.get("/api/v1/dashboards/decisions-filed", c.token())));
        p.put("getChildVoiceRecorded", read(c -> api.get("/api/v1/dashboards/child-voice", c.token())));
        p.put("listWebhooks", read(c -> api.get("/api/v1/webhooks", c.token())));
        p.put("registerWebhook", change(c -> api.post("/api/v1/webhooks", c.token(), Map.of("url", "https://127.0.0.1:9/" + c.id(),
                        "events", List.of("case-decision.ready"))),
                c -> count("SELECT COUNT(*) FROM webhook WHERE url = ?", "https://127.0.0.1:9/" + c.id())));
        p.put("removeWebhook", change(c -> api.raw("DELETE", "/api/v1/webhooks/" + webhook(c), c.token(), null, null),
                c -> fixtures.string("SELECT removed_at FROM webhook WHERE id = ?", webhook(c))));
        p.put("listWebhookDeliveries", read(c -> api.get("/api/v1/webhooks/" + webhook(c) + "/deliveries", c.token())));
        // issue 9: questionnaire
        p.put("getQuestionnaire", read(c -> api.get("/api/v1/questionnaires/" + invitation(c), c.token())));
        p.put("answerQuestionnaire", change(c -> api.post("/api/v1/questionnaires/" + invitation(c) + "/response", c.token(), partTwoAnswers()),
                c -> fixtures.string("SELECT answered_at FROM questionnaire_invitation WHERE id = ?", invitation(c))));
        p.put("listMyQuestionnaires", read(c -> api.get("/api/v1/questionnaires", c.token())));
        p.put("issueQuestionnaireRound", change(c -> api.post("/api/v1/questionnaire-rounds", c.token(),
                        Map.of("teamId", c.world().teamA1().id(), "expiresOn", today.plusDays(10).toString())),
                c -> count("SELECT COUNT(*) FROM questionnaire_round WHERE organisation_id = ?", c.world().org().id())));
        p.put("listQuestionnaireInvitations", read(c -> api.get("/api/v1/questionnaire-invitations?limit=5", c.token())));
        p.put("getAuditQuestionnaireAnswer", read(c -> api.get("/api/v1/audits/" + answeredAudit(c) + "/questionnaire-answer", c.token())));
        p.put("getAuditCrossCheck", read(c -> api.get("/api/v1/audits/" + answeredAudit(c) + "/cross-check", c.token())));
        p.put("listAuditDisagreements", read(c -> api.get("/api/v1/audit-disagreements?quarter=" + uk.supervision.audit.Quarter.of(today), c.token())));
        p.put("getQuestionnaireResults", read(c -> api.get("/api/v1/questionnaire-results?quarter=" + uk.supervision.audit.Quarter.of(today).previous(),
                c.token())));
        // issue 10: evidence packs
        p.put("listEvidencePacks", read(c -> api.get("/api/v1/evidence-packs?limit=5", c.token())));
        p.put("requestEvidencePack", change(c -> api.post("/api/v1/evidence-packs", c.token(), Map.of("scope", "DIRECTORATE",
                        "from", java.time.YearMonth.from(today).toString(), "to", java.time.YearMonth.from(today).toString())),
                c -> count("SELECT COUNT(*) FROM evidence_pack WHERE organisation_id = ?", c.world().org().id())));
        p.put("getEvidencePack", read(c -> api.get("/api/v1/evidence-packs/" + ownPack(c), c.token())));
        p.put("downloadEvidencePackFile", read(c -> api.get("/api/v1/evidence-packs/" + ownPack(c) + "/files/sessions.overdue.csv", c.token())));
        // issue 9: sample
        p.put("listAuditSamples", list(c -> api.get("/api/v1/audit-samples?limit=200", c.token()), this::auditSample));
        p.put("drawAuditSample", change(c -> api.post("/api/v1/audit-samples", c.token(),
                        Map.of("quarter", uk.supervision.audit.Quarter.of(today).next().toString(), "size", 1)),
                c -> count("SELECT COUNT(*) FROM audit_sample WHERE organisation_id = ?", world.org().id())));
        p.put("getAuditSample", read(c -> api.get("/api/v1/audit-samples/" + auditSample(c), c.token())));
        p.put("getAuditSchedule", read(c -> api.get("/api/v1/audit-schedule", c.token())));
        // issue 9: audit reports
        p.put("listAuditReports", list(c -> api.get("/api/v1/audit-reports?quarter=" + reportQuarter(c, false), c.token()),
                c -> reportService(c).id()));
        p.put("getAuditReport", read(c -> api.get(reportUrl(c, false), c.token())));
        p.put("updateAuditReport", change(c -> api.put(reportUrl(c, false), c.token(), Map.of("themes", "Themes " + c.id()), "\"v0\""),
                c -> fixtures.string("SELECT themes FROM audit_report WHERE service_id = ? AND quarter = ?", reportService(c).id(), reportQuarter(c, false))));
        p.put("signOffAuditReport", change(c -> api.post(reportUrl(c, true) + "/sign-off", c.token(), null, "\"v1\""),
                c -> fixtures.string("SELECT status FROM audit_report WHERE service_id = ? AND quarter = ?", reportService(c).id(), reportQuarter(c, true))));
        // issue 10: measures service
        p.put("getMeasures", read(c -> api.get("/api/v1/measures?scope=PERSON&scopeId=" + c.person().id(), c.token())));
        p.put("listMeasurePeople", read(c -> api.get("/api/v1/measures/people?scope=PERSON&measure=agreements.activeSigned&scopeId="
                + c.person().id(), c.token())));
        p.put("getMeasureSeries", read(c -> api.get("/api/v1/measures/series?scope=TEAM&measure=sessions.withinInterval&scopeId="
                + c.person().teamId(), c.token())));
        p.put("getMeasureBreakdown", read(c -> api.get("/api/v1/measures/breakdown?scope=SERVICE&scopeId=" + c.person().serviceId(), c.token())));
        return p;
    }

    // issue 9: questionnaire
    /** A Part 2 invitation to the cell's person, about their supervisor, open for four weeks. */
    private String invitation(Cell c) {
        return c.once("invitation", () -> {
            String id = java.util.UUID.randomUUID().toString();
            java.time.Instant now = java.time.Instant.now();
            fixtures.execute("INSERT INTO questionnaire_invitation (id, organisation_id, invitee_staff_id, supervisor_id, team_id, service_id, "
                            + "template_id, audit_id, round_id, issued_at, expires_at, reminded_at, answered_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, "
                            + "NULL, NULL, ?, ?, NULL, NULL, 0)", id, c.person().organisationId(), c.person().id(), c.supervisor().id(),
                    c.person().teamId(), c.person().serviceId(), template(c, "QUESTIONNAIRE"), java.sql.Timestamp.from(now),
                    java.sql.Timestamp.from(now.plus(java.time.Duration.ofDays(28))));
            return id;
        });
    }

    private String template(Cell c, String kind) {
        return fixtures.string("SELECT t.id FROM policy_template t JOIN organisation_policy p ON p.profile_id = t.profile_id "
                + "WHERE p.organisation_id = ? AND t.kind = ? ORDER BY t.version DESC", c.person().organisationId(), kind);
    }

    private static Map<String, Object> partTwoAnswers() {
        List<Map<String, String>> answers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            answers.add(Map.of("key", "s" + i, "value", "GOOD"));
        }
        return Map.of("answers", answers);
    }

    /** A completed audit of the cell's person's file (by their supervisor's manager, here their supervisor) with its Part 2 answer. */
    private String answeredAudit(Cell c) {
        return c.once("answeredAudit", () -> {
            String id = java.util.UUID.randomUUID().toString();
            java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
            String quarter = uk.supervision.audit.Quarter.of(today).toString();
            fixtures.execute("INSERT INTO file_audit (id, organisation_id, kind, supervisee_id, supervisor_id, team_id, service_id, auditor_staff_id, "
                            + "auditor_account_id, period_from, period_to, audited_on, quarter, template_id, status, content_json, grade, completed_at, "
                            + "version, created_at, updated_at) VALUES (?, ?, 'QA_SAMPLE', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'COMPLETED', '{}', 'GOOD', ?, 1, ?, ?)",
                    id, c.person().organisationId(), c.person().id(), c.supervisor().id(), c.person().teamId(), c.person().serviceId(),
                    c.supervisor().id(), java.util.UUID.randomUUID().toString(), Date.valueOf(today.minusMonths(3)), Date.valueOf(today),
                    Date.valueOf(today), quarter, template(c, "AUDIT"), now, now, now);
            String response = java.util.UUID.randomUUID().toString();
            fixtures.execute("INSERT INTO questionnaire_response (id, organisation_id, template_id, quarter, supervisor_id, team_id, service_id, audit_id, "
                            + "comment_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)", response, c.person().organisationId(), template(c, "QUESTIONNAIRE"),
                    quarter, c.supervisor().id(), c.person().teamId(), c.person().serviceId(), id);
            fixtures.execute("INSERT INTO questionnaire_answer (response_id, item_key, rating) VALUES (?, 's1', 2)", response);
            return id;
        });
    }


    // issue 9: audit reports
    /** Quarters no other cell uses: far in the future for reading and writing, long past (ended) for signing off. */
    private final java.util.concurrent.atomic.AtomicInteger reportYears = new java.util.concurrent.atomic.AtomicInteger(2100);
    private final java.util.concurrent.atomic.AtomicInteger pastReportYears = new java.util.concurrent.atomic.AtomicInteger(1100);

    private uk.supervision.team.DirectorateService reportService(Cell c) {
        return c.relation() == Relation.OTHER_SERVICE ? c.world().serviceB() : c.world().serviceA();
    }

    /** The cell's quarter; one ready to sign off has a completed audit and themes. */
    private String reportQuarter(Cell c, boolean readyToSignOff) {
        if (!readyToSignOff) {
            return c.once("reportQuarter", () -> reportYears.incrementAndGet() + "-Q1");
        }
        return c.once("signableQuarter", () -> {
            String quarter = pastReportYears.incrementAndGet() + "-Q1";
            Staff auditor = worker(c.world(), c.world().teamA1(), "Auditor");
            new uk.supervision.auditreport.CompletedAudits(fixtures).completed(c.person(), c.supervisor(), auditor, reportService(c).id(), quarter,
                    LocalDate.parse(quarter.substring(0, 4) + "-02-01"), "GOOD", Map.of("q1", 2), List.of());
            java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
            fixtures.execute("INSERT INTO audit_report (id, organisation_id, service_id, quarter, themes, recommendations, status, version, created_at, "
                    + "updated_at) VALUES (?, ?, ?, ?, 'Themes', NULL, 'DRAFT', 1, ?, ?)", Ids.newId(), c.world().org().id(), reportService(c).id(),
                    quarter, now, now);
            return quarter;
        });
    }

    private String reportUrl(Cell c, boolean readyToSignOff) {
        return "/api/v1/audit-reports/" + reportService(c).id() + "/" + reportQuarter(c, readyToSignOff);
    }

    // ---- the records a cell acts on, made on first use

    /** Feed positions for the decisions cells insert (unique in the organisation, far above any signed item's). */
    private final java.util.concurrent.atomic.AtomicLong decisionPositions = new java.util.concurrent.atomic.AtomicLong(1_000_000_000L);

    /** A signed decision about the cell's child (the person is its worker), made by their supervisor. */
    private String caseDecision(Cell c) {
        return c.once("decision", () -> {
            String id = java.util.UUID.randomUUID().toString();
            java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
            fixtures.execute("INSERT INTO case_decision (id, organisation_id, feed_position, kind, child_id, worker_staff_id, team_id, decision_text,"
                            + " made_by_staff_id, made_by_account_id, decided_at, signed_at, content_hash) VALUES (?, ?, ?, 'MANAGEMENT', ?, ?, ?, 'Decided', ?, ?, ?, ?, ?)",
                    id, c.person().organisationId(), decisionPositions.incrementAndGet(), child(c), c.person().id(), c.person().teamId(),
                    c.supervisor().id(), java.util.UUID.randomUUID().toString(), now, now, "0".repeat(64));
            return id;
        });
    }

    // issue 10: evidence packs
    /**
     * A ready pack of the directorate asked for by the cell's caller (their account is the token's subject), holding one
     * CSV; for a machine client or nobody, a pack of a fresh account of the organisation.
     */
    private String ownPack(Cell c) {
        return c.once("ownPack", () -> {
            String account;
            if (c.token() == null || c.caller() == Caller.C_READ || c.caller() == Caller.C_WRITE) {
                account = fixtures.account(c.world().org(), null, null, Role.ELECTED_MEMBER).id();
            } else {
                String payload = new String(java.util.Base64.getUrlDecoder().decode(c.token().split("\\.")[1]),
                        java.nio.charset.StandardCharsets.UTF_8);
                try {
                    account = Api.JSON.readTree(payload).get("sub").asText();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            String id = java.util.UUID.randomUUID().toString();
            java.sql.Timestamp now = java.sql.Timestamp.from(java.time.Instant.now());
            Date month = Date.valueOf(today.withDayOfMonth(1));
            fixtures.execute("INSERT INTO evidence_pack (id, organisation_id, requested_by_account, scope_kind, scope_id, scope_name, from_month, "
                    + "to_month, status, steps_done, steps_total, failure, requested_at, started_at, finished_at) VALUES (?, ?, ?, 'DIRECTORATE', "
                    + "NULL, 'The council', ?, ?, 'READY', 4, 4, NULL, ?, ?, ?)", id, c.world().org().id(), account, month, month, now, now, now);
            fixtures.execute("INSERT INTO evidence_pack_file (pack_id, name, title, media_type, position, content) VALUES (?, "
                    + "'sessions.overdue.csv', 'Overdue sessions (CSV)', 'text/csv', 1, ?)", id, "scope\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return id;
        });
    }

    // issue 9: sample
    /** Far-future years, so each cell's sample has a quarter of its own (one sample a quarter). */
    private final java.util.concurrent.atomic.AtomicInteger sampleYears = new java.util.concurrent.atomic.AtomicInteger(2200);

    /** A sample of the cell's organisation holding the cell's person, drawn by nobody in particular. */
    private String auditSample(Cell c) {
        return c.once("auditSample", () -> {
            String id = java.util.UUID.randomUUID().toString();
            fixtures.execute("INSERT INTO audit_sample (id, organisation_id, quarter, sample_size, seed, eligible_count, drawn_by_account_id, "
                            + "drawn_at) VALUES (?, ?, ?, 1, 7, 1, ?, ?)", id, c.person().organisationId(), sampleYears.incrementAndGet() + "-Q1",
                    java.util.UUID.randomUUID().toString(), java.sql.Timestamp.from(java.time.Instant.now()));
            fixtures.execute("INSERT INTO audit_sample_file (sample_id, position, supervisee_id, team_id, service_id) VALUES (?, 1, ?, ?, ?)",
                    id, c.person().id(), c.person().teamId(), c.person().serviceId());
            return id;
        });
    }

    /** A webhook of the cell's organisation, past the end of any feed (nothing is ever sent to it). */
    private String webhook(Cell c) {
        return c.once("webhook", () -> {
            String id = java.util.UUID.randomUUID().toString();
            fixtures.execute("INSERT INTO webhook (id, organisation_id, url, events, secret, enabled, last_position, created_at)"
                    + " VALUES (?, ?, 'https://127.0.0.1:9/hook', 'case-decision.ready', 'whsec_x', TRUE, ?, ?)",
                    id, c.world().org().id(), Long.MAX_VALUE / 2, java.sql.Timestamp.from(java.time.Instant.now()));
            return id;
        });
    }

    private String staffUrl(Cell c) {
        return "/api/v1/staff/" + c.person().id();
    }

    private String staffETag(Cell c) {
        return "\"v" + fixtures.string("SELECT version FROM staff WHERE id = ?", c.person().id()) + "\"";
    }

    /** Someone new in the person's organisation to become their supervisor. */
    private Staff newSupervisor(Cell c) {
        return c.once("newSupervisor", () -> worker(c.world(), c.world().teamA1(), "Newsupervisor"));
    }

    private String agreement(Cell c, String status) {
        return c.once("agreement " + status, () -> status.equals("ACTIVE") && c.made().containsKey("previous")
                ? fixtures.agreementVersion(c.world().org(), c.person(), c.supervisor(), status, (String) c.made().get("previous"))
                : fixtures.agreement(c.world().org(), c.person(), c.supervisor(), status));
    }

    private String agreementUrl(Cell c, String status) {
        return "/api/v1/agreements/" + agreement(c, status);
    }

    /**
     * The version before the person's active agreement (made first, the active one then linked to it): with
     * the caller as its supervisor when the caller supervised them before.
     */
    private String previousVersion(Cell c) {
        String old = c.once("previous", () -> fixtures.agreement(c.world().org(), c.person(), c.previousSupervisor(), "SUPERSEDED"));
        agreement(c, "ACTIVE");   // the version after it
        return old;
    }

    private String session(Cell c) {
        return c.once("session", () -> fixtures.session(c.world().org(), c.person(), c.supervisor()));
    }

    private String sessionUrl(Cell c) {
        return "/api/v1/sessions/" + session(c);
    }

    /** The session, moved to today (a session is marked held on the day or after). */
    private String todaysSession(Cell c) {
        return c.once("today", () -> {
            fixtures.execute("UPDATE supervision_session SET meeting_date = ? WHERE id = ?", Date.valueOf(today), session(c));
            return session(c);
        });
    }

    /** A session held today, so it has a draft record (made by its supervisor through the API). */
    private String heldSession(Cell c) {
        return c.once("held", () -> {
            String id = todaysSession(c);
            String supervisorToken = c.supervisor().equals(c.me()) ? c.token()
                    : tokenFor(fixtures.account(c.world().org(), c.supervisor(), null, Role.SUPERVISOR), List.of(Role.SUPERVISOR), null);
            Api.Response held = api.post("/api/v1/sessions/" + id + "/held", supervisorToken, Map.of("actualMinutes", 90), "\"v1\"");
            assertEquals(200, held.status(), held.body());
            return id;
        });
    }

    private String recordUrl(Cell c) {
        return "/api/v1/sessions/" + heldSession(c) + "/record";
    }

    /** A planned session of the person's with someone who no longer supervises them (to transfer). */
    private String formerSupervisorsSession(Cell c) {
        return c.once("formerSession", () -> fixtures.session(c.world().org(), c.person(), worker(c.world(), c.world().teamA1(), "Formersupervisor")));
    }

    /** The person's request for an extra session, to their current supervisor. */
    private String sessionRequest(Cell c) {
        return c.once("sessionRequest", () -> {
            String id = Ids.newId();
            java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
            fixtures.execute("INSERT INTO session_request (id, organisation_id, supervisee_id, supervisor_id, reason, status, version, "
                    + "created_at, updated_at) VALUES (?, ?, ?, ?, 'A hard visit', 'REQUESTED', 1, ?, ?)",
                    id, c.world().org().id(), c.person().id(), c.supervisor().id(), now, now);
            return id;
        });
    }

    private String action(Cell c) {
        return c.once("action", () -> fixtures.action(c.world().org(), c.person()));
    }

    /** A child allocated to the person. */
    private String child(Cell c) {
        return c.once("child", () -> {
            String id = Ids.newId();
            java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
            fixtures.execute("INSERT INTO child (id, organisation_id, name, case_number, allocated_worker_id, version, created_at, updated_at) "
                    + "VALUES (?, ?, 'Amelia Brown', ?, ?, 1, ?, ?)", id, c.world().org().id(), Fixtures.unique("PRN"), c.person().id(), now, now);
            return id;
        });
    }

    /** A draft case discussion about the person's child, with their current supervisor, ready to sign. */
    private String caseDiscussion(Cell c) {
        return c.once("caseDiscussion", () -> {
            String id = Ids.newId();
            java.sql.Timestamp now = new java.sql.Timestamp(System.currentTimeMillis());
            fixtures.execute("INSERT INTO case_discussion (id, organisation_id, child_id, supervisee_id, supervisor_id, template_id, discussed_on, "
                    + "status, content_json, child_view_status, version, content_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, "
                    + "'00000000-0000-7000-8101-000000000203', ?, 'DRAFT', ?, 'RECORDED', 1, 1, ?, ?)", id, c.world().org().id(), child(c),
                    c.person().id(), c.supervisor().id(), Date.valueOf(today), "{\"answers\":[],\"childVoice\":{\"status\":\"RECORDED\","
                    + "\"view\":\"Happy at school\",\"seenAlone\":true},\"decisions\":[],\"actions\":[]}", now, now);
            return id;
        });
    }

    // issue 9: audits
    /** An independent QA auditor's token in the cell's organisation (team A2). */
    private String auditorToken(Cell c) {
        return c.once("auditor", () -> {
            Staff auditor = worker(c.world(), c.world().teamA2(), "Auditor");
            return tokenFor(fixtures.account(c.world().org(), auditor, null, Role.QA_AUDITOR), List.of(Role.QA_AUDITOR), null);
        });
    }

    /** A draft audit of the person's file by the independent auditor, answered in full (Good) so it could be completed. */
    private String draftAudit(Cell c) {
        return c.once("draftAudit", () -> {
            Api.Response started = api.post("/api/v1/audits", auditorToken(c), Map.of("superviseeId", c.person().id(), "kind", "AD_HOC"));
            assertEquals(201, started.status(), started.body());
            String id = started.json().get("id").asText();
            List<Map<String, String>> answers = new ArrayList<>();
            for (String k : List.of("q1", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "q10", "q12")) {
                answers.add(Map.of("key", k, "value", "2"));
            }
            answers.add(Map.of("key", "q2", "value", "YES"));
            for (String k : List.of("job_description", "supervision_agreement", "dbs_check", "open_cases", "practice_observation", "learning_plan",
                    "absence_records", "return_to_work", "sickness_notifications", "self_certifications", "medical_certificates", "occupational_health")) {
                answers.add(Map.of("key", "q11_" + k, "value", "YES"));
            }
            answers.add(Map.of("key", "q13a", "value", "GOOD"));
            Api.Response written = api.put("/api/v1/audits/" + id, auditorToken(c), Map.of("periodFrom", today.minusMonths(3).toString(),
                    "periodTo", today.toString(), "answers", answers, "actions", List.of()), "\"v1\"");
            assertEquals(200, written.status(), written.body());
            return id;
        });
    }

    /** The same audit, completed and signed by its auditor. */
    private String completedAudit(Cell c) {
        return c.once("completedAudit", () -> {
            String id = draftAudit(c);
            Api.Response done = api.post("/api/v1/audits/" + id + "/completion", auditorToken(c), null, "\"v2\"");
            assertEquals(200, done.status(), done.body());
            return id;
        });
    }

    // ---- one cell

    private void check(String operation, Probe probe, Caller caller, Relation relation, String expected) {
        String cellName = operation + " " + caller + " " + relation + ": ";
        assertNotNull(probe, cellName + "no probe");
        Cell cell = cell(caller, relation);
        String before = probe.state() == null ? null : probe.state().apply(cell);
        String listedId = probe.listedId() == null ? null : probe.listedId().apply(cell);
        Api.Response r = probe.call().apply(cell);
        String observed;
        if (listedId != null && r.status() == 200) {
            boolean listed = r.body().contains("\"" + listedId + "\"");
            observed = listed ? "Y" : relation == Relation.OTHER_ORG ? "X" : "N";
        } else {
            observed = switch (r.status()) {
                case 200, 201, 204 -> "Y";
                // issue 10: evidence packs - accepted, made in the background
                case 202 -> "Y";
                case 401 -> "U";
                case 403 -> expected.equals("R") ? "R" : "N";
                case 404 -> "X";
                // A reference in the body to another organisation's person: "no such member of staff in your organisation".
                case 422 -> relation == Relation.OTHER_ORG ? "X" : "?422";
                default -> "?" + r.status();
            };
        }
        assertEquals(expected, observed, () -> cellName + "answered " + r);
        if (r.status() >= 400) {
            assertTrue(r.contentType() != null && r.contentType().startsWith("application/problem+json"), () -> cellName + r);
        }
        if (probe.state() != null) {
            String after = probe.state().apply(cell);
            assertEquals(expected.equals("Y"), !Objects.equals(before, after),
                    cellName + "the database changed exactly when the change was allowed: before " + before + ", after " + after);
        }
    }

    /** A fresh caller, and a fresh person in that relation to them with a current supervisor. */
    private Cell cell(Caller caller, Relation relation) {
        World w = relation == Relation.OTHER_ORG ? elsewhere : world;
        Staff me = null;
        String token;
        if (caller.role() != null) {
            me = caller.hasStaffRecord() ? worker(world, world.teamA1(), "Caller" + caller.name()) : null;
            // Service managers manage service A; the head of service the whole organisation.
            String scope = caller.role() == Role.HEAD_OF_SERVICE ? null : world.serviceA().id();
            token = tokenFor(fixtures.account(world.org(), me, scope, caller.role()), List.of(caller.role()), scope);
        } else {
            token = switch (caller) {
                case C_READ -> readClient;
                case C_WRITE -> writeClient;
                default -> null;
            };
        }
        Staff person;
        Staff supervisor;
        Staff previous = null;
        switch (relation) {
            case SELF -> {
                person = me;
                supervisor = worker(w, w.teamA1(), "Above");
                w.supervise(supervisor, person);
            }
            case SUPERVISEE -> {
                person = worker(w, w.teamA1(), "Supervisee");
                supervisor = me;
                w.supervise(me, person);
            }
            case BELOW -> {
                supervisor = worker(w, w.teamA1(), "Deputy");
                person = worker(w, w.teamA1(), "Below");
                w.supervise(me, supervisor);
                w.supervise(supervisor, person);
            }
            case FORMER -> {
                person = worker(w, w.teamA1(), "Former");
                var ended = fixtures.supervise(me, person, today.minusMonths(12));
                fixtures.execute("UPDATE supervision_relation SET to_date = ? WHERE id = ?", Date.valueOf(today.minusMonths(2)), ended.id());
                supervisor = worker(w, w.teamA1(), "Successor");
                fixtures.supervise(supervisor, person, today.minusMonths(2).plusDays(1));
                previous = me;
            }
            case ABOVE -> {
                person = worker(w, w.teamA1(), "Manager");
                w.supervise(person, me);
                supervisor = worker(w, w.teamA1(), "Director");
                w.supervise(supervisor, person);
            }
            default -> {
                var team = switch (relation) {
                    case OTHER_TEAM -> w.teamA2();
                    case OTHER_SERVICE -> w.teamB1();
                    default -> w.teamA1();
                };
                person = worker(w, team, "Person");
                supervisor = worker(w, team, "Supervisor");
                w.supervise(supervisor, person);
            }
        }
        return new Cell(caller, relation, token, me, w, person, supervisor, previous == null ? supervisor : previous, Fixtures.unique("cell"));
    }

    private Staff worker(World w, uk.supervision.team.Team team, String family) {
        return w.worker(team, "Cell", family + Math.abs(Fixtures.unique("w").hashCode()));
    }

    /** A real access token, signed by the service's own key, for an account with one role. */
    private String tokenFor(Account account, List<Role> roles, String scope) {
        return accessTokens.forPerson(account, roles.stream()
                .map(r -> new RoleGrant(Ids.newId(), account.id(), r.name(),
                        r == Role.SERVICE_MANAGER || r == Role.HEAD_OF_SERVICE ? scope : null)).toList(),
                Integer.parseInt(fixtures.string("SELECT token_generation FROM account WHERE id = ?", account.id())));
    }

    private String clientToken(String scope) {
        Api.Response r = api.form("/api/v1/oauth/token", clientCredentials, "grant_type=client_credentials&scope=" + scope);
        assertEquals(200, r.status(), r.body());
        return r.json().get("access_token").asText();
    }

    private World.Person signable;

    /** A person who signs in (for the public sign-in and refresh operations). */
    private World.Person signable() {
        if (signable == null) {
            signable = world.person(world.teamA1(), "Signable", Role.PRACTITIONER);
        }
        return signable;
    }

    private String coventryProfile;

    private String coventryProfile() {
        if (coventryProfile == null) {
            coventryProfile = fixtures.string("SELECT id FROM policy_profile WHERE code = 'COVENTRY_2016'");
        }
        return coventryProfile;
    }

    private String policyETag() {
        return "\"v" + fixtures.string("SELECT version FROM organisation_policy WHERE organisation_id = ?", world.org().id()) + "\"";
    }

    private Account targetAccount(Cell c) {
        return c.once("account", () -> fixtures.account(world.org(), null, null, Role.PRACTITIONER));
    }

    private String accountUrl(Cell c) {
        return "/api/v1/accounts/" + targetAccount(c).id();
    }

    private String count(String sql, Object... args) {
        return String.valueOf(fixtures.count(sql, args));
    }

    private static Map<String, Object> editable(Staff s, String familyName) {
        return Map.of("givenName", s.givenName(), "familyName", familyName, "email", s.email(), "jobTitle", s.jobTitle(),
                "category", s.category(), "employmentType", s.employmentType(), "weeklyHours", s.weeklyHours(),
                "employmentStartDate", s.employmentStartDate().toString(), "postStartDate", s.postStartDate().toString(),
                "carriesCaseload", s.carriesCaseload());
    }

    private static Map<String, Object> agreementFields(String location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("intervalWeeks", 4);
        body.put("durationMinutes", 90);
        body.put("location", location);
        body.put("answers", List.of(Map.of("key", "purpose", "text", "Reflective, supportive, accountable practice.")));
        return body;
    }

    private static Map<String, Object> agreementCreate(String superviseeId) {
        Map<String, Object> body = agreementFields("Team room 1");
        body.put("superviseeId", superviseeId);
        return body;
    }

    private static Map<String, Object> staffCreate(String familyName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("givenName", "Cara");
        body.put("familyName", familyName);
        body.put("email", Fixtures.unique("cara") + "@test.example");
        body.put("jobTitle", "Social Worker");
        body.put("category", "REGISTERED_SOCIAL_WORKER");
        body.put("employmentType", "PERMANENT");
        body.put("weeklyHours", 37);
        body.put("employmentStartDate", "2020-01-06");
        body.put("postStartDate", "2022-04-01");
        body.put("carriesCaseload", true);
        body.put("caseloadSize", 12);
        return body;
    }
}

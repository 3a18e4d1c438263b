package uk.supervision.integrity;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.security.PasswordHasher;
import uk.supervision.support.Lease;
import uk.supervision.testing.Api;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.Signing;
import uk.supervision.testing.World;

import javax.sql.DataSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tamper evidence: every signed item is chained by hash within its organisation; verification (an API
 * operation for administrators and QA auditors, and a nightly leased job) recomputes it all and names the
 * first break. Rows are changed behind the product's back through the migration account.
 */
@MicronautTest(transactional = false)
class IntegrityApiTest extends ApiTest {
    private static final String VERIFY = "/api/v1/integrity/verifications";

    @Inject
    IntegrityCheckJob job;
    @Inject
    DataSource dataSource;

    World.Person sam;
    String supervisor;
    String supervisee;
    String admin;
    String agreement;
    String session;

    @BeforeEach
    void signedItems() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR, Role.PRACTITIONER);
        sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        world.supervise(priya.staff(), sam.staff());
        supervisor = api.token(priya.username(), Fixtures.PASSWORD);
        supervisee = api.token(sam.username(), Fixtures.PASSWORD);
        admin = token(world.accountOnly(Role.ADMIN));
        agreement = Signing.activeAgreement(api, supervisor, supervisee, sam.id());   // sequence 1
        session = Signing.signedRecord(api, supervisor, supervisee, sam.id());        // 2: the record, 3: its addendum
    }

    @Test
    void anUntouchedChainVerifiesCleanForAdministratorsAndQaOnly() {
        JsonNode result = verify(admin);
        assertTrue(result.get("intact").asBoolean(), result.toString());
        assertEquals(3, result.get("itemsChecked").asLong());
        assertNull(result.get("firstBreak"));
        assertEquals(List.of("AGREEMENT", "SESSION_RECORD", "RECORD_ADDENDUM"), fixtures.strings(
                "SELECT item_type FROM signed_item WHERE organisation_id = ? ORDER BY sequence_no", world.org().id()));
        String first = fixtures.string("SELECT chain_hash FROM signed_item WHERE organisation_id = ? AND sequence_no = 1", world.org().id());
        assertEquals(first, fixtures.string("SELECT previous_hash FROM signed_item WHERE organisation_id = ? AND sequence_no = 2", world.org().id()),
                "each item links to the one before");
        assertEquals(PasswordHasher.sha256("0".repeat(64) + fixtures.string(
                "SELECT content_json FROM signed_item WHERE organisation_id = ? AND sequence_no = 1", world.org().id())), first);

        assertEquals(200, api.post(VERIFY, token(world.accountOnly(Role.QA_AUDITOR)), null).status());
        for (String refused : List.of(supervisor, supervisee, token(world.person(null, "Hana", Role.HR)),
                token(world.person(world.teamA1(), "Marcus", Role.SERVICE_MANAGER)))) {
            Api.Response r = api.post(VERIFY, refused, null);
            assertEquals(403, r.status(), r.body());
            assertEquals("application/problem+json", r.contentType());
        }
        assertEquals(401, api.post(VERIFY, null, null).status());
        JsonNode other = verify(token(fixtures.organisation().accountOnly(Role.ADMIN)));
        assertEquals(0, other.get("itemsChecked").asLong(), "another council's administrator verifies their own chain only");
        assertTrue(fixtures.count("SELECT COUNT(*) FROM activity_log WHERE organisation_id = ? AND action = 'INTEGRITY_VERIFIED'",
                world.org().id()) >= 2, "each verification is in the activity log");
    }

    @Test
    void aChangedSnapshotIsReportedWithTheItemAndBothHashes() {
        String stored = fixtures.string("SELECT content_hash FROM signed_item WHERE item_type = 'SESSION_RECORD' AND item_id = ?", session);
        assertEquals(1, fixtures.asMigrationAccount("UPDATE signed_item SET content_json = REPLACE(content_json, 'Court timetable', "
                + "'Nothing further') WHERE item_type = 'SESSION_RECORD' AND item_id = ?", session));

        JsonNode broken = verify(admin).get("firstBreak");
        assertNotNull(broken);
        assertEquals(2, broken.get("sequence").asLong());
        assertEquals("SESSION_RECORD", broken.get("itemType").asText());
        assertEquals(session, broken.get("itemId").asText());
        assertEquals(world.org().id(), broken.get("organisationId").asText());
        assertEquals("The stored content does not match its hash", broken.get("problem").asText());
        assertEquals(stored, broken.get("found").asText());
        assertEquals(PasswordHasher.sha256(fixtures.string("SELECT content_json FROM signed_item WHERE item_type = 'SESSION_RECORD' "
                + "AND item_id = ?", session)), broken.get("expected").asText());
    }

    @Test
    void aChangedSignatureOrAgreementRowIsReportedEvenThoughTheSnapshotIsIntact() {
        assertEquals(1, fixtures.asMigrationAccount("UPDATE record_signature SET content_hash = ? WHERE session_id = ? AND signer_staff_id = ?",
                "f".repeat(64), session, sam.id()));
        JsonNode broken = verify(admin).get("firstBreak");
        assertEquals(2, broken.get("sequence").asLong(), broken.toString());
        assertEquals("The rows this item was signed from no longer match what was signed", broken.get("problem").asText());

        // The agreement row is mutable workflow state, but its signed content is checked against the chain too:
        // the earliest break (sequence 1) is now the one reported.
        assertEquals(1, fixtures.execute("UPDATE agreement SET answers_json = '[]' WHERE id = ?", agreement));
        broken = verify(admin).get("firstBreak");
        assertEquals(1, broken.get("sequence").asLong());
        assertEquals("AGREEMENT", broken.get("itemType").asText());
        assertEquals(agreement, broken.get("itemId").asText());
    }

    @Test
    void aRemovedItemIsReportedWhereverItWas() {
        String last = fixtures.string("SELECT id FROM signed_item WHERE organisation_id = ? AND sequence_no = 3", world.org().id());
        assertEquals(1, fixtures.asMigrationAccount("DELETE FROM signed_item WHERE id = ?", last));
        JsonNode broken = verify(admin).get("firstBreak");
        assertEquals(3, broken.get("sequence").asLong(), broken.toString());
        assertEquals("Signed items at the end of the chain are missing", broken.get("problem").asText());

        assertEquals(1, fixtures.asMigrationAccount("DELETE FROM signed_item WHERE organisation_id = ? AND sequence_no = 1", world.org().id()));
        broken = verify(admin).get("firstBreak");
        assertEquals(2, broken.get("sequence").asLong());
        assertEquals("A signed item before this one is missing", broken.get("problem").asText());
    }

    @Test
    void theNightlyJobRunsOnOneNodeAndFindsTheBreak() {
        fixtures.execute("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = 'integrity-verification'");
        assertEquals(1, fixtures.asMigrationAccount("UPDATE signed_item SET content_json = REPLACE(content_json, 'Visit rebooked', 'Nothing') "
                + "WHERE item_type = 'RECORD_ADDENDUM' AND organisation_id = ?", world.org().id()));

        List<IntegrityVerifier.Result> results = job.run();
        assertNotNull(results, "this node took the lease");
        IntegrityVerifier.Result ours = results.stream().filter(r -> r.organisationId().equals(world.org().id())).findFirst().orElseThrow();
        assertEquals(3, ours.firstBreak().orElseThrow().sequence());
        assertEquals("RECORD_ADDENDUM", ours.firstBreak().get().itemType());
        assertFalse(new Lease(dataSource, Clock.systemUTC()).tryAcquire(IntegrityCheckJob.LEASE, Duration.ofHours(20)),
                "another node does not run it while the lease is held");
    }

    private JsonNode verify(String token) {
        Api.Response r = api.post(VERIFY, token, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private String token(World.Person person) {
        return api.token(person.username(), Fixtures.PASSWORD);
    }
}

package uk.supervision.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.testing.ApiTest;
import uk.supervision.testing.DatabaseRights;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A completed audit is locked by its signature and signed copy, never by the mutable status column: putting the row
 * back to DRAFT with the application's own account re-opens nothing (PUT still 409, reads still the signed copy,
 * verification reports the change), and that account cannot UPDATE or DELETE the signature or the ratings.
 */
@MicronautTest(transactional = false)
class AuditLockedTest extends ApiTest {

    @Inject
    DataSource dataSource;

    @Test
    void aCompletedAuditStaysLockedWhateverItsStatusColumnSays() {
        World.Person priya = world.person(world.teamA1(), "Priya", Role.SUPERVISOR);
        World.Person sam = world.person(world.teamA1(), "Sam", Role.PRACTITIONER);
        World.Person quinn = world.person(world.teamA2(), "Quinn", Role.QA_AUDITOR);
        world.supervise(priya.staff(), sam.staff());
        String qa = api.token(quinn.username(), Fixtures.PASSWORD);
        JsonNode done = Audits.completed(api, qa, sam.id(), "GOOD", List.of());
        String id = done.get("id").asText();
        String url = "/api/v1/audits/" + id;

        String admin = api.token(world.accountOnly(Role.ADMIN).username(), Fixtures.PASSWORD);
        assertTrue(api.post("/api/v1/integrity/verifications", admin, null).json().get("intact").asBoolean());

        // The application's account can change the workflow row...
        assertEquals(1, fixtures.execute("UPDATE file_audit SET status = 'DRAFT', grade = 'INADEQUATE', "
                + "content_json = REPLACE(content_json, '\"GOOD\"', '\"INADEQUATE\"') WHERE id = ?", id));
        // ...but that re-opens nothing: reads come from the signed copy and every change is refused.
        JsonNode after = api.get(url, qa).json();
        assertEquals("COMPLETED", after.get("status").asText());
        assertEquals("GOOD", after.get("grade").asText());
        assertEquals(done.get("answers"), after.get("answers"));
        String etag = "\"v" + after.get("version").asInt() + "\"";
        assertEquals(409, api.put(url, qa, Audits.update(Audits.allAnswers("OUTSTANDING"), List.of()), etag).status());
        assertEquals(409, api.post(url + "/completion", qa, null, etag).status());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM file_audit_signature WHERE file_audit_id = ?", id));
        assertEquals("COMPLETED", api.get("/api/v1/audits?status=COMPLETED", qa).json().get("items").get(0).get("status").asText());
        assertEquals(LocalDate.now().toString(), after.get("auditedOn").asText());

        JsonNode verified = api.post("/api/v1/integrity/verifications", admin, null).json();
        assertFalse(verified.get("intact").asBoolean(), verified.toString());
        assertEquals("FILE_AUDIT", verified.get("firstBreak").get("itemType").asText());
        assertEquals(id, verified.get("firstBreak").get("itemId").asText());

        // Append-only, in the database's grants.
        String before = fixtures.string("SELECT content_hash FROM file_audit_signature WHERE file_audit_id = ?", id);
        DatabaseRights.assertRefused(dataSource, "signature: UPDATE",
                "UPDATE file_audit_signature SET content_hash = 'tampered' WHERE file_audit_id = ?", id);
        DatabaseRights.assertRefused(dataSource, "signature: DELETE", "DELETE FROM file_audit_signature WHERE file_audit_id = ?", id);
        DatabaseRights.assertRefused(dataSource, "ratings: UPDATE", "UPDATE file_audit_rating SET rating = 5 WHERE file_audit_id = ?", id);
        DatabaseRights.assertRefused(dataSource, "ratings: DELETE", "DELETE FROM file_audit_rating WHERE file_audit_id = ?", id);
        DatabaseRights.assertRefused(dataSource, "signed copy: UPDATE", "UPDATE signed_item SET content_json = 'x' WHERE item_id = ?", id);
        assertEquals(before, fixtures.string("SELECT content_hash FROM file_audit_signature WHERE file_audit_id = ?", id));
        assertEquals(10, fixtures.count("SELECT COUNT(*) FROM file_audit_rating WHERE file_audit_id = ? AND rating IN (2, 4)", id));
    }
}

package uk.supervision.session;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.auditreport.AuditOutcomes;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.HashChain;
import uk.supervision.integrity.SignedContentSource;
import uk.supervision.integrity.SignedItem;
import uk.supervision.integrity.SignedItemRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A locked session record, kept once in the append-only signed_item table with the notes made before
 * signing and every signature, and each later addendum as its own item; both chained to the
 * organisation's previous signed item. Reads of a signed record come from the snapshot.
 */
@Singleton
public class RecordSnapshots implements SignedContentSource {
    private final JdbcOperations jdbc;
    private final SignedItemRepository items;
    private final HashChain chain;
    private final Canonical canonical;
    private final AuditOutcomes auditOutcomes;

    public RecordSnapshots(JdbcOperations jdbc, SignedItemRepository items, HashChain chain, Canonical canonical, AuditOutcomes auditOutcomes) {
        this.jdbc = jdbc;
        this.items = items;
        this.chain = chain;
        this.canonical = canonical;
        this.auditOutcomes = auditOutcomes;
    }

    /** The record as locked, with the notes and signatures in the same shapes the service reads from the tables. */
    record Signed(SessionRecord record, List<Map<String, Object>> notes, List<Map<String, Object>> signatures,
                  String supervisoryPractice, List<Map<String, Object>> auditOutcomes) {
    }

    @Override
    public List<String> itemTypes() {
        return List.of(SignedItem.SESSION_RECORD, SignedItem.RECORD_ADDENDUM);
    }

    @Override
    public Optional<String> liveContent(String itemType, String itemId) {
        return SignedItem.SESSION_RECORD.equals(itemType) ? recordContent(itemId) : addendumContent(itemId);
    }

    void lockRecord(SupervisionSession session) {
        chain.append(session.organisationId(), SignedItem.SESSION_RECORD, session.id(), recordContent(session.id()).orElseThrow());
    }

    void lockAddendum(SupervisionSession session, String noteId) {
        chain.append(session.organisationId(), SignedItem.RECORD_ADDENDUM, noteId, addendumContent(noteId).orElseThrow());
    }

    @SuppressWarnings("unchecked")
    Optional<Signed> signed(String sessionId, SessionRecord row) {
        return items.findByItemTypeAndItemId(SignedItem.SESSION_RECORD, sessionId).map(item -> {
            Map<String, Object> c = canonical.read(item.contentJson());
            SessionRecord r = new SessionRecord(sessionId, (String) c.get("template"), SessionRecord.SIGNED, (String) c.get("entries"),
                    blank(c.get("reflection")), blank(c.get("futureAgenda")),
                    blank(c.get("nextDate")) == null ? null : LocalDate.parse((String) c.get("nextDate")), (Boolean) c.get("personal"),
                    blank(c.get("confidential")), (String) c.get("actionReviews"), blank(c.get("contentHash")),
                    blank(c.get("signedAt")) == null ? null : Instant.parse((String) c.get("signedAt")), row.version(), row.updatedAt());
            List<Map<String, Object>> notes = new ArrayList<>();
            for (Map<String, Object> n : (List<Map<String, Object>>) c.get("notes")) {
                notes.add(Map.of("id", n.get("id"), "kind", n.get("kind"), "author", n.get("author"), "text", n.get("text"),
                        "at", Instant.parse((String) n.get("at"))));
            }
            List<Map<String, Object>> signatures = new ArrayList<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) c.get("signatures")) {
                signatures.add(Map.of("signer", s.get("signer"), "at", Instant.parse((String) s.get("at")), "hash", s.get("hash")));
            }
            List<Map<String, Object>> outcomes = c.get("auditOutcomes") == null ? List.of() : (List<Map<String, Object>>) c.get("auditOutcomes");
            return new Signed(r, notes, signatures, blank(c.get("supervisoryPractice")), outcomes);
        });
    }

    private Optional<String> recordContent(String sessionId) {
        Optional<Map<String, Object>> row = one("SELECT r.template_id, r.entries_json, r.reflection, r.future_agenda, r.next_date, "
                + "r.personal_discussed, r.confidential_notes, r.action_reviews_json, r.content_hash, r.signed_at, s.organisation_id, "
                + "r.supervisory_practice "
                + "FROM session_record r JOIN supervision_session s ON s.id = r.session_id WHERE r.session_id = ?", sessionId, rs -> {
            Map<String, Object> c = new TreeMap<>();
            c.put("session", sessionId);
            c.put("template", rs.getString(1));
            c.put("entries", rs.getString(2));
            c.put("reflection", Canonical.text(rs.getString(3)));
            c.put("futureAgenda", Canonical.text(rs.getString(4)));
            c.put("nextDate", Canonical.text(rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate()));
            c.put("personal", rs.getBoolean(6));
            c.put("confidential", Canonical.text(rs.getString(7)));
            c.put("actionReviews", rs.getString(8));
            c.put("contentHash", Canonical.text(rs.getString(9)));
            c.put("signedAt", Canonical.text(rs.getTimestamp(10) == null ? null : rs.getTimestamp(10).toInstant()));
            c.put("organisationId", rs.getString(11));
            // Only on records where audits were noted: the content of every other record stays as it was.
            if (rs.getString(12) != null) {
                c.put("supervisoryPractice", rs.getString(12));
            }
            return c;
        });
        return row.map(c -> {
            List<Map<String, Object>> outcomes = auditOutcomes.notedOn(sessionId);
            if (!outcomes.isEmpty()) {
                c.put("auditOutcomes", outcomes);
            }
            c.put("notes", rows("SELECT id, kind, author_staff_id, text, created_at FROM record_note WHERE session_id = ? "
                    + "AND kind <> 'ADDENDUM' ORDER BY created_at, id", sessionId, rs -> {
                Map<String, Object> n = new TreeMap<>();
                n.put("id", rs.getString(1));
                n.put("kind", rs.getString(2));
                n.put("author", rs.getString(3));
                n.put("text", rs.getString(4));
                n.put("at", rs.getTimestamp(5).toInstant().toString());
                return n;
            }));
            c.put("signatures", rows("SELECT id, signer_staff_id, signer_account_id, signed_at, content_hash FROM record_signature "
                    + "WHERE session_id = ? ORDER BY signed_at, id", sessionId, rs -> {
                Map<String, Object> s = new TreeMap<>();
                s.put("id", rs.getString(1));
                s.put("signer", rs.getString(2));
                s.put("account", rs.getString(3));
                s.put("at", rs.getTimestamp(4).toInstant().toString());
                s.put("hash", rs.getString(5));
                return s;
            }));
            return canonical.write(c);
        });
    }

    private Optional<String> addendumContent(String noteId) {
        return one("SELECT n.session_id, n.kind, n.author_staff_id, n.text, n.created_at, s.organisation_id FROM record_note n "
                + "JOIN supervision_session s ON s.id = n.session_id WHERE n.id = ?", noteId, rs -> {
            Map<String, Object> c = new TreeMap<>();
            c.put("addendumId", noteId);
            c.put("session", rs.getString(1));
            c.put("kind", rs.getString(2));
            c.put("author", rs.getString(3));
            c.put("text", rs.getString(4));
            c.put("at", rs.getTimestamp(5).toInstant().toString());
            c.put("organisationId", rs.getString(6));
            return c;
        }).map(canonical::write);
    }

    private interface Mapper {
        Map<String, Object> map(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    private Optional<Map<String, Object>> one(String sql, String id, Mapper mapper) {
        List<Map<String, Object>> found = rows(sql, id, mapper);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    private List<Map<String, Object>> rows(String sql, String id, Mapper mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, id);
            List<Map<String, Object>> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    private static String blank(Object value) {
        String s = Canonical.text(value);
        return s.isEmpty() ? null : s;
    }
}

package uk.supervision.audit;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.integrity.Canonical;
import uk.supervision.integrity.HashChain;
import uk.supervision.integrity.SignedContentSource;
import uk.supervision.integrity.SignedItem;
import uk.supervision.integrity.SignedItemRepository;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A completed audit, kept once in the append-only signed_item table (type FILE_AUDIT) with the auditor's signature,
 * chained to the organisation's previous signed item. Reads of a completed audit come from here, and whether an audit
 * is locked is the snapshot's existence: changing the mutable file_audit row (its content or status) re-opens nothing,
 * and integrity verification reports it.
 */
@Singleton
public class AuditSnapshots implements SignedContentSource {
    public static final String ITEM_TYPE = "FILE_AUDIT";

    private final JdbcOperations jdbc;
    private final SignedItemRepository items;
    private final HashChain chain;
    private final Canonical canonical;

    public AuditSnapshots(JdbcOperations jdbc, SignedItemRepository items, HashChain chain, Canonical canonical) {
        this.jdbc = jdbc;
        this.items = items;
        this.chain = chain;
        this.canonical = canonical;
    }

    @Override
    public List<String> itemTypes() {
        return List.of(ITEM_TYPE);
    }

    @Override
    public Optional<String> liveContent(String itemType, String itemId) {
        return content(itemId).map(canonical::write);
    }

    /** Appends the audit (its row already completed and its signature written, in this transaction) to the chain. */
    SignedItem lock(String organisationId, String auditId) {
        return chain.append(organisationId, ITEM_TYPE, auditId, liveContent(ITEM_TYPE, auditId).orElseThrow());
    }

    boolean isLocked(String id) {
        return items.findByItemTypeAndItemId(ITEM_TYPE, id).isPresent();
    }

    /** The signed content of a completed audit, or empty for a draft. */
    Optional<Map<String, Object>> signed(String id) {
        return items.findByItemTypeAndItemId(ITEM_TYPE, id).map(i -> canonical.read(i.contentJson()));
    }

    /** The signed content of the completed ones among these audits, by id, in one query. */
    Map<String, Map<String, Object>> signed(Set<String> ids) {
        Map<String, Map<String, Object>> out = new HashMap<>();
        if (!ids.isEmpty()) {
            items.findByItemTypeAndItemIdIn(ITEM_TYPE, ids).forEach(i -> out.put(i.itemId(), canonical.read(i.contentJson())));
        }
        return out;
    }

    /** The canonical content of an audit, rebuilt from its rows exactly as at completion. */
    private Optional<Map<String, Object>> content(String id) {
        Optional<Map<String, Object>> found = jdbc.prepareStatement("SELECT organisation_id, kind, sample_id, supervisee_id, supervisor_id, "
                + "team_id, service_id, auditor_staff_id, auditor_post, period_from, period_to, audited_on, quarter, template_id, status, "
                + "content_json, grade, content_hash, completed_at FROM file_audit WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Map<String, Object>>empty();
                }
                Map<String, Object> c = new TreeMap<>();
                c.put("id", id);
                c.put("organisationId", rs.getString(1));
                c.put("kind", rs.getString(2));
                c.put("sample", Canonical.text(rs.getString(3)));
                c.put("supervisee", rs.getString(4));
                c.put("supervisor", rs.getString(5));
                c.put("team", Canonical.text(rs.getString(6)));
                c.put("service", Canonical.text(rs.getString(7)));
                c.put("auditor", rs.getString(8));
                c.put("auditorPost", Canonical.text(rs.getString(9)));
                c.put("periodFrom", rs.getDate(10).toLocalDate().toString());
                c.put("periodTo", rs.getDate(11).toLocalDate().toString());
                c.put("auditedOn", rs.getDate(12).toLocalDate().toString());
                c.put("quarter", rs.getString(13));
                c.put("template", rs.getString(14));
                c.put("content", rs.getString(16));
                c.put("grade", Canonical.text(rs.getString(17)));
                c.put("contentHash", Canonical.text(rs.getString(18)));
                c.put("completedAt", Canonical.text(rs.getTimestamp(19) == null ? null : rs.getTimestamp(19).toInstant()));
                // Locked as COMPLETED, so the key is absent from every snapshot: a row put back to DRAFT no longer
                // rebuilds to its snapshot, and integrity verification reports it.
                if (!"COMPLETED".equals(rs.getString(15))) {
                    c.put("status", Canonical.text(rs.getString(15)));
                }
                return Optional.of(c);
            }
        });
        return found.map(c -> {
            jdbc.prepareStatement("SELECT id, signer_staff_id, signer_account_id, signed_at, content_hash FROM file_audit_signature "
                    + "WHERE file_audit_id = ?", ps -> {
                ps.setString(1, id);
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Map<String, Object> s = new TreeMap<>();
                        s.put("id", rs.getString(1));
                        s.put("signer", rs.getString(2));
                        s.put("account", rs.getString(3));
                        s.put("at", rs.getTimestamp(4).toInstant().toString());
                        s.put("hash", rs.getString(5));
                        c.put("signature", s);
                    }
                }
                return null;
            });
            return c;
        });
    }
}

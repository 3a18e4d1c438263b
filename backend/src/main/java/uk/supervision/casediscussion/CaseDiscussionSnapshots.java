package uk.supervision.casediscussion;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
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
 * A locked case discussion, kept once in the append-only signed_item table (type CASE_DISCUSSION) with every
 * signature, chained to the organisation's previous signed item. Reads of a signed discussion come from here,
 * and whether a discussion is locked is the snapshot's existence: a change to the mutable case_discussion row (its
 * content, status or child_view_status) changes no read and re-opens nothing, and integrity verification reports it.
 */
@Singleton
public class CaseDiscussionSnapshots implements SignedContentSource {
    public static final String ITEM_TYPE = "CASE_DISCUSSION";

    private final JdbcOperations jdbc;
    private final SignedItemRepository items;
    private final HashChain chain;
    private final Canonical canonical;

    public CaseDiscussionSnapshots(JdbcOperations jdbc, SignedItemRepository items, HashChain chain, Canonical canonical) {
        this.jdbc = jdbc;
        this.items = items;
        this.chain = chain;
        this.canonical = canonical;
    }

    /** A signature as the service reads it, from the table or from the snapshot. */
    record Signature(String signer, String account, Instant at, String hash) {
    }

    /** The discussion as locked, with its signatures. */
    record Signed(CaseDiscussionRow row, List<Signature> signatures) {
    }

    @Override
    public List<String> itemTypes() {
        return List.of(ITEM_TYPE);
    }

    @Override
    public Optional<String> liveContent(String itemType, String itemId) {
        return content(itemId).map(canonical::write);
    }

    /** Appends the discussion (its row already marked signed, in this transaction) to the chain. */
    SignedItem lock(CaseDiscussionRow row) {
        return chain.append(row.organisationId(), ITEM_TYPE, row.id(), liveContent(ITEM_TYPE, row.id()).orElseThrow());
    }

    /** Signed and locked: decided by the snapshot's existence (decision 0005), never by the mutable row's status. */
    boolean isLocked(String id) {
        return items.findByItemTypeAndItemId(ITEM_TYPE, id).isPresent();
    }

    Optional<Signed> signed(CaseDiscussionRow row) {
        return items.findByItemTypeAndItemId(ITEM_TYPE, row.id()).map(item -> signed(row, item));
    }

    /** The signed ones among these rows, by id, read in one query. */
    Map<String, Signed> signed(List<CaseDiscussionRow> rows) {
        Map<String, Signed> out = new java.util.HashMap<>();
        if (rows.isEmpty()) {
            return out;
        }
        Map<String, CaseDiscussionRow> byId = new java.util.HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        items.findByItemTypeAndItemIdIn(ITEM_TYPE, byId.keySet()).forEach(item -> out.put(item.itemId(), signed(byId.get(item.itemId()), item)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private Signed signed(CaseDiscussionRow row, SignedItem item) {
        {
            Map<String, Object> c = canonical.read(item.contentJson());
            CaseDiscussionRow r = new CaseDiscussionRow(row.id(), (String) c.get("organisationId"), (String) c.get("child"),
                    (String) c.get("supervisee"), (String) c.get("supervisor"), blank(c.get("session")), (String) c.get("template"),
                    LocalDate.parse((String) c.get("discussedOn")), CaseDiscussionRow.SIGNED, (String) c.get("content"),
                    blank(c.get("childViewStatus")), blank(c.get("contentHash")), Instant.parse((String) c.get("signedAt")),
                    row.version(), row.contentVersion(), row.createdAt(), row.updatedAt());
            List<Signature> signatures = new ArrayList<>();
            for (Map<String, Object> s : (List<Map<String, Object>>) c.get("signatures")) {
                signatures.add(new Signature((String) s.get("signer"), (String) s.get("account"), Instant.parse((String) s.get("at")),
                        (String) s.get("hash")));
            }
            return new Signed(r, signatures);
        }
    }

    /** The canonical content of a discussion, rebuilt from its rows exactly as at locking. */
    private Optional<Map<String, Object>> content(String id) {
        Optional<Map<String, Object>> found = jdbc.prepareStatement("SELECT organisation_id, child_id, supervisee_id, supervisor_id, session_id, "
                + "template_id, discussed_on, content_json, child_view_status, content_hash, signed_at, status FROM case_discussion WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.<Map<String, Object>>empty();
                }
                Map<String, Object> c = new TreeMap<>();
                c.put("id", id);
                c.put("organisationId", rs.getString(1));
                c.put("child", rs.getString(2));
                c.put("supervisee", rs.getString(3));
                c.put("supervisor", rs.getString(4));
                c.put("session", Canonical.text(rs.getString(5)));
                c.put("template", rs.getString(6));
                c.put("discussedOn", rs.getDate(7).toLocalDate().toString());
                c.put("content", rs.getString(8));
                c.put("childViewStatus", Canonical.text(rs.getString(9)));
                c.put("contentHash", Canonical.text(rs.getString(10)));
                c.put("signedAt", Canonical.text(rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant()));
                // Locked with status SIGNED, so the key is absent from every snapshot: a row changed back to a draft
                // no longer rebuilds to its snapshot, and integrity verification reports it.
                if (!CaseDiscussionRow.SIGNED.equals(rs.getString(12))) {
                    c.put("status", Canonical.text(rs.getString(12)));
                }
                return Optional.of(c);
            }
        });
        return found.map(c -> {
            c.put("signatures", jdbc.prepareStatement("SELECT id, signer_staff_id, signer_account_id, signed_at, content_hash "
                    + "FROM case_discussion_signature WHERE case_discussion_id = ? ORDER BY signed_at, id", ps -> {
                ps.setString(1, id);
                List<Map<String, Object>> out = new ArrayList<>();
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> s = new TreeMap<>();
                        s.put("id", rs.getString(1));
                        s.put("signer", rs.getString(2));
                        s.put("account", rs.getString(3));
                        s.put("at", rs.getTimestamp(4).toInstant().toString());
                        s.put("hash", rs.getString(5));
                        out.add(s);
                    }
                }
                return out;
            }));
            return c;
        });
    }

    private static String blank(Object value) {
        String s = Canonical.text(value);
        return s.isEmpty() ? null : s;
    }
}

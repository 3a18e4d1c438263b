package uk.supervision.integrity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.security.PasswordHasher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recomputes an organisation's chain from the start: every content hash, every link, the rows each item
 * was made from, and the head. Reports the first item that does not match.
 */
@Singleton
public class IntegrityVerifier {
    private static final int BATCH = 200;

    private final JdbcOperations jdbc;
    private final Map<String, SignedContentSource> sources = new HashMap<>();

    public IntegrityVerifier(JdbcOperations jdbc, List<SignedContentSource> sources) {
        this.jdbc = jdbc;
        sources.forEach(s -> s.itemTypes().forEach(t -> this.sources.put(t, s)));
    }

    /** The first break: which item, what is wrong, the value recomputed and the value found. */
    public record Break(String organisationId, long sequence, String itemType, String itemId, String problem,
                        String expected, String found) {
    }

    public record Result(String organisationId, long itemsChecked, Optional<Break> firstBreak) {
    }

    private record Row(long sequence, String type, String itemId, String content, String contentHash, String previous, String chain) {
    }

    @Transactional
    public List<String> organisations() {
        return jdbc.prepareStatement("SELECT organisation_id FROM chain_head UNION SELECT organisation_id FROM signed_item", ps -> {
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /**
     * Checks the chain up to the head as read first, so items appended while it runs are left for the
     * next verification rather than reported.
     */
    @Transactional(isolation = io.micronaut.transaction.TransactionDefinition.Isolation.READ_COMMITTED)
    public Result verify(String organisationId) {
        String[] head = jdbc.prepareStatement("SELECT last_sequence, last_hash FROM chain_head WHERE organisation_id = ?", ps -> {
            ps.setString(1, organisationId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new String[]{Long.toString(rs.getLong(1)), rs.getString(2)} : null;
            }
        });
        long last = head == null ? Long.MAX_VALUE : Long.parseLong(head[0]);
        long expected = 1;
        String previous = HashChain.GENESIS;
        long after = 0;
        while (true) {
            List<Row> rows = batch(organisationId, after, last);
            for (Row row : rows) {
                Optional<Break> broken = check(organisationId, row, expected, previous);
                if (broken.isPresent()) {
                    return new Result(organisationId, expected - 1, broken);
                }
                previous = row.chain();
                expected++;
                after = row.sequence();
            }
            if (rows.size() < BATCH) {
                break;
            }
        }
        long checked = expected - 1;
        if (head == null) {
            return new Result(organisationId, checked, Optional.of(new Break(organisationId, checked, null, null,
                    "The organisation's chain head is missing", "a head at sequence " + checked, "none")));
        }
        if (checked != last || !previous.equals(head[1])) {
            return new Result(organisationId, checked, Optional.of(new Break(organisationId, checked + 1, null, null,
                    "Signed items at the end of the chain are missing", "sequence " + last + ", hash " + head[1],
                    "sequence " + checked + ", hash " + previous)));
        }
        return new Result(organisationId, checked, Optional.empty());
    }

    private Optional<Break> check(String organisationId, Row row, long expected, String previous) {
        if (row.sequence() != expected) {
            return broken(organisationId, row, "A signed item before this one is missing", "sequence " + expected, "sequence " + row.sequence());
        }
        if (!row.previous().equals(previous)) {
            return broken(organisationId, row, "The link to the previous signed item does not match", previous, row.previous());
        }
        String contentHash = PasswordHasher.sha256(row.content());
        if (!contentHash.equals(row.contentHash())) {
            return broken(organisationId, row, "The stored content does not match its hash", contentHash, row.contentHash());
        }
        String chain = HashChain.link(previous, row.content());
        if (!chain.equals(row.chain())) {
            return broken(organisationId, row, "The chain hash does not match", chain, row.chain());
        }
        SignedContentSource source = sources.get(row.type());
        if (source == null) {
            return broken(organisationId, row, "Unknown kind of signed item", "AGREEMENT, SESSION_RECORD or RECORD_ADDENDUM", row.type());
        }
        Optional<String> live = source.liveContent(row.type(), row.itemId());
        if (live.isEmpty() || !live.get().equals(row.content())) {
            return broken(organisationId, row, "The rows this item was signed from no longer match what was signed",
                    contentHash, live.map(PasswordHasher::sha256).orElse("missing"));
        }
        return Optional.empty();
    }

    private static Optional<Break> broken(String organisationId, Row row, String problem, String expected, String found) {
        return Optional.of(new Break(organisationId, row.sequence(), row.type(), row.itemId(), problem, expected, found));
    }

    private List<Row> batch(String organisationId, long after, long last) {
        return jdbc.prepareStatement("SELECT sequence_no, item_type, item_id, content_json, content_hash, previous_hash, chain_hash "
                + "FROM signed_item WHERE organisation_id = ? AND sequence_no > ? AND sequence_no <= ? ORDER BY sequence_no LIMIT " + BATCH, ps -> {
            ps.setString(1, organisationId);
            ps.setLong(2, after);
            ps.setLong(3, last);
            List<Row> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7)));
                }
            }
            return out;
        });
    }
}

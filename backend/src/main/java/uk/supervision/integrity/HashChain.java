package uk.supervision.integrity;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import uk.supervision.security.PasswordHasher;
import uk.supervision.support.Ids;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * Appends signed items to their organisation's chain. The chain head row is locked (SELECT ... FOR
 * UPDATE) for the rest of the caller's transaction, so concurrent signings in one organisation take
 * sequence numbers one after another and each links to the item before it.
 */
@Singleton
public class HashChain {
    public static final String GENESIS = "0".repeat(64);

    private final SignedItemRepository items;
    private final JdbcOperations jdbc;
    private final Clock clock;

    public HashChain(SignedItemRepository items, JdbcOperations jdbc, Clock clock) {
        this.items = items;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** SHA-256(previous chain hash || canonical content). */
    public static String link(String previousHash, String contentJson) {
        return PasswordHasher.sha256(previousHash + contentJson);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SignedItem append(String organisationId, String itemType, String itemId, String contentJson) {
        String[] head = lockHead(organisationId);
        if (head == null) {
            startChain(organisationId);
            head = lockHead(organisationId);
        }
        long sequence = Long.parseLong(head[0]) + 1;
        String previous = head[1];
        Instant now = clock.instant();
        SignedItem item = items.save(new SignedItem(Ids.newId(), organisationId, sequence, itemType, itemId, contentJson,
                PasswordHasher.sha256(contentJson), previous, link(previous, contentJson), now));
        jdbc.prepareStatement("UPDATE chain_head SET last_sequence = ?, last_hash = ?, updated_at = ? WHERE organisation_id = ?", ps -> {
            ps.setLong(1, sequence);
            ps.setString(2, item.chainHash());
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setString(4, organisationId);
            return ps.executeUpdate();
        });
        return item;
    }

    /**
     * Starts an organisation's chain: called where the organisation is created, in its transaction. Also the
     * fallback for one made before chain heads were created with it, inside the signing transaction (on its
     * own connection, so a signing never needs a second one from the pool). ON DUPLICATE KEY UPDATE rather
     * than INSERT and catching the duplicate: on a duplicate InnoDB then takes an exclusive lock, not a
     * shared one, so concurrent first signings queue on the row instead of deadlocking when each tries to
     * upgrade its shared lock (H2 in MySQL mode accepts the same statement).
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void startChain(String organisationId) {
        jdbc.prepareStatement("INSERT INTO chain_head (organisation_id, last_sequence, last_hash, updated_at) VALUES (?, 0, ?, ?) "
                + "ON DUPLICATE KEY UPDATE organisation_id = organisation_id", ps -> {
            ps.setString(1, organisationId);
            ps.setString(2, GENESIS);
            ps.setTimestamp(3, Timestamp.from(clock.instant()));
            return ps.executeUpdate();
        });
    }

    /** The head's sequence and hash, locked for the rest of the transaction; null if the chain was never started. */
    private String[] lockHead(String organisationId) {
        return jdbc.prepareStatement("SELECT last_sequence, last_hash FROM chain_head WHERE organisation_id = ? FOR UPDATE", ps -> {
            ps.setString(1, organisationId);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? new String[]{Long.toString(rs.getLong(1)), rs.getString(2)} : null;
            }
        });
    }
}

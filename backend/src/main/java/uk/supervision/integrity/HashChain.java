package uk.supervision.integrity;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import io.micronaut.transaction.TransactionDefinition;
import jakarta.inject.Singleton;
import uk.supervision.security.PasswordHasher;
import uk.supervision.support.Ids;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
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
    private final DataSource pool;
    private final Clock clock;

    public HashChain(SignedItemRepository items, JdbcOperations jdbc, DataSource dataSource, Clock clock) {
        this.items = items;
        this.jdbc = jdbc;
        this.pool = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    /** SHA-256(previous chain hash || canonical content). */
    public static String link(String previousHash, String contentJson) {
        return PasswordHasher.sha256(previousHash + contentJson);
    }

    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public SignedItem append(String organisationId, String itemType, String itemId, String contentJson) {
        ensureHead(organisationId);
        String[] head = jdbc.prepareStatement("SELECT last_sequence, last_hash FROM chain_head WHERE organisation_id = ? FOR UPDATE", ps -> {
            ps.setString(1, organisationId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return new String[]{Long.toString(rs.getLong(1)), rs.getString(2)};
            }
        });
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
     * An organisation made after the migration gets its head row here, committed at once on a connection
     * of its own: inserting it inside the signing transaction would let two first signings deadlock.
     */
    private void ensureHead(String organisationId) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM chain_head WHERE organisation_id = ?")) {
                check.setString(1, organisationId);
                try (var rs = check.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO chain_head (organisation_id, last_sequence, last_hash, updated_at) VALUES (?, 0, ?, ?)")) {
                insert.setString(1, organisationId);
                insert.setString(2, GENESIS);
                insert.setTimestamp(3, Timestamp.from(clock.instant()));
                insert.executeUpdate();
            } catch (SQLException duplicate) {
                if (duplicate.getSQLState() == null || !duplicate.getSQLState().startsWith("23")) {
                    throw duplicate;
                }
                // Another node made it first: fine.
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not start the signed-item chain of organisation " + organisationId, e);
        }
    }
}

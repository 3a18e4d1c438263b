package uk.supervision.support;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A database lease for scheduled work on many nodes: one conditional UPDATE takes the named lease if it
 * is free, expired or already ours, so two nodes can never both hold it.
 */
@Singleton
public class Lease {
    private final DataSource dataSource;
    private final Clock clock;
    private final String holder = "node-" + UUID.randomUUID();

    public Lease(DataSource dataSource, Clock clock) {
        // The pool itself, not the connection-aware proxy: the lease statement commits on its own.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.clock = clock;
    }

    /** True when this node now holds the lease for the given time. The lease row must exist (a migration adds it). */
    /** Its own short statement on its own connection, committed at once, whatever the caller is doing. */
    public boolean tryAcquire(String name, Duration duration) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE scheduler_lease SET holder = ?, lease_until = ? WHERE name = ? "
                     + "AND (holder IS NULL OR lease_until IS NULL OR lease_until < ? OR holder = ?)")) {
            c.setAutoCommit(true);
            ps.setString(1, holder);
            ps.setTimestamp(2, Timestamp.from(now.plus(duration)));
            ps.setString(3, name);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, holder);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the lease " + name, e);
        }
    }

    /**
     * Lets the lease go at the end of a run, so another node (or the next service started on the same database) need
     * not wait for it to expire. Only this node's own lease is released.
     */
    public void release(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = ? AND holder = ?")) {
            c.setAutoCommit(true);
            ps.setString(1, name);
            ps.setString(2, holder);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not release the lease " + name, e);
        }
    }

    public String holder() {
        return holder;
    }
}

package uk.supervision.security;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether an access token's generation is still the account's current one. Each node keeps what it read
 * for a few seconds (supervision.security.revocation-cache-seconds): the node that revokes drops its own
 * entry at once, other nodes see the change when their entry expires (decision 0008).
 */
@Singleton
public class TokenGenerations {
    /** What the database said about an account; generation -1 when the account does not exist. */
    record State(boolean enabled, int generation, long readAtNanos) {
    }

    private final DataSource dataSource;
    private final SecuritySettings settings;
    private final Map<String, State> cache = new ConcurrentHashMap<>();
    /** Counts forgets, so a read that began before one never stays cached after it. */
    private final AtomicLong forgets = new AtomicLong();

    public TokenGenerations(DataSource dataSource, SecuritySettings settings) {
        // The pool itself: the check runs before any transaction of the request, on its own short statement.
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
        this.settings = settings;
    }

    /** True when the account exists, is enabled and is still at this generation. */
    public boolean isCurrent(String accountId, int generation) {
        State state = cached(accountId);
        return state.enabled() && state.generation() == generation;
    }

    /** Forgets what this node read about the account, so its next request reads the database. */
    public void forget(String accountId) {
        forgets.incrementAndGet();
        cache.remove(accountId);
    }

    /**
     * Caches what was read unless a forget came since the read began: that read may predate a revocation's
     * commit, and caching it after the forget would let a revoked token work for the cache's lifetime.
     */
    private void remember(String accountId, State state, long forgetsBefore) {
        cache.put(accountId, state);
        if (forgets.get() != forgetsBefore) {
            cache.remove(accountId, state);
        }
    }

    private State cached(String accountId) {
        long ttlNanos = settings.getRevocationCacheSeconds() * 1_000_000_000L;
        State state = cache.get(accountId);
        if (state == null || System.nanoTime() - state.readAtNanos() >= ttlNanos) {
            long forgetsBefore = forgets.get();
            state = read(accountId);
            if (ttlNanos > 0) {
                remember(accountId, state, forgetsBefore);
            }
        }
        return state;
    }

    private State read(String accountId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT enabled, token_generation FROM account WHERE id = ?")) {
            ps.setString(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new State(rs.getBoolean(1), rs.getInt(2), System.nanoTime())
                        : new State(false, -1, System.nanoTime());
            }
        } catch (SQLException e) {
            throw new DataAccessException("Could not check the account's tokens", e);
        }
    }
}

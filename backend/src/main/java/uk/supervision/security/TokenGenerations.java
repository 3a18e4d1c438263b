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

    /** The account's generation now, read from the database (for a token about to be issued). */
    public int current(String accountId) {
        State state = read(accountId);
        cache.put(accountId, state);
        return state.generation();
    }

    /** Forgets what this node read about the account, so its next request reads the database. */
    public void forget(String accountId) {
        cache.remove(accountId);
    }

    private State cached(String accountId) {
        long ttlNanos = settings.getRevocationCacheSeconds() * 1_000_000_000L;
        State state = cache.get(accountId);
        if (state == null || System.nanoTime() - state.readAtNanos() >= ttlNanos) {
            state = read(accountId);
            if (ttlNanos > 0) {
                cache.put(accountId, state);
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

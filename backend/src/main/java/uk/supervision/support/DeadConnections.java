package uk.supervision.support;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;

/**
 * Tells the pool to drop a connection whose error says it is dead. Hikari does that by itself only for
 * SQLState class 08 (MySQL, MariaDB); H2 reports a broken server connection with its own codes, and a
 * dead connection kept in the pool would fail every request after the database is back.
 * Configured as the pool's exception-override-class-name.
 */
public class DeadConnections implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
        boolean dead = e instanceof SQLNonTransientConnectionException || e instanceof SQLRecoverableException
                || (e.getSQLState() != null && e.getSQLState().startsWith("08"));
        return dead ? Override.MUST_EVICT : Override.CONTINUE_EVICT;
    }
}

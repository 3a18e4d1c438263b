package uk.supervision.activitylog;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import uk.supervision.security.Caller;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Logs a read of a person's records in the transaction of the read itself: no row, no read.
 *
 * The read must run in a read-write transaction: MySQL and MariaDB refuse the INSERT in a read-only
 * one while H2 ignores read-only, so this refuses a read-only or missing transaction on every engine
 * rather than only failing in production.
 */
@Singleton
public class ReadLog {
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;

    public ReadLog(ActivityLog activityLog, JdbcOperations jdbc, TransactionOperations<Connection> transactions) {
        this.activityLog = activityLog;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    public void record(Caller caller, RecordRead read) {
        requireReadWriteTransaction();
        if (read.isEmpty()) {
            return;   // an empty page showed nobody's records
        }
        ActivityLogEntry entry = activityLog.entry(caller, read.action(), read.recordType(), read.recordId(), read.summary());
        if (read.subjectStaffIds().isEmpty()) {
            return;
        }
        // One batch for every subject: a list page names up to 200 people, and each read pays for this.
        jdbc.prepareStatement("INSERT INTO activity_log_subject (activity_id, subject_staff_id, occurred_at) VALUES (?, ?, ?)", ps -> {
            Timestamp at = Timestamp.from(entry.occurredAt());
            for (String subject : read.subjectStaffIds()) {
                ps.setLong(1, entry.id());
                ps.setString(2, subject);
                ps.setTimestamp(3, at);
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    private void requireReadWriteTransaction() {
        var status = transactions.findTransactionStatus()
                .orElseThrow(() -> new IllegalStateException("A logged read must run in a transaction, so the read and its log row commit together."));
        boolean readOnly = status.getTransactionDefinition().isReadOnly().orElse(false);
        try {
            readOnly = readOnly || transactions.getConnection().isReadOnly();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (readOnly) {
            throw new IllegalStateException("A logged read must run in a read-write transaction: MySQL and MariaDB refuse the log INSERT in a read-only one.");
        }
    }
}

package uk.supervision.activitylog;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Role;
import uk.supervision.security.Caller;
import uk.supervision.testing.Fixtures;
import uk.supervision.testing.World;

import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;

import java.sql.Connection;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trap: MySQL and MariaDB refuse an INSERT in a read-only transaction, H2 does not. The read log
 * refuses a read-only or missing transaction itself, so the mistake fails on H2 as well.
 */
@MicronautTest(transactional = false)
class ReadLogTransactionTest {
    @Inject
    ReadLog readLog;
    @Inject
    TransactionOperations<Connection> transactions;
    @Inject
    Fixtures fixtures;

    @Test
    void aLoggedReadNeedsAReadWriteTransaction() {
        World world = fixtures.organisation();
        World.Person reader = world.person(world.teamA1(), "Rita", Role.SUPERVISOR);
        Caller caller = new Caller(reader.account().id(), world.org().id(), reader.id(), "Rita Tester", Set.of(Role.SUPERVISOR),
                Set.of(), false, null, Set.of());
        RecordRead read = RecordRead.one(RecordRead.AGREEMENT, "guard-" + Fixtures.unique("a"), List.of(reader.id()));

        assertThrows(IllegalStateException.class, () -> readLog.record(caller, read), "no transaction");
        assertThrows(IllegalStateException.class, () -> transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            readLog.record(caller, read);
            return null;
        }), "a read-only transaction");
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", read.recordId()));

        transactions.executeWrite(status -> {
            readLog.record(caller, read);
            return null;
        });
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ? AND actor_account_id = ?", read.recordId(),
                reader.account().id()));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log_subject s JOIN activity_log l ON l.id = s.activity_id "
                + "WHERE l.entity_id = ? AND s.subject_staff_id = ?", read.recordId(), reader.id()));
    }

    /** Why the guard exists: what each engine does with an INSERT in a read-only transaction. */
    @Test
    void theEnginesDisagreeAboutInsertsInAReadOnlyTransaction() throws Exception {
        String product = fixtures.databaseProduct().toLowerCase();
        String marker = Fixtures.unique("trap");
        Runnable insert = () -> transactions.execute(TransactionDefinition.READ_ONLY, status -> {
            try (var ps = status.getConnection().prepareStatement("INSERT INTO activity_log (occurred_at, action, entity_id) VALUES (?, 'TRAP', ?)")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now()));
                ps.setString(2, marker);
                return ps.executeUpdate();
            }
        });
        if (product.contains("mysql") || product.contains("mariadb")) {
            Throwable refused = assertThrows(Throwable.class, insert::run, product + " refuses it");
            assertTrue(String.valueOf(refused.getMessage()).toUpperCase().replace('-', ' ').contains("READ ONLY"), String.valueOf(refused));
            assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", marker));
        } else {
            insert.run();   // H2 ignores read-only: the reason a naive read log passes locally
            assertEquals(1, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", marker), product);
        }
    }

    @Test
    void aRolledBackReadLeavesNoRow() {
        World world = fixtures.organisation();
        World.Person reader = world.person(world.teamA1(), "Rob", Role.SUPERVISOR);
        Caller caller = new Caller(reader.account().id(), world.org().id(), reader.id(), "Rob Tester", Set.of(Role.SUPERVISOR),
                Set.of(), false, null, Set.of());
        RecordRead read = RecordRead.one(RecordRead.AGREEMENT, "rollback-" + Fixtures.unique("a"), List.of(reader.id()));
        assertThrows(IllegalArgumentException.class, () -> transactions.executeWrite(status -> {
            readLog.record(caller, read);
            throw new IllegalArgumentException("the read failed after logging");
        }));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM activity_log WHERE entity_id = ?", read.recordId()));
    }
}

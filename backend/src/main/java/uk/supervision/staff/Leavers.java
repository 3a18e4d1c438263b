package uk.supervision.staff;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.account.Account;
import uk.supervision.account.AccountRepository;
import uk.supervision.account.RoleGrantRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.Role;
import uk.supervision.handover.LeaverSupervision;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessRevocation;
import uk.supervision.security.Caller;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What leaving means (decision 0008). Supervision relations end on the leaving date whenever the leaver is
 * recorded; a relation that would start after it never takes effect and is removed. From the leaving date
 * on, the account is disabled, its roles end and its tokens stop working: at once when the date recorded
 * is today or past, otherwise by LeaverJob when the day comes.
 */
@Singleton
public class Leavers {
    private static final Logger LOG = LoggerFactory.getLogger(Leavers.class);
    private final SupervisionRelationRepository relations;
    private final AccountRepository accounts;
    private final RoleGrantRepository grants;
    private final AccessRevocation revocation;
    private final ActivityLog activityLog;
    private final JdbcOperations jdbc;
    private final LeaverSupervision supervision;

    public Leavers(SupervisionRelationRepository relations, AccountRepository accounts, RoleGrantRepository grants,
                   AccessRevocation revocation, ActivityLog activityLog, JdbcOperations jdbc, LeaverSupervision supervision) {
        this.supervision = supervision;
        this.relations = relations;
        this.accounts = accounts;
        this.grants = grants;
        this.revocation = revocation;
        this.activityLog = activityLog;
        this.jdbc = jdbc;
    }

    /**
     * Inside the transaction that records the leaving date. The organisation's last enabled administrator
     * leaving today or earlier is refused (422, nothing stored): the product must not end up with nobody
     * able to administer it; another administrator is appointed first, then the date is recorded.
     */
    void recorded(Caller caller, Staff leaver, LocalDate today) {
        boolean now = !leaver.leavingDate().isAfter(today);
        if (now && isLastAdministrator(leaver)) {
            throw Problems.rule("/leavingDate", leaver.displayName() + " is the organisation's last administrator. "
                    + "Ask them or IT to give the administrator role to someone else first, then record the leaving date.");
        }
        closeRelations(caller, leaver);
        if (now) {
            supervision.arrived(caller, leaver.id(), leaver.leavingDate());
            endAccess(caller, leaver);
        } else {
            supervision.recorded(caller, leaver.id(), leaver.leavingDate());
        }
    }

    /** For the job: the leaver's date has come; ends whatever is still open. */
    void arrived(Staff leaver) {
        Caller system = new Caller(null, leaver.organisationId(), null, "Leaver job", Set.of(), Set.of(), false, null, Set.of());
        closeRelations(system, leaver);
        supervision.arrived(system, leaver.id(), leaver.leavingDate());
        endAccess(system, leaver);
    }

    /** Leavers whose date is on or before the day and who still have an enabled account, a role or an open relation. */
    List<String> dueOn(LocalDate day) {
        String sql = "SELECT s.id FROM staff s WHERE s.leaving_date IS NOT NULL AND s.leaving_date <= ? AND ("
                + "EXISTS (SELECT 1 FROM account a WHERE a.staff_id = s.id AND a.enabled = TRUE) "
                + "OR EXISTS (SELECT 1 FROM account a JOIN role_grant g ON g.account_id = a.id WHERE a.staff_id = s.id) "
                + "OR EXISTS (SELECT 1 FROM supervision_relation r WHERE (r.supervisor_id = s.id OR r.supervisee_id = s.id) "
                + "AND (r.to_date IS NULL OR r.to_date > s.leaving_date)) "
                + "OR EXISTS (SELECT 1 FROM agreement g WHERE g.supervisee_id = s.id AND g.status IN ('DRAFT', 'AWAITING_SIGNATURES', 'ACTIVE'))"
                + ") ORDER BY s.id";
        return jdbc.prepareStatement(sql, ps -> {
            ps.setDate(1, Date.valueOf(day));
            List<String> ids = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        });
    }

    private void closeRelations(Caller caller, Staff leaver) {
        LocalDate last = leaver.leavingDate();
        long ended = relations.endOpenForSupervisee(leaver.id(), last) + relations.endOpenForSupervisor(leaver.id(), last);
        long voided = relations.deleteStartingAfter(leaver.id(), last);
        if (ended + voided > 0) {
            activityLog.record(caller, "LEAVER_RELATIONS_CLOSED", "staff", leaver.id(),
                    ended + " ended on " + last + ", " + voided + " starting after it removed");
        }
    }

    /**
     * Ends the leaver's access. When the job gets here with the last administrator (their date was recorded
     * ahead), HR's record still wins: access ends, and the error log and activity log say the organisation
     * now has no enabled administrator, so someone restores one.
     */
    private void endAccess(Caller caller, Staff leaver) {
        Optional<Account> account = accounts.findByStaffId(leaver.id());
        if (account.isEmpty()) {
            return;
        }
        String id = account.get().id();
        boolean lastAdministrator = isLastAdministrator(leaver);
        long roles = grants.deleteByAccountId(id);
        boolean disabled = revocation.disable(id);
        if (roles > 0 || disabled) {
            String summary = "left " + leaver.leavingDate() + ": account disabled, " + roles + " role(s) ended";
            if (lastAdministrator) {
                summary += "; the organisation has no enabled administrator now";
                LOG.error("Leaver {} was organisation {}'s last enabled administrator; it has none now. Appoint one.",
                        leaver.id(), leaver.organisationId());
            }
            activityLog.record(caller, "LEAVER_ACCESS_ENDED", "account", id, summary);
        }
    }

    private boolean isLastAdministrator(Staff leaver) {
        return accounts.findByStaffId(leaver.id())
                .filter(Account::enabled)
                .filter(a -> grants.findByAccountId(a.id()).stream().anyMatch(g -> g.role().equals(Role.ADMIN.name())))
                .isPresent()
                && grants.countEnabledAdministrators(leaver.organisationId()) <= 1;
    }
}

package uk.supervision.testing;

import uk.supervision.account.Account;
import uk.supervision.api.model.Role;
import uk.supervision.staff.Staff;
import uk.supervision.team.DirectorateService;
import uk.supervision.team.Organisation;
import uk.supervision.team.Team;

import java.time.LocalDate;

/** One test organisation and shortcuts to populate it. */
public record World(Fixtures fixtures, Organisation org, DirectorateService serviceA, DirectorateService serviceB,
                    Team teamA1, Team teamA2, Team teamB1) {

    public Staff worker(Team team, String given, String family) {
        return fixtures.staff(org, team, null, given, family, "REGISTERED_SOCIAL_WORKER", "PERMANENT", LocalDate.now().minusYears(2));
    }

    /** A person with an account holding the roles; managers' roles are scoped to service A. */
    public Person person(Team team, String given, Role... roles) {
        Staff s = worker(team, given, "Tester");
        Account a = fixtures.account(org, s, serviceA.id(), roles);
        return new Person(s, a);
    }

    /** An account with no staff record (elected members, administrators). */
    public Person accountOnly(Role... roles) {
        Account a = fixtures.account(org, null, serviceA.id(), roles);
        return new Person(null, a);
    }

    public void supervise(Staff supervisor, Staff supervisee) {
        fixtures.supervise(supervisor, supervisee, LocalDate.now().minusMonths(6));
    }

    public record Person(Staff staff, Account account) {
        public String username() {
            return account.username();
        }

        public String id() {
            return staff.id();
        }
    }
}

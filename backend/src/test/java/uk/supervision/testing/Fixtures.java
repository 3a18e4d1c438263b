package uk.supervision.testing;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.account.Account;
import uk.supervision.account.AccountRepository;
import uk.supervision.account.RoleGrant;
import uk.supervision.account.RoleGrantRepository;
import uk.supervision.api.model.Role;
import uk.supervision.database.MigrationAccount;
import uk.supervision.security.PasswordHasher;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.StaffTeamHistory;
import uk.supervision.staff.StaffAttributeHistory;
import uk.supervision.staff.StaffTeamHistoryRepository;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Ids;
import uk.supervision.team.DirectorateService;
import uk.supervision.team.DirectorateServiceRepository;
import uk.supervision.team.Organisation;
import uk.supervision.team.OrganisationSetup;
import uk.supervision.team.Team;
import uk.supervision.team.TeamRepository;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builds organisations for tests straight into the database (the API under test is not used to set
 * itself up). Every name is unique, so tests never see each other's data, on H2 or on MariaDB.
 */
@Singleton
public class Fixtures {
    public static final String PASSWORD = "Correct-Horse-7";
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final OrganisationSetup setup;
    private final DirectorateServiceRepository services;
    private final TeamRepository teams;
    private final StaffRepository staff;
    private final StaffTeamHistoryRepository history;
    private final SupervisionRelationRepository relations;
    private final AccountRepository accounts;
    private final RoleGrantRepository grants;
    private final PasswordHasher hasher;
    private final JdbcOperations jdbc;
    private final MigrationAccount migration;
    private String passwordHash;
    /** Every person starts with their attributes recorded, as the service does (decision 0007). */
    @jakarta.inject.Inject
    StaffAttributeHistory attributes;

    public Fixtures(OrganisationSetup setup, DirectorateServiceRepository services, TeamRepository teams, StaffRepository staff,
                    StaffTeamHistoryRepository history, SupervisionRelationRepository relations, AccountRepository accounts,
                    RoleGrantRepository grants, PasswordHasher hasher, JdbcOperations jdbc, MigrationAccount migration) {
        this.setup = setup;
        this.services = services;
        this.teams = teams;
        this.staff = staff;
        this.history = history;
        this.relations = relations;
        this.accounts = accounts;
        this.grants = grants;
        this.hasher = hasher;
        this.jdbc = jdbc;
        this.migration = migration;
    }

    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
    }

    /** An organisation on the Coventry profile with two services: A (teams A1, A2) and B (team B1). */
    @Transactional
    public World organisation() {
        String code = unique("ORG");
        Organisation org = setup.create(code, "Test council " + code, "COVENTRY_2016");
        Instant now = Instant.now();
        DirectorateService a = services.save(new DirectorateService(Ids.newId(), org.id(), "Service A " + code, now));
        DirectorateService b = services.save(new DirectorateService(Ids.newId(), org.id(), "Service B " + code, now));
        Team a1 = teams.save(new Team(Ids.newId(), a.id(), "Team A1", now));
        Team a2 = teams.save(new Team(Ids.newId(), a.id(), "Team A2", now));
        Team b1 = teams.save(new Team(Ids.newId(), b.id(), "Team B1", now));
        return new World(this, org, a, b, a1, a2, b1);
    }

    @Transactional
    public Staff staff(Organisation org, Team team, String serviceId, String given, String family, String category,
                       String employmentType, LocalDate started) {
        Instant now = Instant.now();
        String email = unique((given + "." + family).toLowerCase().replace(' ', '.')) + "@test.example";
        Staff s = staff.save(new Staff(Ids.newId(), org.id(), team == null ? null : team.id(),
                team == null ? serviceId : team.serviceId(), null, given, family, email, "Social Worker", category,
                employmentType, BigDecimal.valueOf(37), started, started, true, 10, null, null, 1, now, now));
        history.save(new StaffTeamHistory(Ids.newId(), s.id(), s.teamId(), s.serviceId(), started, null, now));
        attributes.start(s, now);
        return s;
    }

    /** An account for a person (or for nobody in particular when staff is null) with roles. */
    @Transactional
    public Account account(Organisation org, Staff person, String serviceScope, Role... roles) {
        if (passwordHash == null) {
            passwordHash = hasher.hash(PASSWORD);
        }
        String username = unique(person == null ? "user" : person.givenName().toLowerCase()) + "@test.example";
        Account a = accounts.save(new Account(Ids.newId(), org.id(), person == null ? null : person.id(), username,
                person == null ? "Account " + username : person.displayName(), passwordHash, true, Instant.now()));
        for (Role role : roles) {
            boolean scoped = role == Role.SERVICE_MANAGER || role == Role.HEAD_OF_SERVICE;
            grants.save(new RoleGrant(Ids.newId(), a.id(), role.name(), scoped ? serviceScope : null));
        }
        return a;
    }

    @Transactional
    public SupervisionRelation supervise(Staff supervisor, Staff supervisee, LocalDate from) {
        return relations.save(new SupervisionRelation(Ids.newId(), supervisor.id(), supervisee.id(), from, null, null, Instant.now()));
    }

    /** An agreement between two people straight into the database (Coventry's agreement template, version 2), in a given state. */
    @Transactional
    public String agreement(Organisation org, Staff supervisee, Staff supervisor, String status) {
        String id = Ids.newId();
        execute("INSERT INTO agreement (id, organisation_id, supervisee_id, supervisor_id, template_id, version_number, status, "
                        + "duration_minutes, location, answers_json, version, created_at, updated_at) "
                        + "SELECT ?, ?, ?, ?, id, 1, ?, 90, 'Team room', '[]', 1, ?, ? FROM policy_template "
                        + "WHERE id = '00000000-0000-7000-8101-000000000201'",
                id, org.id(), supervisee.id(), supervisor.id(), status, java.sql.Timestamp.from(Instant.now()),
                java.sql.Timestamp.from(Instant.now()));
        return id;
    }

    /** A later version of an agreement (a review or a new supervisor), linked to the one before, straight into the database. */
    @Transactional
    public String agreementVersion(Organisation org, Staff supervisee, Staff supervisor, String status, String previousVersionId) {
        String id = Ids.newId();
        execute("INSERT INTO agreement (id, organisation_id, supervisee_id, supervisor_id, template_id, previous_version_id, version_number, "
                        + "status, duration_minutes, location, answers_json, version, created_at, updated_at) "
                        + "SELECT ?, ?, ?, ?, a.template_id, a.id, a.version_number + 1, ?, 90, 'Team room', '[]', 1, ?, ? FROM agreement a "
                        + "WHERE a.id = ?",
                id, org.id(), supervisee.id(), supervisor.id(), status, java.sql.Timestamp.from(Instant.now()),
                java.sql.Timestamp.from(Instant.now()), previousVersionId);
        return id;
    }

    /** A planned one-to-one session between two people, straight into the database. */
    @Transactional
    public String session(Organisation org, Staff supervisee, Staff supervisor) {
        String id = Ids.newId();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        execute("INSERT INTO supervision_session (id, organisation_id, supervisor_id, kind, status, meeting_date, start_time, "
                + "planned_minutes, location, version, created_at, updated_at) VALUES (?, ?, ?, 'ONE_TO_ONE', 'PLANNED', ?, '00:00', 90, "
                + "'Room 1', 1, ?, ?)", id, org.id(), supervisor.id(), java.sql.Date.valueOf(LocalDate.now().plusDays(7)), now, now);
        execute("INSERT INTO session_participant (session_id, supervisee_id) VALUES (?, ?)", id, supervisee.id());
        return id;
    }

    /** An open action of a supervisee's, owned by them, straight into the database. */
    @Transactional
    public String action(Organisation org, Staff supervisee) {
        String id = Ids.newId();
        java.sql.Timestamp now = java.sql.Timestamp.from(Instant.now());
        execute("INSERT INTO supervision_action (id, organisation_id, supervisee_id, owner_staff_id, text, due_date, status, version, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, 'Update the chronology', ?, 'OPEN', 1, ?, ?)",
                id, org.id(), supervisee.id(), supervisee.id(), java.sql.Date.valueOf(LocalDate.now().plusDays(7)), now, now);
        return id;
    }

    /** A count straight from the database, for asserting what was (not) stored. */
    @Transactional
    public long count(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Transactional
    public String string(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    @Transactional
    public java.util.List<String> strings(String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            java.util.List<String> out = new java.util.ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    @Transactional
    public String databaseProduct() throws java.sql.SQLException {
        var meta = jdbc.getConnection().getMetaData();
        return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    }

    @Transactional
    public int execute(String sql, Object... args) {
        int rows = jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        });
        String lower = sql.toLowerCase(java.util.Locale.ROOT);
        if ((lower.startsWith("update supervision_session") || lower.startsWith("insert into session_participant")) && rows > 0) {
            // A session written behind the product's back: its participants' copy of kind, status and date (V039) follows,
            // as SessionRepository keeps it in the product.
            jdbc.prepareStatement("UPDATE session_participant SET "
                    + "kind = (SELECT s.kind FROM supervision_session s WHERE s.id = session_participant.session_id), "
                    + "status = (SELECT s.status FROM supervision_session s WHERE s.id = session_participant.session_id), "
                    + "meeting_date = (SELECT s.meeting_date FROM supervision_session s WHERE s.id = session_participant.session_id) "
                    + "WHERE meeting_date IS NULL OR session_id IN (SELECT s.id FROM supervision_session s WHERE s.status <> session_participant.status "
                    + "OR s.meeting_date <> session_participant.meeting_date)", ps -> ps.executeUpdate());
        }
        return rows;
    }

    /**
     * A statement run as the migration (schema owner) account, not the application's: for tests that
     * change a signed row behind the product's back, which the application's own account cannot do.
     */
    public int asMigrationAccount(String sql, Object... args) {
        try (java.sql.Connection c = migration.connect(); var ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}

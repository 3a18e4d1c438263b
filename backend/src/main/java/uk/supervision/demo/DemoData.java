package uk.supervision.demo;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.account.Account;
import uk.supervision.account.AccountRepository;
import uk.supervision.account.RoleGrant;
import uk.supervision.account.RoleGrantRepository;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.OrganisationPolicyUpdate;
import uk.supervision.api.model.PolicyOverrides;
import uk.supervision.api.model.Role;
import uk.supervision.policy.PolicyService;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffRepository;
import uk.supervision.staff.StaffTeamHistory;
import uk.supervision.staff.StaffAttributeHistory;
import uk.supervision.staff.StaffTeamHistoryRepository;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.DatabaseKind;
import uk.supervision.support.ETags;
import uk.supervision.support.Ids;
import uk.supervision.support.ReplayClock;
import uk.supervision.team.DirectorateService;
import uk.supervision.team.DirectorateServiceRepository;
import uk.supervision.team.Organisation;
import uk.supervision.team.OrganisationRepository;
import uk.supervision.team.OrganisationSetup;
import uk.supervision.team.Team;
import uk.supervision.team.TeamRepository;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A demo organisation so the product can be tried at once: services and teams named like the seeds',
 * a supervisor tree, an account for each person and role (password {@value #PASSWORD}), and 18 months of
 * supervision made through the product's own services ({@link DemoStories}), counted back from the day it
 * is loaded, so the first screen is a living team. Loaded into the embedded default only, unless
 * SUPERVISION_DEMO_DATA=true asks for it on another database; never twice.
 */
@Singleton
public class DemoData {
    public static final String CODE = "DEMO";
    public static final String PASSWORD = "Supervision2026!";
    /** The national employer standard, adjusted locally (see {@link #adoptPolicy}). */
    public static final String PROFILE = "LGA_STANDARD_5";
    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    private final String setting;
    private final DatabaseKind database;
    private final OrganisationRepository organisations;
    private final OrganisationSetup setup;
    private final DirectorateServiceRepository services;
    private final TeamRepository teams;
    private final StaffRepository staff;
    private final StaffTeamHistoryRepository history;
    private final StaffAttributeHistory attributes;
    private final SupervisionRelationRepository relations;
    private final AccountRepository accounts;
    private final RoleGrantRepository grants;
    private final PasswordHasher hasher;
    private final ActivityLog activityLog;
    private final PolicyService policy;
    private final DemoSupervision supervision;
    private final DemoCaseWork caseWork;
    private final DemoAuditWork auditWork;
    private final Clock clock;

    public DemoData(@Value("${supervision.demo-data:auto}") String setting, DatabaseKind database,
                    OrganisationRepository organisations, OrganisationSetup setup, DirectorateServiceRepository services,
                    TeamRepository teams, StaffRepository staff, StaffTeamHistoryRepository history, StaffAttributeHistory attributes,
                    SupervisionRelationRepository relations, AccountRepository accounts, RoleGrantRepository grants,
                    PasswordHasher hasher, ActivityLog activityLog, PolicyService policy, DemoSupervision supervision, DemoCaseWork caseWork,
                    DemoAuditWork auditWork, Clock clock) {
        this.setting = setting;
        this.database = database;
        this.organisations = organisations;
        this.setup = setup;
        this.services = services;
        this.teams = teams;
        this.staff = staff;
        this.history = history;
        this.attributes = attributes;
        this.relations = relations;
        this.accounts = accounts;
        this.grants = grants;
        this.hasher = hasher;
        this.activityLog = activityLog;
        this.policy = policy;
        this.supervision = supervision;
        this.caseWork = caseWork;
        this.auditWork = auditWork;
        this.clock = clock;
    }

    // issue 10: FACTS - the training dates and the measures' facts of the demo
    @jakarta.inject.Inject
    uk.supervision.staff.StaffQueries measureStaff;
    @jakarta.inject.Inject
    uk.supervision.measure.MeasureFactsRefresher measureFacts;
    // issue 10: source facts (decision 0037) - the case-work, audit and Part 2 facts of the demo
    @jakarta.inject.Inject
    uk.supervision.measure.SourceFactsRefresher sourceFacts;

    @EventListener
    public void onStartup(StartupEvent event) {
        boolean wanted = switch (setting.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> database.isEmbedded() && !database.isInMemory();
        };
        if (wanted && organisations.findByCode(CODE).isEmpty()) {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long started = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            load();
            LOG.info("Demo organisation loaded with 18 months of supervision and case work in {} ms ({} ms of CPU): sign in as supervisor@demo.test "
                    + "with password {}", (System.nanoTime() - started) / 1_000_000, (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000, PASSWORD);
        }
    }

    /** Everything in one transaction: the demo is there in full or not at all, and never twice (the code is unique). */
    @Transactional
    public void load() {
        Instant loadedAt = clock.instant();
        LocalDate today = LocalDate.now(clock);
        // The organisation and its people are entered where the history starts, so nothing predates its records.
        LocalDate historyStarts = today.minusMonths(19);
        DemoStories.Team team = ReplayClock.at(historyStarts.atTime(9, 0).atZone(clock.getZone()).toInstant(), () -> organisation(today));
        DemoTimeline timeline = new DemoTimeline();
        DemoStories stories = new DemoStories(supervision, timeline, today);
        stories.tell(team);
        new DemoCaseStories(caseWork, timeline, today, stories).tell(team, team.admin());
        new DemoAudits(auditWork, timeline, today).tell(team);
        int steps = timeline.size();
        timeline.run(loadedAt);
        activityLog.recordAnonymous(team.priya().staff().organisationId(), null, null, "DEMO_DATA_LOADED",
                "demo organisation " + CODE + ", " + steps + " steps of history");
        // issue 10: FACTS - the managers' supervision training (recommendation 3: Helen, Marcus and Priya in time, Tom
        // late, Aisha not yet), then the measures' monthly facts at once, so the dashboards show the demo straight away.
        measureStaff.setTrainingCompletedOn(team.helen().staff().id(), today.minusYears(3).plusMonths(2));
        measureStaff.setTrainingCompletedOn(team.marcus().staff().id(), today.minusYears(2).plusMonths(3));
        measureStaff.setTrainingCompletedOn(team.priya().staff().id(), today.minusYears(3).plusMonths(4));
        measureStaff.setTrainingCompletedOn(team.tom().staff().id(), today.minusMonths(2));
        measureFacts.rebuild(team.priya().staff().organisationId());
        sourceFacts.rebuild(team.priya().staff().organisationId());
    }

    private DemoStories.Team organisation(LocalDate today) {
        Instant now = clock.instant();
        Organisation org = setup.create(CODE, "Demo City Council Children's Services", PROFILE);

        DirectorateService referral = service(org, "Referral and Assessment Service", now);
        DirectorateService lookedAfter = service(org, "Looked After Children Service", now);
        DirectorateService placement = service(org, "Family Placement Service", now);
        Map<String, Team> t = new HashMap<>();
        for (Object[] row : new Object[][]{
                {referral, "Assessments Team"}, {referral, "Emergency Duty Team"},
                {lookedAfter, "Looked After Children Team"}, {lookedAfter, "Permanency Team"},
                {placement, "Placement Support Team"}, {placement, "Children's Disabilities Team"}}) {
            DirectorateService s = (DirectorateService) row[0];
            Team team = teams.save(new Team(Ids.newId(), s.id(), (String) row[1], now));
            t.put(team.name(), team);
        }

        // Jordan started three and a half weeks ago (on a working day): still in the NQSW's weekly six weeks.
        LocalDate jordanStarts = DemoTimeline.workingDayOnOrAfter(today.minusDays(25));
        Staff helen = person(org, null, referral.id(), "Helen", "Carter", "Head of Service", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(14), today.minusYears(4), false, null, now);
        Staff marcus = person(org, null, referral.id(), "Marcus", "Bell", "Service Manager, Referral and Assessment", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(11), today.minusYears(3), false, null, now);
        Staff priya = person(org, t.get("Assessments Team"), null, "Priya", "Shah", "Team Manager", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(9), today.minusYears(2), true, 4, now);
        Staff sam = person(org, t.get("Assessments Team"), null, "Sam", "Okafor", "Social Worker", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(5), today.minusYears(3), true, 18, now);
        Staff jordan = person(org, t.get("Assessments Team"), null, "Jordan", "Reid", "Newly Qualified Social Worker (ASYE)", "NEWLY_QUALIFIED", "PERMANENT", 37, jordanStarts, jordanStarts, true, 9, now);
        Staff alex = person(org, t.get("Assessments Team"), null, "Alex", "Morgan", "Locum Social Worker", "REGISTERED_SOCIAL_WORKER", "AGENCY", 37, today.minusMonths(7), today.minusMonths(7), true, 21, now);
        Staff chris = person(org, t.get("Assessments Team"), null, "Chris", "Taylor", "Family Support Worker", "UNQUALIFIED_PRACTITIONER", "PERMANENT", 30, today.minusYears(2), today.minusYears(2), true, 12, now);
        Staff tom = person(org, t.get("Looked After Children Team"), null, "Tom", "Ellis", "Team Manager", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(12), today.minusYears(1), true, 3, now);
        Staff aisha = person(org, t.get("Looked After Children Team"), null, "Aisha", "Khan", "Senior Practitioner", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(7), today.minusYears(2), true, 16, now);
        Staff ben = person(org, t.get("Looked After Children Team"), null, "Ben", "Hughes", "Business Support Officer", "ADMINISTRATIVE", "PERMANENT", 37, today.minusYears(3), today.minusYears(3), false, null, now);
        Staff owen = person(org, t.get("Emergency Duty Team"), null, "Owen", "Davies", "Social Worker", "REGISTERED_SOCIAL_WORKER", "TEMPORARY", 18.5, today.minusMonths(14), today.minusMonths(14), true, 8, now);
        Staff rachel = person(org, null, null, "Rachel", "Green", "Quality Assurance Manager", "REGISTERED_SOCIAL_WORKER", "PERMANENT", 37, today.minusYears(10), today.minusYears(5), false, null, now);
        Staff daniel = person(org, null, null, "Daniel", "Cooper", "HR Officer", "ADMINISTRATIVE", "PERMANENT", 37, today.minusYears(6), today.minusYears(6), false, null, now);

        supervise(helen, marcus, today.minusYears(3), now);
        supervise(helen, tom, today.minusYears(1), now);
        supervise(marcus, priya, today.minusYears(2), now);
        supervise(marcus, owen, today.minusMonths(14), now);
        supervise(priya, sam, today.minusYears(3), now);
        supervise(priya, jordan, jordanStarts, now);
        supervise(priya, alex, today.minusMonths(7), now);
        supervise(priya, chris, today.minusYears(2), now);
        supervise(tom, aisha, today.minusYears(1), now);
        supervise(aisha, ben, today.minusYears(1), now);

        String hash = hasher.hash(PASSWORD);
        String[][] practitioner = {{"PRACTITIONER", null}};
        String[][] supervisor = {{"SUPERVISOR", null}, {"PRACTITIONER", null}};
        Caller admin = accountWithoutStaff(org, "admin@demo.test", "System Administrator", hash, now, "ADMIN");
        accountWithoutStaff(org, "member@demo.test", "Cllr Margaret Lewis", hash, now, "ELECTED_MEMBER");
        DemoSupervision.Person qa = account(org, rachel, "qa@demo.test", hash, now, new String[][]{{"QA_AUDITOR", null}});
        account(org, daniel, "hr@demo.test", hash, now, new String[][]{{"HR", null}});
        adoptPolicy(admin);
        return new DemoStories.Team(
                account(org, helen, "head@demo.test", hash, now, new String[][]{{"HEAD_OF_SERVICE", null}, {"SUPERVISOR", null}}),
                account(org, marcus, "servicemanager@demo.test", hash, now,
                        new String[][]{{"SERVICE_MANAGER", referral.id()}, {"SUPERVISOR", null}, {"PRACTITIONER", null}}),
                account(org, priya, "supervisor@demo.test", hash, now, supervisor),
                account(org, sam, "practitioner@demo.test", hash, now, practitioner),
                account(org, jordan, "jordan.reid@demo.test", hash, now, practitioner),
                account(org, alex, "alex.morgan@demo.test", hash, now, practitioner),
                account(org, chris, "chris.taylor@demo.test", hash, now, practitioner),
                account(org, tom, "tom.ellis@demo.test", hash, now, supervisor),
                account(org, aisha, "aisha.khan@demo.test", hash, now, supervisor),
                account(org, ben, "ben.hughes@demo.test", hash, now, practitioner),
                account(org, owen, "owen.davies@demo.test", hash, now, practitioner), admin, qa);
    }

    /**
     * The demo council follows the LGA employer standard (its steps for newly qualified social workers:
     * weekly for six weeks, fortnightly to six months) with its own local limits, as any organisation may
     * adjust its profile: every 4 weeks, never more than 6 weeks apart, never 2 months without a session,
     * 10 a year, an agreement within 3 months, reviewed yearly; like Coventry it lets an agreement record a
     * permanent longer interval (Ben's 8 weeks). See docs/decisions/0019 and 0014.
     */
    private void adoptPolicy(Caller admin) {
        PolicyOverrides local = new PolicyOverrides().normalInterval("P4W").longestInterval("P6W").breachAfter("P2M")
                .minimumSessionsPerYear(10).agreementWithin("P3M").agreementReviewEvery("P12M")
                .agreementMayLengthenInterval(true);
        PolicyService.OrganisationPolicyView adopted = policy.organisationPolicy(admin);
        policy.update(admin, new OrganisationPolicyUpdate(adopted.policy().getProfile().getId(), local), ETags.of(adopted.version()));
    }

    private DirectorateService service(Organisation org, String name, Instant now) {
        return services.save(new DirectorateService(Ids.newId(), org.id(), name, now));
    }

    private Staff person(Organisation org, Team team, String serviceId, String given, String family, String job,
                         String category, String employment, double hours, LocalDate employed, LocalDate inPost,
                         boolean caseload, Integer caseloadSize, Instant now) {
        String service = team != null ? team.serviceId() : serviceId;
        String email = (given + "." + family).toLowerCase().replace("'", "") + "@demo.test";
        Staff s = staff.save(new Staff(Ids.newId(), org.id(), team == null ? null : team.id(), service, "HR-" + family.toUpperCase(),
                given, family, email, job, category, employment, BigDecimal.valueOf(hours), employed, inPost, caseload,
                caseloadSize, null, null, 1, now, now));
        history.save(new StaffTeamHistory(Ids.newId(), s.id(), s.teamId(), s.serviceId(), inPost, null, now));
        attributes.start(s, now);
        return s;
    }

    private void supervise(Staff supervisor, Staff supervisee, LocalDate from, Instant now) {
        relations.save(new SupervisionRelation(Ids.newId(), supervisor.id(), supervisee.id(), from, null, null, now));
    }

    private DemoSupervision.Person account(Organisation org, Staff person, String username, String hash, Instant now, String[][] roles) {
        Account a = accounts.save(new Account(Ids.newId(), org.id(), person.id(), username, person.displayName(), hash, true, now));
        for (String[] r : roles) {
            grants.save(new RoleGrant(Ids.newId(), a.id(), r[0], r[1]));
        }
        return new DemoSupervision.Person(person, caller(a, roles));
    }

    private Caller accountWithoutStaff(Organisation org, String username, String name, String hash, Instant now, String role) {
        Account a = accounts.save(new Account(Ids.newId(), org.id(), null, username, name, hash, true, now));
        grants.save(new RoleGrant(Ids.newId(), a.id(), role, null));
        return caller(a, new String[][]{{role, null}});
    }

    /** The caller the account's access token would make (AccessTokens): the stories act as these people. */
    private static Caller caller(Account a, String[][] roles) {
        Set<Role> held = EnumSet.noneOf(Role.class);
        Set<String> services = new HashSet<>();
        boolean wholeOrganisation = false;
        for (String[] r : roles) {
            Role role = Role.valueOf(r[0]);
            held.add(role);
            if (role == Role.SERVICE_MANAGER || role == Role.HEAD_OF_SERVICE) {
                if (r[1] == null) {
                    wholeOrganisation = true;
                } else {
                    services.add(r[1]);
                }
            }
        }
        return new Caller(a.id(), a.organisationId(), a.staffId(), a.displayName(), held, services, wholeOrganisation, null, Set.of());
    }

    /** Usernames of the demo accounts, for the README and browser tests. */
    public static List<String> usernames() {
        return List.of("practitioner@demo.test", "supervisor@demo.test", "servicemanager@demo.test", "head@demo.test",
                "qa@demo.test", "hr@demo.test", "member@demo.test", "admin@demo.test", "jordan.reid@demo.test",
                "alex.morgan@demo.test", "chris.taylor@demo.test", "tom.ellis@demo.test", "aisha.khan@demo.test",
                "ben.hughes@demo.test", "owen.davies@demo.test");
    }
}

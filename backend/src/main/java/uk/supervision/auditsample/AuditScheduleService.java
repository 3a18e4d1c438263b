package uk.supervision.auditsample;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.AuditDueStatus;
import uk.supervision.api.model.AuditKind;
import uk.supervision.api.model.AuditSchedule;
import uk.supervision.api.model.AuditScheduleItem;
import uk.supervision.api.model.AuditScheduleRules;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.Role;
import uk.supervision.api.model.ServiceRef;
import uk.supervision.api.model.StaffRef;
import uk.supervision.api.model.TeamRef;
import uk.supervision.audit.Quarter;
import uk.supervision.policy.PolicyService;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.support.ClockFactory;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The audits due from the caller (issue 9, item 3), as the organisation's rules ask (PolicyRules.auditSchedule): the
 * quarter's sample for quality assurance auditors, one audit a month for each service manager, and, where the rules
 * ask for it, one a quarter per service manager for heads of service. An audit is done when it is signed.
 */
@Singleton
public class AuditScheduleService {
    private final JdbcOperations jdbc;
    private final AuditSampleService samples;
    private final PolicyService policy;
    private final AccessPolicy access;
    private final Clock clock;

    public AuditScheduleService(JdbcOperations jdbc, AuditSampleService samples, PolicyService policy, AccessPolicy access, Clock clock) {
        this.jdbc = jdbc;
        this.samples = samples;
        this.policy = policy;
        this.access = access;
        this.clock = clock;
    }

    /** A file that may be suggested: the supervisee, their team and service, and when their file was last audited. */
    record Candidate(String id, String givenName, String familyName, String jobTitle, String teamId, String teamName,
                     String serviceId, String serviceName, Instant lastAudited) {
    }

    @Transactional
    public AuditSchedule schedule(Caller caller) {
        access.requireSupervisionLists(caller);
        List<AuditScheduleItem> items = new ArrayList<>();
        if (caller.organisationId() == null) {
            return new AuditSchedule(items);
        }
        PolicyRules rules = policy.effectiveRules(caller.organisationId());
        AuditScheduleRules schedule = rules.getAuditSchedule() == null ? new AuditScheduleRules() : rules.getAuditSchedule();
        LocalDate today = LocalDate.now(clock);
        if (caller.has(Role.QA_AUDITOR) && Boolean.TRUE.equals(schedule.getQaSampleQuarterly())) {
            items.addAll(qaItems(caller, today));
        }
        if (caller.staffId() != null && caller.has(Role.SERVICE_MANAGER) && Boolean.TRUE.equals(schedule.getServiceManagerMonthly())) {
            items.addAll(serviceManagerItems(caller, today));
        }
        if (caller.staffId() != null && caller.has(Role.HEAD_OF_SERVICE) && Boolean.TRUE.equals(schedule.getHeadOfServiceQuarterly())) {
            items.addAll(headOfServiceItems(caller, today));
        }
        return new AuditSchedule(items);
    }

    // ---- quality assurance: the quarter's sample

    private List<AuditScheduleItem> qaItems(Caller caller, LocalDate today) {
        List<AuditScheduleItem> items = new ArrayList<>();
        Quarter current = Quarter.of(today);
        Optional<AuditSampleService.SampleRow> now = samples.sampleOf(caller.organisationId(), current);
        if (now.isEmpty()) {
            items.add(quarterItem(AuditKind.QA_SAMPLE, current, AuditDueStatus.DUE));
        } else {
            int completed = completed(now.get());
            items.add(sampleItem(current, now.get(), completed, completed >= now.get().size() ? AuditDueStatus.DONE : AuditDueStatus.IN_PROGRESS));
        }
        // The previous quarter's sample, while any of its files is not yet audited.
        samples.sampleOf(caller.organisationId(), current.previous()).ifPresent(previous -> {
            int completed = completed(previous);
            if (completed < previous.size()) {
                items.add(sampleItem(current.previous(), previous, completed, AuditDueStatus.OVERDUE));
            }
        });
        return items;
    }

    private int completed(AuditSampleService.SampleRow sample) {
        return Rows.query(jdbc, "SELECT COUNT(DISTINCT f.supervisee_id) FROM audit_sample_file f JOIN file_audit a ON a.sample_id = f.sample_id "
                        + "AND a.supervisee_id = f.supervisee_id JOIN file_audit_signature sig ON sig.file_audit_id = a.id WHERE f.sample_id = ?",
                List.of(sample.id()), rs -> rs.getInt(1)).get(0);
    }

    private static AuditScheduleItem sampleItem(Quarter quarter, AuditSampleService.SampleRow sample, int completed, AuditDueStatus status) {
        AuditScheduleItem item = quarterItem(AuditKind.QA_SAMPLE, quarter, status);
        item.setSampleId(UUID.fromString(sample.id()));
        item.setSampleSize(sample.size());
        item.setSeed(sample.seed());
        item.setCompleted(completed);
        return item;
    }

    private static AuditScheduleItem quarterItem(AuditKind kind, Quarter quarter, AuditDueStatus status) {
        return new AuditScheduleItem(kind, quarter.toString(), quarter.label(), quarter.lastDay(), status);
    }

    // ---- service managers: one audit a month

    private List<AuditScheduleItem> serviceManagerItems(Caller caller, LocalDate today) {
        List<AuditScheduleItem> items = new ArrayList<>();
        Set<String> services = managedServices(caller);
        YearMonth month = YearMonth.from(today);
        AuditScheduleItem current = monthItem(month, AuditDueStatus.DUE);
        Optional<String> done = completedBy(caller.staffId(), AuditKind.SERVICE_MANAGER_MONTHLY, month.atDay(1), month.atEndOfMonth(), null);
        Optional<String> draft = done.isPresent() ? Optional.empty() : draftBy(caller.staffId(), AuditKind.SERVICE_MANAGER_MONTHLY, null, null);
        if (done.isPresent()) {
            current.setStatus(AuditDueStatus.DONE);
            current.setAuditId(UUID.fromString(done.get()));
        } else if (draft.isPresent()) {
            current.setStatus(AuditDueStatus.IN_PROGRESS);
            current.setAuditId(UUID.fromString(draft.get()));
        }
        Optional<Candidate> suggestion = current.getStatus() == AuditDueStatus.DONE ? Optional.empty()
                : suggest(caller.organisationId(), services, Set.of(caller.staffId()), month.toString(), today);
        suggestion.ifPresent(c -> suggest(current, c));
        items.add(current);
        YearMonth previous = month.minusMonths(1);
        if (completedBy(caller.staffId(), AuditKind.SERVICE_MANAGER_MONTHLY, previous.atDay(1), previous.atEndOfMonth(), null).isEmpty()) {
            AuditScheduleItem overdue = monthItem(previous, AuditDueStatus.OVERDUE);
            suggest(caller.organisationId(), services, Set.of(caller.staffId()), previous.toString(), today).ifPresent(c -> suggest(overdue, c));
            items.add(overdue);
        }
        return items;
    }

    private static AuditScheduleItem monthItem(YearMonth month, AuditDueStatus status) {
        return new AuditScheduleItem(AuditKind.SERVICE_MANAGER_MONTHLY, month.toString(),
                month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + month.getYear(), month.atEndOfMonth(), status);
    }

    // ---- heads of service: one audit a quarter per service manager of their services

    private List<AuditScheduleItem> headOfServiceItems(Caller caller, LocalDate today) {
        List<AuditScheduleItem> items = new ArrayList<>();
        Set<String> services = managedServices(caller);
        if (services.isEmpty()) {
            return items;
        }
        Quarter quarter = Quarter.of(today);
        List<Object> args = new ArrayList<>(List.of(caller.organisationId()));
        args.addAll(services);
        args.add(caller.staffId());
        record Manager(String staffId, String givenName, String familyName, String jobTitle, String serviceId, String serviceName) {
        }
        List<Manager> managers = Rows.query(jdbc, "SELECT DISTINCT st.id, st.given_name, st.family_name, st.job_title, sv.id, sv.name "
                        + "FROM role_grant g JOIN account ac ON ac.id = g.account_id JOIN staff st ON st.id = ac.staff_id "
                        + "JOIN service sv ON sv.id = g.service_id WHERE ac.organisation_id = ? AND ac.enabled = TRUE AND g.role = 'SERVICE_MANAGER' "
                        + "AND g.service_id IN (" + Sql.placeholders(services.size()) + ") AND st.id <> ? "
                        + "AND (st.leaving_date IS NULL OR st.leaving_date > ?) ORDER BY sv.name, sv.id, st.family_name, st.given_name, st.id",
                append(args, Date.valueOf(today)), rs -> new Manager(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6)));
        for (Manager m : managers) {
            AuditScheduleItem item = quarterItem(AuditKind.HEAD_OF_SERVICE_QUARTERLY, quarter, AuditDueStatus.DUE);
            StaffRef manager = new StaffRef(UUID.fromString(m.staffId()), m.givenName() + " " + m.familyName());
            manager.setJobTitle(m.jobTitle());
            item.setServiceManager(manager);
            item.setService(new ServiceRef(UUID.fromString(m.serviceId()), m.serviceName()));
            Optional<String> done = completedBy(caller.staffId(), AuditKind.HEAD_OF_SERVICE_QUARTERLY, quarter.firstDay(), quarter.lastDay(), m.serviceId());
            Optional<String> draft = done.isPresent() ? Optional.empty()
                    : draftBy(caller.staffId(), AuditKind.HEAD_OF_SERVICE_QUARTERLY, m.serviceId(), quarter);
            if (done.isPresent()) {
                item.setStatus(AuditDueStatus.DONE);
                item.setAuditId(UUID.fromString(done.get()));
            } else {
                draft.ifPresent(id -> {
                    item.setStatus(AuditDueStatus.IN_PROGRESS);
                    item.setAuditId(UUID.fromString(id));
                });
                suggest(caller.organisationId(), Set.of(m.serviceId()), Set.of(caller.staffId(), m.staffId()),
                        quarter + "/" + m.staffId(), today).ifPresent(c -> suggest(item, c));
            }
            items.add(item);
        }
        return items;
    }

    // ---- audits and suggestions

    /**
     * The caller's audit of this kind signed between two days (in England), newest first; for a head of service's
     * quarterly audit, of a file in that service.
     */
    private Optional<String> completedBy(String auditorId, AuditKind kind, LocalDate from, LocalDate to, String serviceId) {
        List<Object> args = new ArrayList<>(List.of(auditorId, kind.name(), start(from), start(to.plusDays(1))));
        String service = "";
        if (serviceId != null) {
            service = " AND a.service_id = ?";
            args.add(serviceId);
        }
        return Rows.query(jdbc, "SELECT a.id FROM file_audit a JOIN file_audit_signature sig ON sig.file_audit_id = a.id "
                        + "WHERE a.auditor_staff_id = ? AND a.kind = ? AND sig.signed_at >= ? AND sig.signed_at < ?" + service
                        + " ORDER BY sig.signed_at DESC, a.id", args, rs -> rs.getString(1)).stream().findFirst();
    }

    /** The caller's unsigned audit of this kind (for a head of service: of that service, in that quarter), latest first. */
    private Optional<String> draftBy(String auditorId, AuditKind kind, String serviceId, Quarter quarter) {
        List<Object> args = new ArrayList<>(List.of(auditorId, kind.name()));
        StringBuilder sql = new StringBuilder("SELECT a.id FROM file_audit a WHERE a.auditor_staff_id = ? AND a.kind = ? "
                + "AND NOT EXISTS (SELECT 1 FROM file_audit_signature sig WHERE sig.file_audit_id = a.id)");
        if (serviceId != null) {
            sql.append(" AND a.service_id = ?");
            args.add(serviceId);
        }
        if (quarter != null) {
            sql.append(" AND a.quarter = ?");
            args.add(quarter.toString());
        }
        sql.append(" ORDER BY a.updated_at DESC, a.id");
        return Rows.query(jdbc, sql.toString(), args, rs -> rs.getString(1)).stream().findFirst();
    }

    /**
     * The file to suggest: a supervisee in a team of these services with a current supervisor, not left, carrying a
     * caseload, not excluded (the auditor); the one whose last signed audit is oldest, never audited first; ties broken
     * by a hash of the period and the id, so the suggestion stays the same all period and differs from one to the next.
     */
    Optional<Candidate> suggest(String organisationId, Set<String> services, Set<String> excluded, String period, LocalDate today) {
        if (services.isEmpty()) {
            return Optional.empty();
        }
        Date day = Date.valueOf(today);
        List<Object> args = new ArrayList<>(List.of(organisationId));
        args.addAll(services);
        args.addAll(List.of(day, day, day));
        List<Candidate> candidates = Rows.query(jdbc, "SELECT s.id, s.given_name, s.family_name, s.job_title, t.id, t.name, sv.id, sv.name, "
                        + "(SELECT MAX(sig.signed_at) FROM file_audit a JOIN file_audit_signature sig ON sig.file_audit_id = a.id "
                        + "WHERE a.supervisee_id = s.id) FROM staff s JOIN team t ON t.id = s.team_id JOIN service sv ON sv.id = t.service_id "
                        + "WHERE s.organisation_id = ? AND t.service_id IN (" + Sql.placeholders(services.size()) + ") "
                        + "AND s.carries_caseload = TRUE AND (s.leaving_date IS NULL OR s.leaving_date > ?) "
                        + "AND EXISTS (SELECT 1 FROM supervision_relation r WHERE r.supervisee_id = s.id AND r.from_date <= ? "
                        + "AND (r.to_date IS NULL OR r.to_date >= ?))",
                args, rs -> {
                    Timestamp last = rs.getTimestamp(9);
                    return new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), last == null ? null : last.toInstant());
                });
        return candidates.stream().filter(c -> !excluded.contains(c.id()))
                .min(Comparator.comparing(Candidate::lastAudited, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(c -> PasswordHasher.sha256(period + "\n" + c.id()))
                        .thenComparing(Candidate::id));
    }

    private static void suggest(AuditScheduleItem item, Candidate c) {
        StaffRef supervisee = new StaffRef(UUID.fromString(c.id()), c.givenName() + " " + c.familyName());
        supervisee.setJobTitle(c.jobTitle());
        item.setSuggestedSupervisee(supervisee);
        item.setSuggestedTeam(new TeamRef(UUID.fromString(c.teamId()), c.teamName()));
        if (item.getService() == null) {
            item.setService(new ServiceRef(UUID.fromString(c.serviceId()), c.serviceName()));
        }
    }

    /** The services a manager's role covers: those granted, or every service of the organisation for an organisation-wide role. */
    private Set<String> managedServices(Caller caller) {
        if (caller.managesWholeOrganisation()) {
            return new TreeSet<>(Rows.query(jdbc, "SELECT id FROM service WHERE organisation_id = ?", List.of(caller.organisationId()),
                    rs -> rs.getString(1)));
        }
        return new TreeSet<>(caller.managedServiceIds());
    }

    private static Timestamp start(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(ClockFactory.ORGANISATION_ZONE).toInstant());
    }

    private static List<Object> append(List<Object> args, Object value) {
        args.add(value);
        return args;
    }
}

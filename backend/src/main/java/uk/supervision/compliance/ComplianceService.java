package uk.supervision.compliance;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.agreement.AgreementSnapshots;
import uk.supervision.api.model.AgreementCompliance;
import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.api.model.SuperviseeDashboard;
import uk.supervision.api.model.SuperviseeDashboardRow;
import uk.supervision.api.model.SupervisionSchedule;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.session.SessionService;
import uk.supervision.staff.AttributeTimeline;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffAttributeHistory;
import uk.supervision.staff.StaffMapper;
import uk.supervision.staff.StaffQueries;
import uk.supervision.staff.StaffView;
import uk.supervision.staff.SupervisionRelation;
import uk.supervision.staff.SupervisionRelationRepository;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The live schedule: the profile's rules, each person's dates and category, their agreement and the
 * one-to-one sessions held, through {@link ScheduleCalculator}. Everything a page of people needs is
 * read in a fixed number of queries, whatever the number of people.
 */
@Singleton
public class ComplianceService {
    private static final List<ScheduleStatus> URGENCY = List.of(ScheduleStatus.BREACH, ScheduleStatus.PAST_LONGEST_GAP,
            ScheduleStatus.OVERDUE, ScheduleStatus.DUE_SOON, ScheduleStatus.ON_TRACK, ScheduleStatus.NOT_STARTED, ScheduleStatus.LEFT);

    private final ScheduleCalculator calculator;
    private final PolicyService policy;
    private final StaffQueries staffQueries;
    private final StaffAttributeHistory attributes;
    private final SupervisionRelationRepository relations;
    private final SessionService sessions;
    private final AccessPolicy access;
    private final JdbcOperations jdbc;
    private final AgreementSnapshots snapshots;
    private final Clock clock;

    public ComplianceService(ScheduleCalculator calculator, PolicyService policy, StaffQueries staffQueries,
                             StaffAttributeHistory attributes, SupervisionRelationRepository relations, SessionService sessions, AccessPolicy access,
                             JdbcOperations jdbc, AgreementSnapshots snapshots, Clock clock) {
        this.snapshots = snapshots;
        this.calculator = calculator;
        this.policy = policy;
        this.staffQueries = staffQueries;
        this.attributes = attributes;
        this.relations = relations;
        this.sessions = sessions;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SupervisionSchedule schedule(Caller caller, UUID staffId) {
        LocalDate today = LocalDate.now(clock);
        StaffView person = staffQueries.find(caller.organisationId(), staffId.toString(), today)
                .orElseThrow(() -> Problems.notFound("Member of staff " + staffId));
        access.requireSeeStaff(caller, person.staff());
        return toDto(schedules(caller.organisationId(), List.of(person.staff()), today).get(person.staff().id()));
    }

    @Transactional(readOnly = true)
    public SuperviseeDashboard mySupervisees(Caller caller) {
        if (caller.staffId() == null) {
            return new SuperviseeDashboard(List.of());
        }
        LocalDate today = LocalDate.now(clock);
        Set<String> ids = new HashSet<>();
        relations.findCurrentBySupervisors(List.of(caller.staffId()), today).forEach(r -> ids.add(r.superviseeId()));
        if (ids.isEmpty()) {
            return new SuperviseeDashboard(List.of());
        }
        // A relation alone shows nobody: each person is checked as a read of their record would be.
        List<StaffView> people = access.readableStaff(caller, staffQueries.page(caller.organisationId(),
                new AccessPolicy.StaffScope(false, Set.of(), ids),
                new StaffQueries.Filter(null, null, null, null, "current", null, today), null, 200), StaffView::staff);
        Map<String, Schedule> schedules = schedules(caller.organisationId(), people.stream().map(StaffView::staff).toList(), today);
        Map<String, String> nextPlanned = nextPlanned(ids, today);
        Map<String, uk.supervision.api.model.Session> planned = new HashMap<>();
        sessions.byIds(caller, new ArrayList<>(new HashSet<>(nextPlanned.values()))).forEach(s -> planned.put(s.getId().toString(), s));
        Map<String, Integer> unsigned = new HashMap<>();
        Map<String, Integer> awaiting = heldAwaitingRecord(ids, unsigned);
        Map<String, Integer> overdueActions = overdueActions(ids, today);

        List<SuperviseeDashboardRow> rows = new ArrayList<>();
        for (StaffView v : people) {
            Schedule schedule = schedules.get(v.staff().id());
            SuperviseeDashboardRow row = new SuperviseeDashboardRow(StaffMapper.toDto(v), toDto(schedule),
                    awaiting.getOrDefault(v.staff().id(), 0), overdueActions.getOrDefault(v.staff().id(), 0));
            row.setUnsignedRecords(unsigned.getOrDefault(v.staff().id(), 0));
            String next = nextPlanned.get(v.staff().id());
            row.setNextPlanned(next == null ? null : planned.get(next));
            rows.add(row);
        }
        rows.sort(Comparator.comparingInt((SuperviseeDashboardRow r) -> URGENCY.indexOf(ScheduleStatus.valueOf(r.getSchedule().getStatus().getValue())))
                .thenComparing(r -> r.getSchedule().getNextDue() == null ? LocalDate.MAX : r.getSchedule().getNextDue())
                .thenComparing(r -> r.getSupervisee().getFamilyName()));
        return new SuperviseeDashboard(rows);
    }

    /** Schedules for a set of people of one organisation, on a day, with the attributes in force then. */
    Map<String, Schedule> schedules(String organisationId, List<Staff> people, LocalDate today) {
        Map<String, Schedule> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        PolicyRules rules = policy.effectiveRules(organisationId);
        List<String> ids = people.stream().map(Staff::id).toList();
        Map<String, List<LocalDate>> held = heldOneToOne(ids, today.minusMonths(13));
        Map<String, AgreementTerms> agreements = agreements(ids);
        Map<String, LocalDate> supervisorSince = new HashMap<>();
        for (SupervisionRelation r : relations.findCurrentBySupervisees(ids, today)) {
            supervisorSince.merge(r.superviseeId(), r.fromDate(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Map<String, AttributeTimeline> timelines = attributes.timelines(people);
        for (Staff s : people) {
            Supervisee person = new Supervisee(timelines.get(s.id()).periods().stream().map(ComplianceService::attributes).toList(),
                    s.employmentStartDate(), s.postStartDate(), s.leavingDate(), supervisorSince.get(s.id()));
            out.put(s.id(), calculator.compute(rules, person, agreements.get(s.id()), held.getOrDefault(s.id(), List.of()), today));
        }
        return out;
    }

    private static Supervisee.Attributes attributes(AttributeTimeline.Period p) {
        return new Supervisee.Attributes(p.from(), StaffCategory.fromValue(p.values().category()),
                EmploymentType.fromValue(p.values().employmentType()), p.values().weeklyHours().doubleValue());
    }

    /** One-to-one sessions held since a date, plus each person's last ever, for the clock and the yearly count. */
    private Map<String, List<LocalDate>> heldOneToOne(List<String> ids, LocalDate since) {
        Map<String, List<LocalDate>> out = new HashMap<>();
        String held = "FROM supervision_session s JOIN session_participant p ON p.session_id = s.id WHERE p.supervisee_id IN ("
                + Sql.placeholders(ids.size()) + ") AND s.kind = 'ONE_TO_ONE' AND s.status IN ('HELD', 'RECORDED', 'SIGNED')";
        query("SELECT p.supervisee_id, s.meeting_date " + held + " AND s.meeting_date >= ?", ids, List.of(Date.valueOf(since)),
                rs -> out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getDate(2).toLocalDate()));
        query("SELECT p.supervisee_id, MAX(s.meeting_date) " + held + " GROUP BY p.supervisee_id", ids, List.of(), rs -> {
            List<LocalDate> dates = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
            LocalDate last = rs.getDate(2).toLocalDate();
            if (!dates.contains(last)) {
                dates.add(last);
            }
        });
        return out;
    }

    /**
     * The agreement that governs: the active one (even while its review is being drafted), else one awaiting
     * signatures. An active agreement's terms come from its signed snapshot (one query for all), not from the
     * writable agreement row; only one signed before snapshots existed falls back to the row.
     */
    private Map<String, AgreementTerms> agreements(List<String> ids) {
        record Row(String superviseeId, String agreementId, boolean active, Integer weeks, java.sql.Timestamp signedAt) {
        }
        List<Row> rows = new ArrayList<>();
        query("SELECT supervisee_id, id, status, interval_weeks, signed_at FROM agreement WHERE supervisee_id IN ("
                + Sql.placeholders(ids.size()) + ") AND status IN ('ACTIVE', 'AWAITING_SIGNATURES')", ids, List.of(),
                rs -> rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3).equals("ACTIVE"),
                        rs.getObject(4) == null ? null : rs.getInt(4), rs.getTimestamp(5))));
        Map<String, AgreementSnapshots.SignedTerms> signed = snapshots.signedTerms(rows.stream().filter(Row::active).map(Row::agreementId).toList());
        Map<String, AgreementTerms> out = new HashMap<>();
        for (Row row : rows) {
            AgreementSnapshots.SignedTerms s = signed.get(row.agreementId());
            Integer weeks = s != null ? s.intervalWeeks() : row.weeks();
            java.time.Instant signedAt = s != null ? s.signedAt() : row.signedAt() == null ? null : row.signedAt().toInstant();
            AgreementTerms terms = row.active() && signedAt != null
                    ? new AgreementTerms(AgreementState.ACTIVE, weeks == null ? null : Period.ofWeeks(weeks), LocalDate.ofInstant(signedAt, clock.getZone()))
                    : new AgreementTerms(AgreementState.AWAITING_SIGNATURES, null, null);
            out.merge(row.superviseeId(), terms, (a, b) -> a.state() == AgreementState.ACTIVE ? a : b);
        }
        return out;
    }

    private Map<String, String> nextPlanned(Set<String> ids, LocalDate today) {
        Map<String, String> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        query("SELECT p.supervisee_id, s.id FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                + "WHERE p.supervisee_id IN (" + Sql.placeholders(list.size()) + ") AND s.status = 'PLANNED' AND s.meeting_date >= ? "
                + "ORDER BY s.meeting_date, s.start_time, s.id", list, List.of(Date.valueOf(today)),
                rs -> out.putIfAbsent(rs.getString(1), rs.getString(2)));
        return out;
    }

    /** Held sessions whose record is not signed yet, and of those the ones already written (RECORDED): one query. */
    private Map<String, Integer> heldAwaitingRecord(Set<String> ids, Map<String, Integer> unsigned) {
        Map<String, Integer> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        query("SELECT p.supervisee_id, COUNT(*), SUM(CASE WHEN s.status = 'RECORDED' THEN 1 ELSE 0 END) "
                + "FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                + "WHERE p.supervisee_id IN (" + Sql.placeholders(list.size()) + ") AND s.status IN ('HELD', 'RECORDED') "
                + "GROUP BY p.supervisee_id", list, List.of(), rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                    unsigned.put(rs.getString(1), rs.getInt(3));
                });
        return out;
    }

    private Map<String, Integer> overdueActions(Set<String> ids, LocalDate today) {
        Map<String, Integer> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        query("SELECT supervisee_id, COUNT(*) FROM supervision_action WHERE supervisee_id IN (" + Sql.placeholders(list.size()) + ") "
                + "AND status = 'OPEN' AND due_date < ? GROUP BY supervisee_id", list, List.of(Date.valueOf(today)),
                rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<String> ids, List<Object> more, Row row) {
        jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            for (String id : ids) {
                ps.setString(i++, id);
            }
            for (Object o : more) {
                ps.setObject(i++, o);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
            return null;
        });
    }

    static SupervisionSchedule toDto(Schedule s) {
        SupervisionSchedule dto = new SupervisionSchedule(s.interval().toString(),
                uk.supervision.api.model.IntervalSource.fromValue(s.intervalSource().name()), s.agreedIntervalMissing(),
                uk.supervision.api.model.ScheduleStatus.fromValue(s.status().name()), s.sessionsInLast12Months(),
                AgreementCompliance.fromValue(s.agreementStatus().name()));
        dto.setMeasuredFrom(s.measuredFrom());
        dto.setLastHeld(s.lastHeld());
        dto.setNextDue(s.nextDue());
        dto.setLatestAllowed(s.latestAllowed());
        dto.setBreachDate(s.breachDate());
        dto.setMinimumPerYear(s.minimumPerYear());
        dto.setMeetsMinimum(s.meetsMinimum());
        dto.setAgreementDueBy(s.agreementDueBy());
        dto.setAgreementReviewDue(s.agreementReviewDue());
        return dto;
    }
}

package uk.supervision.compliance;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.agreement.AgreementSnapshots;
import uk.supervision.integrity.SignedItem;
import uk.supervision.api.model.AgreementCompliance;
import uk.supervision.api.model.EmploymentType;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.api.model.SessionRef;
import uk.supervision.api.model.StaffCategory;
import uk.supervision.api.model.SuperviseeDashboard;
import uk.supervision.api.model.SuperviseeDashboardRow;
import uk.supervision.api.model.SupervisionSchedule;
import uk.supervision.policy.PolicyService;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.session.SessionService;
import uk.supervision.session.SupervisionSession;
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
import java.util.Collection;
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
        access.requireSupervisionLists(caller);
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
        PolicyRules rules = policy.effectiveRules(caller.organisationId());
        Map<String, Schedule> schedules = schedules(rules, people.stream().map(StaffView::staff).toList(), today);
        Map<String, SupervisionSession> nextPlanned = nextPlanned(ids, today);
        Map<String, SupervisionSession> distinct = new HashMap<>();
        nextPlanned.values().forEach(s -> distinct.put(s.id(), s));
        Map<String, uk.supervision.api.model.Session> planned = new HashMap<>();
        sessions.asSeenBy(caller, new ArrayList<>(distinct.values())).forEach(s -> planned.put(s.getId().toString(), s));
        Map<String, Integer> overdueActions = overdueActions(ids, today);
        Map<String, List<SessionRef>> unrecorded = notRecordedAsHeld(ids, caller.staffId(), today);
        int minimumMinutes = rules.getMinimumSessionMinutes();
        Map<String, SessionCounts> counts = sessionCounts(ids, today.minusMonths(12), minimumMinutes);

        List<SuperviseeDashboardRow> rows = new ArrayList<>();
        for (StaffView v : people) {
            Schedule schedule = schedules.get(v.staff().id());
            SuperviseeDashboardRow row = new SuperviseeDashboardRow(StaffMapper.toDto(v), toDto(schedule),
                    counts.getOrDefault(v.staff().id(), SessionCounts.NONE).toWrite(),
                    counts.getOrDefault(v.staff().id(), SessionCounts.NONE).toSign(),
                    overdueActions.getOrDefault(v.staff().id(), 0));
            SupervisionSession next = nextPlanned.get(v.staff().id());
            row.setNextPlanned(next == null ? null : planned.get(next.id()));
            row.setNotRecordedAsHeld(unrecorded.getOrDefault(v.staff().id(), List.of()));
            row.setShortSessions(counts.getOrDefault(v.staff().id(), SessionCounts.NONE).shortOnes());
            row.setMinimumSessionMinutes(minimumMinutes);
            rows.add(row);
        }
        rows.sort(Comparator.comparingInt((SuperviseeDashboardRow r) -> URGENCY.indexOf(ScheduleStatus.valueOf(r.getSchedule().getStatus().getValue())))
                .thenComparing(r -> r.getSchedule().getNextDue() == null ? LocalDate.MAX : r.getSchedule().getNextDue())
                .thenComparing(r -> r.getSupervisee().getFamilyName()));
        return new SuperviseeDashboard(rows);
    }

    /** Schedules for a set of people of one organisation, on a day, with the attributes in force then. */
    Map<String, Schedule> schedules(String organisationId, List<Staff> people, LocalDate today) {
        return people.isEmpty() ? new HashMap<>() : schedules(policy.effectiveRules(organisationId), people, today);
    }

    private Map<String, Schedule> schedules(PolicyRules rules, List<Staff> people, LocalDate today) {
        Map<String, Schedule> out = new HashMap<>();
        if (people.isEmpty()) {
            return out;
        }
        List<String> ids = people.stream().map(Staff::id).toList();
        Map<String, List<LocalDate>> held = heldOneToOne(ids, today.minusMonths(13));
        Map<String, AgreementTerms> agreements = agreements(ids);
        Map<String, SupervisionRelation> supervisor = new HashMap<>();
        for (SupervisionRelation r : relations.findCurrentBySupervisees(ids, today)) {
            supervisor.merge(r.superviseeId(), r, (a, b) -> a.fromDate().isAfter(b.fromDate()) ? a : b);
        }
        Map<String, AttributeTimeline> timelines = attributes.timelines(people);
        for (Staff s : people) {
            Supervisee person = new Supervisee(timelines.get(s.id()).periods().stream().map(ComplianceService::attributes).toList(),
                    s.employmentStartDate(), s.postStartDate(), s.leavingDate(),
                    supervisor.containsKey(s.id()) ? supervisor.get(s.id()).fromDate() : null,
                    supervisor.containsKey(s.id()) ? supervisor.get(s.id()).supervisorId() : null);
            out.put(s.id(), calculator.compute(rules, person, agreements.get(s.id()), held.getOrDefault(s.id(), List.of()), today));
        }
        return out;
    }

    /**
     * The longest interval an agreement may set for a person today, or null when any is allowed (the profile's
     * intervals are minimum frequencies unless it allows a longer agreed one: decision 0014).
     */
    @Transactional(readOnly = true)
    public Period longestAgreedInterval(String organisationId, Staff staff) {
        LocalDate today = LocalDate.now(clock);
        AttributeTimeline timeline = attributes.timelines(List.of(staff)).get(staff.id());
        Supervisee person = new Supervisee(timeline.periods().stream().map(ComplianceService::attributes).toList(),
                staff.employmentStartDate(), staff.postStartDate(), staff.leavingDate(), null);
        return calculator.longestAgreedInterval(policy.effectiveRules(organisationId), person, today);
    }

    static Supervisee.Attributes attributes(AttributeTimeline.Period p) {
        return new Supervisee.Attributes(p.from(), StaffCategory.fromValue(p.values().category()),
                EmploymentType.fromValue(p.values().employmentType()), p.values().weeklyHours().doubleValue());
    }

    /** The held one-to-ones: on the participant rows' copy of kind, status and date (V039), a range of ix_participant_progress. */
    private static final String HELD_ONE_TO_ONE = "FROM session_participant p WHERE p.supervisee_id IN (%s) AND p.kind = 'ONE_TO_ONE' "
            + "AND p.status IN ('HELD', 'RECORDED', 'SIGNED') ";

    /**
     * One-to-one sessions held since a date, plus each person's last before it, for the clock and the yearly count:
     * one statement, and rows read do not grow with years of history (the window's rows, and one row per status for
     * the last before it: MAX per index prefix).
     */
    private Map<String, List<LocalDate>> heldOneToOne(List<String> ids, LocalDate since) {
        Map<String, List<LocalDate>> out = new HashMap<>();
        Map<String, LocalDate> before = new HashMap<>();
        String held = String.format(HELD_ONE_TO_ONE, Sql.placeholders(ids.size()));
        query("SELECT 0, p.supervisee_id, p.meeting_date " + held + "AND p.meeting_date >= ? "
                + "UNION ALL SELECT 1, p.supervisee_id, MAX(p.meeting_date) " + held + "AND p.meeting_date < ? "
                + "GROUP BY p.supervisee_id, p.kind, p.status",
                args(ids, Date.valueOf(since), ids, Date.valueOf(since)), rs -> {
            LocalDate date = rs.getDate(3).toLocalDate();
            if (rs.getInt(1) == 0) {
                out.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(date);
            } else {
                before.merge(rs.getString(2), date, (a, b) -> a.isAfter(b) ? a : b);
            }
        });
        before.forEach((id, date) -> out.computeIfAbsent(id, k -> new ArrayList<>()).add(date));
        return out;
    }

    /**
     * The agreement that governs: the active one (even while its review is being drafted), else one awaiting
     * signatures. An active agreement's terms come from its signed snapshot (one query for all), not from the
     * writable agreement row; only one signed before snapshots existed falls back to the row.
     */
    private Map<String, AgreementTerms> agreements(List<String> ids) {
        record Row(String superviseeId, String agreementId, boolean active, Integer weeks, java.sql.Timestamp signedAt,
                   AgreementSnapshots.SignedTerms signed, String supervisorId) {
        }
        List<Row> rows = new ArrayList<>();
        // The signed snapshot comes in the same statement (an active agreement's locked content, when it has one).
        query("SELECT a.supervisee_id, a.id, a.status, a.interval_weeks, a.signed_at, si.content_json, si.created_at, a.supervisor_id FROM agreement a "
                + "LEFT JOIN signed_item si ON si.item_type = '" + SignedItem.AGREEMENT + "' AND si.item_id = a.id AND a.status = 'ACTIVE' "
                + "WHERE a.supervisee_id IN (" + Sql.placeholders(ids.size()) + ") AND a.status IN ('ACTIVE', 'AWAITING_SIGNATURES')", args(ids),
                rs -> rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3).equals("ACTIVE"),
                        rs.getObject(4) == null ? null : rs.getInt(4), rs.getTimestamp(5),
                        rs.getString(6) == null ? null : snapshots.signedTerms(rs.getString(6), rs.getTimestamp(7).toInstant()), rs.getString(8))));
        Map<String, AgreementTerms> out = new HashMap<>();
        for (Row row : rows) {
            AgreementSnapshots.SignedTerms s = row.signed();
            Integer weeks = s != null ? s.intervalWeeks() : row.weeks();
            java.time.Instant signedAt = s != null ? s.signedAt() : row.signedAt() == null ? null : row.signedAt().toInstant();
            AgreementTerms terms = row.active() && signedAt != null
                    ? new AgreementTerms(AgreementState.ACTIVE, weeks == null ? null : Period.ofWeeks(weeks), LocalDate.ofInstant(signedAt, clock.getZone()),
                    row.supervisorId())
                    : new AgreementTerms(AgreementState.AWAITING_SIGNATURES, null, null);
            out.merge(row.superviseeId(), terms, (a, b) -> a.state() == AgreementState.ACTIVE ? a : b);
        }
        return out;
    }

    /** Each person's next planned session, the whole row (the dashboard shows it without reading it again). */
    private Map<String, SupervisionSession> nextPlanned(Set<String> ids, LocalDate today) {
        Map<String, SupervisionSession> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        query("SELECT p.supervisee_id AS next_for, s.* FROM session_participant p JOIN supervision_session s ON s.id = p.session_id "
                + "WHERE p.supervisee_id IN (" + Sql.placeholders(list.size()) + ") AND p.kind IN ('ONE_TO_ONE', 'GROUP') "
                + "AND p.status = 'PLANNED' AND p.meeting_date >= ? "
                + "ORDER BY s.meeting_date, s.start_time, s.id", args(list, Date.valueOf(today)), rs -> {
            if (!out.containsKey(rs.getString(1))) {
                out.put(rs.getString(1), jdbc.readEntity(rs, SupervisionSession.class));
            }
        });
        return out;
    }

    /** Sessions the supervisor leads that are still planned after their date: neither held, postponed nor cancelled. */
    private Map<String, List<SessionRef>> notRecordedAsHeld(Set<String> ids, String supervisorId, LocalDate today) {
        Map<String, List<SessionRef>> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        query("SELECT p.supervisee_id, s.id, s.meeting_date, s.start_time FROM session_participant p JOIN supervision_session s ON s.id = p.session_id "
                + "WHERE p.supervisee_id IN (" + Sql.placeholders(list.size()) + ") AND s.supervisor_id = ? AND p.kind IN ('ONE_TO_ONE', 'GROUP') "
                + "AND p.status = 'PLANNED' AND p.meeting_date < ? ORDER BY s.meeting_date, s.start_time, s.id", args(list, supervisorId, Date.valueOf(today)), rs -> {
                    List<SessionRef> refs = out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>());
                    if (refs.size() < 20) {
                        refs.add(new SessionRef(UUID.fromString(rs.getString(2)), rs.getDate(3).toLocalDate(), rs.getString(4)));
                    }
                });
        return out;
    }

    /** Per supervisee: records to write (HELD), records awaiting signatures (RECORDED), short one-to-ones since a day. */
    record SessionCounts(int toWrite, int toSign, int shortOnes) {
        static final SessionCounts NONE = new SessionCounts(0, 0, 0);
    }

    /**
     * The dashboard's three session counts in one statement (a card reads them all; decision 0020 counts statements):
     * records to write and to sign from the participant rows in those states, short ones from the window's held
     * one-to-ones (each a range of ix_participant_progress, V039).
     */
    private Map<String, SessionCounts> sessionCounts(Set<String> ids, LocalDate since, int minimumMinutes) {
        Map<String, SessionCounts> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        String in = Sql.placeholders(list.size());
        query("SELECT p.supervisee_id, SUM(CASE WHEN p.status = 'HELD' THEN 1 ELSE 0 END), SUM(CASE WHEN p.status = 'RECORDED' THEN 1 ELSE 0 END), 0 "
                + "FROM session_participant p WHERE p.supervisee_id IN (" + in + ") AND p.kind IN ('ONE_TO_ONE', 'GROUP') "
                + "AND p.status IN ('HELD', 'RECORDED') GROUP BY p.supervisee_id "
                + "UNION ALL SELECT p.supervisee_id, 0, 0, COUNT(*) FROM session_participant p JOIN supervision_session s ON s.id = p.session_id "
                + "WHERE p.supervisee_id IN (" + in + ") AND p.kind = 'ONE_TO_ONE' AND p.status IN ('HELD', 'RECORDED', 'SIGNED') "
                + "AND p.meeting_date > ? AND s.actual_minutes < ? GROUP BY p.supervisee_id", args(list, list, Date.valueOf(since), minimumMinutes),
                rs -> out.merge(rs.getString(1), new SessionCounts(rs.getInt(2), rs.getInt(3), rs.getInt(4)),
                        (a, b) -> new SessionCounts(a.toWrite() + b.toWrite(), a.toSign() + b.toSign(), a.shortOnes() + b.shortOnes())));
        return out;
    }

    private Map<String, Integer> overdueActions(Set<String> ids, LocalDate today) {
        Map<String, Integer> out = new HashMap<>();
        List<String> list = new ArrayList<>(ids);
        query("SELECT supervisee_id, COUNT(*) FROM supervision_action WHERE supervisee_id IN (" + Sql.placeholders(list.size()) + ") "
                + "AND status = 'OPEN' AND due_date < ? GROUP BY supervisee_id", args(list, Date.valueOf(today)),
                rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    /** Reads one row of a result. */
    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    /** A statement's arguments in its order; a list stands for its values (the ids of an IN list). */
    private static List<Object> args(Object... parts) {
        List<Object> out = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Collection<?> values) {
                out.addAll(values);
            } else {
                out.add(part);
            }
        }
        return out;
    }

    private void query(String sql, List<Object> args, Row row) {
        jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
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

package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.policy.PolicyService;
import uk.supervision.staff.AttributeTimeline;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffAttributeHistory;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.Lease;
import uk.supervision.support.Sql;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps measure_person_month and measure_team_month up to date (decision 0032). Every 30 seconds, one node at a
 * time, per organisation: the people whose inputs changed since the watermark get all their months rewritten;
 * once a day everyone's current and previous month are recomputed (time alone makes people overdue); then the
 * team rows of every month touched are rebuilt in SQL. An organisation without a measure_refresh row (first
 * start, a new organisation, the demo) is rebuilt whole. People are read in batches, one query per table per
 * batch, never one per person or month.
 */
@Singleton
public class MeasureFactsRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(MeasureFactsRefresher.class);
    static final String LEASE = "measure-facts";
    /** People read and written at once. */
    static final int BATCH = 200;
    /**
     * Changes are looked for from this long before the last refresh began: a transaction that stamped its rows
     * before then but committed after is still seen (its people are computed once more, which changes nothing).
     */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private final JdbcOperations jdbc;
    private final Lease lease;
    private final Clock clock;
    private final PolicyService policy;
    private final StaffRepository staffRepository;
    private final StaffAttributeHistory attributes;
    private final PersonMonths personMonths;

    public MeasureFactsRefresher(JdbcOperations jdbc, Lease lease, Clock clock, PolicyService policy, StaffRepository staffRepository,
                                 StaffAttributeHistory attributes, uk.supervision.compliance.ScheduleCalculator calculator) {
        this.jdbc = jdbc;
        this.lease = lease;
        this.clock = clock;
        this.policy = policy;
        this.staffRepository = staffRepository;
        this.attributes = attributes;
        this.personMonths = new PersonMonths(calculator);
    }

    @Scheduled(fixedDelay = "${supervision.measures.refresh-interval:30s}", initialDelay = "${supervision.measures.refresh-interval:30s}")
    void scheduled() {
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(5))) {
            return;
        }
        for (String org : organisations()) {
            try {
                refresh(org);
            } catch (RuntimeException e) {
                LOG.warn("Could not refresh the measure facts of organisation {}", org, e);
            }
        }
    }

    /** What one refresh did: people whose months were rewritten, months of team rows rebuilt. */
    public record Outcome(boolean full, int peopleRewritten, int peopleRecomputedForToday, int monthsRebuilt) {
    }

    /** Folds the organisation's changes in (a full rebuild when it has never been refreshed). */
    @Transactional
    public Outcome refresh(String organisationId) {
        Instant started = clock.instant();
        LocalDate today = LocalDate.ofInstant(started, zone());
        Watermark mark = watermark(organisationId);
        PolicyRules rules = policy.effectiveRules(organisationId);
        Set<YearMonth> touched = new TreeSet<>();
        int rewritten;
        int recomputedForToday = 0;
        if (mark == null) {
            jdbc.prepareStatement("DELETE FROM measure_person_month WHERE organisation_id = ?", ps -> {
                ps.setString(1, organisationId);
                return ps.executeUpdate();
            });
            List<String> everyone = Sql.ids(jdbc, "SELECT id FROM staff WHERE organisation_id = ? ORDER BY id", List.of(organisationId));
            rewritten = rewrite(organisationId, rules, everyone, null, today, started, touched);
            touched.addAll(jdbcMonths(organisationId));
        } else {
            Set<String> changed = withPartners(changedSince(organisationId, Timestamp.from(mark.changesUpTo())));
            rewritten = rewrite(organisationId, rules, new ArrayList<>(changed), null, today, started, touched);
            if (mark.allRecomputedOn() == null || mark.allRecomputedOn().isBefore(today)) {
                // Time alone moves people from on track to overdue: everyone's current and previous month, daily.
                List<YearMonth> recent = List.of(YearMonth.from(today).minusMonths(1), YearMonth.from(today));
                List<String> everyone = Sql.ids(jdbc, "SELECT id FROM staff WHERE organisation_id = ? AND (leaving_date IS NULL OR leaving_date >= ?) ORDER BY id",
                        List.of(organisationId, Date.valueOf(recent.get(0).atDay(1))));
                everyone.removeAll(changed);
                recomputedForToday = rewrite(organisationId, rules, everyone, recent, today, started, touched);
            }
        }
        rebuildTeams(organisationId, touched, started);
        saveWatermark(organisationId, mark, started, today);
        return new Outcome(mark == null, rewritten, recomputedForToday, touched.size());
    }

    /** Forgets the organisation's facts and rebuilds them all (the demo loader calls this once it has loaded). */
    @Transactional
    public Outcome rebuild(String organisationId) {
        jdbc.prepareStatement("DELETE FROM measure_refresh WHERE organisation_id = ?", ps -> {
            ps.setString(1, organisationId);
            return ps.executeUpdate();
        });
        return refresh(organisationId);
    }

    private ZoneId zone() {
        return clock.getZone();
    }

    private List<String> organisations() {
        return Sql.ids(jdbc, "SELECT id FROM organisation ORDER BY id", List.of());
    }

    private record Watermark(Instant changesUpTo, LocalDate allRecomputedOn) {
    }

    private Watermark watermark(String organisationId) {
        return jdbc.prepareStatement("SELECT changes_up_to, all_recomputed_on FROM measure_refresh WHERE organisation_id = ?", ps -> {
            ps.setString(1, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                Date all = rs.getDate(2);
                return new Watermark(rs.getTimestamp(1).toInstant(), all == null ? null : all.toLocalDate());
            }
        });
    }

    private void saveWatermark(String organisationId, Watermark previous, Instant started, LocalDate today) {
        Instant upTo = started.minus(OVERLAP);
        if (previous != null && previous.changesUpTo().isAfter(upTo)) {
            upTo = previous.changesUpTo(); // never backwards
        }
        Timestamp mark = Timestamp.from(upTo);
        if (previous == null) {
            jdbc.prepareStatement("INSERT INTO measure_refresh (organisation_id, changes_up_to, all_recomputed_on) VALUES (?, ?, ?)", ps -> {
                ps.setString(1, organisationId);
                ps.setTimestamp(2, mark);
                ps.setDate(3, Date.valueOf(today));
                return ps.executeUpdate();
            });
        } else {
            jdbc.prepareStatement("UPDATE measure_refresh SET changes_up_to = ?, all_recomputed_on = ? WHERE organisation_id = ?", ps -> {
                ps.setTimestamp(1, mark);
                ps.setDate(2, Date.valueOf(today));
                ps.setString(3, organisationId);
                return ps.executeUpdate();
            });
        }
    }

    /**
     * The people whose facts may have changed since a time, in one statement: participants of sessions changed
     * (held, cancelled, rebooked, timed) or whose records changed (written, signed), the supervisee of an agreement
     * (drawn up, signed, superseded, ended) or of an action (changed, closed), staff rows changed (details,
     * training, leaving, moves), attribute changes and moves recorded, and both sides of supervision relations
     * started.
     */
    Set<String> changedSince(String organisationId, Timestamp since) {
        String sql = "SELECT p.supervisee_id FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                + "WHERE s.organisation_id = ? AND s.updated_at > ? "
                + "UNION SELECT p.supervisee_id FROM session_record r JOIN supervision_session s ON s.id = r.session_id "
                + "JOIN session_participant p ON p.session_id = s.id WHERE s.organisation_id = ? AND r.updated_at > ? "
                + "UNION SELECT supervisee_id FROM agreement WHERE organisation_id = ? AND updated_at > ? "
                + "UNION SELECT supervisee_id FROM supervision_action WHERE organisation_id = ? AND updated_at > ? "
                + "UNION SELECT id FROM staff WHERE organisation_id = ? AND updated_at > ? "
                + "UNION SELECT c.staff_id FROM staff_attribute_change c JOIN staff t ON t.id = c.staff_id "
                + "WHERE t.organisation_id = ? AND c.recorded_at > ? "
                + "UNION SELECT h.staff_id FROM staff_team_history h JOIN staff t ON t.id = h.staff_id "
                + "WHERE t.organisation_id = ? AND h.recorded_at > ? "
                + "UNION SELECT r.supervisee_id FROM supervision_relation r JOIN staff t ON t.id = r.supervisee_id "
                + "WHERE t.organisation_id = ? AND r.created_at > ? "
                + "UNION SELECT r.supervisor_id FROM supervision_relation r JOIN staff t ON t.id = r.supervisor_id "
                + "WHERE t.organisation_id = ? AND r.created_at > ?";
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            args.add(organisationId);
            args.add(since);
        }
        return new LinkedHashSet<>(Sql.ids(jdbc, sql, args));
    }

    /**
     * The changed people and everyone in a supervision relation with them: ending a relation (a new supervisor, a
     * leaver) stamps no time on the relation itself, so the other side is found through the side that changed.
     */
    private Set<String> withPartners(Set<String> changed) {
        Set<String> out = new LinkedHashSet<>(changed);
        for (List<String> chunk : chunks(new ArrayList<>(changed), 1000)) {
            String in = Sql.placeholders(chunk.size());
            List<Object> args = new ArrayList<>(chunk);
            args.addAll(chunk);
            out.addAll(Sql.ids(jdbc, "SELECT supervisor_id FROM supervision_relation WHERE supervisee_id IN (" + in + ") "
                    + "UNION SELECT supervisee_id FROM supervision_relation WHERE supervisor_id IN (" + in + ")", args));
        }
        return out;
    }

    /**
     * Recomputes the people's months (all of them, or only {@code onlyMonths}), replacing their rows; adds the
     * months written to {@code touched}. Returns how many people were computed.
     */
    private int rewrite(String organisationId, PolicyRules rules, List<String> ids, List<YearMonth> onlyMonths, LocalDate today,
                        Instant now, Set<YearMonth> touched) {
        int n = 0;
        for (List<String> batch : chunks(ids, BATCH)) {
            List<PersonMonths.Person> people = read(organisationId, batch);
            List<PersonMonths.Row> rows = new ArrayList<>();
            for (PersonMonths.Person p : people) {
                List<YearMonth> months = PersonMonths.months(p.employmentStart(), p.leavingDate(), today);
                if (onlyMonths != null) {
                    months = months.stream().filter(onlyMonths::contains).toList();
                }
                rows.addAll(personMonths.compute(rules, p, months, today));
                n++;
            }
            if (onlyMonths == null) {
                // Months a person no longer has (an employment start corrected later) lose their rows too.
                touched.addAll(monthsOf(organisationId, batch));
            }
            delete(organisationId, batch, onlyMonths);
            insert(organisationId, rows, now);
            if (onlyMonths != null) {
                touched.addAll(onlyMonths);
            }
            rows.forEach(r -> touched.add(r.month()));
        }
        return n;
    }

    private void delete(String organisationId, List<String> ids, List<YearMonth> onlyMonths) {
        StringBuilder sql = new StringBuilder("DELETE FROM measure_person_month WHERE organisation_id = ? AND staff_id IN (")
                .append(Sql.placeholders(ids.size())).append(")");
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        args.addAll(ids);
        if (onlyMonths != null) {
            sql.append(" AND month_start IN (").append(Sql.placeholders(onlyMonths.size())).append(")");
            onlyMonths.forEach(m -> args.add(Date.valueOf(m.atDay(1))));
        }
        update(sql.toString(), args);
    }

    private static final String INSERT_COLUMNS = "organisation_id, month_start, staff_id, team_id, service_id, supervisor_id, "
            + "excluded_because, category, employment_type, agreement_signed, agreement_review_overdue, within_interval, "
            + "past_longest_gap, in_breach, longest_gap_days, one_to_one_held, group_held, held_last_12_months, meets_annual_minimum, "
            + "cancelled, cancelled_rebooked, minutes_held, minutes_counted_sessions, held_below_minimum, records_due, "
            + "records_signed_both, signature_days_total, signature_days_count, actions_overdue, is_manager, carries_caseload, "
            + "training_due, trained_in_time, caseload, caseload_above_level, computed_at";
    private static final int INSERT_WIDTH = 36;
    /** Rows a multi-row INSERT carries (well under the drivers' placeholder limits). */
    private static final int ROWS_PER_INSERT = 500;

    private void insert(String organisationId, List<PersonMonths.Row> rows, Instant now) {
        Timestamp at = Timestamp.from(now);
        for (List<PersonMonths.Row> chunk : chunks(rows, ROWS_PER_INSERT)) {
            String one = "(" + Sql.placeholders(INSERT_WIDTH) + ")";
            String sql = "INSERT INTO measure_person_month (" + INSERT_COLUMNS + ") VALUES "
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), one));
            List<Object> args = new ArrayList<>(chunk.size() * INSERT_WIDTH);
            for (PersonMonths.Row r : chunk) {
                args.addAll(java.util.Arrays.asList(organisationId, Date.valueOf(r.month().atDay(1)), r.staffId(), r.teamId(),
                        r.serviceId(), r.supervisorId(), r.excludedBecause(), r.category(), r.employmentType(), r.agreementSigned(),
                        r.agreementReviewOverdue(), r.withinInterval(), r.pastLongestGap(), r.inBreach(), r.longestGapDays(),
                        r.oneToOneHeld(), r.groupHeld(), r.heldLast12Months(), r.meetsAnnualMinimum(), r.cancelled(),
                        r.cancelledRebooked(), r.minutesHeld(), r.minutesCountedSessions(), r.heldBelowMinimum(), r.recordsDue(),
                        r.recordsSignedBoth(), r.signatureDaysTotal(), r.signatureDaysCount(), r.actionsOverdue(), r.isManager(),
                        r.carriesCaseload(), r.trainingDue(), r.trainedInTime(), r.caseload(), r.caseloadAboveLevel(), at));
            }
            update(sql, args);
        }
    }

    /** The team rows of the months touched, from the person rows, in two statements. */
    private void rebuildTeams(String organisationId, Set<YearMonth> months, Instant now) {
        if (months.isEmpty()) {
            return;
        }
        List<Object> monthArgs = new ArrayList<>();
        months.forEach(m -> monthArgs.add(Date.valueOf(m.atDay(1))));
        String in = Sql.placeholders(months.size());
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        args.addAll(monthArgs);
        update("DELETE FROM measure_team_month WHERE organisation_id = ? AND month_start IN (" + in + ")", args);
        // Teamless people are a row of their service (team_key = the service); people outside any service one of ''.
        List<Object> insertArgs = new ArrayList<>();
        insertArgs.add(Timestamp.from(now));
        insertArgs.addAll(args);
        update("INSERT INTO measure_team_month (organisation_id, month_start, service_id, team_key, team_id, "
                + FactColumns.columnList() + ", computed_at) "
                + "SELECT organisation_id, month_start, COALESCE(service_id, ''), COALESCE(team_id, COALESCE(service_id, '')), team_id, "
                + FactColumns.fromPeopleList() + ", ? FROM measure_person_month WHERE organisation_id = ? AND month_start IN (" + in + ") "
                + "GROUP BY organisation_id, month_start, service_id, team_id", insertArgs);
    }

    private List<YearMonth> jdbcMonths(String organisationId) {
        return monthsQuery("SELECT DISTINCT month_start FROM measure_team_month WHERE organisation_id = ?", List.of(organisationId));
    }

    /** The months the people have rows in now: rows about to be replaced, whose teams need rebuilding too. */
    private List<YearMonth> monthsOf(String organisationId, List<String> ids) {
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        args.addAll(ids);
        return monthsQuery("SELECT DISTINCT month_start FROM measure_person_month WHERE organisation_id = ? AND staff_id IN ("
                + Sql.placeholders(ids.size()) + ")", args);
    }

    private List<YearMonth> monthsQuery(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<YearMonth> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(YearMonth.from(rs.getDate(1).toLocalDate()));
                }
            }
            return out;
        });
    }

    // --- reading a batch of people: one query per table ---

    private List<PersonMonths.Person> read(String organisationId, List<String> ids) {
        List<Staff> staff = staffRepository.findByIdIn(ids).stream().filter(s -> s.organisationId().equals(organisationId)).toList();
        if (staff.isEmpty()) {
            return List.of();
        }
        List<String> found = staff.stream().map(Staff::id).toList();
        String in = Sql.placeholders(found.size());
        Map<String, AttributeTimeline> timelines = attributes.timelines(staff);
        Map<String, LocalDate> training = new HashMap<>();
        Map<String, List<PersonMonths.Placement>> placements = new HashMap<>();
        Map<String, List<PersonMonths.Relation>> supervisors = new HashMap<>();
        Map<String, List<PersonMonths.Relation>> supervisees = new HashMap<>();
        Map<String, List<PersonMonths.Session>> sessions = new HashMap<>();
        Map<String, List<PersonMonths.Agreement>> agreements = new HashMap<>();
        Map<String, List<PersonMonths.Action>> actions = new HashMap<>();
        ZoneId zone = zone();

        query("SELECT id, supervision_training_completed_on FROM staff WHERE id IN (" + in + ")", found, rs -> {
            if (rs.getDate(2) != null) {
                training.put(rs.getString(1), rs.getDate(2).toLocalDate());
            }
        });
        query("SELECT staff_id, team_id, service_id, from_date, to_date FROM staff_team_history WHERE staff_id IN (" + in + ")", found,
                rs -> placements.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PersonMonths.Placement(rs.getString(2),
                        rs.getString(3), rs.getDate(4).toLocalDate(), date(rs.getDate(5)))));
        List<Object> both = new ArrayList<>(found);
        both.addAll(found);
        Set<String> inBatch = new java.util.HashSet<>(found);
        query("SELECT supervisor_id, supervisee_id, from_date, to_date FROM supervision_relation WHERE supervisee_id IN (" + in
                + ") OR supervisor_id IN (" + in + ")", both, rs -> {
            String supervisor = rs.getString(1);
            String supervisee = rs.getString(2);
            LocalDate from = rs.getDate(3).toLocalDate();
            LocalDate to = date(rs.getDate(4));
            if (inBatch.contains(supervisee)) {
                supervisors.computeIfAbsent(supervisee, k -> new ArrayList<>()).add(new PersonMonths.Relation(supervisor, from, to));
            }
            if (inBatch.contains(supervisor)) {
                supervisees.computeIfAbsent(supervisor, k -> new ArrayList<>()).add(new PersonMonths.Relation(supervisee, from, to));
            }
        });
        query("SELECT p.supervisee_id, s.id, s.kind, s.status, s.meeting_date, s.actual_minutes, s.rebooked_as_id, r.status, r.signed_at "
                + "FROM supervision_session s JOIN session_participant p ON p.session_id = s.id LEFT JOIN session_record r ON r.session_id = s.id "
                + "WHERE p.supervisee_id IN (" + in + ") AND s.status IN ('HELD', 'RECORDED', 'SIGNED', 'CANCELLED')", found, rs -> {
            String status = rs.getString(4);
            boolean signed = "SIGNED".equals(rs.getString(8));
            Timestamp signedAt = rs.getTimestamp(9);
            sessions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PersonMonths.Session(rs.getString(2),
                    "GROUP".equals(rs.getString(3)), !"CANCELLED".equals(status), "CANCELLED".equals(status),
                    rs.getDate(5).toLocalDate(), rs.getObject(6) == null ? null : rs.getInt(6), rs.getString(7) != null, signed,
                    signed && signedAt != null ? LocalDate.ofInstant(signedAt.toInstant(), zone) : null));
        });
        query("SELECT supervisee_id, id, status, created_at, signed_at, ended_on, interval_weeks, supervisor_id FROM agreement "
                + "WHERE supervisee_id IN (" + in + ") AND status <> 'DRAFT'", found, rs -> {
            Timestamp signedAt = rs.getTimestamp(5);
            agreements.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PersonMonths.Agreement(rs.getString(2),
                    rs.getString(3), LocalDate.ofInstant(rs.getTimestamp(4).toInstant(), zone),
                    signedAt == null ? null : LocalDate.ofInstant(signedAt.toInstant(), zone), date(rs.getDate(6)),
                    rs.getObject(7) == null ? null : rs.getInt(7), rs.getString(8)));
        });
        // A closed action closed on its session's day when it was closed in one, otherwise on the day it last changed.
        query("SELECT a.supervisee_id, a.due_date, a.created_at, a.status, a.updated_at, c.meeting_date FROM supervision_action a "
                + "LEFT JOIN supervision_session c ON c.id = a.closed_in_session_id WHERE a.supervisee_id IN (" + in + ")", found, rs -> {
            LocalDate closed = null;
            if (!"OPEN".equals(rs.getString(4))) {
                closed = rs.getDate(6) != null ? rs.getDate(6).toLocalDate() : LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), zone);
            }
            actions.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new PersonMonths.Action(rs.getDate(2).toLocalDate(),
                    LocalDate.ofInstant(rs.getTimestamp(3).toInstant(), zone), closed));
        });

        List<PersonMonths.Person> out = new ArrayList<>();
        for (Staff s : staff) {
            List<PersonMonths.Attributes> attrs = timelines.get(s.id()).periods().stream().map(p -> new PersonMonths.Attributes(p.from(),
                    p.values().category(), p.values().employmentType(), p.values().weeklyHours().doubleValue(),
                    p.values().carriesCaseload(), p.values().caseloadSize())).toList();
            out.add(new PersonMonths.Person(s.id(), s.employmentStartDate(), s.postStartDate(), s.leavingDate(), training.get(s.id()),
                    attrs, placements.getOrDefault(s.id(), List.of()), supervisors.getOrDefault(s.id(), List.of()),
                    supervisees.getOrDefault(s.id(), List.of()), sessions.getOrDefault(s.id(), List.of()),
                    agreements.getOrDefault(s.id(), List.of()), actions.getOrDefault(s.id(), List.of())));
        }
        return out;
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private interface RowReader {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, List<?> args, RowReader row) {
        jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
            return null;
        });
    }

    private int update(String sql, List<?> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            return ps.executeUpdate();
        });
    }

    private static void bind(PreparedStatement ps, List<?> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            ps.setObject(i + 1, args.get(i));
        }
    }

    private static <T> List<List<T>> chunks(List<T> list, int size) {
        List<List<T>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i += size) {
            out.add(list.subList(i, Math.min(list.size(), i + size)));
        }
        return out;
    }
}

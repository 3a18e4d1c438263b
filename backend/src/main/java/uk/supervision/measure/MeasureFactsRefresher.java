package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.policy.PolicyService;
import uk.supervision.staff.AttributeTimeline;
import uk.supervision.staff.Staff;
import uk.supervision.staff.StaffAttributeHistory;
import uk.supervision.staff.StaffRepository;
import uk.supervision.support.Sql;

import java.sql.Connection;
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
    static final String LEASE = "measure-facts";
    /** People read and written at once. */
    static final int BATCH = 200;
    /** People whose current and previous month the daily recompute rewrites in one transaction. */
    static final int DAILY_BATCH = 500;
    /**
     * How far before the first month recomputed the daily recompute reads sessions: the yearly count at a month's
     * end looks back 12 months; the last one-to-one before that is read on its own (the clock and the longest gap).
     */
    static final int SESSION_MONTHS_BEFORE = 13;
    /**
     * Changes are looked for from this long before the last refresh began: a transaction that stamped its rows
     * before then but committed after is still seen (its people are computed once more, which changes nothing).
     */
    static final Duration OVERLAP = Duration.ofMinutes(2);

    private final JdbcOperations jdbc;
    private final Clock clock;
    private final PolicyService policy;
    private final StaffRepository staffRepository;
    private final StaffAttributeHistory attributes;
    private final PersonMonths personMonths;
    private final TransactionOperations<Connection> transactions;

    public MeasureFactsRefresher(JdbcOperations jdbc, Clock clock, PolicyService policy, StaffRepository staffRepository,
                                 StaffAttributeHistory attributes, uk.supervision.compliance.ScheduleCalculator calculator,
                                 TransactionOperations<Connection> transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.policy = policy;
        this.staffRepository = staffRepository;
        this.attributes = attributes;
        this.personMonths = new PersonMonths(calculator);
    }

    /**
     * What one refresh did: people whose months were rewritten, and team rows rebuilt (a full rebuild: all of the
     * organisation's; otherwise the (month, team) units rewritten people were or are in, plus whole daily months).
     */
    public record Outcome(boolean full, int peopleRewritten, int peopleRecomputedForToday, int teamRowsRebuilt) {
    }

    /** One team's (or a teamless service's, or the teamless and serviceless people's) month of team rows. */
    record Unit(YearMonth month, String teamId, String serviceId) {
    }

    /**
     * Folds the organisation's changes in (a full rebuild when it has never been refreshed). The changes are one
     * transaction; the daily recompute commits every {@link #DAILY_BATCH} people; the team rows and the watermark
     * are the last transaction, so a run stopped half way is simply done again by the next (called inside a
     * transaction, as {@link #rebuild} is, it is all that one).
     */
    public Outcome refresh(String organisationId) {
        Instant started = clock.instant();
        LocalDate today = LocalDate.ofInstant(started, zone());
        Changes changes = transactions.executeWrite(status -> foldChanges(organisationId, started, today));
        Watermark mark = changes.mark();
        // Team rows rebuilt afterwards: whole months (the daily recompute, where every team changes) and single
        // (month, team) units whose person rows were rewritten, old and new team of a move alike.
        Set<YearMonth> wholeMonths = new TreeSet<>();
        int recomputedForToday = 0;
        if (mark != null && (mark.allRecomputedOn() == null || mark.allRecomputedOn().isBefore(today))) {
            // Time alone moves people from on track to overdue: everyone's current and previous month, daily.
            List<YearMonth> recent = List.of(YearMonth.from(today).minusMonths(1), YearMonth.from(today));
            List<String> everyone = transactions.executeRead(status -> Sql.ids(jdbc, "SELECT id FROM staff WHERE organisation_id = ? "
                    + "AND (leaving_date IS NULL OR leaving_date >= ?) ORDER BY id", List.of(organisationId, Date.valueOf(recent.get(0).atDay(1)))));
            everyone.removeAll(changes.people());
            for (List<String> batch : chunks(everyone, DAILY_BATCH)) {
                recomputedForToday += transactions.executeWrite(status -> rewrite(organisationId, changes.rules(), batch, recent, today, started, null));
            }
            if (recomputedForToday > 0) {
                wholeMonths.addAll(recent);
            }
        }
        changes.units().removeIf(u -> wholeMonths.contains(u.month()));
        int rebuilt = transactions.executeWrite(status -> {
            int rows = mark == null ? rebuildAllTeams(organisationId, started) : rebuildTeams(organisationId, wholeMonths, changes.units(), started);
            saveWatermark(organisationId, mark, started, today);
            return rows;
        });
        return new Outcome(mark == null, changes.rewritten(), recomputedForToday, rebuilt);
    }

    /** What the first transaction did: the watermark found, the rules, the people rewritten and their team units. */
    private record Changes(Watermark mark, PolicyRules rules, Set<String> people, int rewritten, Set<Unit> units) {
    }

    /** The people changed since the watermark get all their months rewritten (everyone, when there is no watermark). */
    private Changes foldChanges(String organisationId, Instant started, LocalDate today) {
        Watermark mark = watermark(organisationId);
        PolicyRules rules = policy.effectiveRules(organisationId);
        Set<Unit> units = new LinkedHashSet<>();
        if (mark == null) {
            jdbc.prepareStatement("DELETE FROM measure_person_month WHERE organisation_id = ?", ps -> {
                ps.setString(1, organisationId);
                return ps.executeUpdate();
            });
            List<String> everyone = Sql.ids(jdbc, "SELECT id FROM staff WHERE organisation_id = ? ORDER BY id", List.of(organisationId));
            return new Changes(null, rules, new LinkedHashSet<>(everyone), rewrite(organisationId, rules, everyone, null, today, started, null), units);
        }
        Set<String> changed = withPartners(organisationId, changedSince(organisationId, Timestamp.from(mark.changesUpTo())), today);
        return new Changes(mark, rules, changed, rewrite(organisationId, rules, new ArrayList<>(changed), null, today, started, units), units);
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

    /** Every organisation, for the job that refreshes them one by one. */
    @Transactional(readOnly = true)
    public List<String> organisations() {
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

    /** How far back a relation's partner is still recomputed with a changed person (the months a change plausibly moves). */
    static final int PARTNER_MONTHS = 13;

    /**
     * The changed people and the other side of their supervision relations open during the last
     * {@link #PARTNER_MONTHS} months: ending a relation (a new supervisor, a leaver) stamps no time on the relation
     * itself, so the other side is found through the side that changed; relations that ended earlier are history
     * a change today does not move. Relations a leaver's date removed (they would have started after it) are gone
     * from supervision_relation, so their partners are found in the facts instead: the changed person's own
     * supervisors, and for a leaver whose date falls in those months, the people whose rows name them as
     * supervisor.
     */
    private Set<String> withPartners(String organisationId, Set<String> changed, LocalDate today) {
        Set<String> out = new LinkedHashSet<>(changed);
        Date bound = Date.valueOf(YearMonth.from(today).minusMonths(PARTNER_MONTHS).atDay(1));
        for (List<String> chunk : chunks(new ArrayList<>(changed), 1000)) {
            String in = Sql.placeholders(chunk.size());
            List<Object> args = new ArrayList<>(chunk);
            args.add(bound);
            args.addAll(chunk);
            args.add(bound);
            args.add(organisationId);
            args.addAll(chunk);
            args.add(bound);
            args.addAll(chunk);
            args.add(bound);
            args.add(organisationId);
            args.add(bound);
            out.addAll(Sql.ids(jdbc, "SELECT supervisor_id FROM supervision_relation WHERE supervisee_id IN (" + in + ") "
                    + "AND (to_date IS NULL OR to_date >= ?) "
                    + "UNION SELECT supervisee_id FROM supervision_relation WHERE supervisor_id IN (" + in + ") "
                    + "AND (to_date IS NULL OR to_date >= ?) "
                    + "UNION SELECT supervisor_id FROM measure_person_month WHERE organisation_id = ? AND staff_id IN (" + in + ") "
                    + "AND month_start >= ? AND supervisor_id IS NOT NULL "
                    + "UNION SELECT m.staff_id FROM staff l JOIN measure_person_month m ON m.supervisor_id = l.id "
                    + "WHERE l.id IN (" + in + ") AND l.leaving_date >= ? AND m.organisation_id = ? AND m.month_start >= ?", args));
        }
        return out;
    }

    /**
     * Recomputes the people's months (all of them, or only {@code onlyMonths}), replacing their rows; adds the
     * (month, team) units of the rows replaced and written to {@code units} when given. Returns how many people
     * were computed.
     */
    private int rewrite(String organisationId, PolicyRules rules, List<String> ids, List<YearMonth> onlyMonths, LocalDate today,
                        Instant now, Set<Unit> units) {
        int n = 0;
        for (List<String> batch : chunks(ids, BATCH)) {
            // Only some months: their sessions and actions are read from a bound, not the whole history.
            LocalDate from = onlyMonths == null ? null : onlyMonths.stream().min(YearMonth::compareTo).orElseThrow()
                    .atDay(1).minusMonths(SESSION_MONTHS_BEFORE);
            List<PersonMonths.Person> people = read(organisationId, batch, from);
            List<PersonMonths.Row> rows = new ArrayList<>();
            for (PersonMonths.Person p : people) {
                List<YearMonth> months = PersonMonths.months(p.employmentStart(), p.leavingDate(), today);
                if (onlyMonths != null) {
                    months = months.stream().filter(onlyMonths::contains).toList();
                }
                rows.addAll(personMonths.compute(rules, p, months, today));
                n++;
            }
            if (units != null) {
                // The units the people are in now (a team left, a month no longer employed) lose their rows too.
                units.addAll(unitsOf(organisationId, batch));
                rows.forEach(r -> units.add(new Unit(r.month(), r.teamId(), r.teamId() == null ? r.serviceId() : null)));
            }
            delete(organisationId, batch, onlyMonths);
            insert(organisationId, rows, now);
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

    private static final String TEAM_INSERT = "INSERT INTO measure_team_month (organisation_id, month_start, service_id, team_key, team_id, "
            + FactColumns.columnList() + ", computed_at) "
            + "SELECT organisation_id, month_start, COALESCE(service_id, ''), COALESCE(team_id, COALESCE(service_id, '')), team_id, "
            + FactColumns.fromPeopleList() + ", ? FROM measure_person_month WHERE organisation_id = ? ";
    // Teamless people are a row of their service (team_key = the service); people outside any service one of ''.
    private static final String TEAM_GROUP = " GROUP BY organisation_id, month_start, service_id, team_id";
    /** Units one DELETE and one INSERT carry. */
    static final int UNITS_PER_STATEMENT = 250;

    /** All of the organisation's team rows, from its person rows, in two statements (a full rebuild). */
    private int rebuildAllTeams(String organisationId, Instant now) {
        update("DELETE FROM measure_team_month WHERE organisation_id = ?", List.of(organisationId));
        return update(TEAM_INSERT + TEAM_GROUP, List.of(Timestamp.from(now), organisationId));
    }

    /**
     * The team rows of whole months (two statements) and of single units (two statements per
     * {@link #UNITS_PER_STATEMENT}): each unit is read through the person and team indexes on (team_id,
     * month_start) and (service_id, month_start), so a change costs the rows of the person's teams, not of the
     * organisation.
     */
    private int rebuildTeams(String organisationId, Set<YearMonth> wholeMonths, Set<Unit> units, Instant now) {
        int rows = 0;
        if (!wholeMonths.isEmpty()) {
            List<Object> args = new ArrayList<>();
            args.add(organisationId);
            wholeMonths.forEach(m -> args.add(Date.valueOf(m.atDay(1))));
            String in = Sql.placeholders(wholeMonths.size());
            update("DELETE FROM measure_team_month WHERE organisation_id = ? AND month_start IN (" + in + ")", args);
            List<Object> insertArgs = new ArrayList<>();
            insertArgs.add(Timestamp.from(now));
            insertArgs.addAll(args);
            rows += update(TEAM_INSERT + "AND month_start IN (" + in + ")" + TEAM_GROUP, insertArgs);
        }
        for (List<Unit> chunk : chunks(new ArrayList<>(units), UNITS_PER_STATEMENT)) {
            List<String> teamSide = new ArrayList<>();
            List<String> personSide = new ArrayList<>();
            List<Object> teamArgs = new ArrayList<>();
            List<Object> personArgs = new ArrayList<>();
            teamArgs.add(organisationId);
            personArgs.add(Timestamp.from(now));
            personArgs.add(organisationId);
            for (Unit u : chunk) {
                Date month = Date.valueOf(u.month().atDay(1));
                if (u.teamId() != null) {
                    teamSide.add("(team_id = ? AND month_start = ?)");
                    personSide.add("(team_id = ? AND month_start = ?)");
                    teamArgs.addAll(List.of(u.teamId(), month));
                    personArgs.addAll(List.of(u.teamId(), month));
                } else {
                    // The team table keeps '' for no service; the person table NULL.
                    teamSide.add("(service_id = ? AND team_id IS NULL AND month_start = ?)");
                    teamArgs.addAll(List.of(u.serviceId() == null ? "" : u.serviceId(), month));
                    if (u.serviceId() == null) {
                        personSide.add("(service_id IS NULL AND team_id IS NULL AND month_start = ?)");
                        personArgs.add(month);
                    } else {
                        personSide.add("(service_id = ? AND team_id IS NULL AND month_start = ?)");
                        personArgs.addAll(List.of(u.serviceId(), month));
                    }
                }
            }
            update("DELETE FROM measure_team_month WHERE organisation_id = ? AND (" + String.join(" OR ", teamSide) + ")", teamArgs);
            rows += update(TEAM_INSERT + "AND (" + String.join(" OR ", personSide) + ")" + TEAM_GROUP, personArgs);
        }
        return rows;
    }

    /** The (month, team) units the people have rows in now: rows about to be replaced, whose teams need rebuilding too. */
    private List<Unit> unitsOf(String organisationId, List<String> ids) {
        List<Object> args = new ArrayList<>();
        args.add(organisationId);
        args.addAll(ids);
        return jdbc.prepareStatement("SELECT DISTINCT month_start, team_id, service_id FROM measure_person_month WHERE organisation_id = ? "
                + "AND staff_id IN (" + Sql.placeholders(ids.size()) + ")", ps -> {
            bind(ps, args);
            List<Unit> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String team = rs.getString(2);
                    out.add(new Unit(YearMonth.from(rs.getDate(1).toLocalDate()), team, team == null ? rs.getString(3) : null));
                }
            }
            return out;
        });
    }

    // --- reading a batch of people: one query per table ---

    /**
     * The batch's inputs; with {@code sessionsFrom}, sessions and closed actions from that day only, plus each person's last
     * one-to-one held before it (all the schedule and the longest gap need of what came earlier).
     */
    private List<PersonMonths.Person> read(String organisationId, List<String> ids, LocalDate sessionsFrom) {
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
        List<Object> sessionArgs = new ArrayList<>(found);
        if (sessionsFrom != null) {
            sessionArgs.add(Date.valueOf(sessionsFrom));
            // Outside every month computed, so only its date counts (as the last session held before the bound).
            query("SELECT p.supervisee_id, MAX(s.meeting_date) FROM supervision_session s JOIN session_participant p ON p.session_id = s.id "
                    + "WHERE p.supervisee_id IN (" + in + ") AND s.kind = 'ONE_TO_ONE' AND s.status IN ('HELD', 'RECORDED', 'SIGNED') "
                    + "AND s.meeting_date < ? GROUP BY p.supervisee_id", sessionArgs, rs -> sessions.computeIfAbsent(rs.getString(1),
                    k -> new ArrayList<>()).add(new PersonMonths.Session(null, false, true, false, rs.getDate(2).toLocalDate(), null,
                    false, false, null)));
        }
        query("SELECT p.supervisee_id, s.id, s.kind, s.status, s.meeting_date, s.actual_minutes, s.rebooked_as_id, r.status, r.signed_at "
                + "FROM supervision_session s JOIN session_participant p ON p.session_id = s.id LEFT JOIN session_record r ON r.session_id = s.id "
                + "WHERE p.supervisee_id IN (" + in + ") AND s.status IN ('HELD', 'RECORDED', 'SIGNED', 'CANCELLED')"
                + (sessionsFrom == null ? "" : " AND s.meeting_date >= ?"), sessionArgs, rs -> {
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
        // With a bound, an action closed before it (last changed and its closing session both earlier) is left out.
        List<Object> actionArgs = new ArrayList<>(found);
        if (sessionsFrom != null) {
            actionArgs.addAll(List.of(Timestamp.from(sessionsFrom.atStartOfDay(zone).toInstant()), Date.valueOf(sessionsFrom)));
        }
        query("SELECT a.supervisee_id, a.due_date, a.created_at, a.status, a.updated_at, c.meeting_date FROM supervision_action a "
                + "LEFT JOIN supervision_session c ON c.id = a.closed_in_session_id WHERE a.supervisee_id IN (" + in + ")"
                + (sessionsFrom == null ? "" : " AND (a.status = 'OPEN' OR a.updated_at >= ? OR c.meeting_date >= ?)"), actionArgs, rs -> {
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

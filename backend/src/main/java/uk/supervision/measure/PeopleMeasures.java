package uk.supervision.measure;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.measure.FactColumns.Sums;

import java.sql.Date;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import static uk.supervision.measure.FactColumns.*;

/**
 * The people measures (docs/measures.md) from the monthly facts (decision 0032): directorate, service and team
 * figures from measure_team_month, a person's and the drill-down from measure_person_month. Every call is one
 * query, grouped by unit and month; the months are then combined here. Flow measures (sessions held, records,
 * cancellations) add up the period's months; stock measures (agreements, schedule status, actions, workforce)
 * are the period's last month, as it was at its end (today for the current month).
 */
@Singleton
public class PeopleMeasures implements MeasureSource {

    /** How a measure is read from summed facts. */
    private record Spec(MeasureDef def, boolean flow, Function<Sums, Figure> figure, Function<Sums, Boolean> inNumerator,
                        Function<Sums, String> detail) {
    }

    private static final List<Spec> SPECS = new ArrayList<>();
    private static final Map<String, Spec> BY_KEY = new LinkedHashMap<>();

    private static void stock(String key, String label, MeasureGroup group, MeasureKind kind, MeasureUnit unit, boolean lowerIsBetter,
                              Double target, Function<Sums, Figure> figure, Function<Sums, Boolean> in, Function<Sums, String> detail) {
        add(new Spec(new MeasureDef(key, label, group, kind, unit, lowerIsBetter, target, unit == MeasureUnit.PEOPLE || key.startsWith("workforce.")
                || key.equals("sessions.longestGap") || key.equals("actions.overdue")), false, figure, in, detail));
    }

    private static void flow(String key, String label, MeasureGroup group, MeasureKind kind, MeasureUnit unit, boolean lowerIsBetter,
                             Double target, Function<Sums, Figure> figure, Function<Sums, Boolean> in, Function<Sums, String> detail) {
        add(new Spec(new MeasureDef(key, label, group, kind, unit, lowerIsBetter, target, false), true, figure, in, detail));
    }

    private static void add(Spec spec) {
        SPECS.add(spec);
        BY_KEY.put(spec.def().key(), spec);
    }

    private static long n(Sums s, FactColumns c) {
        return s.get(c);
    }

    static {
        // Stock measures: the people counted at the period's end.
        stock("agreements.activeSigned", "Staff with an active signed supervision agreement", MeasureGroup.AGREEMENTS, MeasureKind.SHARE,
                MeasureUnit.PEOPLE, false, 1.0,
                s -> Figure.share("agreements.activeSigned", n(s, AGREEMENT_SIGNED), n(s, COUNTED_STAFF), n(s, COUNTED_STAFF)),
                s -> n(s, AGREEMENT_SIGNED) > 0, s -> n(s, AGREEMENT_SIGNED) > 0 ? "Signed agreement" : "No signed agreement");
        stock("agreements.missing", "Staff without a signed supervision agreement", MeasureGroup.AGREEMENTS, MeasureKind.COUNT,
                MeasureUnit.PEOPLE, true, null,
                s -> Figure.count("agreements.missing", n(s, COUNTED_STAFF) - n(s, AGREEMENT_SIGNED), n(s, COUNTED_STAFF)),
                s -> n(s, AGREEMENT_SIGNED) == 0, s -> n(s, AGREEMENT_SIGNED) > 0 ? "Signed agreement" : "No signed agreement");
        stock("agreements.reviewOverdue", "Staff whose agreement is past its review date", MeasureGroup.AGREEMENTS, MeasureKind.COUNT,
                MeasureUnit.PEOPLE, true, null,
                s -> Figure.count("agreements.reviewOverdue", n(s, AGREEMENT_REVIEW_OVERDUE), n(s, COUNTED_STAFF)),
                s -> n(s, AGREEMENT_REVIEW_OVERDUE) > 0, s -> n(s, AGREEMENT_REVIEW_OVERDUE) > 0 ? "Review overdue" : "Review not due");
        stock("sessions.withinInterval", "Staff on track with one-to-one supervision", MeasureGroup.SESSIONS, MeasureKind.SHARE,
                MeasureUnit.PEOPLE, false, 1.0,
                s -> Figure.share("sessions.withinInterval", n(s, WITHIN_INTERVAL), n(s, COUNTED_STAFF), n(s, COUNTED_STAFF)),
                s -> n(s, WITHIN_INTERVAL) > 0, PeopleMeasures::scheduleDetail);
        stock("sessions.overdue", "Staff overdue for one-to-one supervision", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.PEOPLE, true, null,
                s -> Figure.count("sessions.overdue", n(s, COUNTED_STAFF) - n(s, WITHIN_INTERVAL), n(s, COUNTED_STAFF)),
                s -> n(s, WITHIN_INTERVAL) == 0, PeopleMeasures::scheduleDetail);
        stock("sessions.pastLongestGap", "Staff past the longest gap allowed between sessions", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.PEOPLE, true, null,
                s -> Figure.count("sessions.pastLongestGap", n(s, PAST_LONGEST_GAP), n(s, COUNTED_STAFF)),
                s -> n(s, PAST_LONGEST_GAP) > 0, PeopleMeasures::scheduleDetail);
        stock("sessions.inBreach", "Staff past the absolute limit without supervision", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.PEOPLE, true, null,
                s -> Figure.count("sessions.inBreach", n(s, IN_BREACH), n(s, COUNTED_STAFF)),
                s -> n(s, IN_BREACH) > 0, PeopleMeasures::scheduleDetail);
        // The longest gap is the largest of the period's months, whoever it belonged to.
        stock("sessions.longestGap", "Longest gap between one-to-one sessions", MeasureGroup.SESSIONS, MeasureKind.MAXIMUM,
                MeasureUnit.DAYS, true, null,
                s -> Figure.maximum("sessions.longestGap", s.gap(), n(s, COUNTED_STAFF)),
                s -> s.gap() != null, s -> s.gap() == null ? "No gap yet" : s.gap() + (s.gap() == 1 ? " day" : " days"));
        stock("sessions.annualMinimum", "Staff who had the yearly minimum of sessions", MeasureGroup.SESSIONS, MeasureKind.SHARE,
                MeasureUnit.PEOPLE, false, null,
                s -> Figure.share("sessions.annualMinimum", n(s, MEETS_ANNUAL_MINIMUM), n(s, ANNUAL_MINIMUM_APPLIES), n(s, COUNTED_STAFF)),
                s -> n(s, MEETS_ANNUAL_MINIMUM) > 0,
                s -> n(s, HELD_LAST_12_MONTHS) + (n(s, HELD_LAST_12_MONTHS) == 1 ? " session" : " sessions") + " in the last 12 months");
        stock("actions.overdue", "Actions past their due date", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.ACTIONS, true, null,
                s -> Figure.count("actions.overdue", n(s, ACTIONS_OVERDUE), n(s, COUNTED_STAFF)),
                s -> n(s, ACTIONS_OVERDUE) > 0, s -> n(s, ACTIONS_OVERDUE) + (n(s, ACTIONS_OVERDUE) == 1 ? " action" : " actions") + " overdue");
        stock("workforce.managersTrained", "Managers trained in supervision in time", MeasureGroup.WORKFORCE, MeasureKind.SHARE,
                MeasureUnit.PEOPLE, false, 1.0,
                s -> Figure.share("workforce.managersTrained", n(s, TRAINED_IN_TIME), n(s, TRAINING_DUE), n(s, COUNTED_STAFF)),
                s -> n(s, TRAINED_IN_TIME) > 0,
                s -> n(s, TRAINING_DUE) == 0 ? "Training not yet due" : n(s, TRAINED_IN_TIME) > 0 ? "Trained in time" : "Not trained in time");
        stock("workforce.caseloadAboveLevel", "Staff with a caseload above the organisation's level", MeasureGroup.WORKFORCE, MeasureKind.SHARE,
                MeasureUnit.PEOPLE, true, null,
                s -> Figure.share("workforce.caseloadAboveLevel", n(s, CASELOAD_ABOVE_LEVEL), n(s, WITH_CASELOAD), n(s, COUNTED_STAFF)),
                s -> n(s, CASELOAD_ABOVE_LEVEL) > 0, s -> n(s, CASELOAD_TOTAL) + (n(s, CASELOAD_TOTAL) == 1 ? " case" : " cases"));
        stock("workforce.averageCaseload", "Average caseload", MeasureGroup.WORKFORCE, MeasureKind.AVERAGE,
                MeasureUnit.CASES, true, null,
                s -> Figure.average("workforce.averageCaseload", n(s, CASELOAD_TOTAL), n(s, WITH_CASELOAD), n(s, COUNTED_STAFF)),
                s -> n(s, WITH_CASELOAD) > 0, s -> n(s, CASELOAD_TOTAL) + (n(s, CASELOAD_TOTAL) == 1 ? " case" : " cases"));

        // Flow measures: what happened over the period's months; the group is the sessions or records counted.
        flow("sessions.oneToOneHeld", "One-to-one sessions held", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.SESSIONS, false, null,
                s -> Figure.count("sessions.oneToOneHeld", n(s, ONE_TO_ONE_HELD), n(s, ONE_TO_ONE_HELD)),
                s -> n(s, ONE_TO_ONE_HELD) > 0, s -> plural(n(s, ONE_TO_ONE_HELD), "session") + " held");
        flow("sessions.groupHeld", "Group sessions attended (each person attending counts once)", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.SESSIONS, false, null,
                s -> Figure.count("sessions.groupHeld", n(s, GROUP_HELD), n(s, GROUP_HELD)),
                s -> n(s, GROUP_HELD) > 0, s -> plural(n(s, GROUP_HELD), "group session") + " attended");
        flow("sessions.cancelled", "One-to-one sessions cancelled", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                MeasureUnit.SESSIONS, true, null,
                s -> Figure.count("sessions.cancelled", n(s, CANCELLED), n(s, CANCELLED)),
                s -> n(s, CANCELLED) > 0, s -> plural(n(s, CANCELLED), "session") + " cancelled");
        flow("sessions.cancelledRebooked", "Cancelled one-to-one sessions that were rebooked", MeasureGroup.SESSIONS, MeasureKind.SHARE,
                MeasureUnit.SESSIONS, false, null,
                s -> Figure.share("sessions.cancelledRebooked", n(s, CANCELLED_REBOOKED), n(s, CANCELLED), n(s, CANCELLED)),
                s -> n(s, CANCELLED_REBOOKED) > 0, s -> n(s, CANCELLED_REBOOKED) + " of " + plural(n(s, CANCELLED), "cancelled session") + " rebooked");
        flow("sessions.averageMinutes", "Average length of one-to-one sessions", MeasureGroup.SESSIONS, MeasureKind.AVERAGE,
                MeasureUnit.MINUTES, false, null,
                s -> Figure.average("sessions.averageMinutes", n(s, MINUTES_HELD), n(s, MINUTES_COUNTED_SESSIONS), n(s, MINUTES_COUNTED_SESSIONS)),
                s -> n(s, MINUTES_COUNTED_SESSIONS) > 0, s -> plural(n(s, MINUTES_HELD), "minute") + " in " + plural(n(s, MINUTES_COUNTED_SESSIONS), "session"));
        flow("sessions.belowMinimumLength", "One-to-one sessions shorter than the minimum length", MeasureGroup.SESSIONS, MeasureKind.SHARE,
                MeasureUnit.SESSIONS, true, null,
                s -> Figure.share("sessions.belowMinimumLength", n(s, HELD_BELOW_MINIMUM), n(s, MINUTES_COUNTED_SESSIONS), n(s, MINUTES_COUNTED_SESSIONS)),
                s -> n(s, HELD_BELOW_MINIMUM) > 0, s -> n(s, HELD_BELOW_MINIMUM) + " of " + plural(n(s, MINUTES_COUNTED_SESSIONS), "session") + " too short");
        flow("records.signedByBoth", "Session records signed by both", MeasureGroup.RECORDS, MeasureKind.SHARE,
                MeasureUnit.RECORDS, false, 1.0,
                s -> Figure.share("records.signedByBoth", n(s, RECORDS_SIGNED_BOTH), n(s, RECORDS_DUE), n(s, RECORDS_DUE)),
                s -> n(s, RECORDS_SIGNED_BOTH) > 0, s -> n(s, RECORDS_SIGNED_BOTH) + " of " + plural(n(s, RECORDS_DUE), "record") + " signed");
        flow("records.unsigned", "Session records not yet signed by both", MeasureGroup.RECORDS, MeasureKind.COUNT,
                MeasureUnit.RECORDS, true, null,
                s -> Figure.count("records.unsigned", n(s, RECORDS_DUE) - n(s, RECORDS_SIGNED_BOTH), n(s, RECORDS_DUE)),
                s -> n(s, RECORDS_DUE) > n(s, RECORDS_SIGNED_BOTH), s -> plural(n(s, RECORDS_DUE) - n(s, RECORDS_SIGNED_BOTH), "record") + " not signed");
        flow("records.daysToSignature", "Average days from a session to its record being signed by both", MeasureGroup.RECORDS, MeasureKind.AVERAGE,
                MeasureUnit.DAYS, true, null,
                s -> Figure.average("records.daysToSignature", n(s, SIGNATURE_DAYS_TOTAL), n(s, SIGNATURE_DAYS_COUNT), n(s, SIGNATURE_DAYS_COUNT)),
                s -> n(s, SIGNATURE_DAYS_COUNT) > 0, s -> plural(n(s, SIGNATURE_DAYS_TOTAL), "day") + " over " + plural(n(s, SIGNATURE_DAYS_COUNT), "record"));
    }

    /** The measures in the order shown: agreements, sessions, records, actions, workforce. */
    private static final List<String> ORDER = List.of("agreements.activeSigned", "agreements.missing", "agreements.reviewOverdue",
            "sessions.withinInterval", "sessions.overdue", "sessions.pastLongestGap", "sessions.inBreach", "sessions.longestGap",
            "sessions.annualMinimum", "sessions.oneToOneHeld", "sessions.groupHeld", "sessions.cancelled", "sessions.cancelledRebooked",
            "sessions.averageMinutes", "sessions.belowMinimumLength", "records.signedByBoth", "records.unsigned",
            "records.daysToSignature", "actions.overdue", "workforce.managersTrained", "workforce.caseloadAboveLevel",
            "workforce.averageCaseload");

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String scheduleDetail(Sums s) {
        if (n(s, IN_BREACH) > 0) {
            return "Past the absolute limit";
        }
        if (n(s, PAST_LONGEST_GAP) > 0) {
            return "Past the longest gap";
        }
        return n(s, WITHIN_INTERVAL) > 0 ? "On track" : "Overdue";
    }

    private final JdbcOperations jdbc;

    public PeopleMeasures(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Every people measure key, in display order. */
    public static List<String> keys() {
        return ORDER;
    }

    @Override
    public List<MeasureDef> definitions() {
        return ORDER.stream().map(k -> BY_KEY.get(k).def()).toList();
    }

    @Override
    @Connectable
    public Map<String, Figure> figures(MeasureTarget scope, MeasurePeriod period) {
        Map<YearMonth, Sums> months = read(scope, period, Level.SCOPE).getOrDefault("", Map.of());
        Map<String, Figure> out = new LinkedHashMap<>();
        for (String key : ORDER) {
            out.put(key, figure(BY_KEY.get(key), months, period));
        }
        return out;
    }

    @Override
    @Connectable
    public Map<String, Map<String, Figure>> breakdown(MeasureTarget parent, MeasurePeriod period, Set<String> keys) {
        Map<String, Map<String, Figure>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<YearMonth, Sums>> unit : read(parent, period, Level.UNITS).entrySet()) {
            Map<String, Figure> figures = new LinkedHashMap<>();
            for (String key : ORDER) {
                if (keys.contains(key)) {
                    figures.put(key, figure(BY_KEY.get(key), unit.getValue(), period));
                }
            }
            out.put(unit.getKey(), figures);
        }
        return out;
    }

    @Override
    @Connectable
    public Map<YearMonth, Figure> series(MeasureTarget scope, String key, MeasurePeriod period) {
        Spec spec = spec(key);
        return monthly(spec, read(scope, period, Level.SCOPE).getOrDefault("", Map.of()));
    }

    @Override
    @Connectable
    public Map<String, Map<YearMonth, Figure>> seriesBreakdown(MeasureTarget parent, String key, MeasurePeriod period) {
        Spec spec = spec(key);
        Map<String, Map<YearMonth, Figure>> out = new LinkedHashMap<>();
        read(parent, period, Level.UNITS).forEach((unit, months) -> out.put(unit, monthly(spec, months)));
        return out;
    }

    /** Every key asked for from one read of the scope's months (the month rule of suppression asks for many). */
    @Override
    @Connectable
    public Map<String, Map<YearMonth, Figure>> seriesOf(MeasureTarget scope, Set<String> keys, MeasurePeriod period) {
        Map<String, Map<YearMonth, Figure>> out = new LinkedHashMap<>();
        if (keys.stream().noneMatch(BY_KEY::containsKey)) {
            return out;
        }
        Map<YearMonth, Sums> months = read(scope, period, Level.SCOPE).getOrDefault("", Map.of());
        keys.stream().filter(BY_KEY::containsKey).forEach(key -> out.put(key, monthly(BY_KEY.get(key), months)));
        return out;
    }

    /** Every key asked for from one read of the units' months. */
    @Override
    @Connectable
    public Map<String, Map<String, Map<YearMonth, Figure>>> seriesBreakdownOf(MeasureTarget parent, Set<String> keys, MeasurePeriod period) {
        Map<String, Map<String, Map<YearMonth, Figure>>> out = new LinkedHashMap<>();
        if (keys.stream().noneMatch(BY_KEY::containsKey)) {
            return out;
        }
        Map<String, Map<YearMonth, Sums>> units = read(parent, period, Level.UNITS);
        keys.stream().filter(BY_KEY::containsKey).forEach(key -> {
            Map<String, Map<YearMonth, Figure>> perUnit = new LinkedHashMap<>();
            units.forEach((unit, months) -> perUnit.put(unit, monthly(BY_KEY.get(key), months)));
            out.put(key, perUnit);
        });
        return out;
    }

    @Override
    @Connectable
    public Optional<Population> population(MeasureTarget scope, MeasurePeriod period) {
        Sums last = read(scope, period.month(period.to()), Level.SCOPE).getOrDefault("", Map.of())
                .getOrDefault(period.to(), Sums.NONE);
        return Optional.of(new Population(last.get(COUNTED_STAFF), last.get(LEAVERS), last.get(FIRST_WEEK), last.get(AGENCY_UNDER_10_HOURS)));
    }

    /**
     * Each counted person of the scope with their own figure: for a stock measure the people counted at the
     * period's end, for a flow measure everyone counted in any of its months. Worst first: those the measure
     * flags, then by their value (the larger first where lower is better), then by id for a stable order.
     */
    @Override
    @Connectable
    public Optional<List<PersonFigure>> people(MeasureTarget scope, String key, MeasurePeriod period) {
        Spec spec = BY_KEY.get(key);
        if (spec == null) {
            return Optional.empty();
        }
        Map<String, Map<YearMonth, Sums>> byPerson = read(scope, period, Level.PEOPLE);
        boolean bad = badWhenIn(spec);
        List<PersonFigure> out = new ArrayList<>();
        for (Map.Entry<String, Map<YearMonth, Sums>> person : byPerson.entrySet()) {
            Sums sums = combine(spec, person.getValue(), period);
            if (sums.get(COUNTED_STAFF) == 0 && !spec.flow()) {
                continue; // not counted at the period's end
            }
            if (spec.flow() && !hasFlow(spec, sums)) {
                continue;
            }
            Figure f = spec.figure().apply(sums);
            out.add(new PersonFigure(person.getKey(), spec.inNumerator().apply(sums), f.value(), spec.detail().apply(sums)));
        }
        Comparator<PersonFigure> worst = Comparator.comparing((PersonFigure p) -> p.inNumerator() != bad)
                .thenComparing(p -> p.value() == null ? 0.0 : spec.def().lowerIsBetter() ? -p.value() : p.value())
                .thenComparing(PersonFigure::staffId);
        out.sort(worst);
        return Optional.of(out);
    }

    /** For counts where lower is better (overdue, unsigned, cancelled) being in the numerator is the bad side. */
    private static boolean badWhenIn(Spec spec) {
        return spec.def().lowerIsBetter();
    }

    /** A flow person is listed when they had something of the measure's kind in the period. */
    private static boolean hasFlow(Spec spec, Sums s) {
        return switch (spec.def().key()) {
            case "sessions.oneToOneHeld" -> true;
            case "sessions.groupHeld" -> s.get(GROUP_HELD) > 0;
            case "sessions.cancelled", "sessions.cancelledRebooked" -> s.get(CANCELLED) > 0;
            case "sessions.averageMinutes", "sessions.belowMinimumLength" -> s.get(MINUTES_COUNTED_SESSIONS) > 0;
            case "records.signedByBoth", "records.unsigned" -> s.get(RECORDS_DUE) > 0;
            case "records.daysToSignature" -> s.get(SIGNATURE_DAYS_COUNT) > 0;
            default -> true;
        };
    }

    private static Spec spec(String key) {
        Spec spec = BY_KEY.get(key);
        if (spec == null) {
            throw new IllegalArgumentException("Not a people measure: " + key);
        }
        return spec;
    }

    private static Figure figure(Spec spec, Map<YearMonth, Sums> months, MeasurePeriod period) {
        return spec.figure().apply(combine(spec, months, period));
    }

    /**
     * Flow: the sum of the period's months. Stock: the period's last month; the longest gap is the largest of
     * the period's months, with the group the most people counted in any of them.
     */
    private static Sums combine(Spec spec, Map<YearMonth, Sums> months, MeasurePeriod period) {
        if (spec.flow()) {
            Sums total = Sums.NONE;
            for (Sums s : months.values()) {
                total = total.plus(s);
            }
            return total;
        }
        Sums last = months.getOrDefault(period.to(), Sums.NONE);
        if (spec.def().key().equals("sessions.longestGap")) {
            long gap = -1;
            long counted = 0;
            for (Sums s : months.values()) {
                gap = Math.max(gap, s.longestGap());
                counted = Math.max(counted, s.get(COUNTED_STAFF));
            }
            long[] v = last.values().clone();
            v[COUNTED_STAFF.ordinal()] = counted;
            return new Sums(v, gap);
        }
        return last;
    }

    private static Map<YearMonth, Figure> monthly(Spec spec, Map<YearMonth, Sums> months) {
        Map<YearMonth, Figure> out = new TreeMap<>();
        months.forEach((month, sums) -> out.put(month, spec.figure().apply(sums)));
        return out;
    }

    private enum Level { SCOPE, UNITS, PEOPLE }

    /**
     * One query: the scope's facts per month, keyed by "" (SCOPE), by the unit one level down (UNITS: a
     * directorate's services, a service's teams; people outside any service or team are in the parent only), or
     * by person (PEOPLE, from measure_person_month).
     */
    private Map<String, Map<YearMonth, Sums>> read(MeasureTarget scope, MeasurePeriod period, Level level) {
        boolean person = scope.kind() == MeasureScopeKind.PERSON || level == Level.PEOPLE;
        String unit;
        String unitFilter = "";
        if (level == Level.PEOPLE) {
            unit = "staff_id";
        } else if (level == Level.UNITS) {
            if (scope.kind() == MeasureScopeKind.DIRECTORATE) {
                unit = "service_id";
                unitFilter = person ? " AND service_id IS NOT NULL" : " AND service_id <> ''";
            } else if (scope.kind() == MeasureScopeKind.SERVICE) {
                unit = "team_id";
                unitFilter = " AND team_id IS NOT NULL";
            } else {
                return Map.of();
            }
        } else {
            unit = "organisation_id"; // one group: the whole scope
        }
        String scopeFilter = switch (scope.kind()) {
            case DIRECTORATE -> "";
            case SERVICE -> " AND service_id = ?";
            case TEAM -> " AND team_id = ?";
            case PERSON -> " AND staff_id = ?";
        };
        String sql = "SELECT " + unit + ", month_start, " + (person ? FactColumns.fromPeopleList() : FactColumns.fromTeamsList())
                + " FROM " + (person ? "measure_person_month" : "measure_team_month")
                + " WHERE organisation_id = ? AND month_start >= ? AND month_start <= ?" + scopeFilter + unitFilter
                + " GROUP BY " + unit + ", month_start";
        Map<String, Map<YearMonth, Sums>> out = new LinkedHashMap<>();
        jdbc.prepareStatement(sql, ps -> {
            ps.setString(1, scope.organisationId());
            ps.setDate(2, Date.valueOf(period.from().atDay(1)));
            ps.setDate(3, Date.valueOf(period.to().atDay(1)));
            if (scope.kind() != MeasureScopeKind.DIRECTORATE) {
                ps.setString(4, scope.id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String key = rs.getString(1);
                    YearMonth month = YearMonth.from(rs.getDate(2).toLocalDate());
                    out.computeIfAbsent(level == Level.SCOPE || key == null ? "" : key.trim(), k -> new TreeMap<>()).put(month, FactColumns.read(rs, 3));
                }
            }
            return null;
        });
        return out;
    }
}

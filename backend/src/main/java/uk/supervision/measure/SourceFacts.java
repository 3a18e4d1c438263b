package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import uk.supervision.measure.SourceSql.By;
import uk.supervision.measure.SourceSql.Row;
import uk.supervision.measure.SourceSql.Spec;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The month facts of the named SourceSql specs (measure_source_month, decision 0037): written a month at a time
 * by evaluating the spec grouped by service, team and its extras, and read back by summing them for a scope and a
 * run of months, grouped as the spec's own query would be. Every aggregate is a SUM or a COUNT, so the sums of
 * the facts are the figures the rows would give.
 */
final class SourceFacts {
    /** The aggregate columns the table has (s0..s4) and the extras (e0, e1). */
    static final int SUMS = 5;
    static final int EXTRAS = 2;

    private SourceFacts() {
    }

    /** A source's rows changed since a time, as the times its spec reads the period from (to find the months). */
    record Changes(String sql, List<Object> args) {
    }

    /** The spec's figures from its facts: one statement, whatever the months or units. Not for a PERSON scope. */
    static List<Row> query(JdbcOperations jdbc, Spec spec, MeasureTarget scope, MeasurePeriod period, By by) {
        List<YearMonth> months = period.months();
        Map<YearMonth, Integer> index = new HashMap<>();
        for (int i = 0; i < months.size(); i++) {
            index.put(months.get(i), i);
        }
        List<Object> args = new ArrayList<>(List.of(scope.organisationId(), spec.name(), Date.valueOf(months.get(0).atDay(1)),
                Date.valueOf(months.get(months.size() - 1).atDay(1))));
        List<String> group = new ArrayList<>();
        String unit = null;
        if (SourceSql.byUnit(by)) {
            unit = switch (scope.kind()) {
                case DIRECTORATE -> "service_id";
                case SERVICE -> "team_id";
                default -> null;
            };
            if (unit == null) {
                return List.of();
            }
            group.add(unit);
        }
        if (SourceSql.byMonth(by)) {
            group.add("month_start");
        }
        int extras = spec.extras().size();
        for (int i = 0; i < extras; i++) {
            group.add("e" + i);
        }
        String filter = switch (scope.kind()) {
            case SERVICE -> " AND service_id = ?";
            case TEAM -> " AND team_id = ?";
            default -> "";
        };
        if (!filter.isEmpty()) {
            args.add(scope.id());
        }
        int aggs = spec.aggregates().size();
        List<String> sums = new ArrayList<>();
        for (int i = 0; i < aggs; i++) {
            sums.add("SUM(s" + i + ")");
        }
        String sql = "SELECT " + String.join(", ", group.isEmpty() ? List.of("0 AS g") : group)
                + (sums.isEmpty() ? "" : ", " + String.join(", ", sums))
                + " FROM measure_source_month WHERE organisation_id = ? AND source = ? AND month_start >= ? AND month_start <= ?"
                + filter + (unit == null ? "" : " AND " + unit + " IS NOT NULL")
                + (group.isEmpty() ? "" : " GROUP BY " + String.join(", ", group));
        boolean byUnit = unit != null;
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int c = 1;
                    String u = byUnit ? rs.getString(c++) : null;
                    int month = -1;
                    if (SourceSql.byMonth(by)) {
                        month = index.get(YearMonth.from(rs.getDate(c++).toLocalDate()));
                    }
                    if (group.isEmpty()) {
                        c++;
                    }
                    List<String> ex = new ArrayList<>();
                    for (int i = 0; i < extras; i++) {
                        ex.add(rs.getString(c++));
                    }
                    long[] s = new long[aggs];
                    for (int i = 0; i < aggs; i++) {
                        s[i] = rs.getLong(c++);
                    }
                    out.add(new Row(u, month, ex, s));
                }
            }
            return out;
        });
    }

    /**
     * Writes one month of a spec's facts (the month's old rows are deleted by the caller): the spec's rows of the
     * whole calendar month, grouped by service, team and extras; one INSERT ... SELECT. Returns the rows written.
     */
    static int write(JdbcOperations jdbc, Spec spec, String organisationId, YearMonth month, Timestamp computedAt) {
        if (spec.extras().size() > EXTRAS || spec.aggregates().size() > SUMS) {
            throw new IllegalStateException("measure_source_month holds " + EXTRAS + " extras and " + SUMS + " sums: " + spec.name());
        }
        List<String> inner = new ArrayList<>(List.of(spec.cols().service() + " AS sv", spec.cols().team() + " AS tm"));
        List<String> group = new ArrayList<>(List.of("sv", "tm"));
        List<String> columns = new ArrayList<>(List.of("service_id", "team_id"));
        List<String> select = new ArrayList<>(List.of("sv", "tm"));
        for (int i = 0; i < spec.extras().size(); i++) {
            inner.add(spec.extras().get(i) + " AS e" + i);
            group.add("e" + i);
            columns.add("e" + i);
            select.add("e" + i);
        }
        for (int i = 0; i < spec.values().size(); i++) {
            inner.add(spec.values().get(i) + " AS v" + i);
        }
        for (int i = 0; i < SUMS; i++) {
            columns.add("s" + i);
            select.add(i < spec.aggregates().size() ? spec.aggregates().get(i) : "0");
        }
        List<Object> args = new ArrayList<>(List.of(organisationId, spec.name(), Date.valueOf(month.atDay(1)), computedAt));
        args.addAll(spec.valueArgs());
        args.addAll(spec.whereArgs());
        args.add(SourceSql.startOf(month.atDay(1)));
        args.add(SourceSql.startOf(month.plusMonths(1).atDay(1)));
        String sql = "INSERT INTO measure_source_month (organisation_id, source, month_start, computed_at, " + String.join(", ", columns)
                + ") SELECT ?, ?, ?, ?, " + String.join(", ", select) + " FROM (SELECT " + String.join(", ", inner)
                + " FROM " + spec.from() + " WHERE " + spec.where() + " AND " + spec.time() + " >= ? AND " + spec.time() + " < ?) x"
                + " GROUP BY " + String.join(", ", group);
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps.executeUpdate();
        });
    }
}

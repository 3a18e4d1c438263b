package uk.supervision.measure;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import uk.supervision.api.model.MeasureScopeKind;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one query shape of the measures counted straight from their own tables (case discussions, decisions, audits):
 * the rows of the period, placed by service, team and person, summed for the scope, per unit one level down, per
 * month, or per unit and month. Months are calendar months in Europe/London: a row's month is found by comparing its
 * time with each month's first instant, so the same SQL runs on MySQL, MariaDB and H2 and summer time is right.
 */
final class SourceSql {
    static final ZoneId LONDON = ZoneId.of("Europe/London");

    enum By { ALL, UNIT, MONTH, UNIT_MONTH }

    /** Where a row belongs: its service, team and person columns (SQL expressions over the FROM clause). */
    record Cols(String service, String team, String person) {
    }

    /**
     * One counting query.
     *
     * @param name      the stable name its month facts are kept under (measure_source_month.source, decision 0037);
     *                  null for a query always read from its own rows
     * @param from      the FROM clause (tables and joins)
     * @param where     the conditions besides the scope and the period (the organisation first), with its arguments
     * @param time      the column the period is read from (a timestamp)
     * @param extras    row-level expressions grouped by besides unit and month (e.g. a grade)
     * @param values    row-level expressions aggregated (aliases v0, v1, ...), with the arguments they use, in order
     * @param aggregates aggregates over v0, v1, ... (e.g. "SUM(v0)")
     */
    record Spec(String name, String from, String where, List<Object> whereArgs, String time, Cols cols, List<String> extras,
                List<String> values, List<Object> valueArgs, List<String> aggregates) {
    }

    /** A result row: unit id (null unless by unit), month index in the period (-1 unless by month), extras, aggregates. */
    record Row(String unit, int month, List<String> extras, long[] sums) {
    }

    private SourceSql() {
    }

    static Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(LONDON).toInstant());
    }

    static Timestamp periodStart(MeasurePeriod period) {
        return startOf(period.firstDay());
    }

    /** The instant after the period's last day (the current month ends today). */
    static Timestamp periodEnd(MeasurePeriod period) {
        return startOf(period.lastDay().plusDays(1));
    }

    /** The unit column one level below the scope: services of the directorate, teams of a service; null below that. */
    static String unitColumn(MeasureTarget parent, Cols cols) {
        return switch (parent.kind()) {
            case DIRECTORATE -> cols.service();
            case SERVICE -> cols.team();
            default -> null;
        };
    }

    /** The condition putting a row in the scope (the organisation is in every spec's own where). */
    static String scopeCondition(MeasureTarget scope, Cols cols, List<Object> args) {
        String column = switch (scope.kind()) {
            case DIRECTORATE -> null;
            case SERVICE -> cols.service();
            case TEAM -> cols.team();
            case PERSON -> cols.person();
        };
        if (column == null) {
            return "";
        }
        args.add(scope.id());
        return " AND " + column + " = ?";
    }

    /** The month index of a timestamp column within the period, as a CASE over the months' first instants. */
    static String monthIndex(String column, MeasurePeriod period, List<Object> args) {
        List<YearMonth> months = period.months();
        if (months.size() == 1) {
            return "0";
        }
        StringBuilder sb = new StringBuilder("CASE");
        for (int i = 0; i < months.size() - 1; i++) {
            sb.append(" WHEN ").append(column).append(" < ? THEN ").append(i);
            args.add(startOf(months.get(i + 1).atDay(1)));
        }
        return sb.append(" ELSE ").append(months.size() - 1).append(" END").toString();
    }

    static boolean byUnit(By by) {
        return by == By.UNIT || by == By.UNIT_MONTH;
    }

    static boolean byMonth(By by) {
        return by == By.MONTH || by == By.UNIT_MONTH;
    }

    /**
     * Runs a spec for a scope and period, grouped as asked; one statement. By unit needs a DIRECTORATE or SERVICE
     * scope. A named spec is summed from its month facts above a person (a person's own rows are few and indexed).
     */
    static List<Row> query(JdbcOperations jdbc, Spec spec, MeasureTarget scope, MeasurePeriod period, By by) {
        if (spec.name() != null && scope.kind() != MeasureScopeKind.PERSON) {
            return SourceFacts.query(jdbc, spec, scope, period, by);
        }
        return raw(jdbc, spec, scope, period, by);
    }

    /** The spec counted from its own rows. */
    static List<Row> raw(JdbcOperations jdbc, Spec spec, MeasureTarget scope, MeasurePeriod period, By by) {
        List<Object> args = new ArrayList<>();
        List<String> inner = new ArrayList<>();
        List<String> group = new ArrayList<>();
        if (byUnit(by)) {
            String unit = unitColumn(scope, spec.cols());
            if (unit == null) {
                return List.of();
            }
            inner.add(unit + " AS u");
            group.add("u");
        }
        if (byMonth(by)) {
            inner.add(monthIndex(spec.time(), period, args) + " AS m");
            group.add("m");
        }
        for (int i = 0; i < spec.extras().size(); i++) {
            inner.add(spec.extras().get(i) + " AS e" + i);
            group.add("e" + i);
        }
        for (int i = 0; i < spec.values().size(); i++) {
            inner.add(spec.values().get(i) + " AS v" + i);
        }
        args.addAll(spec.valueArgs());
        args.addAll(spec.whereArgs());
        args.add(periodStart(period));
        args.add(periodEnd(period));
        String scopeSql = scopeCondition(scope, spec.cols(), args);
        String unitNotNull = byUnit(by) ? " AND " + unitColumn(scope, spec.cols()) + " IS NOT NULL" : "";
        String sql = "SELECT " + String.join(", ", group.isEmpty() ? List.of("0 AS g") : group)
                + (spec.aggregates().isEmpty() ? "" : ", " + String.join(", ", spec.aggregates()))
                + " FROM (SELECT " + String.join(", ", inner) + " FROM " + spec.from() + " WHERE " + spec.where()
                + " AND " + spec.time() + " >= ? AND " + spec.time() + " < ?" + scopeSql + unitNotNull + ") x"
                + (group.isEmpty() ? "" : " GROUP BY " + String.join(", ", group));
        int extras = spec.extras().size();
        int aggs = spec.aggregates().size();
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int c = 1;
                    String unit = byUnit(by) ? rs.getString(c++) : null;
                    int month = byMonth(by) ? rs.getInt(c++) : -1;
                    if (group.isEmpty()) {
                        c++;
                    }
                    List<String> ex = new ArrayList<>();
                    for (int i = 0; i < extras; i++) {
                        ex.add(rs.getString(c++));
                    }
                    long[] sums = new long[aggs];
                    for (int i = 0; i < aggs; i++) {
                        sums[i] = rs.getLong(c++);
                    }
                    out.add(new Row(unit, month, ex, sums));
                }
            }
            return out;
        });
    }

    static boolean below(MeasureTarget t) {
        return t.kind() == MeasureScopeKind.DIRECTORATE || t.kind() == MeasureScopeKind.SERVICE;
    }

    /**
     * The wording of questions rated on an earlier version of a form that the current one no longer has: the newest
     * wording among the organisation's profile's templates of that kind; one query, and none when there are none.
     */
    static Map<String, String> formerLabels(JdbcOperations jdbc, String organisationId, String kind, Collection<String> keys) {
        Map<String, String> out = new HashMap<>();
        if (keys.isEmpty()) {
            return out;
        }
        List<String> list = new ArrayList<>(keys);
        jdbc.prepareStatement("SELECT ti.item_key, ti.label FROM template_item ti JOIN policy_template pt ON pt.id = ti.template_id"
                + " JOIN organisation_policy p ON p.profile_id = pt.profile_id WHERE p.organisation_id = ? AND pt.kind = ?"
                + " AND ti.item_key IN (" + uk.supervision.support.Sql.placeholders(list.size()) + ") ORDER BY pt.version", ps -> {
            ps.setString(1, organisationId);
            ps.setString(2, kind);
            for (int i = 0; i < list.size(); i++) {
                ps.setString(i + 3, list.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
            return null;
        });
        return out;
    }
}

package uk.supervision.measure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The summed columns of measure_team_month and how each is made from measure_person_month rows. One definition
 * serves the team rebuild (INSERT ... SELECT) and the person-level reads (a person, the drill-down), so a team's
 * figure is always the sum of its people's. Only counted rows (excluded_because NULL) add to the figures.
 */
enum FactColumns {
    COUNTED_STAFF("counted_staff", "CASE WHEN " + Sql.COUNTED + " THEN 1 ELSE 0 END"),
    LEAVERS("leavers", "CASE WHEN excluded_because = 'LEAVER' THEN 1 ELSE 0 END"),
    FIRST_WEEK("first_week", "CASE WHEN excluded_because = 'FIRST_WEEK' THEN 1 ELSE 0 END"),
    AGENCY_UNDER_10_HOURS("agency_under_10_hours", "CASE WHEN excluded_because = 'AGENCY_UNDER_10_HOURS' THEN 1 ELSE 0 END"),
    AGREEMENT_SIGNED("agreement_signed", Sql.flag("agreement_signed")),
    AGREEMENT_REVIEW_OVERDUE("agreement_review_overdue", Sql.flag("agreement_review_overdue")),
    WITHIN_INTERVAL("within_interval", Sql.flag("within_interval")),
    PAST_LONGEST_GAP("past_longest_gap", Sql.flag("past_longest_gap")),
    IN_BREACH("in_breach", Sql.flag("in_breach")),
    LONGEST_GAP_DAYS("longest_gap_days", "CASE WHEN " + Sql.COUNTED + " THEN longest_gap_days END"),
    ONE_TO_ONE_HELD("one_to_one_held", Sql.number("one_to_one_held")),
    GROUP_HELD("group_held", Sql.number("group_held")),
    HELD_LAST_12_MONTHS("held_last_12_months", Sql.number("held_last_12_months")),
    ANNUAL_MINIMUM_APPLIES("annual_minimum_applies", "CASE WHEN " + Sql.COUNTED + " AND meets_annual_minimum IS NOT NULL THEN 1 ELSE 0 END"),
    MEETS_ANNUAL_MINIMUM("meets_annual_minimum", Sql.flag("meets_annual_minimum")),
    CANCELLED("cancelled", Sql.number("cancelled")),
    CANCELLED_REBOOKED("cancelled_rebooked", Sql.number("cancelled_rebooked")),
    MINUTES_HELD("minutes_held", Sql.number("minutes_held")),
    MINUTES_COUNTED_SESSIONS("minutes_counted_sessions", Sql.number("minutes_counted_sessions")),
    HELD_BELOW_MINIMUM("held_below_minimum", Sql.number("held_below_minimum")),
    RECORDS_DUE("records_due", Sql.number("records_due")),
    RECORDS_SIGNED_BOTH("records_signed_both", Sql.number("records_signed_both")),
    SIGNATURE_DAYS_TOTAL("signature_days_total", Sql.number("signature_days_total")),
    SIGNATURE_DAYS_COUNT("signature_days_count", Sql.number("signature_days_count")),
    ACTIONS_OVERDUE("actions_overdue", Sql.number("actions_overdue")),
    MANAGERS("managers", Sql.flag("is_manager")),
    TRAINING_DUE("training_due", Sql.flag("training_due")),
    TRAINED_IN_TIME("trained_in_time", Sql.flag("trained_in_time")),
    WITH_CASELOAD("with_caseload", Sql.flag("carries_caseload")),
    CASELOAD_TOTAL("caseload_total", "CASE WHEN " + Sql.COUNTED + " AND carries_caseload THEN COALESCE(caseload, 0) ELSE 0 END"),
    CASELOAD_ABOVE_LEVEL("caseload_above_level", Sql.flag("caseload_above_level"));

    final String column;
    /** The value of one measure_person_month row. */
    final String perPerson;

    FactColumns(String column, String perPerson) {
        this.column = column;
        this.perPerson = perPerson;
    }

    boolean isMaximum() {
        return this == LONGEST_GAP_DAYS;
    }

    /** The aggregate over measure_person_month rows, named as the team column. */
    String fromPeople() {
        return (isMaximum() ? "MAX(" : "SUM(") + perPerson + ") AS " + column;
    }

    /** The aggregate over measure_team_month rows. */
    String fromTeams() {
        return (isMaximum() ? "MAX(" : "SUM(") + column + ") AS " + column;
    }

    static String columnList() {
        return Arrays.stream(values()).map(c -> c.column).collect(Collectors.joining(", "));
    }

    static String fromPeopleList() {
        return Arrays.stream(values()).map(FactColumns::fromPeople).collect(Collectors.joining(", "));
    }

    static String fromTeamsList() {
        return Arrays.stream(values()).map(FactColumns::fromTeams).collect(Collectors.joining(", "));
    }

    /** The columns of a result row, read from position {@code first} on in this enum's order. */
    static Sums read(ResultSet rs, int first) throws SQLException {
        long[] v = new long[values().length];
        long gap = -1;
        for (FactColumns c : values()) {
            Object o = rs.getObject(first + c.ordinal());
            if (c.isMaximum()) {
                gap = o == null ? -1 : ((Number) o).longValue();
            } else {
                v[c.ordinal()] = o == null ? 0 : ((Number) o).longValue();
            }
        }
        return new Sums(v, gap);
    }

    private static final class Sql {
        static final String COUNTED = "excluded_because IS NULL";

        static String flag(String column) {
            return "CASE WHEN " + COUNTED + " AND " + column + " THEN 1 ELSE 0 END";
        }

        static String number(String column) {
            return "CASE WHEN " + COUNTED + " THEN " + column + " ELSE 0 END";
        }
    }

    /** The summed columns of some rows; the longest gap is the largest (-1: none). */
    record Sums(long[] values, long longestGap) {
        static final Sums NONE = new Sums(new long[FactColumns.values().length], -1);

        long get(FactColumns c) {
            return values[c.ordinal()];
        }

        Long gap() {
            return longestGap < 0 ? null : longestGap;
        }

        Sums plus(Sums o) {
            long[] v = new long[values.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = values[i] + o.values[i];
            }
            return new Sums(v, Math.max(longestGap, o.longestGap));
        }
    }
}

package uk.supervision.measure;

import uk.supervision.problem.Problems;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The months a set of measures covers, both inclusive, and the day they are computed on. The current month is
 * counted up to today; a month after the current one is refused.
 */
public record MeasurePeriod(YearMonth from, YearMonth to, LocalDate today) {

    /** The longest period asked for at once: ten years of months. */
    public static final int MAX_MONTHS = 120;

    public MeasurePeriod {
        if (from.isAfter(to)) {
            throw Problems.badParameter("from", "The first month (" + from + ") is after the last (" + to + ").");
        }
        if (to.isAfter(YearMonth.from(today))) {
            throw Problems.badParameter("to", "The last month (" + to + ") has not begun yet.");
        }
        if (months(from, to) > MAX_MONTHS) {
            throw Problems.badParameter("from", "A period is at most " + MAX_MONTHS + " months.");
        }
    }

    /** From the query's `from` and `to` (YYYY-MM, both optional): by default the 12 months ending this month. */
    public static MeasurePeriod of(String from, String to, LocalDate today) {
        YearMonth last = to == null ? YearMonth.from(today) : YearMonth.parse(to);
        YearMonth first = from == null ? last.minusMonths(11) : YearMonth.parse(from);
        return new MeasurePeriod(first, last, today);
    }

    /** One month alone (a point of a series). */
    public MeasurePeriod month(YearMonth month) {
        return new MeasurePeriod(month, month, today);
    }

    public LocalDate firstDay() {
        return from.atDay(1);
    }

    /** The period's last day: the last month's end, or today in the current month. */
    public LocalDate lastDay() {
        LocalDate end = to.atEndOfMonth();
        return end.isAfter(today) ? today : end;
    }

    public List<YearMonth> months() {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            out.add(m);
        }
        return out;
    }

    private static long months(YearMonth from, YearMonth to) {
        return (to.getYear() - from.getYear()) * 12L + to.getMonthValue() - from.getMonthValue() + 1;
    }
}

package uk.supervision.audit;

import uk.supervision.problem.Problems;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar quarter, written "2026-Q4" (October to December 2026): the period audits are sampled, reported and
 * Part 2 answers aggregated for. Whole quarters only, so aggregates cannot be differenced by shifting a date range.
 */
public record Quarter(int year, int number) implements Comparable<Quarter> {
    private static final Pattern FORM = Pattern.compile("^([0-9]{4})-Q([1-4])$");

    public Quarter {
        if (number < 1 || number > 4) {
            throw new IllegalArgumentException("A quarter is 1 to 4: " + number);
        }
    }

    public static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() - 1) / 3 + 1);
    }

    /** Parses "2026-Q4"; a malformed value is a 400 at the pointer given ("#quarter" for a parameter). */
    public static Quarter parse(String text, String pointer) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches()) {
            throw Problems.invalid(pointer, "Enter a quarter as a year and quarter number, for example 2026-Q4.");
        }
        return new Quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    public LocalDate firstDay() {
        return LocalDate.of(year, (number - 1) * 3 + 1, 1);
    }

    public LocalDate lastDay() {
        return firstDay().plusMonths(3).minusDays(1);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }

    public Quarter previous() {
        return number == 1 ? new Quarter(year - 1, 4) : new Quarter(year, number - 1);
    }

    public Quarter next() {
        return number == 4 ? new Quarter(year + 1, 1) : new Quarter(year, number + 1);
    }

    /** "October to December 2026". */
    public String label() {
        return firstDay().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " to "
                + lastDay().getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + year;
    }

    @Override
    public String toString() {
        return year + "-Q" + number;
    }

    @Override
    public int compareTo(Quarter o) {
        return year != o.year ? Integer.compare(year, o.year) : Integer.compare(number, o.number);
    }
}

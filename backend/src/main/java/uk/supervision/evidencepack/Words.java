package uk.supervision.evidencepack;

import uk.supervision.api.model.Measure;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureUnit;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How a pack puts figures, months and headings into words: labels users read, never keys or enum values. */
final class Words {
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_MONTH = DateTimeFormatter.ofPattern("MMM yy", Locale.UK);

    private Words() {
    }

    static String month(YearMonth m) {
        return m.format(MONTH);
    }

    static String shortMonth(YearMonth m) {
        return m.format(SHORT_MONTH);
    }

    static String period(YearMonth from, YearMonth to) {
        return from.equals(to) ? month(from) : month(from) + " to " + month(to);
    }

    static String suppressed(int minimum) {
        return "suppressed (fewer than " + minimum + ")";
    }

    static String heading(MeasureGroup group) {
        return switch (group) {
            case AGREEMENTS -> "Supervision agreements";
            case SESSIONS -> "Supervision sessions";
            case RECORDS -> "Session records and actions";
            case CASE_DISCUSSIONS -> "Case discussions";
            case AUDITS -> "Supervision file audits";
            case QUESTIONNAIRE -> "What supervisees say (Part 2 questionnaire)";
            case WORKFORCE -> "Managers' training and caseloads";
        };
    }

    static String scopeKind(MeasureScopeKind kind) {
        return switch (kind) {
            case DIRECTORATE -> "Directorate";
            case SERVICE -> "Service";
            case TEAM -> "Team";
            case PERSON -> "Person";
        };
    }

    /** A figure's value in words ("75%", "12", "3.4 days"); "none to count" when there is nothing to divide by. */
    static String value(MeasureKind kind, MeasureUnit unit, Double value) {
        if (value == null) {
            return "none to count";
        }
        return switch (kind) {
            case SHARE -> Math.round(value * 100) + "%";
            case COUNT, DISTRIBUTION -> String.valueOf(Math.round(value));
            case AVERAGE -> String.format(Locale.UK, "%.1f", value) + unitWord(unit);
            case MAXIMUM -> Math.round(value) + unitWord(unit);
        };
    }

    /** The figure of a measure as a reader sees it, with its counts for a share ("75% (9 of 12)"). */
    static String figure(Measure m, int minimum) {
        if (Boolean.TRUE.equals(m.getSuppressed())) {
            return suppressed(minimum);
        }
        if (m.getKind() == MeasureKind.DISTRIBUTION) {
            return m.getNumerator() == null ? "none to count" : m.getNumerator() + " in all";
        }
        String v = value(m.getKind(), m.getUnit(), m.getValue());
        if (m.getKind() == MeasureKind.SHARE && m.getDenominator() != null && m.getDenominator() > 0) {
            return v + " (" + m.getNumerator() + " of " + m.getDenominator() + ")";
        }
        return v;
    }

    private static String unitWord(MeasureUnit unit) {
        return switch (unit) {
            case DAYS -> " days";
            case MINUTES -> " minutes";
            case CASES -> " cases";
            case RATING -> " (1 = Excellent)";
            default -> "";
        };
    }
}

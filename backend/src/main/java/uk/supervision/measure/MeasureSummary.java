package uk.supervision.measure;

import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasureUnit;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * A series in one sentence, in words a reader of a home page or an evidence pack understands without the chart:
 * "Staff supervised within the required interval rose from 61% to 78% since June 2026." Suppressed months and
 * months with nothing to count are said plainly, never left out silently.
 */
public final class MeasureSummary {

    private MeasureSummary() {
    }

    public static String of(MeasureDef def, List<MeasurePoint> points, int minimum) {
        List<MeasurePoint> withValue = points.stream().filter(p -> !p.getSuppressed() && p.getValue() != null).toList();
        long suppressed = points.stream().filter(MeasurePoint::getSuppressed).count();
        long empty = points.size() - suppressed - withValue.size();
        String label = def.label();
        if (points.isEmpty()) {
            return label + ": there are no months in the period.";
        }
        String span = month(points.get(0).getMonth()) + " to " + month(points.get(points.size() - 1).getMonth());
        if (withValue.isEmpty()) {
            if (suppressed == points.size()) {
                return label + ": every month from " + span + " is suppressed to protect groups of fewer than " + minimum + ".";
            }
            if (suppressed == 0) {
                return label + ": there was nothing to count in any month from " + span + ".";
            }
            return label + ": no month from " + span + " has a figure (" + months(suppressed) + " suppressed to protect groups of fewer than "
                    + minimum + "; " + months(empty) + " with nothing to count).";
        }
        StringBuilder s = new StringBuilder(label);
        MeasurePoint first = withValue.get(0);
        MeasurePoint last = withValue.get(withValue.size() - 1);
        if (withValue.size() == 1) {
            s.append(" was ").append(value(def, last.getValue())).append(" in ").append(month(last.getMonth()))
                    .append(", the only month with a figure");
        } else {
            String a = number(def, first.getValue());
            String b = number(def, last.getValue());
            if (a.equals(b)) {
                s.append(" stayed at ").append(value(def, last.getValue()));
            } else {
                s.append(last.getValue() > first.getValue() ? " rose from " : " fell from ")
                        .append(def.kind() == MeasureKind.SHARE ? a + "%" : a).append(" to ").append(value(def, last.getValue()));
            }
            s.append(" since ").append(month(first.getMonth()));
        }
        if (suppressed > 0 || empty > 0) {
            s.append(" (");
            if (suppressed > 0) {
                s.append(months(suppressed)).append(" suppressed to protect groups of fewer than ").append(minimum);
            }
            if (suppressed > 0 && empty > 0) {
                s.append("; ");
            }
            if (empty > 0) {
                s.append(months(empty)).append(" with nothing to count");
            }
            s.append(")");
        }
        return s.append(".").toString();
    }

    /** The value with its unit in words: "78%", "5 people", "12.5 days", a rating "2.1". */
    static String value(MeasureDef def, double v) {
        String n = number(def, v);
        if (def.kind() == MeasureKind.SHARE) {
            return n + "%";
        }
        return n + unitWords(def.unit(), "1".equals(n));
    }

    private static String number(MeasureDef def, double v) {
        if (def.kind() == MeasureKind.SHARE) {
            return Long.toString(Math.round(v * 100));
        }
        double rounded = Math.round(v * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static String unitWords(MeasureUnit unit, boolean one) {
        return switch (unit) {
            case PEOPLE -> one ? " person" : " people";
            case SESSIONS -> one ? " session" : " sessions";
            case RECORDS -> one ? " record" : " records";
            case ACTIONS -> one ? " action" : " actions";
            case DISCUSSIONS -> one ? " case discussion" : " case discussions";
            case DECISIONS -> one ? " decision" : " decisions";
            case AUDITS -> one ? " audit" : " audits";
            case ANSWERS -> one ? " answer" : " answers";
            case CASES -> one ? " case" : " cases";
            case DAYS -> one ? " day" : " days";
            case MINUTES -> one ? " minute" : " minutes";
            case RATING -> "";
        };
    }

    private static String months(long n) {
        return n == 1 ? "1 month" : n + " months";
    }

    static String month(String yyyyMm) {
        YearMonth m = YearMonth.parse(yyyyMm);
        return m.getMonth().getDisplayName(TextStyle.FULL, Locale.UK) + " " + m.getYear();
    }
}

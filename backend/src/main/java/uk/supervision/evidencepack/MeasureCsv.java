package uk.supervision.evidencepack;

import uk.supervision.api.model.Measure;
import uk.supervision.api.model.MeasureBreakdownRow;
import uk.supervision.api.model.MeasurePart;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasureSeries;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One measure as CSV (RFC 4180: CRLF lines, a field quoted when it holds a comma, quote or line break): the scope's
 * figure for the whole period, each unit one level down (for the measures the breakdown carries), then each month.
 * A distribution adds a row per part, named in the last column. A cell that starts with = + - @ (or a tab or carriage
 * return) gets a leading single quote, so a spreadsheet shows it as text instead of running it as a formula.
 */
final class MeasureCsv {
    static final List<String> COLUMNS = List.of("scope", "unit", "month or period", "numerator", "denominator", "value", "suppressed",
            "part");

    private MeasureCsv() {
    }

    /** The file's name in the download path: the key in lower case words ("sessions.within-interval.csv"). */
    static String fileName(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT) + ".csv";
    }

    static byte[] render(PackContent pack, Measure measure) {
        StringBuilder out = new StringBuilder(line(COLUMNS));
        String scope = pack.scope().getName();
        String period = pack.from() + " to " + pack.to();
        rows(out, scope, scope, period, measure);
        if (pack.breakdown() != null) {
            for (MeasureBreakdownRow row : pack.breakdown().getRows()) {
                row.getMeasures().stream().filter(m -> m.getKey().equals(measure.getKey())).findFirst()
                        .ifPresent(m -> rows(out, scope, row.getScope().getName(), period, m));
            }
        }
        MeasureSeries series = pack.series().get(measure.getKey());
        if (series != null) {
            for (MeasurePoint p : series.getPoints()) {
                boolean suppressed = Boolean.TRUE.equals(p.getSuppressed());
                out.append(line(List.of(scope, scope, YearMonth.parse(p.getMonth()).toString(),
                        suppressed ? "" : n(p.getNumerator()), suppressed ? "" : n(p.getDenominator()), suppressed ? "" : n(p.getValue()),
                        suppressed ? "yes" : "no", "")));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void rows(StringBuilder out, String scope, String unit, String period, Measure m) {
        boolean suppressed = Boolean.TRUE.equals(m.getSuppressed());
        if (suppressed) {
            out.append(line(List.of(scope, unit, period, "", "", "", "yes", "")));
            return;
        }
        out.append(line(List.of(scope, unit, period, n(m.getNumerator()), n(m.getDenominator()), n(m.getValue()), "no", "")));
        List<MeasurePart> parts = m.getParts() == null ? List.of() : m.getParts();
        for (MeasurePart part : parts) {
            out.append(line(List.of(scope, unit, period, n(part.getCount()), n(m.getNumerator()), n(part.getValue()), "no", part.getLabel())));
        }
    }

    static String line(List<String> cells) {
        List<String> out = new ArrayList<>(cells.size());
        cells.forEach(c -> out.add(cell(c)));
        return out.stream().collect(Collectors.joining(",")) + "\r\n";
    }

    /** One field: defused against formulas, then quoted if it needs to be. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String n(Number x) {
        if (x == null) {
            return "";
        }
        if (x instanceof Double d) {
            // Plain decimal, never 1.0E-4: spreadsheets and scripts read it as it is.
            return java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return x.toString();
    }
}

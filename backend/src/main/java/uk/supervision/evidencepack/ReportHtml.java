package uk.supervision.evidencepack;

import uk.supervision.api.model.Measure;
import uk.supervision.api.model.MeasureBreakdownRow;
import uk.supervision.api.model.MeasureDefinition;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasurePart;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasurePopulation;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pack's printable report: one standalone HTML document (no script, no outside file), written as well-formed
 * XHTML so the PDF renderer reads the very same text. Print styles with @page, Arial and GOV.UK-like type; a table
 * per measure group; the breakdown side by side; a 12-month trend per headline measure as an inline SVG line chart
 * with its data table and one-sentence summary (the chart is never the only way to read the figures).
 */
final class ReportHtml {
    private static final DateTimeFormatter MADE = DateTimeFormatter.ofPattern("d MMMM yyyy 'at' HH:mm", Locale.UK)
            .withZone(ZoneId.of("Europe/London"));
    static final String STYLE = """
            @page { size: A4; margin: 20mm 15mm; }
            body { font-family: Arial, Helvetica, sans-serif; font-size: 12pt; line-height: 1.3; color: #0b0c0c; margin: 0; }
            h1 { font-size: 24pt; margin: 0 0 8pt; }
            h2 { font-size: 18pt; margin: 20pt 0 8pt; page-break-after: avoid; }
            h3 { font-size: 14pt; margin: 14pt 0 6pt; page-break-after: avoid; }
            p { margin: 0 0 8pt; }
            .lead { font-size: 16pt; }
            .hint { color: #505a5f; }
            .suppressed { font-style: italic; color: #505a5f; }
            table { border-collapse: collapse; width: 100%; margin: 0 0 12pt; }
            caption { text-align: left; font-weight: bold; padding-bottom: 4pt; }
            th, td { text-align: left; vertical-align: top; border-bottom: 1px solid #b1b4b6; padding: 4pt 8pt 4pt 0; }
            th { font-weight: bold; }
            td.number, th.number { text-align: right; }
            tr { page-break-inside: avoid; }
            ul { margin: 0; padding-left: 14pt; }
            .trend { page-break-inside: avoid; }
            svg { display: block; margin: 0 0 8pt; }
            @media screen { body { max-width: 960px; margin: 24px auto; padding: 0 16px; } }
            """;

    private ReportHtml() {
    }

    static String title(PackContent pack) {
        return "Supervision evidence pack: " + pack.scope().getName() + ", " + Words.period(pack.from(), pack.to());
    }

    static byte[] render(PackContent pack) {
        return text(pack).getBytes(StandardCharsets.UTF_8);
    }

    static String text(PackContent pack) {
        MeasureSet set = pack.set();
        int minimum = set.getMinimumGroupSize();
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\" xml:lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\" />\n<title>").append(e(title(pack))).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        h.append("<h1>Supervision evidence pack</h1>\n");
        h.append("<p class=\"lead\">").append(e(Words.scopeKind(pack.scope().getKind()))).append(": ").append(e(pack.scope().getName()))
                .append(", ").append(e(Words.period(pack.from(), pack.to()))).append("</p>\n");
        h.append("<p class=\"hint\">Made on ").append(e(MADE.format(pack.madeAt()))).append(". Figures only: no names. Any group of fewer than ")
                .append(minimum).append(" people, and any figure that could be worked out from the others, is shown as &#8220;")
                .append(e(Words.suppressed(minimum))).append("&#8221;.</p>\n");
        if (Boolean.TRUE.equals(set.getSuppressed())) {
            h.append("<p><strong>Fewer than ").append(minimum).append(" members of staff are counted in this scope, so all its figures are ")
                    .append("suppressed.</strong></p>\n");
        }
        population(h, set.getPopulation());
        for (MeasureGroup group : MeasureGroup.values()) {
            List<Measure> inGroup = set.getMeasures().stream().filter(m -> m.getGroup() == group).toList();
            if (!inGroup.isEmpty()) {
                group(h, group, inGroup, minimum);
            }
        }
        breakdown(h, pack, minimum);
        if (!pack.trends().isEmpty()) {
            h.append("<h2>Trends over 12 months</h2>\n");
            for (MeasureSeries s : pack.trends()) {
                trend(h, s, minimum);
            }
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void population(StringBuilder h, MeasurePopulation p) {
        if (p == null) {
            return;
        }
        h.append("<h2>Who is counted</h2>\n<p>").append(p.getCounted()).append(" members of staff are counted at the end of the period. ")
                .append("Not counted: ").append(p.getLeavers()).append(" who had left, ").append(p.getFirstWeek())
                .append(" in their first week, and ").append(p.getAgencyUnder10Hours()).append(" agency staff working under 10 hours a week.</p>\n");
    }

    private static void group(StringBuilder h, MeasureGroup group, List<Measure> measures, int minimum) {
        h.append("<h2>").append(e(Words.heading(group))).append("</h2>\n<table>\n<thead><tr><th scope=\"col\">Measure</th>")
                .append("<th scope=\"col\">Figure</th><th scope=\"col\">Target</th></tr></thead>\n<tbody>\n");
        for (Measure m : measures) {
            boolean suppressed = Boolean.TRUE.equals(m.getSuppressed());
            h.append("<tr><th scope=\"row\">").append(e(m.getLabel())).append("</th><td")
                    .append(suppressed ? " class=\"suppressed\"" : "").append(">").append(e(Words.figure(m, minimum)));
            List<MeasurePart> parts = m.getParts() == null ? List.of() : m.getParts();
            if (!suppressed && !parts.isEmpty()) {
                h.append("<ul>");
                for (MeasurePart part : parts) {
                    h.append("<li>").append(e(part.getLabel())).append(": ").append(e(part(m, part))).append("</li>");
                }
                h.append("</ul>");
            }
            h.append("</td><td>").append(m.getTarget() == null ? "" : e(Words.value(m.getKind(), m.getUnit(), m.getTarget())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    /** A part in words: a count, a mean, or (Part 2 statements) the share answering Good or Very good of its respondents. */
    private static String part(Measure m, MeasurePart part) {
        List<String> bits = new ArrayList<>();
        if (part.getValue() != null) {
            // A distribution's part value is a share (Part 2: answering Good or Very good); otherwise a mean.
            bits.add(m.getKind() == MeasureKind.DISTRIBUTION ? Math.round(part.getValue() * 100) + "% Good or Very good"
                    : Words.value(MeasureKind.AVERAGE, m.getUnit(), part.getValue()));
        }
        if (part.getCount() != null) {
            bits.add(part.getValue() == null ? String.valueOf(part.getCount()) : part.getCount() + " answered");
        }
        return String.join(", ", bits);
    }

    private static void breakdown(StringBuilder h, PackContent pack, int minimum) {
        if (pack.breakdown() == null || pack.breakdown().getRows().isEmpty()) {
            return;
        }
        List<MeasureDefinition> headline = pack.breakdown().getHeadline();
        h.append("<h2>Side by side</h2>\n<table>\n<caption>").append(e(pack.breakdown().getRows().get(0).getScope().getKind()
                == uk.supervision.api.model.MeasureScopeKind.SERVICE ? "Services" : "Teams")).append(" of ")
                .append(e(pack.scope().getName())).append("</caption>\n<thead><tr><th scope=\"col\">Name</th>");
        for (MeasureDefinition d : headline) {
            h.append("<th scope=\"col\">").append(e(d.getLabel())).append("</th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (MeasureBreakdownRow row : pack.breakdown().getRows()) {
            breakdownRow(h, row, headline, minimum, false);
        }
        if (pack.breakdown().getTotal() != null) {
            breakdownRow(h, pack.breakdown().getTotal(), headline, minimum, true);
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void breakdownRow(StringBuilder h, MeasureBreakdownRow row, List<MeasureDefinition> headline, int minimum, boolean total) {
        h.append("<tr><th scope=\"row\">").append(total ? "All: " : "").append(e(row.getScope().getName())).append("</th>");
        for (MeasureDefinition d : headline) {
            Measure m = row.getMeasures().stream().filter(x -> x.getKey().equals(d.getKey())).findFirst().orElse(null);
            boolean suppressed = Boolean.TRUE.equals(row.getSuppressed()) || m == null || Boolean.TRUE.equals(m.getSuppressed());
            h.append("<td").append(suppressed ? " class=\"suppressed\"" : "").append(">")
                    .append(e(suppressed ? Words.suppressed(minimum) : Words.figure(m, minimum))).append("</td>");
        }
        h.append("</tr>\n");
    }

    private static void trend(StringBuilder h, MeasureSeries s, int minimum) {
        MeasureDefinition d = s.getMeasure();
        h.append("<div class=\"trend\">\n<h3>").append(e(d.getLabel())).append("</h3>\n<p>").append(e(s.getSummary())).append("</p>\n");
        h.append(Chart.svg(s));
        h.append("<table>\n<caption>").append(e(d.getLabel())).append(", month by month</caption>\n")
                .append("<thead><tr><th scope=\"col\">Month</th><th scope=\"col\" class=\"number\">Figure</th></tr></thead>\n<tbody>\n");
        for (MeasurePoint p : s.getPoints()) {
            boolean suppressed = Boolean.TRUE.equals(p.getSuppressed());
            h.append("<tr><th scope=\"row\">").append(e(Words.month(YearMonth.parse(p.getMonth())))).append("</th><td class=\"number")
                    .append(suppressed ? " suppressed" : "").append("\">")
                    .append(e(suppressed ? Words.suppressed(minimum) : Words.value(d.getKind(), d.getUnit(), p.getValue())))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</div>\n");
    }

    /** Text for HTML and XML: the five characters that matter escaped. */
    static String e(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

package uk.supervision.evidencepack;

import uk.supervision.api.model.MeasureDefinition;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasureSeries;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A monthly series as an inline SVG line chart: months along, values up (a share from 0% to 100%, anything else from
 * 0 to its largest value). A suppressed month breaks the line, and every point is a marked dot, so neither colour nor
 * the line alone carries the figures; the data table beside it does in full.
 */
final class Chart {
    static final int WIDTH = 640;
    static final int HEIGHT = 220;
    private static final int LEFT = 48;
    private static final int RIGHT = 32;
    private static final int TOP = 12;
    private static final int BOTTOM = 36;

    private Chart() {
    }

    static String svg(MeasureSeries s) {
        MeasureDefinition d = s.getMeasure();
        List<MeasurePoint> points = s.getPoints();
        boolean share = d.getKind() == MeasureKind.SHARE;
        double max = share ? 1 : 0;
        for (MeasurePoint p : points) {
            if (shown(p)) {
                max = Math.max(max, p.getValue());
            }
        }
        if (max == 0) {
            max = 1;
        }
        int n = Math.max(points.size(), 1);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder out = new StringBuilder();
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT).append("\" role=\"img\" aria-label=\"")
                .append(ReportHtml.e("Line chart: " + d.getLabel() + ". " + s.getSummary())).append("\">\n");
        // axes and the top gridline, with their values
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(LEFT).append("\" y2=\"")
                .append(TOP + (int) plotH).append("\" stroke=\"#0b0c0c\" />\n");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP + (int) plotH).append("\" x2=\"").append(WIDTH - RIGHT)
                .append("\" y2=\"").append(TOP + (int) plotH).append("\" stroke=\"#0b0c0c\" />\n");
        out.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(TOP).append("\" x2=\"").append(WIDTH - RIGHT).append("\" y2=\"")
                .append(TOP).append("\" stroke=\"#b1b4b6\" stroke-dasharray=\"4 4\" />\n");
        out.append(text(LEFT - 6, TOP + 4, "end", share ? "100%" : Words.value(MeasureKind.COUNT, d.getUnit(), max)));
        out.append(text(LEFT - 6, TOP + (int) plotH + 4, "end", share ? "0%" : "0"));
        List<String> segment = new ArrayList<>();
        StringBuilder dots = new StringBuilder();
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            MeasurePoint p = points.get(i);
            double x = LEFT + (n == 1 ? plotW / 2 : plotW * i / (n - 1));
            if (i == 0 || i == points.size() - 1 || points.size() <= 12) {
                out.append(text((int) x, HEIGHT - BOTTOM + 16, "middle", Words.shortMonth(YearMonth.parse(p.getMonth()))));
            }
            if (!shown(p)) {
                lines.append(polyline(segment));
                segment.clear();
                continue;
            }
            double y = TOP + plotH - plotH * p.getValue() / max;
            segment.add(num(x) + "," + num(y));
            dots.append("<circle cx=\"").append(num(x)).append("\" cy=\"").append(num(y)).append("\" r=\"4\" fill=\"#1d70b8\" />\n");
        }
        lines.append(polyline(segment));
        out.append(lines).append(dots).append("</svg>\n");
        return out.toString();
    }

    private static boolean shown(MeasurePoint p) {
        return !Boolean.TRUE.equals(p.getSuppressed()) && p.getValue() != null;
    }

    private static String polyline(List<String> segment) {
        if (segment.size() < 2) {
            return "";
        }
        return "<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"3\" points=\"" + String.join(" ", segment) + "\" />\n";
    }

    private static String text(int x, int y, String anchor, String words) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" text-anchor=\"" + anchor + "\" font-family=\"Arial, Helvetica, sans-serif\" "
                + "font-size=\"12\" fill=\"#0b0c0c\">" + ReportHtml.e(words) + "</text>\n";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}

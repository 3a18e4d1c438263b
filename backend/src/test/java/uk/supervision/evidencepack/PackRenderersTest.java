package uk.supervision.evidencepack;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import uk.supervision.api.model.Measure;
import uk.supervision.api.model.MeasureBreakdown;
import uk.supervision.api.model.MeasureBreakdownRow;
import uk.supervision.api.model.MeasureDefinition;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasurePart;
import uk.supervision.api.model.MeasurePoint;
import uk.supervision.api.model.MeasurePopulation;
import uk.supervision.api.model.MeasureScopeKind;
import uk.supervision.api.model.MeasureScopeRef;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.api.model.SuppressionReason;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pack's files from hand-made figures: what a reader of each file must find, and what they must never find. */
class PackRenderersTest {
    private static final String SIGNED = "Staff with an active signed agreement";
    private static final String CANCELLED = "One-to-one sessions cancelled";
    private static final String GRADES = "Audit grades";

    /** 9 of 12 signed = 75%; 3 cancelled, but from a group of 3 (below 5): suppressed; grades 2 Good and 1 Excellent. */
    static PackContent pack() {
        Measure signed = measure("agreements.activeSigned", SIGNED, MeasureGroup.AGREEMENTS, MeasureKind.SHARE, MeasureUnit.PEOPLE);
        signed.setNumerator(9L);
        signed.setDenominator(12L);
        signed.setValue(0.75);
        signed.setTarget(1.0);
        Measure cancelled = measure("sessions.cancelled", CANCELLED, MeasureGroup.SESSIONS, MeasureKind.COUNT, MeasureUnit.SESSIONS);
        cancelled.setSuppressed(true);
        cancelled.setSuppressedBecause(SuppressionReason.FEWER_THAN_MINIMUM);
        Measure grades = measure("audits.grades", GRADES, MeasureGroup.AUDITS, MeasureKind.DISTRIBUTION, MeasureUnit.AUDITS);
        grades.setNumerator(3L);
        grades.setDenominator(3L);
        grades.setValue(3.0);
        MeasurePart excellent = new MeasurePart("Excellent");
        excellent.setCount(1L);
        MeasurePart good = new MeasurePart("Good");
        good.setCount(2L);
        grades.setParts(List.of(excellent, good));
        MeasureScopeRef scope = new MeasureScopeRef(MeasureScopeKind.SERVICE, "Children's =Safeguarding, North");
        MeasureSet set = new MeasureSet(scope, "2026-01", "2026-12", 5, false, List.of(signed, cancelled, grades),
                List.of("agreements.activeSigned"), OffsetDateTime.of(2026, 12, 3, 6, 0, 0, 0, ZoneOffset.UTC));
        set.setPopulation(new MeasurePopulation(12L, 1L, 0L, 2L));

        Measure teamSigned = copy(signed, 4L, 6L);
        Measure smallSigned = measure("agreements.activeSigned", SIGNED, MeasureGroup.AGREEMENTS, MeasureKind.SHARE, MeasureUnit.PEOPLE);
        smallSigned.setSuppressed(true);
        MeasureBreakdownRow team = new MeasureBreakdownRow(new MeasureScopeRef(MeasureScopeKind.TEAM, "Team A1"), false, List.of(teamSigned));
        MeasureBreakdownRow small = new MeasureBreakdownRow(new MeasureScopeRef(MeasureScopeKind.TEAM, "Team A2"), true, List.of(smallSigned));
        MeasureBreakdownRow total = new MeasureBreakdownRow(scope, false, List.of(signed));
        MeasureBreakdown breakdown = new MeasureBreakdown(scope, "2026-01", "2026-12", 5, List.of(definition(signed)), List.of(team, small), total);

        // Twelve months of the share: 50% in January rising by 2 points a month; March suppressed.
        List<MeasurePoint> points = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            MeasurePoint p = new MeasurePoint(YearMonth.of(2026, 1).plusMonths(i).toString(), i == 2);
            if (i != 2) {
                p.setNumerator(50L + 2 * i);
                p.setDenominator(100L);
                p.setValue((50.0 + 2 * i) / 100);
            }
            points.add(p);
        }
        MeasureSeries series = new MeasureSeries(scope, definition(signed), points,
                "Staff with an active signed agreement rose from 50% to 72% since January 2026.");
        return new PackContent(scope, YearMonth.of(2026, 1), YearMonth.of(2026, 12), set, breakdown,
                Map.of("agreements.activeSigned", series), List.of(series), Instant.parse("2026-12-03T06:00:00Z"));
    }

    @Test
    void theReportNamesEveryMeasureAndShowsSuppressedFiguresInWordsWithoutANumber() throws Exception {
        PackContent pack = pack();
        String html = ReportHtml.text(pack);

        assertTrue(html.startsWith("<!DOCTYPE html>"), "a complete document");
        assertTrue(html.contains("@page"), "print styles");
        assertTrue(html.contains("Arial"));
        assertFalse(html.toLowerCase().contains("<script"), "no script");
        for (Measure m : pack.set().getMeasures()) {
            assertTrue(html.contains(ReportHtml.e(m.getLabel())), "every measure's label: " + m.getLabel());
            assertFalse(html.contains(m.getKey()), "never a key: " + m.getKey());
        }
        assertTrue(html.contains("<h2>Supervision agreements</h2>"), "a heading per measure group");
        assertTrue(html.contains("<h2>Supervision file audits</h2>"));
        // 9 of 12 = 75%
        assertTrue(html.contains("75% (9 of 12)"), html);
        // The suppressed row reads the words and carries no number of its own.
        String cancelledRow = rowOf(html, CANCELLED);
        assertTrue(cancelledRow.contains("suppressed (fewer than 5)"), cancelledRow);
        assertFalse(cancelledRow.replace("fewer than 5", "").matches("(?s).*\\d.*"), "no number beside a suppressed figure: " + cancelledRow);
        // Team A2 is suppressed whole; Team A1 shows 4 of 6 = 67%.
        assertTrue(rowOf(html, "Team A2").contains("suppressed (fewer than 5)"));
        assertTrue(rowOf(html, "Team A1").contains("67% (4 of 6)"));
        // The trend: summary, an SVG with 11 dots (March suppressed), and its data table with March in words.
        assertTrue(html.contains("rose from 50% to 72% since January 2026."));
        assertEquals(11, html.split("<circle", -1).length - 1);
        assertTrue(rowOf(html, "March 2026").contains("suppressed (fewer than 5)"));
        assertTrue(rowOf(html, "December 2026").contains("72%"), "December: 50 + 2 x 11 = 72");
        // Well-formed XML, so the PDF renderer reads the same text.
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
        f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void thePdfIsAPdfAndItsTextHoldsTheFigures() throws Exception {
        byte[] pdf = ReportPdf.render(ReportHtml.text(pack()));

        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            assertTrue(text.contains(SIGNED), text);
            assertTrue(text.contains("75% (9 of 12)"), text);
            assertTrue(text.contains("suppressed (fewer than 5)"), text);
        }
    }

    @Test
    void aCsvQuotesWhatNeedsQuotingAndDefusesFormulas() {
        PackContent pack = pack();
        String csv = new String(MeasureCsv.render(pack, pack.set().getMeasures().get(0)), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n", -1);

        assertEquals("scope,unit,month or period,numerator,denominator,value,suppressed,part", lines[0]);
        // The scope's name holds a comma, so it is quoted (its "=" is not at the start: no prefix).
        assertEquals("\"Children's =Safeguarding, North\",\"Children's =Safeguarding, North\",2026-01 to 2026-12,9,12,0.75,no,", lines[1]);
        assertEquals("\"Children's =Safeguarding, North\",Team A1,2026-01 to 2026-12,4,6,0.6666666666666666,no,", lines[2]);
        assertEquals("\"Children's =Safeguarding, North\",Team A2,2026-01 to 2026-12,,,,yes,", lines[3]);
        assertEquals("\"Children's =Safeguarding, North\",\"Children's =Safeguarding, North\",2026-01,50,100,0.5,no,", lines[4]);
        assertEquals("\"Children's =Safeguarding, North\",\"Children's =Safeguarding, North\",2026-03,,,,yes,", lines[6]);
        // header + scope + 2 teams + 12 months, each ended by CRLF
        assertEquals(16, lines.length - 1);

        assertEquals("'=SUM(A1:A9)", MeasureCsv.cell("=SUM(A1:A9)"));
        assertEquals("'+1", MeasureCsv.cell("+1"));
        assertEquals("'-1", MeasureCsv.cell("-1"));
        assertEquals("'@cmd", MeasureCsv.cell("@cmd"));
        assertEquals("\"'=1,2\"", MeasureCsv.cell("=1,2"));
        assertEquals("\"say \"\"hello\"\"\"", MeasureCsv.cell("say \"hello\""));
        assertEquals("\"two\nlines\"", MeasureCsv.cell("two\nlines"));
    }

    @Test
    void aDistributionHasARowPerPartAndFileNamesAreLowerCaseWords() {
        PackContent pack = pack();
        String csv = new String(MeasureCsv.render(pack, pack.set().getMeasures().get(2)), StandardCharsets.UTF_8);

        assertTrue(csv.contains(",2026-01 to 2026-12,1,3,,no,Excellent\r\n"), csv);
        assertTrue(csv.contains(",2026-01 to 2026-12,2,3,,no,Good\r\n"), csv);
        assertEquals("sessions.within-interval.csv", MeasureCsv.fileName("sessions.withinInterval"));
        assertEquals("case-discussions.child-view-recorded.csv", MeasureCsv.fileName("caseDiscussions.childViewRecorded"));
        assertTrue(MeasureCsv.fileName("workforce.managersTrained").matches("^[a-z0-9][a-z0-9.-]*$"));
    }

    private static String rowOf(String html, String label) {
        int at = html.indexOf(ReportHtml.e(label) + "</th>");
        assertTrue(at >= 0, "a row for " + label);
        return html.substring(at, html.indexOf("</tr>", at));
    }

    private static Measure measure(String key, String label, MeasureGroup group, MeasureKind kind, MeasureUnit unit) {
        return new Measure(key, label, group, kind, unit, false, false);
    }

    private static Measure copy(Measure m, long numerator, long denominator) {
        Measure c = measure(m.getKey(), m.getLabel(), m.getGroup(), m.getKind(), m.getUnit());
        c.setNumerator(numerator);
        c.setDenominator(denominator);
        c.setValue((double) numerator / denominator);
        return c;
    }

    private static MeasureDefinition definition(Measure m) {
        return new MeasureDefinition(m.getKey(), m.getLabel(), m.getGroup(), m.getKind(), m.getUnit(), m.getLowerIsBetter());
    }
}

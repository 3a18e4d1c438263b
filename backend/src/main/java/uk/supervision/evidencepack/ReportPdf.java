package uk.supervision.evidencepack;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report's PDF, made by openhtmltopdf from the report's own XHTML with its print styles. Its SVG charts are left
 * out (drawing SVG needs Batik, a large further dependency); each chart's data table and summary stay, so nothing is
 * lost but the picture.
 */
final class ReportPdf {
    private ReportPdf() {
    }

    static byte[] render(String html) {
        String withoutCharts = html.replaceAll("(?s)<svg\\b.*?</svg>\\s*", "");
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.withHtmlContent(withoutCharts, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

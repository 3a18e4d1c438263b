package uk.supervision.activitylog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The activity log as CSV (RFC 4180: CRLF lines, fields quoted when they hold a comma, quote or line
 * break), produced page by page as the client reads, so an export of millions of rows never sits in
 * memory. A cell that starts with = + - @ (or a tab or carriage return) gets a leading single quote so
 * a spreadsheet shows it as text instead of running it as a formula.
 */
public final class ActivityCsv extends InputStream {
    static final List<String> COLUMNS = List.of("id", "occurredAt", "action", "actorAccountId", "actorStaffId", "actorName",
            "actorRoles", "actorClientId", "recordType", "recordId", "subjectIds", "summary", "requestId", "remoteAddress");
    static final int PAGE = 500;

    private final Function<String, ActivityQueries.Page> pages;
    private byte[] buffer;
    private int position;
    private String cursor;
    private boolean last;

    /** pages: the page after a cursor (null for the first page). */
    public ActivityCsv(Function<String, ActivityQueries.Page> pages) {
        this.pages = pages;
        this.buffer = line(COLUMNS).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buffer[position++] & 0xFF;
    }

    @Override
    public int read(byte[] into, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, buffer.length - position);
        System.arraycopy(buffer, position, into, offset, n);
        position += n;
        return n;
    }

    /** Makes sure there is something to read; false at the end. */
    private boolean fill() {
        while (position >= buffer.length) {
            if (last) {
                return false;
            }
            ActivityQueries.Page page = pages.apply(cursor);
            cursor = page.nextCursor();
            last = cursor == null;
            buffer = page.rows().stream().map(ActivityCsv::line).collect(Collectors.joining()).getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        return true;
    }

    static String line(ActivityQueries.Row r) {
        return line(List.of(String.valueOf(r.id()), r.occurredAt().toString(), n(r.action()), n(r.actorAccountId()), n(r.actorStaffId()),
                n(r.actorName()), n(r.actorRoles()), n(r.actorClientId()), n(r.recordType()), n(r.recordId()),
                r.subjects().stream().map(ActivityQueries.Subject::staffId).collect(Collectors.joining(" ")),
                n(r.summary()), n(r.requestId()), n(r.remoteAddress())));
    }

    static String line(List<String> cells) {
        return cells.stream().map(ActivityCsv::cell).collect(Collectors.joining(",")) + "\r\n";
    }

    /** One field: defused against formulas, then quoted if it needs to be. */
    static String cell(String value) {
        String v = value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            v = '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String n(String s) {
        return s == null ? "" : s;
    }
}

package uk.supervision.activitylog;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** CSV cells: RFC 4180 quoting and the formula guard. */
class ActivityCsvTest {
    @Test
    void cellsAreQuotedWhenTheyMustBeAndFormulasDefused() {
        assertEquals("plain", ActivityCsv.cell("plain"));
        assertEquals("", ActivityCsv.cell(""));
        assertEquals("\"a,b\"", ActivityCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", ActivityCsv.cell("say \"hi\""));
        assertEquals("\"two\nlines\"", ActivityCsv.cell("two\nlines"));
        for (String danger : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx")) {
            assertEquals("'" + danger, ActivityCsv.cell(danger), danger);
        }
        assertEquals("\"'=A1,B1\"", ActivityCsv.cell("=A1,B1"));
        assertEquals("\"'\rx\"", ActivityCsv.cell("\rx"));
        assertEquals("a,\"b,c\"\r\n", ActivityCsv.line(List.of("a", "b,c")));
    }
}

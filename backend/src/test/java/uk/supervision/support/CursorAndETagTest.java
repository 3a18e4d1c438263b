package uk.supervision.support;

import org.junit.jupiter.api.Test;
import uk.supervision.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CursorAndETagTest {
    @Test
    void aCursorCarriesItsKeysIncludingAwkwardOnes() {
        String cursor = Cursor.encode("O'Brien", "Siobhán", "01a2-ff");
        assertEquals(List.of("O'Brien", "Siobhán", "01a2-ff"), Cursor.decode(cursor, 3));
        assertEquals(List.of("", "x"), Cursor.decode(Cursor.encode("", "x"), 2));
        assertNull(Cursor.decode(null, 3));
    }

    @Test
    void aForeignOrTamperedCursorIsA400ForTheCursorParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode("%%%", 3));
        assertEquals(400, e.status().getCode());
        assertEquals("#cursor", e.errors().get(0).getPointer());
        assertThrows(ProblemException.class, () -> Cursor.decode(Cursor.encode("a", "b"), 3), "wrong arity");
    }

    @Test
    void onlyCursorsSignedByThisServiceAreRead() {
        String issued = Cursor.encode("2026-03-01", "01a2-ff");
        String payload = issued.substring(0, issued.indexOf('.'));
        assertThrows(ProblemException.class, () -> Cursor.decode(payload, 2), "the unsigned keys alone");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("9999-12-31\u001Fzz".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + issued.substring(issued.indexOf('.'));
        assertThrows(ProblemException.class, () -> Cursor.decode(forged, 2), "other keys under a real signature");
        assertThrows(ProblemException.class, () -> Cursor.decode(issued + "A", 2), "a longer signature");
        assertEquals(List.of("2026-03-01", "01a2-ff"), Cursor.decode(issued, 2));
    }

    @Test
    void ifMatchMustNameTheCurrentVersion() {
        assertEquals("\"v3\"", ETags.of(3));
        ETags.requireCurrent("\"v3\"", 3);
        assertEquals(428, assertThrows(ProblemException.class, () -> ETags.requireCurrent(null, 3)).status().getCode());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireCurrent("\"v2\"", 3)).status().getCode());
        assertEquals(412, assertThrows(ProblemException.class, () -> ETags.requireCurrent("W/\"v3\"", 3)).status().getCode(),
                "weak tags do not match for updates");
    }
}

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
        String cursor = Cursor.encode(CursorList.STAFF, "O'Brien", "Siobhán", "01a2-ff");
        assertEquals(List.of("O'Brien", "Siobhán", "01a2-ff"), Cursor.decode(CursorList.STAFF, cursor, 3));
        assertEquals(List.of("", "x"), Cursor.decode(CursorList.TEAMS, Cursor.encode(CursorList.TEAMS, "", "x"), 2));
        assertNull(Cursor.decode(CursorList.STAFF, null, 3));
    }

    @Test
    void aForeignOrTamperedCursorIsA400ForTheCursorParameter() {
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(CursorList.STAFF, "%%%", 3));
        assertEquals(400, e.status().getCode());
        assertEquals("#cursor", e.errors().get(0).getPointer());
        assertThrows(ProblemException.class, () -> Cursor.decode(CursorList.STAFF, Cursor.encode(CursorList.STAFF, "a", "b"), 3), "wrong arity");
    }

    @Test
    void aGenuineCursorOfAnotherListIsA400ForTheCursorParameter() {
        String services = Cursor.encode(CursorList.SERVICES, "Adults", "01a2-ff");
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(CursorList.TEAMS, services, 2),
                "same arity, same kind of keys, another list");
        assertEquals(400, e.status().getCode());
        assertEquals("#cursor", e.errors().get(0).getPointer());
        assertEquals(List.of("Adults", "01a2-ff"), Cursor.decode(CursorList.SERVICES, services, 2));
    }

    @Test
    void keysThatDoNotReadAreA400NotAnError() {
        String notADate = Cursor.encode(CursorList.ACTIONS, "Adults", "01a2-ff");
        ProblemException e = assertThrows(ProblemException.class,
                () -> Cursor.decode(CursorList.ACTIONS, notADate, 2, keys -> java.time.LocalDate.parse(keys.get(0))));
        assertEquals(400, e.status().getCode());
        assertEquals("#cursor", e.errors().get(0).getPointer());
        assertEquals(java.time.LocalDate.of(2026, 3, 1), Cursor.decode(CursorList.ACTIONS, Cursor.encode(CursorList.ACTIONS, "2026-03-01", "x"), 2,
                keys -> java.time.LocalDate.parse(keys.get(0))));
    }

    @Test
    void onlyCursorsSignedByThisServiceAreRead() {
        String issued = Cursor.encode(CursorList.ACTIONS, "2026-03-01", "01a2-ff");
        String payload = issued.substring(0, issued.indexOf('.'));
        assertThrows(ProblemException.class, () -> Cursor.decode(CursorList.ACTIONS, payload, 2), "the unsigned keys alone");
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("ACTIONS\u001F9999-12-31\u001Fzz".getBytes(java.nio.charset.StandardCharsets.UTF_8)) + issued.substring(issued.indexOf('.'));
        assertThrows(ProblemException.class, () -> Cursor.decode(CursorList.ACTIONS, forged, 2), "other keys under a real signature");
        assertThrows(ProblemException.class, () -> Cursor.decode(CursorList.ACTIONS, issued + "A", 2), "a longer signature");
        assertEquals(List.of("2026-03-01", "01a2-ff"), Cursor.decode(CursorList.ACTIONS, issued, 2));
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

package uk.supervision.support;

import java.util.Collections;

/** Small helpers for the hand-written SQL of list queries. */
public final class Sql {
    private Sql() {
    }

    /** "?,?,?" for an IN list of n values. */
    public static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}

package uk.supervision.support;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Small helpers for the hand-written SQL of list queries. */
public final class Sql {
    private Sql() {
    }

    /** Runs a list query whose first column is an id, with positional arguments, and returns the ids in order. */
    public static List<String> ids(JdbcOperations jdbc, String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<String> out = new ArrayList<>();
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** "?,?,?" for an IN list of n values. */
    public static String placeholders(int n) {
        return String.join(",", Collections.nCopies(n, "?"));
    }
}

package uk.supervision.auditsample;

import io.micronaut.data.jdbc.runtime.JdbcOperations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Plain positional SQL for the sample and schedule queries. */
final class Rows {
    private Rows() {
    }

    interface Mapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> query(JdbcOperations jdbc, String sql, List<?> args, Mapper<T> mapper) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
            }
            return out;
        });
    }

    static int update(JdbcOperations jdbc, String sql, Object... args) {
        return jdbc.prepareStatement(sql, ps -> {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        });
    }
}

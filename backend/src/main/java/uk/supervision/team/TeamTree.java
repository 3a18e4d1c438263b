package uk.supervision.team;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Read helpers over the tree: a team with its service, and current head counts in one query. */
@Singleton
public class TeamTree {
    private final JdbcOperations jdbc;
    private final Clock clock;

    public TeamTree(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record TeamInOrganisation(String teamId, String teamName, String serviceId, String serviceName) {
    }

    public Optional<TeamInOrganisation> find(String organisationId, String teamId) {
        return jdbc.prepareStatement("SELECT t.id, t.name, s.id, s.name FROM team t JOIN service s ON s.id = t.service_id "
                + "WHERE t.id = ? AND s.organisation_id = ?", ps -> {
            ps.setString(1, teamId);
            ps.setString(2, organisationId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new TeamInOrganisation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                        : Optional.empty();
            }
        });
    }

    /** Staff who have not left, per team, for the given teams. */
    public Map<String, Integer> staffCounts(Collection<String> teamIds) {
        Map<String, Integer> counts = new HashMap<>();
        if (teamIds.isEmpty()) {
            return counts;
        }
        String placeholders = uk.supervision.support.Sql.placeholders(teamIds.size());
        LocalDate today = LocalDate.now(clock);
        return jdbc.prepareStatement("SELECT team_id, COUNT(*) FROM staff WHERE team_id IN (" + placeholders + ") "
                + "AND (leaving_date IS NULL OR leaving_date >= ?) GROUP BY team_id", (PreparedStatement ps) -> {
            int i = 1;
            for (String id : teamIds) {
                ps.setString(i++, id);
            }
            ps.setObject(i, today);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getString(1), rs.getInt(2));
                }
            }
            return counts;
        });
    }
}

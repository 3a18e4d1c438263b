package uk.supervision.evidencepack;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evidence_pack and evidence_pack_file rows. Each write is its own transaction, so a pack's progress is visible
 * to whoever polls it while the rest is still being made.
 */
@Singleton
public class EvidencePackStore {
    static final String QUEUED = "QUEUED";
    static final String RUNNING = "RUNNING";
    static final String READY = "READY";
    static final String FAILED = "FAILED";
    private static final String COLUMNS = "id, organisation_id, requested_by_account, scope_kind, scope_id, scope_name, from_month, "
            + "to_month, status, steps_done, steps_total, failure, requested_at, started_at, finished_at";

    private final JdbcOperations jdbc;
    private final Clock clock;

    public EvidencePackStore(JdbcOperations jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One pack as stored; months are their first days. */
    record Row(String id, String organisationId, String requestedBy, String scopeKind, String scopeId, String scopeName,
               LocalDate fromMonth, LocalDate toMonth, String status, int stepsDone, int stepsTotal, String failure,
               Instant requestedAt, Instant startedAt, Instant finishedAt) {
    }

    /** A file's description, without its content. */
    record FileInfo(String packId, String name, String title, String mediaType, long bytes) {
    }

    record Content(String mediaType, byte[] bytes) {
    }

    /** Inside the caller's transaction (the request's, with its Idempotency-Key and activity log row). */
    void insert(Row r) {
        jdbc.prepareStatement("INSERT INTO evidence_pack (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, NULL, NULL)", ps -> {
            ps.setString(1, r.id());
            ps.setString(2, r.organisationId());
            ps.setString(3, r.requestedBy());
            ps.setString(4, r.scopeKind());
            ps.setString(5, r.scopeId());
            ps.setString(6, r.scopeName());
            ps.setDate(7, Date.valueOf(r.fromMonth()));
            ps.setDate(8, Date.valueOf(r.toMonth()));
            ps.setString(9, r.status());
            ps.setInt(10, r.stepsDone());
            ps.setInt(11, r.stepsTotal());
            ps.setTimestamp(12, Timestamp.from(r.requestedAt()));
            return ps.executeUpdate();
        });
    }

    @Transactional
    public Optional<Row> find(String id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM evidence_pack WHERE id = ?", ps -> {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.<Row>empty();
            }
        });
    }

    /** A page of one account's packs, newest first, after the (requestedAt, id) of the last row of the page before. */
    @Transactional
    public List<Row> page(String accountId, Instant afterRequestedAt, String afterId, int limit) {
        String after = afterRequestedAt == null ? "" : " AND (requested_at < ? OR (requested_at = ? AND id < ?))";
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM evidence_pack WHERE requested_by_account = ?" + after
                + " ORDER BY requested_at DESC, id DESC LIMIT ?", ps -> {
            int i = 1;
            ps.setString(i++, accountId);
            if (afterRequestedAt != null) {
                ps.setTimestamp(i++, Timestamp.from(afterRequestedAt));
                ps.setTimestamp(i++, Timestamp.from(afterRequestedAt));
                ps.setString(i++, afterId);
            }
            ps.setInt(i, limit);
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs));
                }
            }
            return out;
        });
    }

    /** The files of several packs in one query, by pack id, in their order. */
    @Transactional
    public Map<String, List<FileInfo>> files(Collection<String> packIds) {
        Map<String, List<FileInfo>> out = new HashMap<>();
        if (packIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", packIds.stream().map(x -> "?").toList());
        return jdbc.prepareStatement("SELECT pack_id, name, title, media_type, LENGTH(content) FROM evidence_pack_file WHERE pack_id IN ("
                + marks + ") ORDER BY pack_id, position", ps -> {
            int i = 1;
            for (String id : packIds) {
                ps.setString(i++, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new FileInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)));
                }
            }
            return out;
        });
    }

    @Transactional
    public Optional<Content> content(String packId, String name) {
        return jdbc.prepareStatement("SELECT media_type, content FROM evidence_pack_file WHERE pack_id = ? AND name = ?", ps -> {
            ps.setString(1, packId);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Content(rs.getString(1), rs.getBytes(2))) : Optional.<Content>empty();
            }
        });
    }

    /** The oldest queued packs, to be claimed one by one. */
    @Transactional
    public List<String> queued(int limit) {
        return jdbc.prepareStatement("SELECT id FROM evidence_pack WHERE status = 'QUEUED' ORDER BY requested_at, id LIMIT ?", ps -> {
            ps.setInt(1, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** QUEUED to RUNNING; false when someone else took it first. */
    @Transactional
    public boolean claim(String id) {
        return jdbc.prepareStatement("UPDATE evidence_pack SET status = 'RUNNING', started_at = ? WHERE id = ? AND status = 'QUEUED'", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, id);
            return ps.executeUpdate() == 1;
        });
    }

    @Transactional
    public void steps(String id, int done, int total) {
        jdbc.prepareStatement("UPDATE evidence_pack SET steps_done = ?, steps_total = ? WHERE id = ? AND status = 'RUNNING'", ps -> {
            ps.setInt(1, done);
            ps.setInt(2, total);
            ps.setString(3, id);
            return ps.executeUpdate();
        });
    }

    /** One file and the step it completes, together. */
    @Transactional
    public void file(String id, String name, String title, String mediaType, int position, byte[] content, int stepsDone) {
        jdbc.prepareStatement("INSERT INTO evidence_pack_file (pack_id, name, title, media_type, position, content) VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setString(1, id);
                    ps.setString(2, name);
                    ps.setString(3, title.length() > 300 ? title.substring(0, 300) : title);
                    ps.setString(4, mediaType);
                    ps.setInt(5, position);
                    ps.setBytes(6, content);
                    return ps.executeUpdate();
                });
        jdbc.prepareStatement("UPDATE evidence_pack SET steps_done = ? WHERE id = ?", ps -> {
            ps.setInt(1, stepsDone);
            ps.setString(2, id);
            return ps.executeUpdate();
        });
    }

    @Transactional
    public void ready(String id) {
        jdbc.prepareStatement("UPDATE evidence_pack SET status = 'READY', steps_done = steps_total, finished_at = ? WHERE id = ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(clock.instant()));
            ps.setString(2, id);
            return ps.executeUpdate();
        });
    }

    /** FAILED, with the reason in words; the files made so far are removed (a failed pack offers none). */
    @Transactional
    public void failed(String id, String failure) {
        jdbc.prepareStatement("DELETE FROM evidence_pack_file WHERE pack_id = ?", ps -> {
            ps.setString(1, id);
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE evidence_pack SET status = 'FAILED', failure = ?, finished_at = ? WHERE id = ?", ps -> {
            ps.setString(1, failure);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setString(3, id);
            return ps.executeUpdate();
        });
    }

    /** Packs left RUNNING since before the given time (their node stopped): failed, so their requesters can ask again. */
    @Transactional
    public List<String> stalled(Instant startedBefore) {
        return jdbc.prepareStatement("SELECT id FROM evidence_pack WHERE status = 'RUNNING' AND started_at < ?", ps -> {
            ps.setTimestamp(1, Timestamp.from(startedBefore));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** The service a team is in (a team's measures need it); null when there is no such team. */
    @Transactional
    public String serviceOfTeam(String teamId) {
        return jdbc.prepareStatement("SELECT service_id FROM team WHERE id = ?", ps -> {
            ps.setString(1, teamId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getString(9), rs.getInt(10), rs.getInt(11), rs.getString(12),
                instant(rs.getTimestamp(13)), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

package uk.supervision.integration;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.support.Ids;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The delivery table's transactions for the dispatcher: new decisions past each endpoint's last_position
 * become deliveries (in the same transaction as moving last_position, so none is lost or made twice), and
 * each attempt is logged and moves its delivery on (delivered, retried after the backoff, or failed).
 */
@Singleton
public class WebhookDeliveries {
    public static final String EVENT = "case-decision.ready";
    static final String PENDING = "PENDING";
    static final String DELIVERED = "DELIVERED";
    static final String FAILED = "FAILED";
    /** Decisions turned into deliveries per endpoint per run; the next run takes the rest. */
    private static final int BATCH = 200;

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final List<Duration> backoff;

    public WebhookDeliveries(JdbcOperations jdbc, JsonMapper json, Clock clock,
                             @Value("${supervision.webhooks.backoff:5s,5m,30m,2h,5h,10h,10h}") String backoff) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.backoff = parse(backoff);
    }

    /** A delivery due to be sent, with where to and the endpoint's secret. */
    public record Due(String id, String webhookId, String payload, int attempts, String url, String secret) {
    }

    /** Endpoints with decisions past their last position: (id, organisation, last position). */
    @Transactional(readOnly = true)
    public List<String[]> behind() {
        return jdbc.prepareStatement("SELECT w.id, w.organisation_id, w.last_position FROM webhook w WHERE w.enabled = TRUE"
                + " AND EXISTS (SELECT 1 FROM case_decision d WHERE d.organisation_id = w.organisation_id AND d.feed_position > w.last_position)", ps -> {
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                }
            }
            return out;
        });
    }

    /** Turns the next decisions past the endpoint's position into deliveries; how many were made. */
    @Transactional
    public int enqueue(String webhookId, String organisationId, long lastPosition) {
        Instant now = clock.instant();
        List<String[]> decisions = jdbc.prepareStatement("SELECT d.id, c.case_number, d.feed_position FROM case_decision d"
                + " JOIN child c ON c.id = d.child_id WHERE d.organisation_id = ? AND d.feed_position > ? ORDER BY d.feed_position LIMIT " + BATCH, ps -> {
            ps.setString(1, organisationId);
            ps.setLong(2, lastPosition);
            List<String[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[]{rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))});
                }
            }
            return out;
        });
        if (decisions.isEmpty()) {
            return 0;
        }
        long newPosition = Long.parseLong(decisions.get(decisions.size() - 1)[2]);
        // Moves only from the position read: a second dispatcher (a lease that lapsed) makes no duplicates.
        int moved = jdbc.prepareStatement("UPDATE webhook SET last_position = ? WHERE id = ? AND last_position = ?", ps -> {
            ps.setLong(1, newPosition);
            ps.setString(2, webhookId);
            ps.setLong(3, lastPosition);
            return ps.executeUpdate();
        });
        if (moved != 1) {
            return 0;
        }
        jdbc.prepareStatement("INSERT INTO webhook_delivery (id, webhook_id, event, payload, status, attempts, next_attempt_at, created_at)"
                + " VALUES (?, ?, ?, ?, ?, 0, ?, ?)", ps -> {
            for (String[] d : decisions) {
                ps.setString(1, "msg_" + Ids.newId().replace("-", ""));
                ps.setString(2, webhookId);
                ps.setString(3, EVENT);
                ps.setString(4, payload(now, d[0], d[1]));
                ps.setString(5, PENDING);
                ps.setTimestamp(6, Timestamp.from(now));
                ps.setTimestamp(7, Timestamp.from(now));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
        return decisions.size();
    }

    /** The payload names the event and the ids to fetch, never the decision itself. */
    String payload(Instant at, String decisionId, String caseNumber) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("decisionId", decisionId);
        data.put("caseNumber", caseNumber);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", EVENT);
        body.put("timestamp", at.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Due deliveries, at most {@code perEndpoint} of each endpoint, each endpoint's oldest first and one
     * endpoint's first before any endpoint's second, so one endpoint's backlog cannot crowd out the others.
     */
    @Transactional(readOnly = true)
    public List<Due> due(int limit, int perEndpoint) {
        return jdbc.prepareStatement("SELECT id, webhook_id, payload, attempts, url, secret FROM (SELECT d.id, d.webhook_id, d.payload,"
                + " d.attempts, w.url, w.secret, d.next_attempt_at,"
                + " ROW_NUMBER() OVER (PARTITION BY d.webhook_id ORDER BY d.next_attempt_at, d.id) AS place FROM webhook_delivery d"
                + " JOIN webhook w ON w.id = d.webhook_id WHERE d.status = ? AND d.next_attempt_at <= ? AND w.enabled = TRUE) due"
                + " WHERE place <= ? ORDER BY place, next_attempt_at, id LIMIT ?", ps -> {
            ps.setString(1, PENDING);
            ps.setTimestamp(2, Timestamp.from(clock.instant()));
            ps.setInt(3, perEndpoint);
            ps.setInt(4, limit);
            List<Due> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)));
                }
            }
            return out;
        });
    }

    /** Frees the lease at the end of a run, if this node still holds it, so the next run need not wait it out. */
    @Transactional
    public void releaseLease(String name, String holder) {
        jdbc.prepareStatement("UPDATE scheduler_lease SET holder = NULL, lease_until = NULL WHERE name = ? AND holder = ?", ps -> {
            ps.setString(1, name);
            ps.setString(2, holder);
            return ps.executeUpdate();
        });
    }

    /** Logs one attempt and moves the delivery on: delivered on a 2xx, else retried after the backoff, or failed. */
    @Transactional
    public void attempted(Due due, Instant at, Integer responseStatus, String error, long durationMs) {
        String shortError = error == null ? null : error.length() > 500 ? error.substring(0, 500) : error;
        jdbc.prepareStatement("INSERT INTO webhook_attempt (id, delivery_id, attempted_at, response_status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, Ids.newId());
            ps.setString(2, due.id());
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setObject(4, responseStatus);
            ps.setString(5, shortError);
            ps.setInt(6, (int) Math.min(Integer.MAX_VALUE, durationMs));
            return ps.executeUpdate();
        });
        int attempts = due.attempts() + 1;
        boolean delivered = responseStatus != null && responseStatus >= 200 && responseStatus < 300;
        String status = delivered ? DELIVERED : attempts > backoff.size() ? FAILED : PENDING;
        Instant next = PENDING.equals(status) ? at.plus(backoff.get(attempts - 1)) : null;
        jdbc.prepareStatement("UPDATE webhook_delivery SET status = ?, attempts = ?, next_attempt_at = ?, last_attempt_at = ?,"
                + " last_response_status = ?, last_error = ?, delivered_at = ? WHERE id = ? AND attempts = ?", ps -> {
            ps.setString(1, status);
            ps.setInt(2, attempts);
            ps.setTimestamp(3, next == null ? null : Timestamp.from(next));
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setObject(5, responseStatus);
            ps.setString(6, shortError);
            ps.setTimestamp(7, delivered ? Timestamp.from(at) : null);
            ps.setString(8, due.id());
            ps.setInt(9, due.attempts());
            return ps.executeUpdate();
        });
    }

    /** "5s,5m,30m,2h" (ms, s, m, h) as durations: the waits after the first, second, ... failed attempt. */
    static List<Duration> parse(String schedule) {
        List<Duration> out = new ArrayList<>();
        for (String part : schedule.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            if (p.endsWith("ms")) {
                out.add(Duration.ofMillis(Long.parseLong(p.substring(0, p.length() - 2))));
            } else {
                long n = Long.parseLong(p.substring(0, p.length() - 1));
                out.add(switch (p.charAt(p.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> throw new IllegalArgumentException("supervision.webhooks.backoff: " + part);
                });
            }
        }
        return List.copyOf(out);
    }
}

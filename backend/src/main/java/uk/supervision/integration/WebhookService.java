package uk.supervision.integration;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.Webhook;
import uk.supervision.api.model.WebhookCreate;
import uk.supervision.api.model.WebhookDelivery;
import uk.supervision.api.model.WebhookDeliveryPage;
import uk.supervision.api.model.WebhookDeliveryStatus;
import uk.supervision.api.model.WebhookEvent;
import uk.supervision.api.model.WebhookPage;
import uk.supervision.api.model.WebhookRegistration;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Ids;

import java.net.URI;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Webhook endpoints (Standard Webhooks v1), registered by administrators. A new endpoint starts at the current
 * end of the decision feed: it is told of decisions signed from now on, not flooded with old ones.
 */
@Singleton
public class WebhookService {
    /** The delivery log's words for a message still waiting when its endpoint was removed. */
    static final String NOT_SENT_REMOVED = "Not sent - the endpoint was removed";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcOperations jdbc;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final Clock clock;
    private final boolean allowInsecureLocalhost;

    public WebhookService(JdbcOperations jdbc, AccessPolicy access, ActivityLog activityLog, Clock clock,
                          @Value("${supervision.webhooks.allow-insecure-localhost:false}") boolean allowInsecureLocalhost) {
        this.jdbc = jdbc;
        this.access = access;
        this.activityLog = activityLog;
        this.clock = clock;
        this.allowInsecureLocalhost = allowInsecureLocalhost;
    }

    @Transactional
    public WebhookRegistration register(Caller caller, WebhookCreate body) {
        access.requireAdministrator(caller);
        String url = checkedUrl(body.getUrl());
        String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());
        String id = Ids.newId();
        Instant now = clock.instant();
        List<WebhookEvent> events = body.getEvents().stream().sorted().toList();
        String description = body.getDescription() == null || body.getDescription().isBlank() ? null : body.getDescription().strip();
        jdbc.prepareStatement("INSERT INTO webhook (id, organisation_id, url, events, description, secret, enabled, last_position, created_at)"
                + " SELECT ?, ?, ?, ?, ?, ?, TRUE, COALESCE(MAX(feed_position), 0), ? FROM case_decision WHERE organisation_id = ?", ps -> {
            ps.setString(1, id);
            ps.setString(2, caller.organisationId());
            ps.setString(3, url);
            ps.setString(4, String.join(",", events.stream().map(WebhookEvent::getValue).toList()));
            ps.setString(5, description);
            ps.setString(6, secret);
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setString(8, caller.organisationId());
            return ps.executeUpdate();
        });
        activityLog.record(caller, "WEBHOOK_REGISTERED", "webhook", id, url);
        WebhookRegistration out = new WebhookRegistration(UUID.fromString(id), url, events, true, now.atOffset(ZoneOffset.UTC), secret);
        out.setDescription(description);
        return out;
    }

    @Transactional(readOnly = true)
    public WebhookPage list(Caller caller, Integer limit, String cursor) {
        access.requireAdministrator(caller);
        int size = Cursor.limit(limit);
        String[] after = Cursor.decode(CursorList.WEBHOOKS, cursor, 2, keys -> {
            Timestamp.valueOf(keys.get(0));
            UUID.fromString(keys.get(1));
            return keys.toArray(new String[0]);
        });
        List<Webhook> rows = jdbc.prepareStatement("SELECT id, url, events, description, enabled, created_at FROM webhook"
                + " WHERE organisation_id = ? AND removed_at IS NULL"
                + (after == null ? "" : " AND (created_at > ? OR (created_at = ? AND id > ?))")
                + " ORDER BY created_at, id LIMIT ?", ps -> {
            int i = 1;
            ps.setString(i++, caller.organisationId());
            if (after != null) {
                ps.setTimestamp(i++, Timestamp.valueOf(after[0]));
                ps.setTimestamp(i++, Timestamp.valueOf(after[0]));
                ps.setString(i++, after[1]);
            }
            ps.setInt(i, size + 1);
            List<Webhook> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Webhook w = new Webhook(UUID.fromString(rs.getString(1)), rs.getString(2), events(rs.getString(3)),
                            rs.getBoolean(5), utc(rs.getTimestamp(6)));
                    w.setDescription(rs.getString(4));
                    out.add(w);
                }
            }
            return out;
        });
        boolean more = rows.size() > size;
        List<Webhook> page = more ? rows.subList(0, size) : rows;
        WebhookPage out = new WebhookPage(page);
        if (more) {
            Webhook last = page.get(page.size() - 1);
            out.setNextCursor(Cursor.encode(CursorList.WEBHOOKS, Timestamp.from(last.getCreatedAt().toInstant()), last.getId()));
        }
        return out;
    }

    /**
     * Stops deliveries to the endpoint; the row and its delivery log are kept. Messages still waiting for a
     * retry end as FAILED with the reason, so the log never shows them pending for ever.
     */
    @Transactional
    public void remove(Caller caller, UUID webhookId) {
        access.requireAdministrator(caller);
        requireWebhook(caller, webhookId);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.prepareStatement("UPDATE webhook SET enabled = FALSE, removed_at = ? WHERE id = ? AND removed_at IS NULL", ps -> {
            ps.setTimestamp(1, now);
            ps.setString(2, webhookId.toString());
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("UPDATE webhook_delivery SET status = 'FAILED', next_attempt_at = NULL, last_error = ? "
                + "WHERE webhook_id = ? AND status = 'PENDING'", ps -> {
            ps.setString(1, NOT_SENT_REMOVED);
            ps.setString(2, webhookId.toString());
            return ps.executeUpdate();
        });
        activityLog.record(caller, "WEBHOOK_REMOVED", "webhook", webhookId.toString(), null);
    }

    /** The delivery log, newest first. A removed endpoint's log stays readable. */
    @Transactional(readOnly = true)
    public WebhookDeliveryPage deliveries(Caller caller, UUID webhookId, Integer limit, String cursor) {
        access.requireAdministrator(caller);
        requireWebhook(caller, webhookId);
        int size = Cursor.limit(limit);
        String[] before = Cursor.decode(CursorList.WEBHOOK_DELIVERIES, cursor, 2, keys -> {
            Timestamp.valueOf(keys.get(0));
            return keys.toArray(new String[0]);
        });
        List<Object[]> rows = jdbc.prepareStatement("SELECT id, event, status, attempts, last_attempt_at, last_response_status, last_error,"
                + " next_attempt_at, delivered_at, created_at FROM webhook_delivery WHERE webhook_id = ?"
                + (before == null ? "" : " AND (created_at < ? OR (created_at = ? AND id < ?))")
                + " ORDER BY created_at DESC, id DESC LIMIT ?", ps -> {
            int i = 1;
            ps.setString(i++, webhookId.toString());
            if (before != null) {
                ps.setTimestamp(i++, Timestamp.valueOf(before[0]));
                ps.setTimestamp(i++, Timestamp.valueOf(before[0]));
                ps.setString(i++, before[1]);
            }
            ps.setInt(i, size + 1);
            List<Object[]> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Object[]{delivery(rs), rs.getTimestamp(10)});
                }
            }
            return out;
        });
        boolean more = rows.size() > size;
        List<Object[]> page = more ? rows.subList(0, size) : rows;
        WebhookDeliveryPage out = new WebhookDeliveryPage(page.stream().map(r -> (WebhookDelivery) r[0]).toList());
        if (more) {
            Object[] last = page.get(page.size() - 1);
            out.setNextCursor(Cursor.encode(CursorList.WEBHOOK_DELIVERIES, last[1], ((WebhookDelivery) last[0]).getId()));
        }
        return out;
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        WebhookDelivery d = new WebhookDelivery(rs.getString(1), WebhookEvent.fromValue(rs.getString(2)),
                WebhookDeliveryStatus.fromValue(rs.getString(3)), rs.getInt(4), utc(rs.getTimestamp(10)));
        d.setLastAttemptAt(utc(rs.getTimestamp(5)));
        d.setLastResponseStatus(rs.getObject(6) == null ? null : rs.getInt(6));
        d.setLastError(rs.getString(7));
        d.setNextAttemptAt(utc(rs.getTimestamp(8)));
        d.setDeliveredAt(utc(rs.getTimestamp(9)));
        return d;
    }

    private void requireWebhook(Caller caller, UUID webhookId) {
        boolean found = jdbc.prepareStatement("SELECT 1 FROM webhook WHERE id = ? AND organisation_id = ?", ps -> {
            ps.setString(1, webhookId.toString());
            ps.setString(2, caller.organisationId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
        if (!found) {
            throw Problems.notFound("webhook");
        }
    }

    /**
     * https only (the secret signs, but only TLS keeps the payload's ids private), to a public address only
     * (WebhookAddresses: never this machine, the metadata service or a private network, however the address
     * is written). A name that does not resolve yet is kept: the dispatcher checks the resolved address before
     * every send. Plain http, and this machine, only by the names localhost and 127.0.0.1 where the setting
     * allows it (tests, a developer's receiver). No credentials or fragments in the URL.
     */
    String checkedUrl(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        String host = WebhookAddresses.host(url.getHost());
        if (!url.isAbsolute() || host.isEmpty() || url.getUserInfo() != null || url.getFragment() != null) {
            throw Problems.rule("/url", "Give the full address of the endpoint, like https://cms.example.org/hooks, without a user name or #fragment.");
        }
        boolean allowedLocal = allowInsecureLocalhost && WebhookAddresses.isLocalhostName(host);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowedLocal)) {
            throw Problems.rule("/url", "The endpoint must use https.");
        }
        if (allowedLocal) {
            return url.toString();
        }
        if (!publicHost(host)) {
            throw Problems.rule("/url", "The endpoint must be on the internet: not this machine, a private network or a special address.");
        }
        return url.toString();
    }

    private static boolean publicHost(String host) {
        if (WebhookAddresses.isNumericTrick(host) || host.equals("localhost") || host.endsWith(".localhost")) {
            return false;
        }
        try {
            return WebhookAddresses.resolve(host).stream().allMatch(WebhookAddresses::isPublic);
        } catch (UnknownHostException notYet) {
            return WebhookAddresses.literal(host) == null;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    static List<WebhookEvent> events(String stored) {
        return Arrays.stream(stored.split(",")).map(WebhookEvent::fromValue).toList();
    }

    private static OffsetDateTime utc(Timestamp t) {
        return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
    }
}

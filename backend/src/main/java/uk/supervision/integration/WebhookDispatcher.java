package uk.supervision.integration;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Tells registered endpoints of new decisions (Standard Webhooks v1). One node at a time (the database lease
 * webhook-delivery): new decisions become deliveries, then due deliveries are sent. The JDK client, never
 * following redirects, so an endpoint cannot bounce a signed request elsewhere.
 */
@Singleton
public class WebhookDispatcher {
    static final String LEASE = "webhook-delivery";
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int SENDS_PER_RUN = 50;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Lease lease;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    public WebhookDispatcher(Lease lease, WebhookDeliveries deliveries, Clock clock) {
        this.lease = lease;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${supervision.webhooks.interval:5s}", initialDelay = "${supervision.webhooks.interval:5s}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch failed; the next run tries again", e);
        }
    }

    /** One run; the number of attempts made, or -1 when another node holds the lease. */
    public synchronized int run() {
        // Longer than a run can take (50 sends of at most 10 s each + connect), so the lease never lapses mid-run.
        if (!lease.tryAcquire(LEASE, Duration.ofMinutes(20))) {
            return -1;
        }
        for (String[] w : deliveries.behind()) {
            deliveries.enqueue(w[0], w[1], Long.parseLong(w[2]));
        }
        int sent = 0;
        for (WebhookDeliveries.Due due : deliveries.due(SENDS_PER_RUN)) {
            send(due);
            sent++;
        }
        return sent;
    }

    private void send(WebhookDeliveries.Due due) {
        Instant at = clock.instant();
        String timestamp = Long.toString(at.getEpochSecond());
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("webhook-id", due.id())
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", "v1," + signature(due.secret(), due.id(), timestamp, due.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "The endpoint answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        deliveries.attempted(due, at, status, error, (System.nanoTime() - started) / 1_000_000);
    }

    /** base64 HMAC-SHA256 of "id.timestamp.body", keyed with the base64-decoded secret after "whsec_". */
    public static String signature(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

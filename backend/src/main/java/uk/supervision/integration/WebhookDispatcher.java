package uk.supervision.integration;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.support.Lease;

import javax.crypto.Mac;
import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
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
 *
 * A slow or failing endpoint cannot hold up the others: each exchange (headers and body) is bounded by
 * {@link #TIMEOUT} and reads at most {@link #BODY_CAP} bytes of the answer; a run takes at most
 * {@link #PER_ENDPOINT} deliveries per endpoint, one endpoint's first before any endpoint's second, skips an
 * endpoint's others once one has failed, and stops starting sends after {@link #RUN_BUDGET}. The lease is
 * renewed before each send (never held past its time) and released when the run ends.
 */
@Singleton
public class WebhookDispatcher {
    static final String LEASE = "webhook-delivery";
    /** The whole exchange with an endpoint: connecting, sending, the answer's headers and body. */
    static final Duration TIMEOUT = Duration.ofSeconds(10);
    static final int BODY_CAP = 64 * 1024;
    static final Duration RUN_BUDGET = Duration.ofSeconds(60);
    /** Long enough for one send after a renewal; renewed before each. */
    static final Duration LEASE_TIME = TIMEOUT.multipliedBy(3);
    private static final int SENDS_PER_RUN = 50;
    static final int PER_ENDPOINT = 10;
    static final String REFUSED = "Refused: the address is not public";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Lease lease;
    private final WebhookDeliveries deliveries;
    private final Clock clock;
    private final boolean allowInsecureLocalhost;
    /** One run at a time on this node (the lease is this node's, so it cannot tell two local runs apart). */
    private final ReentrantLock running = new ReentrantLock();
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .build();

    public WebhookDispatcher(Lease lease, WebhookDeliveries deliveries, Clock clock,
                             @Value("${supervision.webhooks.allow-insecure-localhost:false}") boolean allowInsecureLocalhost) {
        this.lease = lease;
        this.deliveries = deliveries;
        this.clock = clock;
        this.allowInsecureLocalhost = allowInsecureLocalhost;
    }

    @Scheduled(fixedDelay = "${supervision.webhooks.interval:5s}", initialDelay = "${supervision.webhooks.interval:5s}")
    void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            LOG.warn("Webhook dispatch failed; the next run tries again", e);
        }
    }

    /** One run; the number of attempts made, or -1 when another run (here or on another node) holds the lease. */
    public int run() {
        if (!running.tryLock()) {
            return -1;
        }
        try {
            if (!lease.tryAcquire(LEASE, LEASE_TIME)) {
                return -1;
            }
            try {
                return deliver();
            } finally {
                deliveries.releaseLease(LEASE, lease.holder());
            }
        } finally {
            running.unlock();
        }
    }

    private int deliver() {
        long started = System.nanoTime();
        for (String[] w : deliveries.behind()) {
            deliveries.enqueue(w[0], w[1], Long.parseLong(w[2]));
        }
        Set<String> failing = new HashSet<>();
        int sent = 0;
        for (WebhookDeliveries.Due due : deliveries.due(SENDS_PER_RUN, PER_ENDPOINT)) {
            if (System.nanoTime() - started > RUN_BUDGET.toNanos()) {
                break;   // the rest stay due for the next run
            }
            if (failing.contains(due.webhookId())) {
                continue;   // one failure per endpoint per run; its other deliveries wait for the next run
            }
            if (!lease.tryAcquire(LEASE, LEASE_TIME)) {
                break;   // the lease lapsed and another node took it: it sends the rest
            }
            if (!send(due)) {
                failing.add(due.webhookId());
            }
            sent++;
        }
        return sent;
    }

    /** Sends one delivery and logs the attempt; whether the endpoint answered 2xx. */
    private boolean send(WebhookDeliveries.Due due) {
        Instant at = clock.instant();
        String timestamp = Long.toString(at.getEpochSecond());
        Integer status = null;
        String error = null;
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Void>> exchange = null;
        try {
            URI uri = URI.create(due.url());
            error = refusal(uri);
            if (error == null) {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("webhook-id", due.id())
                        .header("webhook-timestamp", timestamp)
                        .header("webhook-signature", "v1," + signature(due.secret(), due.id(), timestamp, due.payload()))
                        .POST(HttpRequest.BodyPublishers.ofString(due.payload(), StandardCharsets.UTF_8))
                        .build();
                exchange = http.sendAsync(request, info -> new CappedBody(BODY_CAP));
                status = exchange.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).statusCode();
                if (status < 200 || status >= 300) {
                    error = "The endpoint answered " + status;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "Interrupted";
        } catch (ExecutionException e) {
            error = inWords(e.getCause());
        } catch (Exception e) {
            error = inWords(e);
        } finally {
            if (exchange != null && !exchange.isDone()) {
                exchange.cancel(true);   // abandons the exchange and its connection
            }
        }
        deliveries.attempted(due, at, status, error, (System.nanoTime() - started) / 1_000_000);
        return error == null;
    }

    /**
     * Why the endpoint may not be called now, or null: its name is resolved again here, immediately before the
     * send, and every address it has must be public (a name re-pointed at an internal address since
     * registration is refused). The JDK caches the lookup (networkaddress.cache.ttl, 30 s by default), so the
     * client connects to the address checked here unless the cache entry expires in between.
     */
    private String refusal(URI uri) {
        String host = WebhookAddresses.host(uri.getHost());
        if (allowInsecureLocalhost && WebhookAddresses.isLocalhostName(host)) {
            return null;
        }
        if (host.isEmpty() || WebhookAddresses.isNumericTrick(host)) {
            return REFUSED;
        }
        try {
            return WebhookAddresses.resolve(host).stream().allMatch(WebhookAddresses::isPublic) ? null : REFUSED;
        } catch (UnknownHostException e) {
            return "Address not found";
        }
    }

    /** The failure in words for the administrator: never the exception's text, which can describe the network. */
    static String inWords(Throwable e) {
        if (e instanceof TimeoutException || e instanceof HttpTimeoutException) {
            return "Timed out";
        }
        if (e instanceof ConnectException) {
            return "Connection refused";
        }
        if (e instanceof SSLException) {
            return "Secure connection failed";
        }
        if (e instanceof UnknownHostException) {
            return "Address not found";
        }
        if (e instanceof IOException) {
            return "Connection failed";
        }
        return "Could not send";
    }

    /** Reads and drops the answer's body, at most {@code cap} bytes: then stops reading and completes. */
    static final class CappedBody implements HttpResponse.BodySubscriber<Void> {
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private final long cap;
        private long read;
        private Flow.Subscription subscription;

        CappedBody(long cap) {
            this.cap = cap;
        }

        @Override
        public CompletionStage<Void> getBody() {
            return done;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                read += b.remaining();
            }
            if (read > cap) {
                subscription.cancel();
                done.complete(null);
            }
        }

        @Override
        public void onError(Throwable t) {
            done.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            done.complete(null);
        }
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

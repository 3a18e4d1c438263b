package uk.supervision.activitylog;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import uk.supervision.security.Caller;
import uk.supervision.support.RequestId;

import io.micronaut.http.server.util.HttpClientAddressResolver;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the activity log. Call it inside the transaction of the change it records, so the change
 * and its trail are kept or lost together.
 */
@Singleton
public class ActivityLog {
    private final ActivityLogRepository repository;
    private final Clock clock;
    private final HttpClientAddressResolver addressResolver;

    public ActivityLog(ActivityLogRepository repository, Clock clock, HttpClientAddressResolver addressResolver) {
        this.repository = repository;
        this.clock = clock;
        this.addressResolver = addressResolver;
    }

    public void record(Caller caller, String action, String entityType, String entityId, String summary) {
        entry(caller, action, entityType, entityId, summary);
    }

    /** For events with no signed-in caller yet (sign-in attempts, token requests). */
    public void recordAnonymous(String organisationId, String accountId, String clientId, String action, String summary) {
        write(organisationId, accountId, clientId, null, null, action, null, null, summary);
    }

    /** Writes one row for the caller and returns it (with its id), for callers that add its subjects. */
    ActivityLogEntry entry(Caller caller, String action, String entityType, String entityId, String summary) {
        String roles = caller.roles().isEmpty() ? null
                : caller.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(" "));
        return write(caller.organisationId(), caller.accountId(), caller.clientId(), caller.staffId(), roles,
                action, entityType, entityId, summary);
    }

    private ActivityLogEntry write(String organisationId, String accountId, String clientId, String staffId, String roles,
                                   String action, String entityType, String entityId, String summary) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        // The resolver believes forwarded headers only from configured trusted proxies (decision 0008).
        String address = request.map(addressResolver::resolve).orElse(null);
        String requestId = request.flatMap(r -> r.getAttribute(RequestId.ATTRIBUTE, String.class)).orElse(null);
        return repository.save(new ActivityLogEntry(null, clock.instant().truncatedTo(ChronoUnit.MICROS), organisationId, accountId, clientId, staffId, roles,
                action, entityType, entityId, truncate(summary, 1000), truncate(address, 64), requestId));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

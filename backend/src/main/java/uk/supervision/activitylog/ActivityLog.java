package uk.supervision.activitylog;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import uk.supervision.security.Caller;
import uk.supervision.support.RequestId;

import java.time.Clock;
import java.util.Optional;

/**
 * Writes the activity log. Call it inside the transaction of the change it records, so the change
 * and its trail are kept or lost together.
 */
@Singleton
public class ActivityLog {
    private final ActivityLogRepository repository;
    private final HttpClientAddressResolver addressResolver;
    private final Clock clock;

    public ActivityLog(ActivityLogRepository repository, HttpClientAddressResolver addressResolver, Clock clock) {
        this.repository = repository;
        this.addressResolver = addressResolver;
        this.clock = clock;
    }

    public void record(Caller caller, String action, String entityType, String entityId, String summary) {
        write(caller.organisationId(), caller.accountId(), caller.clientId(), action, entityType, entityId, summary);
    }

    /** For events with no signed-in caller yet (sign-in attempts, token requests). */
    public void recordAnonymous(String organisationId, String accountId, String clientId, String action, String summary) {
        write(organisationId, accountId, clientId, action, null, null, summary);
    }

    private void write(String organisationId, String accountId, String clientId, String action,
                       String entityType, String entityId, String summary) {
        Optional<HttpRequest<Object>> request = ServerRequestContext.currentRequest();
        String address = request.map(addressResolver::resolve).orElse(null);
        String requestId = request.flatMap(r -> r.getAttribute(RequestId.ATTRIBUTE, String.class)).orElse(null);
        repository.save(new ActivityLogEntry(null, clock.instant(), organisationId, accountId, clientId, action,
                entityType, entityId, truncate(summary, 1000), truncate(address, 64), requestId));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}

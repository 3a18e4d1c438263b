package uk.supervision.support;

import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import uk.supervision.problem.Problems;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

/**
 * Idempotency-Key for creates. Call {@link #previous} first: a resend with the same key and body gives
 * the id of what the first request created (return that, write nothing); the same key with another
 * body is a 422. After creating, {@link #remember} in the same transaction, so the record and its key
 * are kept or lost together. A concurrent duplicate trips the primary key and rolls back.
 */
@Singleton
public class Idempotency {
    private final IdempotencyKeyRepository keys;
    private final JsonMapper json;
    private final Clock clock;

    public Idempotency(IdempotencyKeyRepository keys, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.json = json;
        this.clock = clock;
    }

    public Optional<String> previous(Caller caller, String key, String operation, Object request) {
        if (key == null) {
            return Optional.empty();
        }
        return keys.findById(id(caller, key)).map(found -> {
            if (!found.operation().equals(operation) || !found.requestHash().equals(hash(operation, request))) {
                throw Problems.rule("#Idempotency-Key", "This Idempotency-Key was already used for a different request. "
                        + "Use a new key for a new request.");
            }
            OpsMetrics.replayReceived();
            // The response says so (IdempotentReplayHeader), whichever operation this is.
            ServerRequestContext.currentRequest().ifPresent(r -> r.setAttribute(IdempotentReplayHeader.ATTRIBUTE, true));
            return found.resourceId();
        });
    }

    public void remember(Caller caller, String key, String operation, Object request, String resourceId) {
        if (key != null) {
            keys.save(new IdempotencyKey(id(caller, key), callerId(caller), key, operation, hash(operation, request),
                    resourceId, clock.instant()));
        }
    }

    private String hash(String operation, Object request) {
        try {
            return PasswordHasher.sha256(operation + "\n" + json.writeValueAsString(request));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String id(Caller caller, String key) {
        return PasswordHasher.sha256(callerId(caller) + "\n" + key);
    }

    private static String callerId(Caller caller) {
        return caller.isClient() ? "client:" + caller.clientId() : "account:" + caller.accountId();
    }
}

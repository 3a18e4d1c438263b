package uk.supervision.integration;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.MachineClientCreate;
import uk.supervision.api.model.MachineClientPage;
import uk.supervision.api.model.MachineClientRegistration;
import uk.supervision.api.model.Scope;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.Caller;
import uk.supervision.security.PasswordHasher;
import uk.supervision.support.Cursor;
import uk.supervision.support.CursorList;
import uk.supervision.support.Ids;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** Registers third-party systems. The secret is generated here and shown once; only its hash is kept. */
@Singleton
public class MachineClientService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MachineClientRepository clients;
    private final AccessPolicy access;
    private final ActivityLog activityLog;
    private final Clock clock;

    public MachineClientService(MachineClientRepository clients, AccessPolicy access, ActivityLog activityLog, Clock clock) {
        this.clients = clients;
        this.access = access;
        this.activityLog = activityLog;
        this.clock = clock;
    }

    @Transactional
    public MachineClientRegistration register(Caller caller, MachineClientCreate body) {
        access.requireAdministrator(caller);
        byte[] idBytes = new byte[8];
        RANDOM.nextBytes(idBytes);
        byte[] secretBytes = new byte[32];
        RANDOM.nextBytes(secretBytes);
        String clientId = "mc_" + HexFormat.of().formatHex(idBytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        String scopes = body.getScopes().stream().map(Scope::getValue).sorted().distinct().collect(Collectors.joining(" "));
        MachineClient saved = clients.save(new MachineClient(Ids.newId(), caller.organisationId(), clientId, body.getName().trim(),
                PasswordHasher.sha256(secret), scopes, true, clock.instant()));
        activityLog.record(caller, "MACHINE_CLIENT_REGISTERED", "machine_client", saved.id(), clientId + " " + scopes);
        return new MachineClientRegistration(UUID.fromString(saved.id()), saved.clientId(), saved.name(), scopes(saved),
                saved.enabled(), saved.createdAt().atOffset(ZoneOffset.UTC), secret);
    }

    @Transactional(readOnly = true)
    public MachineClientPage list(Caller caller, Integer limit, String cursor) {
        access.requireAdministrator(caller);
        int size = Cursor.limit(limit);
        List<String> after = Cursor.decode(CursorList.MACHINE_CLIENTS, cursor, 1);
        List<MachineClient> rows = clients.page(caller.organisationId(), after == null ? "" : after.get(0), size + 1);
        boolean more = rows.size() > size;
        List<MachineClient> page = more ? rows.subList(0, size) : rows;
        MachineClientPage result = new MachineClientPage(page.stream().map(c -> new uk.supervision.api.model.MachineClient(
                UUID.fromString(c.id()), c.clientId(), c.name(), scopes(c), c.enabled(), c.createdAt().atOffset(ZoneOffset.UTC))).toList());
        if (more) {
            result.setNextCursor(Cursor.encode(CursorList.MACHINE_CLIENTS, page.get(page.size() - 1).id()));
        }
        return result;
    }

    private static List<Scope> scopes(MachineClient c) {
        return Arrays.stream(c.scopes().split(" ")).map(Scope::fromValue).toList();
    }
}

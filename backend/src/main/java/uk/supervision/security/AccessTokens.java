package uk.supervision.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.TokenGenerator;
import jakarta.inject.Singleton;
import uk.supervision.account.Account;
import uk.supervision.account.RoleGrant;
import uk.supervision.api.model.Role;
import uk.supervision.integration.MachineClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Signs short-lived access tokens (JWT, HS256) for people and for machine clients. */
@Singleton
public class AccessTokens {
    private final TokenGenerator generator;
    private final SecuritySettings settings;

    public AccessTokens(TokenGenerator generator, SecuritySettings settings) {
        this.generator = generator;
        this.settings = settings;
    }

    public int lifetimeSeconds() {
        return settings.getAccessTokenSeconds();
    }

    /** A person's token at the account's current generation, so revoking raises it past this token. */
    public String forPerson(Account account, List<RoleGrant> grants, int generation) {
        Set<String> roles = new TreeSet<>();
        Set<String> services = new TreeSet<>();
        boolean wholeOrganisation = false;
        for (RoleGrant grant : grants) {
            roles.add(grant.role());
            boolean managerRole = grant.role().equals(Role.SERVICE_MANAGER.name()) || grant.role().equals(Role.HEAD_OF_SERVICE.name());
            if (managerRole) {
                if (grant.serviceId() == null) {
                    wholeOrganisation = true;
                } else {
                    services.add(grant.serviceId());
                }
            }
        }
        Map<String, Object> claims = new HashMap<>();
        claims.put(Claims.KIND, "person");
        claims.put(Claims.ORGANISATION, account.organisationId());
        if (account.staffId() != null) {
            claims.put(Claims.STAFF, account.staffId());
        }
        claims.put(Claims.NAME, account.displayName());
        claims.put(Claims.GENERATION, generation);
        claims.put(Claims.MANAGED_SERVICES, new ArrayList<>(services));
        claims.put(Claims.MANAGES_ORGANISATION, wholeOrganisation);
        return sign(account.id(), roles, claims);
    }

    public String forClient(MachineClient client, Set<String> scopes) {
        Map<String, Object> claims = new HashMap<>();
        claims.put(Claims.KIND, "client");
        claims.put(Claims.CLIENT, true);
        claims.put(Claims.ORGANISATION, client.organisationId());
        claims.put(Claims.SCOPE, String.join(" ", new TreeSet<>(scopes)));
        return sign(client.clientId(), Set.of(), claims);
    }

    private String sign(String subject, Set<String> roles, Map<String, Object> claims) {
        claims.put(io.micronaut.security.token.Claims.ISSUER, settings.getIssuer());
        return generator.generateToken(Authentication.build(subject, roles, claims), settings.getAccessTokenSeconds())
                .orElseThrow(() -> new IllegalStateException("The token generator produced no token"));
    }
}

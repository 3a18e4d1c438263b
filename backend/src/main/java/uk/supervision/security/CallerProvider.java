package uk.supervision.security;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.utils.SecurityService;
import jakarta.inject.Singleton;
import uk.supervision.api.model.Role;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Reads the caller from the validated access token of the current request. */
@Singleton
public class CallerProvider {
    private final SecurityService securityService;

    public CallerProvider(SecurityService securityService) {
        this.securityService = securityService;
    }

    public Caller current() {
        Authentication authentication = securityService.getAuthentication()
                .orElseThrow(() -> Problems.unauthorized(ProblemType.UNAUTHORIZED, "Sign in first."));
        return fromAuthentication(authentication);
    }

    /** The caller as a person; machine clients are refused operations meant for people. */
    public Caller person() {
        Caller caller = current();
        if (caller.isClient()) {
            throw Problems.forbidden("This operation is for people signed in to the service, not machine clients.");
        }
        return caller;
    }

    static Caller fromAuthentication(Authentication authentication) {
        Map<String, Object> attributes = authentication.getAttributes();
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : authentication.getRoles()) {
            try {
                roles.add(Role.valueOf(r));
            } catch (IllegalArgumentException ignored) {
                // roles this version does not know give no rights
            }
        }
        boolean client = Boolean.TRUE.equals(attributes.get(Claims.CLIENT));
        Set<String> scopes = new HashSet<>();
        Object scope = attributes.get(Claims.SCOPE);
        if (scope instanceof String s && !s.isBlank()) {
            scopes.addAll(Set.of(s.trim().split("\\s+")));
        }
        return new Caller(
                client ? null : authentication.getName(),
                str(attributes.get(Claims.ORGANISATION)),
                str(attributes.get(Claims.STAFF)),
                str(attributes.get(Claims.NAME)),
                client ? EnumSet.noneOf(Role.class) : roles,
                strings(attributes.get(Claims.MANAGED_SERVICES)),
                Boolean.TRUE.equals(attributes.get(Claims.MANAGES_ORGANISATION)),
                client ? authentication.getName() : null,
                client ? Set.copyOf(scopes) : Set.of());
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static Set<String> strings(Object o) {
        Set<String> out = new HashSet<>();
        if (o instanceof Collection<?> c) {
            c.forEach(x -> out.add(x.toString()));
        }
        return out;
    }
}

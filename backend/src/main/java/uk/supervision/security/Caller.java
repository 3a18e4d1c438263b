package uk.supervision.security;

import uk.supervision.api.model.Role;

import java.util.Set;

/**
 * Who is calling, as the access token says: a person (account, staff record, roles, the services a
 * manager's role is limited to) or a machine client (scopes only).
 */
public record Caller(String accountId,
                     String organisationId,
                     String staffId,
                     String displayName,
                     Set<Role> roles,
                     Set<String> managedServiceIds,
                     boolean managesWholeOrganisation,
                     String clientId,
                     Set<String> scopes) {

    public boolean isClient() {
        return clientId != null;
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Role... any) {
        for (Role r : any) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean hasScope(String scope) {
        return scopes.contains(scope);
    }

    public boolean isSelf(String staffId) {
        return this.staffId != null && this.staffId.equals(staffId);
    }
}

package uk.supervision.account;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.Role;
import uk.supervision.api.model.RoleGrantCreate;
import uk.supervision.problem.Problems;
import uk.supervision.security.AccessPolicy;
import uk.supervision.security.AccessRevocation;
import uk.supervision.security.Caller;
import uk.supervision.support.Ids;
import uk.supervision.team.DirectorateServiceRepository;

import java.util.Objects;
import java.util.UUID;

/**
 * Administrators grant and remove roles and disable accounts. Each change ends the account's tokens at
 * once (AccessRevocation): the person signs in again and gets a token that says what they may do now.
 */
@Singleton
public class AccountAdministration {
    private final AccountRepository accounts;
    private final RoleGrantRepository grants;
    private final DirectorateServiceRepository services;
    private final AccessPolicy access;
    private final AccessRevocation revocation;
    private final ActivityLog activityLog;

    public AccountAdministration(AccountRepository accounts, RoleGrantRepository grants, DirectorateServiceRepository services,
                                 AccessPolicy access, AccessRevocation revocation, ActivityLog activityLog) {
        this.accounts = accounts;
        this.grants = grants;
        this.services = services;
        this.access = access;
        this.revocation = revocation;
        this.activityLog = activityLog;
    }

    @Transactional
    public uk.supervision.api.model.RoleGrant grant(Caller caller, UUID accountId, RoleGrantCreate body) {
        access.requireAdministrator(caller);
        Account account = find(caller, accountId);
        if (!account.enabled()) {
            throw Problems.rule("", account.displayName() + "'s account is disabled; a disabled account holds no roles.");
        }
        Role role = body.getRole();
        String serviceId = body.getServiceId() == null ? null : body.getServiceId().toString();
        if (serviceId != null) {
            if (role != Role.SERVICE_MANAGER && role != Role.HEAD_OF_SERVICE) {
                throw Problems.rule("/serviceId", "Only a service manager's or head of service's role is limited to a service.");
            }
            if (services.findByIdAndOrganisationId(serviceId, caller.organisationId()).isEmpty()) {
                throw Problems.rule("/serviceId", "There is no such service in your organisation.");
            }
        }
        boolean held = grants.findByAccountId(account.id()).stream()
                .anyMatch(g -> g.role().equals(role.name()) && Objects.equals(g.serviceId(), serviceId));
        if (held) {
            throw Problems.conflict(account.displayName() + " already holds this role.");
        }
        // The account row first, as every revocation and token issue does: inserting the grant first would
        // take a shared lock on it (foreign key) and deadlock with a sign-in waiting for that row on InnoDB.
        revocation.revokeTokens(account.id());
        RoleGrant saved = grants.save(new RoleGrant(Ids.newId(), account.id(), role.name(), serviceId));
        activityLog.record(caller, "ROLE_GRANTED", "account", account.id(), describe(saved));
        return toDto(saved);
    }

    @Transactional
    public void remove(Caller caller, UUID accountId, UUID grantId) {
        access.requireAdministrator(caller);
        Account account = find(caller, accountId);
        RoleGrant grant = grants.findByIdAndAccountId(grantId.toString(), account.id())
                .orElseThrow(() -> Problems.notFound("Role grant " + grantId));
        if (grant.role().equals(Role.ADMIN.name()) && grants.countEnabledAdministrators(account.organisationId()) <= 1) {
            throw Problems.rule("", "This is the organisation's last administrator; grant the role to someone else first.");
        }
        grants.delete(grant);
        revocation.revokeTokens(account.id());
        activityLog.record(caller, "ROLE_REMOVED", "account", account.id(), describe(grant));
    }

    @Transactional
    public void disable(Caller caller, UUID accountId) {
        access.requireAdministrator(caller);
        Account account = find(caller, accountId);
        boolean administrator = grants.findByAccountId(account.id()).stream().anyMatch(g -> g.role().equals(Role.ADMIN.name()));
        if (account.enabled() && administrator && grants.countEnabledAdministrators(account.organisationId()) <= 1) {
            throw Problems.rule("", "This is the organisation's last administrator; grant the role to someone else first.");
        }
        if (revocation.disable(account.id())) {
            activityLog.record(caller, "ACCOUNT_DISABLED", "account", account.id(), null);
        }
    }

    private Account find(Caller caller, UUID accountId) {
        return accounts.findByIdAndOrganisationId(accountId.toString(), caller.organisationId())
                .orElseThrow(() -> Problems.notFound("Account " + accountId));
    }

    private static String describe(RoleGrant grant) {
        return grant.role() + (grant.serviceId() == null ? "" : " in service " + grant.serviceId());
    }

    private static uk.supervision.api.model.RoleGrant toDto(RoleGrant grant) {
        uk.supervision.api.model.RoleGrant dto = new uk.supervision.api.model.RoleGrant(UUID.fromString(grant.id()),
                Role.valueOf(grant.role()));
        dto.setServiceId(grant.serviceId() == null ? null : UUID.fromString(grant.serviceId()));
        return dto;
    }
}

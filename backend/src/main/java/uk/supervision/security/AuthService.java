package uk.supervision.security;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.Transactional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.supervision.account.Account;
import uk.supervision.account.AccountRepository;
import uk.supervision.account.RoleGrantRepository;
import uk.supervision.activitylog.ActivityLog;
import uk.supervision.api.model.ClientToken;
import uk.supervision.api.model.TokenPair;
import uk.supervision.api.model.TokenPairTokenType;
import uk.supervision.integration.MachineClient;
import uk.supervision.integration.MachineClientRepository;
import uk.supervision.problem.ProblemException;
import uk.supervision.problem.ProblemResponses;
import uk.supervision.problem.ProblemType;
import uk.supervision.problem.Problems;
import uk.supervision.support.Ids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Sign-in, refresh-token rotation, sign-out and client-credentials tokens. */
@Singleton
public class AuthService {
    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountRepository accounts;
    private final RoleGrantRepository grants;
    private final RefreshTokenRepository refreshTokens;
    private final MachineClientRepository clients;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final Throttle throttle;
    private final ActivityLog activityLog;
    private final SecuritySettings settings;
    private final AccessRevocation revocation;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public AuthService(AccountRepository accounts, RoleGrantRepository grants, RefreshTokenRepository refreshTokens,
                       MachineClientRepository clients, PasswordHasher hasher, AccessTokens accessTokens,
                       Throttle throttle, ActivityLog activityLog, SecuritySettings settings, AccessRevocation revocation,
                       TransactionOperations<Connection> transactions, Clock clock) {
        this.accounts = accounts;
        this.grants = grants;
        this.refreshTokens = refreshTokens;
        this.clients = clients;
        this.hasher = hasher;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.activityLog = activityLog;
        this.settings = settings;
        this.revocation = revocation;
        this.transactions = transactions;
        this.clock = clock;
    }

    public TokenPair signIn(String username, String password, String address) {
        String name = username.trim().toLowerCase(Locale.ROOT);
        // Per account from this address: failures elsewhere never keep the account's owner out.
        String accountKey = Throttle.key("account", name, address);
        String addressKey = "address:" + address;
        throttle.checkAllowed(accountKey);
        throttle.checkAllowed(addressKey);

        Account account = accounts.findByUsername(name).orElse(null);
        boolean verified = hasher.verify(password, account == null ? null : account.passwordHash());
        if (!verified || !account.enabled()) {
            throttle.slowDown(accountKey);
            throttle.recordFailure(addressKey, throttle.addressLimit());
            activityLog.recordAnonymous(account == null ? null : account.organisationId(),
                    account == null ? null : account.id(), null, "SIGN_IN_FAILED", "username " + abbreviate(name));
            uk.supervision.support.OpsMetrics.signInFailed();
            throw Problems.unauthorized(ProblemType.INVALID_CREDENTIALS, "Enter a correct username and password.");
        }
        throttle.reset(accountKey);
        String family = Ids.newId();
        TokenPair pair = transactions.executeWrite(status -> accounts.lockTokenGeneration(account.id())
                .map(generation -> issue(account, family, generation))
                .orElseThrow(() -> Problems.unauthorized(ProblemType.INVALID_CREDENTIALS, "Enter a correct username and password.")));
        activityLog.recordAnonymous(account.organisationId(), account.id(), null, "SIGN_IN", null);
        return pair;
    }

    public TokenPair refresh(String presented) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByTokenHash(PasswordHasher.sha256(presented))
                .orElseThrow(AuthService::invalidRefreshToken);
        if (token.revokedAt() != null || token.expiresAt().isBefore(now)) {
            throw invalidRefreshToken();
        }
        if (token.rotatedAt() != null) {
            throw reused(token, now);
        }
        // One transaction under the account's lock, in the same order as every revocation (account row
        // first): a sign-out or role change either committed before (the generation moved on, so the token
        // is refused) or waits until the new pair exists (and then revokes it). The token is spent only if
        // the new pair is issued, so a failed refresh can be retried without looking like a stolen token.
        Refreshed refreshed = transactions.executeWrite(status -> {
            Optional<Integer> generation = accounts.lockTokenGeneration(token.accountId());
            if (generation.isEmpty() || generation.get() != token.tokenGeneration()) {
                return new Refreshed(null, false);
            }
            if (refreshTokens.markRotated(token.id(), now) == 0) {
                return new Refreshed(null, true);
            }
            return accounts.findById(token.accountId())
                    .map(account -> new Refreshed(issue(account, token.familyId(), generation.get()), false))
                    .orElse(new Refreshed(null, false));
        });
        if (refreshed.reused()) {
            throw reused(token, now);
        }
        if (refreshed.pair() == null) {
            refreshTokens.revokeFamily(token.familyId(), now);
            throw invalidRefreshToken();
        }
        return refreshed.pair();
    }

    private record Refreshed(TokenPair pair, boolean reused) {
    }

    /** A used token presented again: someone holds a copy. Ends the whole sign-in. */
    private ProblemException reused(RefreshToken token, Instant now) {
        refreshTokens.revokeFamily(token.familyId(), now);
        LOG.warn("Refresh token reused; sign-in {} revoked", token.familyId());
        activityLog.recordAnonymous(null, token.accountId(), null, "REFRESH_TOKEN_REUSED", "sign-in revoked");
        return invalidRefreshToken();
    }

    /**
     * Signs the person out everywhere: every access token of the account stops working on its next
     * request and every refresh token is revoked (a shared tablet must not keep a way back in).
     */
    @Transactional
    public void signOut(Caller caller, String presented) {
        revocation.revokeTokens(caller.accountId());
        activityLog.record(caller, "SIGN_OUT", "account", caller.accountId(), null);
    }

    public ClientToken clientToken(String clientId, String clientSecret, String requestedScope, String address) {
        if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
            throw oauth(HttpStatus.UNAUTHORIZED, ProblemType.INVALID_CREDENTIALS, "invalid_client",
                    "Authenticate the client with HTTP Basic or client_id and client_secret.");
        }
        String key = Throttle.key("client", clientId, address);
        throttle.checkAllowed(key);
        MachineClient client = clients.findByClientId(clientId).orElse(null);
        boolean verified = client != null && client.enabled() && MessageDigest.isEqual(
                client.secretHash().getBytes(StandardCharsets.UTF_8),
                PasswordHasher.sha256(clientSecret).getBytes(StandardCharsets.UTF_8));
        if (!verified) {
            throttle.slowDown(key);
            activityLog.recordAnonymous(client == null ? null : client.organisationId(), null, abbreviate(clientId),
                    "CLIENT_TOKEN_FAILED", null);
            throw oauth(HttpStatus.UNAUTHORIZED, ProblemType.INVALID_CREDENTIALS, "invalid_client",
                    "The client id or secret is not recognised.");
        }
        Set<String> granted = new HashSet<>(Arrays.asList(client.scopes().split(" ")));
        Set<String> scopes = granted;
        if (requestedScope != null && !requestedScope.isBlank()) {
            scopes = new HashSet<>(Arrays.asList(requestedScope.trim().split("\\s+")));
            if (!granted.containsAll(scopes)) {
                throw oauth(HttpStatus.BAD_REQUEST, ProblemType.FORBIDDEN, "invalid_scope",
                        "The client asked for scopes it was not granted.");
            }
        }
        throttle.reset(key);
        activityLog.recordAnonymous(client.organisationId(), null, client.clientId(), "CLIENT_TOKEN", String.join(" ", scopes));
        return new ClientToken(accessTokens.forClient(client, scopes), TokenPairTokenType.BEARER,
                accessTokens.lifetimeSeconds(), String.join(" ", new java.util.TreeSet<>(scopes)));
    }

    /**
     * A token pair of this generation, inside a transaction holding the account's lock: both stop working
     * once the account's generation moves past it.
     */
    private TokenPair issue(Account account, String family, int generation) {
        Instant now = clock.instant();
        Duration lifetime = Duration.ofHours(settings.getRefreshTokenHours());
        String refresh = "rt_" + randomToken();
        refreshTokens.save(new RefreshToken(Ids.newId(), account.id(), family, PasswordHasher.sha256(refresh),
                now, now.plus(lifetime), null, null, generation));
        String access = accessTokens.forPerson(account, grants.findByAccountId(account.id()), generation);
        return new TokenPair(access, TokenPairTokenType.BEARER, accessTokens.lifetimeSeconds(), refresh,
                (int) lifetime.getSeconds());
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ProblemException invalidRefreshToken() {
        return Problems.unauthorized(ProblemType.INVALID_TOKEN, "The refresh token is not valid any more. Sign in again.");
    }

    private static ProblemException oauth(HttpStatus status, ProblemType type, String code, String detail) {
        return new ProblemException(status, type, detail, null, null, ProblemResponses.oauthError(code));
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) : s;
    }
}

package uk.supervision.security;

import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.support.TransactionSynchronization;
import jakarta.inject.Singleton;
import uk.supervision.account.AccountRepository;

import java.sql.Connection;
import java.time.Clock;

/**
 * Ends every token of an account: its access tokens stop working on the next request (the token
 * generation goes up) and its refresh tokens are revoked. Used on sign-out, role changes, disabling and
 * leaving. Runs inside the caller's transaction; this node's cached generation is dropped now and again
 * after the transaction ends, so a read racing the commit cannot keep the old one.
 */
@Singleton
public class AccessRevocation {
    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final TokenGenerations generations;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    public AccessRevocation(AccountRepository accounts, RefreshTokenRepository refreshTokens, TokenGenerations generations,
                            TransactionOperations<Connection> transactions, Clock clock) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.generations = generations;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * The account row is updated first: issuing tokens locks that row (AuthService), so a sign-in or refresh
     * either finishes before this (and its tokens are revoked here) or waits and then sees the new generation.
     */
    public void revokeTokens(String accountId) {
        accounts.raiseTokenGeneration(accountId);
        refreshTokens.revokeAccount(accountId, clock.instant());
        forgetNowAndAfterTransaction(accountId);
    }

    /** Disables the account and ends its tokens; false when it was disabled already. */
    public boolean disable(String accountId) {
        boolean changed = accounts.disable(accountId) > 0;
        refreshTokens.revokeAccount(accountId, clock.instant());
        forgetNowAndAfterTransaction(accountId);
        return changed;
    }

    private void forgetNowAndAfterTransaction(String accountId) {
        generations.forget(accountId);
        transactions.findTransactionStatus().ifPresent(status -> status.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(Status completion) {
                generations.forget(accountId);
            }
        }));
    }
}

package uk.supervision.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;

/** supervision.security.* in application.yml; every value has a safe default. */
@ConfigurationProperties("supervision.security")
public class SecuritySettings {
    /** HS256 signing secret (at least 32 characters). Required with a MySQL database. */
    @Nullable
    private String jwtSecret;
    private int bcryptCost = 12;
    private int accessTokenSeconds = 900;
    private int refreshTokenHours = 12;
    private int maxFailuresPerAccount = 5;
    private int maxFailuresPerAddress = 50;
    private int throttleWindowMinutes = 15;
    private String dataDir = "./data";
    /** The iss of every token this service signs; a token with another is refused. */
    private String issuer = "supervision";
    /** How long a node trusts what it read about an account's tokens (revocation reaches other nodes within it). */
    private int revocationCacheSeconds = 5;
    /** Addresses (or CIDR ranges) of reverse proxies whose X-Forwarded-For / Forwarded is believed; empty = none. */
    private List<String> trustedProxies = new ArrayList<>();
    /** The first delay after maxFailuresPerAccount failures for one account from one address; it doubles each failure. */
    private int throttleFirstDelaySeconds = 30;
    /** The longest delay the doubling reaches. */
    private int throttleMaxDelayMinutes = 60;

    @Nullable
    public String getJwtSecret() {
        return jwtSecret;
    }

    public void setJwtSecret(@Nullable String jwtSecret) {
        this.jwtSecret = jwtSecret;
    }

    public int getBcryptCost() {
        return bcryptCost;
    }

    public void setBcryptCost(int bcryptCost) {
        this.bcryptCost = bcryptCost;
    }

    public int getAccessTokenSeconds() {
        return accessTokenSeconds;
    }

    public void setAccessTokenSeconds(int accessTokenSeconds) {
        this.accessTokenSeconds = Math.min(accessTokenSeconds, 900);
    }

    public int getRefreshTokenHours() {
        return refreshTokenHours;
    }

    public void setRefreshTokenHours(int refreshTokenHours) {
        this.refreshTokenHours = refreshTokenHours;
    }

    public int getMaxFailuresPerAccount() {
        return maxFailuresPerAccount;
    }

    public void setMaxFailuresPerAccount(int maxFailuresPerAccount) {
        this.maxFailuresPerAccount = maxFailuresPerAccount;
    }

    public int getMaxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public void setMaxFailuresPerAddress(int maxFailuresPerAddress) {
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    public int getThrottleWindowMinutes() {
        return throttleWindowMinutes;
    }

    public void setThrottleWindowMinutes(int throttleWindowMinutes) {
        this.throttleWindowMinutes = throttleWindowMinutes;
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir;
    }

    public String getIssuer() {
        return issuer;
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer == null || issuer.isBlank() ? "supervision" : issuer.trim();
    }

    public int getRevocationCacheSeconds() {
        return revocationCacheSeconds;
    }

    /** A few seconds at most: it is how long another node may still accept a revoked token. */
    public void setRevocationCacheSeconds(int revocationCacheSeconds) {
        this.revocationCacheSeconds = Math.max(0, Math.min(revocationCacheSeconds, 10));
    }

    public List<String> getTrustedProxies() {
        return trustedProxies;
    }

    public void setTrustedProxies(List<String> trustedProxies) {
        List<String> kept = new ArrayList<>();
        if (trustedProxies != null) {
            for (String p : trustedProxies) {
                // One environment variable may hold a comma-separated list.
                for (String part : p.split(",")) {
                    if (!part.isBlank()) {
                        kept.add(part.trim());
                    }
                }
            }
        }
        this.trustedProxies = kept;
    }

    public int getThrottleFirstDelaySeconds() {
        return throttleFirstDelaySeconds;
    }

    public void setThrottleFirstDelaySeconds(int throttleFirstDelaySeconds) {
        this.throttleFirstDelaySeconds = Math.max(1, throttleFirstDelaySeconds);
    }

    public int getThrottleMaxDelayMinutes() {
        return throttleMaxDelayMinutes;
    }

    public void setThrottleMaxDelayMinutes(int throttleMaxDelayMinutes) {
        this.throttleMaxDelayMinutes = Math.max(1, throttleMaxDelayMinutes);
    }
}

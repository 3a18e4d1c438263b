package uk.supervision.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

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
}

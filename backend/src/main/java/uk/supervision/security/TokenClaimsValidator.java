package uk.supervision.security;

import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;

/**
 * What a correctly signed token must also say to be accepted: this service as its issuer, an issue time
 * and an expiry no further apart than the configured access-token lifetime, no not-before in the future,
 * and, for a person, the account's current token generation (signing out, role changes, disabling and
 * leaving raise it). Runs on the blocking executor (micronaut.security.token.jwt.nimbus
 * .reactive-validator-execute-on-blocking), because the generation check may read the database.
 */
@Singleton
public class TokenClaimsValidator<T> implements GenericJwtClaimsValidator<T> {
    /** Clocks of several nodes differ a little; tokens are stamped in whole seconds. */
    static final long LEEWAY_SECONDS = 5;
    private static final Logger LOG = LoggerFactory.getLogger(TokenClaimsValidator.class);

    private final SecuritySettings settings;
    private final TokenGenerations generations;
    private final Clock clock;

    public TokenClaimsValidator(SecuritySettings settings, TokenGenerations generations, Clock clock) {
        this.settings = settings;
        this.generations = generations;
        this.clock = clock;
    }

    @Override
    public boolean validate(Claims claims, T request) {
        Instant now = clock.instant();
        Instant expires = instant(claims.get(Claims.EXPIRATION_TIME));
        Instant issued = instant(claims.get(Claims.ISSUED_AT));
        Instant notBefore = instant(claims.get(Claims.NOT_BEFORE));
        if (expires == null || issued == null) {
            return refuse("no exp or no iat");
        }
        if (expires.getEpochSecond() - issued.getEpochSecond() > settings.getAccessTokenSeconds() + LEEWAY_SECONDS) {
            return refuse("lifetime longer than configured");
        }
        if (!expires.isAfter(now)) {
            return refuse("expired");
        }
        if (issued.isAfter(now.plusSeconds(LEEWAY_SECONDS))) {
            return refuse("issued in the future");
        }
        if (notBefore != null && notBefore.isAfter(now.plusSeconds(LEEWAY_SECONDS))) {
            return refuse("not valid yet");
        }
        if (!settings.getIssuer().equals(claims.get(Claims.ISSUER))) {
            return refuse("another issuer");
        }
        if (Boolean.TRUE.equals(claims.get(uk.supervision.security.Claims.CLIENT))) {
            return true;
        }
        Object subject = claims.get(Claims.SUBJECT);
        Object generation = claims.get(uk.supervision.security.Claims.GENERATION);
        if (subject == null || !(generation instanceof Number n)) {
            return refuse("a person's token without subject or generation");
        }
        return generations.isCurrent(subject.toString(), n.intValue()) || refuse("revoked");
    }

    private static boolean refuse(String why) {
        LOG.debug("Access token refused: {}", why);
        return false;
    }

    private static Instant instant(Object value) {
        if (value instanceof Date d) {
            return d.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Number n) {
            return Instant.ofEpochSecond(n.longValue());
        }
        return null;
    }
}

package uk.supervision.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** bcrypt for people's passwords (slow on purpose); SHA-256 for high-entropy generated secrets. */
@Singleton
public class PasswordHasher {
    private final int cost;
    /** Verified against when the username is unknown, so both paths take as long. */
    private final String decoy;

    public PasswordHasher(SecuritySettings settings) {
        this.cost = settings.getBcryptCost();
        this.decoy = hash("decoy-password-that-matches-nothing");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        String against = hash == null ? decoy : hash;
        boolean ok = BCrypt.verifyer().verify(password.toCharArray(), against.toCharArray()).verified;
        return ok && hash != null;
    }

    public static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

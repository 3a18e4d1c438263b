package uk.supervision.security;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import uk.supervision.support.DatabaseKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The key that signs access tokens. Configured (SUPERVISION_JWT_SECRET) it is used as given. Without
 * one, the embedded default makes its own and keeps it under the data directory so tokens survive a
 * restart; with a MySQL database the service refuses to start, because several nodes must share one
 * secret and a generated one would silently differ between them.
 */
@Factory
public class SigningSecretFactory {
    static final int MIN_LENGTH = 32;

    /**
     * Registered as the signature bean itself, so the token generator signs with it and the validator
     * accepts only tokens it signed. The declared type must be the interface: declared as SecretSignature
     * the bean would inherit that class's @EachBean(SecretSignatureConfiguration) and never be created,
     * which leaves tokens unsigned and lets unsigned ones in (the signature test guards this).
     */
    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration signingSecret(SecuritySettings settings, DatabaseKind database) {
        String secret = settings.getJwtSecret();
        if (secret == null || secret.isBlank()) {
            if (!database.isEmbedded()) {
                throw new ConfigurationException("SUPERVISION_JWT_SECRET must be set (at least " + MIN_LENGTH
                        + " characters) when a MySQL or MariaDB database is configured.");
            }
            secret = database.isInMemory() ? newSecret() : keptSecret(Path.of(settings.getDataDir(), "signing-secret"));
        }
        if (secret.length() < MIN_LENGTH) {
            throw new ConfigurationException("SUPERVISION_JWT_SECRET must be at least " + MIN_LENGTH + " characters.");
        }
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setSecret(secret);
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        return new SecretSignature(configuration);
    }

    private static String keptSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            Files.createDirectories(file.getParent());
            String secret = newSecret();
            Files.writeString(file, secret, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the signing secret at " + file, e);
        }
    }

    private static String newSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

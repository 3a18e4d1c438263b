package uk.supervision.security;

import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.supervision.support.DatabaseKind;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningSecretFactoryTest {
    private final SigningSecretFactory factory = new SigningSecretFactory();

    @Test
    void aMySqlDatabaseWithoutASecretRefusesToStart() {
        ConfigurationException e = assertThrows(ConfigurationException.class,
                () -> factory.signingSecret(settings(null, "/tmp"), new DatabaseKind("jdbc:mysql://db:3306/supervision")));
        assertTrue(e.getMessage().contains("SUPERVISION_JWT_SECRET"));
        assertThrows(ConfigurationException.class,
                () -> factory.signingSecret(settings("  ", "/tmp"), new DatabaseKind("jdbc:mariadb://db/supervision")));
    }

    @Test
    void aShortSecretIsRefused() {
        assertThrows(ConfigurationException.class,
                () -> factory.signingSecret(settings("too-short", "/tmp"), new DatabaseKind("jdbc:mysql://db/s")));
    }

    @Test
    void aConfiguredSecretIsUsedAsGiven() {
        String secret = "a-configured-secret-of-thirty-two-or-more-chars";
        assertEquals(secret, secretOf(factory.signingSecret(settings(secret, "/tmp"), new DatabaseKind("jdbc:mysql://db/s"))));
    }

    @Test
    void theEmbeddedDefaultMakesItsOwnSecretAndKeepsItPrivately(@TempDir Path dir) throws Exception {
        DatabaseKind embedded = new DatabaseKind("jdbc:h2:file:./data/supervision");
        String first = secretOf(factory.signingSecret(settings(null, dir.toString()), embedded));
        String second = secretOf(factory.signingSecret(settings(null, dir.toString()), embedded));
        assertEquals(first, second, "kept across restarts");
        assertTrue(first.length() >= 32);
        Path file = dir.resolve("signing-secret");
        assertEquals(first, Files.readString(file).trim());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        DatabaseKind memory = new DatabaseKind("jdbc:h2:mem:x");
        assertNotEquals(secretOf(factory.signingSecret(settings(null, dir.toString()), memory)),
                secretOf(factory.signingSecret(settings(null, dir.toString()), memory)), "in-memory runs keep nothing");
    }

    private static String secretOf(Object signature) {
        return ((SecretSignature) signature).getSecret();
    }

    private static SecuritySettings settings(String secret, String dir) {
        SecuritySettings s = new SecuritySettings();
        s.setJwtSecret(secret);
        s.setDataDir(dir);
        return s;
    }
}

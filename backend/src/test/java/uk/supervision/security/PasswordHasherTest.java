package uk.supervision.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordHasherTest {
    @Test
    void theDefaultIsBcryptAtCost12WithAFreshSaltEachTime() {
        PasswordHasher hasher = new PasswordHasher(new SecuritySettings());
        String a = hasher.hash("Correct-Horse-7");
        String b = hasher.hash("Correct-Horse-7");
        assertTrue(a.startsWith("$2a$12$"), a);
        assertNotEquals(a, b, "salted");
        assertTrue(hasher.verify("Correct-Horse-7", a));
        assertFalse(hasher.verify("correct-horse-7", a));
    }

    @Test
    void anUnknownAccountNeverVerifies() {
        SecuritySettings settings = new SecuritySettings();
        settings.setBcryptCost(4);
        PasswordHasher hasher = new PasswordHasher(settings);
        assertFalse(hasher.verify("decoy-password-that-matches-nothing", null), "the decoy hash must not let anyone in");
    }

    @Test
    void sha256IsHexOfTheDigest() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PasswordHasher.sha256("abc"));
    }
}

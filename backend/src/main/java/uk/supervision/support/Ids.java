package uk.supervision.support;

import java.security.SecureRandom;
import java.util.UUID;

/** Time-ordered UUIDs (version 7): new rows land at the end of the primary-key index. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        long millis = System.currentTimeMillis();
        long randA = RANDOM.nextInt(1 << 12);
        long msb = (millis << 16) | (0x7L << 12) | randA;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    public static UUID uuid(String id) {
        return id == null ? null : UUID.fromString(id);
    }

    public static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}

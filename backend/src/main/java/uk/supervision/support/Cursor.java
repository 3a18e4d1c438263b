package uk.supervision.support;

import uk.supervision.problem.Problems;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort key values of the last row of a page, base64url-encoded and signed
 * with an HMAC under a server key ({@link CursorKey}). A cursor this service did not issue fails the
 * signature check and is a 400 naming the cursor parameter, so the keys inside are never parsed from
 * client input.
 */
public final class Cursor {
    private static final char SEP = '\u001F';
    private static final int MAC_BYTES = 16;
    /** Longer than any cursor this service issues; refused before any decoding work. */
    static final int MAX_LENGTH = 500;
    private static volatile byte[] key = randomKey();

    private Cursor() {
    }

    /** Installs the server key (shared by every node when SUPERVISION_JWT_SECRET is set). */
    static void useKey(byte[] serverKey) {
        key = serverKey.clone();
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(SEP);
            }
            sb.append(keys[i] == null ? "" : keys[i].toString());
        }
        byte[] payload = sb.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(payload));
    }

    /** Decodes a cursor of exactly {@code parts} keys, or null when there is no cursor. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            int dot = cursor.indexOf('.');
            if (cursor.length() > MAX_LENGTH || dot < 0 || dot != cursor.lastIndexOf('.')) {
                throw new IllegalArgumentException("not a cursor");
            }
            byte[] payload = Base64.getUrlDecoder().decode(cursor.substring(0, dot));
            byte[] signature = Base64.getUrlDecoder().decode(cursor.substring(dot + 1));
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            // Canonical form only: base64 leaves spare bits in the last character that decoding ignores.
            boolean canonical = cursor.equals(b64.encodeToString(payload) + "." + b64.encodeToString(signature));
            if (!canonical || !MessageDigest.isEqual(mac(payload), signature)) {
                throw new IllegalArgumentException("not signed by this service");
            }
            String raw = new String(payload, StandardCharsets.UTF_8);
            List<String> keys = Arrays.asList(raw.split(String.valueOf(SEP), -1));
            if (keys.size() != parts) {
                throw new IllegalArgumentException("wrong arity");
            }
            return keys;
        } catch (IllegalArgumentException e) {
            throw Problems.badParameter("cursor", "The cursor is not one this service issued. Start again from the first page.");
        }
    }

    public static int limit(Integer requested) {
        return requested == null ? 50 : requested;
    }

    private static byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}

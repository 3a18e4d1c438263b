package uk.supervision.support;

import uk.supervision.problem.ProblemException;
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
import java.util.function.Function;

/**
 * Opaque keyset cursor: the list that issued it and the sort key values of the last row of a page,
 * base64url-encoded and signed with an HMAC under a server key ({@link CursorKey}). A cursor this service
 * did not issue fails the signature check, and a genuine cursor of another list fails the list check:
 * both are a 400 naming the cursor parameter, so the keys inside are never parsed from client input
 * nor from another list's keys.
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

    public static String encode(CursorList list, Object... keys) {
        StringBuilder sb = new StringBuilder(list.name());
        for (Object key : keys) {
            sb.append(SEP).append(key == null ? "" : key.toString());
        }
        byte[] payload = sb.toString().getBytes(StandardCharsets.UTF_8);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(mac(payload));
    }

    /**
     * Decodes a cursor of this list and reads its keys, or null when there is no cursor. Any failure to
     * read the keys (a date that does not parse, say) is the same 400 as a cursor this service never
     * issued: a cursor is never the cause of a 5xx.
     */
    public static <T> T decode(CursorList list, String cursor, int parts, Function<List<String>, T> read) {
        List<String> keys = decode(list, cursor, parts);
        if (keys == null) {
            return null;
        }
        try {
            return read.apply(keys);
        } catch (ProblemException e) {
            throw e;
        } catch (RuntimeException e) {
            throw refused();
        }
    }

    /** Decodes a cursor of this list with exactly {@code parts} keys, or null when there is no cursor. */
    public static List<String> decode(CursorList list, String cursor, int parts) {
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
            if (!keys.get(0).equals(list.name())) {
                throw new IllegalArgumentException("a cursor of another list");
            }
            if (keys.size() != parts + 1) {
                throw new IllegalArgumentException("wrong arity");
            }
            return keys.subList(1, keys.size());
        } catch (IllegalArgumentException e) {
            throw refused();
        }
    }

    private static ProblemException refused() {
        return Problems.badParameter("cursor", "The cursor is not one this list issued. Start again from the first page.");
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

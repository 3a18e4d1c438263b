package uk.supervision.support;

import uk.supervision.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Opaque keyset cursor: the sort key values of the last row of a page, base64url-encoded.
 * Clients must treat it as opaque; a tampered cursor is a 400, never a 500.
 */
public final class Cursor {
    private static final char SEP = '\u001F';

    private Cursor() {
    }

    public static String encode(Object... keys) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            if (i > 0) {
                sb.append(SEP);
            }
            sb.append(keys[i] == null ? "" : keys[i].toString());
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sb.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor of exactly {@code parts} keys, or null when there is no cursor. */
    public static List<String> decode(String cursor, int parts) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
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
}

package uk.supervision.support;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Gives {@link Cursor} its signing key at start-up. With SUPERVISION_JWT_SECRET set (required for
 * MySQL/MariaDB, so on every multi-node installation) the key is derived from it, so a cursor issued by
 * one node is accepted by another; the embedded default keeps the per-process random key, so its
 * cursors simply start again from the first page after a restart.
 */
@Context
public class CursorKey {
    public CursorKey(@Value("${supervision.security.jwt-secret:}") String secret) {
        if (secret != null && !secret.isBlank()) {
            Cursor.useKey(derive(secret));
        }
    }

    private static byte[] derive(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal("supervision list cursors".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}

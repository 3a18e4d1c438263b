package uk.supervision.integrity;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/**
 * One signed item as it was locked: its canonical content (JSON), the SHA-256 of that content, and its
 * link in the organisation's chain: chainHash = SHA-256(previousHash || contentJson). Never changed.
 */
@MappedEntity("signed_item")
public record SignedItem(@Id String id, String organisationId, long sequenceNo, String itemType, String itemId,
                         String contentJson, String contentHash, String previousHash, String chainHash, Instant createdAt) {
    public static final String AGREEMENT = "AGREEMENT";
    public static final String SESSION_RECORD = "SESSION_RECORD";
    public static final String RECORD_ADDENDUM = "RECORD_ADDENDUM";
}

package uk.supervision.agreement;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A party's signature: who, when, and the SHA-256 of the content they signed. */
@MappedEntity("agreement_signature")
public record AgreementSignature(@Id String id, String agreementId, String party, String signerStaffId,
                                 String signerAccountId, Instant signedAt, String contentHash) {
}

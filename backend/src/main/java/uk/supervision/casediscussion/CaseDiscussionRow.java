package uk.supervision.casediscussion;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A case discussion as stored while it is worked on: the answers, the child's voice, decisions and actions are
 * one JSON document (contentJson). Once both parties sign the same content it is read from its signed item.
 */
@MappedEntity("case_discussion")
public record CaseDiscussionRow(@Id String id, String organisationId, String childId, String superviseeId, String supervisorId,
                                @Nullable String sessionId, String templateId, LocalDate discussedOn, String status, String contentJson,
                                @Nullable String childViewStatus, @Nullable String contentHash, @Nullable Instant signedAt, int version,
                                int contentVersion, Instant createdAt, Instant updatedAt) {
    public static final String DRAFT = "DRAFT";
    public static final String SIGNED = "SIGNED";
}

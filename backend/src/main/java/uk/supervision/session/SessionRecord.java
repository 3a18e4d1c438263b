package uk.supervision.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

@MappedEntity("session_record")
public record SessionRecord(@Id String sessionId, String templateId, String status, String entriesJson,
                            @Nullable String reflection, @Nullable String futureAgenda, @Nullable LocalDate nextDate,
                            boolean personalDiscussed, @Nullable String confidentialNotes, String actionReviewsJson,
                            @Nullable String contentHash, @Nullable Instant signedAt, int version, Instant updatedAt) {
    public static final String DRAFT = "DRAFT";
    public static final String SIGNED = "SIGNED";
}

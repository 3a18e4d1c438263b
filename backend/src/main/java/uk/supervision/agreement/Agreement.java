package uk.supervision.agreement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.time.LocalDate;

/** One version of a supervision agreement. answersJson is a JSON array of {key, text}. */
@MappedEntity("agreement")
public record Agreement(@Id String id,
                        String organisationId,
                        String superviseeId,
                        String supervisorId,
                        String templateId,
                        @Nullable String previousVersionId,
                        int versionNumber,
                        String status,
                        @Nullable Integer intervalWeeks,
                        int durationMinutes,
                        String location,
                        @Nullable String escalationPeriod,
                        String answersJson,
                        @Nullable String contentHash,
                        @Nullable Instant signedAt,
                        @Nullable LocalDate reviewDue,
                        int version,
                        Instant createdAt,
                        Instant updatedAt) {

    public static final String DRAFT = "DRAFT";
    public static final String AWAITING_SIGNATURES = "AWAITING_SIGNATURES";
    public static final String ACTIVE = "ACTIVE";
    public static final String SUPERSEDED = "SUPERSEDED";

    public boolean isOpen() {
        return DRAFT.equals(status) || AWAITING_SIGNATURES.equals(status);
    }
}

package uk.supervision.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A member of staff with the attributes the policy rules depend on (DOMAIN §2). serviceId is the
 * service of the current team, or the service of someone who sits above teams.
 */
@MappedEntity("staff")
public record Staff(@Id String id,
                    String organisationId,
                    @Nullable String teamId,
                    @Nullable String serviceId,
                    @Nullable String externalRef,
                    String givenName,
                    String familyName,
                    String email,
                    String jobTitle,
                    String category,
                    String employmentType,
                    BigDecimal weeklyHours,
                    LocalDate employmentStartDate,
                    LocalDate postStartDate,
                    boolean carriesCaseload,
                    @Nullable Integer caseloadSize,
                    @Nullable LocalDate leavingDate,
                    @Nullable String leavingReason,
                    @Version Integer version,
                    Instant createdAt,
                    Instant updatedAt) {

    public String displayName() {
        return givenName + " " + familyName;
    }

    public boolean hasLeftBy(LocalDate date) {
        return leavingDate != null && leavingDate.isBefore(date);
    }
}

package uk.supervision.staff;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One recorded change of the attributes the policy rules read (decision 0007). A null attribute was not
 * changed by this row; carriesCaseload non-null marks a caseload change (caseloadSize goes with it, null allowed).
 */
@MappedEntity("staff_attribute_change")
public record StaffAttributeChange(@Id String id,
                                   String staffId,
                                   LocalDate effectiveFrom,
                                   @Nullable String category,
                                   @Nullable String employmentType,
                                   @Nullable BigDecimal weeklyHours,
                                   @Nullable Boolean carriesCaseload,
                                   @Nullable Integer caseloadSize,
                                   Instant recordedAt) {

    /** A change that records every attribute: a person's values when they are first recorded. */
    public static StaffAttributeChange all(String id, String staffId, LocalDate from, StaffAttributes values, Instant recordedAt) {
        return new StaffAttributeChange(id, staffId, from, values.category(), values.employmentType(), values.weeklyHours(),
                values.carriesCaseload(), values.caseloadSize(), recordedAt);
    }
}

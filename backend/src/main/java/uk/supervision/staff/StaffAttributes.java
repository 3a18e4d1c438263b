package uk.supervision.staff;

import io.micronaut.core.annotation.Nullable;

import java.math.BigDecimal;
import java.util.Objects;

/** The values of the effective-dated attributes on one day. */
public record StaffAttributes(String category, String employmentType, BigDecimal weeklyHours, boolean carriesCaseload,
                              @Nullable Integer caseloadSize) {

    public static StaffAttributes of(Staff s) {
        return new StaffAttributes(s.category(), s.employmentType(), s.weeklyHours(), s.carriesCaseload(), s.caseloadSize());
    }

    /** These values with a change applied: the attributes the change leaves null stay as they are. */
    StaffAttributes with(StaffAttributeChange c) {
        return new StaffAttributes(c.category() != null ? c.category() : category,
                c.employmentType() != null ? c.employmentType() : employmentType,
                c.weeklyHours() != null ? c.weeklyHours() : weeklyHours,
                c.carriesCaseload() != null ? c.carriesCaseload() : carriesCaseload,
                c.carriesCaseload() != null ? c.caseloadSize() : caseloadSize);
    }

    /** Equal values (hours compared as numbers, so 37 and 37.00 are the same). */
    boolean sameAs(StaffAttributes o) {
        return category.equals(o.category) && employmentType.equals(o.employmentType)
                && weeklyHours.compareTo(o.weeklyHours) == 0 && carriesCaseload == o.carriesCaseload
                && Objects.equals(caseloadSize, o.caseloadSize);
    }
}

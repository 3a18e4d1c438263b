package uk.supervision.support;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * As {@link UuidSizeValidator}, for an array of dates: the generator makes {@code List<@Size(max = 10) LocalDate>}
 * from a date item's maxLength, and Bean Validation has no @Size check for a LocalDate (it would answer 500).
 * A date is read only from its ISO form, so this checks that form's length.
 */
@Singleton
public class LocalDateSizeValidator implements ConstraintValidator<Size, LocalDate> {
    @Override
    public boolean isValid(@Nullable LocalDate value, AnnotationValue<Size> annotation, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = value.toString().length();
        return length >= annotation.intValue("min").orElse(0) && length <= annotation.intValue("max").orElse(Integer.MAX_VALUE);
    }
}

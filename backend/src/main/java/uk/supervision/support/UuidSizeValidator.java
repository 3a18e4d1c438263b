package uk.supervision.support;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/**
 * openapi.yaml gives every string a maxLength, ids included; for an array of ids the generator turns it
 * into {@code Set<@Size(max = 36) UUID>}, and Bean Validation has no @Size check for a UUID (it would
 * answer 500). A UUID is read only from its 36-character form, so this checks exactly that.
 */
@Singleton
public class UuidSizeValidator implements ConstraintValidator<Size, UUID> {
    @Override
    public boolean isValid(@Nullable UUID value, AnnotationValue<Size> annotation, ConstraintValidatorContext context) {
        return fits(value, annotation);
    }

    /** Whether a value's text form is within the @Size bounds (null is: @NotNull says otherwise). */
    static boolean fits(@Nullable Object value, AnnotationValue<Size> annotation) {
        if (value == null) {
            return true;
        }
        int length = value.toString().length();
        return length >= annotation.intValue("min").orElse(0) && length <= annotation.intValue("max").orElse(Integer.MAX_VALUE);
    }
}

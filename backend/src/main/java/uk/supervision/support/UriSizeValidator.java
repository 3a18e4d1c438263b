package uk.supervision.support;

import io.micronaut.core.annotation.AnnotationValue;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.validation.validator.constraints.ConstraintValidator;
import io.micronaut.validation.validator.constraints.ConstraintValidatorContext;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.Size;

import java.net.URI;

/**
 * A webhook's url is {@code format: uri} with a length (openapi.yaml); the generator makes it a URI with
 * {@code @Size}, which Bean Validation cannot check (it would answer 500): this checks the text as sent.
 */
@Singleton
public class UriSizeValidator implements ConstraintValidator<Size, URI> {
    @Override
    public boolean isValid(@Nullable URI value, AnnotationValue<Size> annotation, ConstraintValidatorContext context) {
        return UuidSizeValidator.fits(value, annotation);
    }
}

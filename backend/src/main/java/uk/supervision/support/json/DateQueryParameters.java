package uk.supervision.support.json;

import io.micronaut.core.convert.ConversionContext;
import io.micronaut.core.convert.TypeConverter;
import jakarta.inject.Singleton;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Dates in query parameters follow the same rule as dates in bodies: YYYY-MM-DD within
 * 1900-01-01..2100-12-31. The framework's own converter accepts "+12026-01-01", which the database
 * cannot store or compare.
 */
@Singleton
public class DateQueryParameters implements TypeConverter<String, LocalDate> {
    @Override
    public Optional<LocalDate> convert(String text, Class<LocalDate> targetType, ConversionContext context) {
        try {
            return Optional.of(StrictScalars.date(text));
        } catch (InvalidJsonValueException e) {
            context.reject(text, new IllegalArgumentException(e.getMessage()));
            return Optional.empty();
        }
    }
}

package uk.supervision.support.json;

import io.micronaut.context.annotation.Primary;
import io.micronaut.core.type.Argument;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Strict readers for the scalar types of request bodies. Micronaut Serialization 2.x coerces freely
 * (a number becomes a string, 90.5 an integer, "20260201" an epoch day) and has no setting to stop it
 * (its coercion policy arrives in 3.2), so these replace its built-in readers (@Primary wins in the
 * serde registry): a value must already have the JSON type of its field. See decision 0010.
 */
public final class StrictScalars {
    /** The dates the product accepts unless a field says otherwise. */
    public static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST = LocalDate.of(2100, 12, 31);
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private StrictScalars() {
    }

    /** A calendar date written YYYY-MM-DD within 1900-01-01..2100-12-31, or the reason it is not. */
    public static LocalDate date(String text) throws InvalidJsonValueException {
        if (text == null || !ISO_DATE.matcher(text).matches()) {
            throw new InvalidJsonValueException("Must be a date written YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidJsonValueException("Is not a date in the calendar");
        }
        if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
            throw new InvalidJsonValueException("Must be between " + EARLIEST + " and " + LATEST);
        }
        return date;
    }

    private static JsonNode scalar(Decoder decoder) throws IOException {
        return decoder.decodeNode();
    }

    @Singleton
    @Primary
    public static final class Strings implements Deserializer<String> {
        @Override
        public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
            JsonNode node = scalar(decoder);
            if (!node.isString()) {
                throw new InvalidJsonValueException("Must be a string");
            }
            return node.getStringValue();
        }
    }

    @Singleton
    @Primary
    public static final class Booleans implements Deserializer<Boolean> {
        @Override
        public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type) throws IOException {
            JsonNode node = scalar(decoder);
            if (!node.isBoolean()) {
                throw new InvalidJsonValueException("Must be true or false");
            }
            return node.getBooleanValue();
        }
    }

    @Singleton
    @Primary
    public static final class Integers implements Deserializer<Integer> {
        @Override
        public Integer deserialize(Decoder decoder, DecoderContext context, Argument<? super Integer> type) throws IOException {
            JsonNode node = scalar(decoder);
            Number n = node.isNumber() ? node.getNumberValue() : null;
            if (!(n instanceof Integer || n instanceof Long || n instanceof BigInteger || n instanceof Short || n instanceof Byte)) {
                throw new InvalidJsonValueException("Must be a whole number");
            }
            long value;
            try {
                value = n instanceof BigInteger big ? big.longValueExact() : n.longValue();
            } catch (ArithmeticException e) {
                throw new InvalidJsonValueException("Is too large");
            }
            if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
                throw new InvalidJsonValueException("Is too large");
            }
            return (int) value;
        }
    }

    @Singleton
    @Primary
    public static final class Longs implements Deserializer<Long> {
        @Override
        public Long deserialize(Decoder decoder, DecoderContext context, Argument<? super Long> type) throws IOException {
            JsonNode node = scalar(decoder);
            Number n = node.isNumber() ? node.getNumberValue() : null;
            if (!(n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof Byte)) {
                throw new InvalidJsonValueException(n instanceof BigInteger ? "Is too large" : "Must be a whole number");
            }
            return n.longValue();
        }
    }

    @Singleton
    @Primary
    public static final class Doubles implements Deserializer<Double> {
        @Override
        public Double deserialize(Decoder decoder, DecoderContext context, Argument<? super Double> type) throws IOException {
            JsonNode node = scalar(decoder);
            if (!node.isNumber()) {
                throw new InvalidJsonValueException("Must be a number");
            }
            double value = node.getNumberValue().doubleValue();
            if (!Double.isFinite(value)) {
                throw new InvalidJsonValueException("Is too large");
            }
            return value;
        }
    }

    @Singleton
    @Primary
    public static final class Decimals implements Deserializer<BigDecimal> {
        @Override
        public BigDecimal deserialize(Decoder decoder, DecoderContext context, Argument<? super BigDecimal> type) throws IOException {
            JsonNode node = scalar(decoder);
            if (!node.isNumber()) {
                throw new InvalidJsonValueException("Must be a number");
            }
            Number n = node.getNumberValue();
            if (n instanceof Double d && !Double.isFinite(d)) {
                throw new InvalidJsonValueException("Is too large");
            }
            return n instanceof BigDecimal d ? d : new BigDecimal(n.toString());
        }
    }

    @Singleton
    @Primary
    public static final class Dates implements Deserializer<LocalDate> {
        @Override
        public LocalDate deserialize(Decoder decoder, DecoderContext context, Argument<? super LocalDate> type) throws IOException {
            JsonNode node = scalar(decoder);
            if (!node.isString()) {
                throw new InvalidJsonValueException("Must be a date written YYYY-MM-DD");
            }
            return date(node.getStringValue());
        }
    }

    /**
     * A time written as ISO-8601 with an offset (2026-03-01T10:00:00Z). Never a number (it would be read as
     * epoch seconds) and never a day that is not in the calendar (the default reader turns 30 February into 28).
     */
    @Singleton
    @Primary
    public static final class DateTimes implements Deserializer<OffsetDateTime> {
        private static final DateTimeFormatter STRICT = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withResolverStyle(ResolverStyle.STRICT);

        @Override
        public OffsetDateTime deserialize(Decoder decoder, DecoderContext context, Argument<? super OffsetDateTime> type) throws IOException {
            JsonNode node = scalar(decoder);
            if (!node.isString()) {
                throw new InvalidJsonValueException("Must be a time written like 2026-03-01T10:00:00Z");
            }
            OffsetDateTime time;
            try {
                time = OffsetDateTime.parse(node.getStringValue(), STRICT);
            } catch (DateTimeParseException e) {
                throw new InvalidJsonValueException("Must be a time written like 2026-03-01T10:00:00Z");
            }
            if (time.toLocalDate().isBefore(EARLIEST) || time.toLocalDate().isAfter(LATEST)) {
                throw new InvalidJsonValueException("Must be between " + EARLIEST + " and " + LATEST);
            }
            return time;
        }
    }
}

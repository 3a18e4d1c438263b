package uk.supervision.policy;

import uk.supervision.api.model.AnswerOption;
import uk.supervision.api.model.AnswerOptionValue;
import uk.supervision.api.model.AnswerType;
import uk.supervision.api.model.OverallGradeAnswer;
import uk.supervision.api.model.QualityAnswer;
import uk.supervision.api.model.RatingAnswer;
import uk.supervision.api.model.SafetyScaleAnswer;
import uk.supervision.api.model.YesNoNaAnswer;
import uk.supervision.api.model.YesNoPartialUnclearAnswer;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The answer scales of template items (decision 0015). The values come from the contract's enums
 * (RatingAnswer, SafetyScaleAnswer, ...); the words shown for each value live here, once, and reach the
 * SPA as the item's options. Every feature that stores answers to template items checks them here.
 */
public final class AnswerScales {
    private static final Map<AnswerType, Map<String, String>> SCALES = new EnumMap<>(AnswerType.class);

    static {
        SCALES.put(AnswerType.RATING_1_5, labels(RatingAnswer.values(), RatingAnswer::getValue, v -> switch (v) {
            case "1" -> "1 - Excellent";
            case "5" -> "5 - Poor";
            default -> v;
        }));
        SCALES.put(AnswerType.SAFETY_SCALE, labels(SafetyScaleAnswer.values(), SafetyScaleAnswer::getValue, v -> switch (v) {
            case "0" -> "0 - no safety";
            case "10" -> "10 - proposing to cease involvement or reduce the level of direct intervention";
            default -> v;
        }));
        SCALES.put(AnswerType.YES_NO_PARTIAL_UNCLEAR, labels(YesNoPartialUnclearAnswer.values(), YesNoPartialUnclearAnswer::getValue,
                AnswerScales::words));
        SCALES.put(AnswerType.YES_NO_NA, labels(YesNoNaAnswer.values(), YesNoNaAnswer::getValue, AnswerScales::words));
        SCALES.put(AnswerType.OVERALL_GRADE, labels(OverallGradeAnswer.values(), OverallGradeAnswer::getValue, AnswerScales::words));
        SCALES.put(AnswerType.QUALITY_5, labels(QualityAnswer.values(), QualityAnswer::getValue, AnswerScales::words));
    }

    private AnswerScales() {
    }

    /** The values allowed for a scaled type, in order, with their words; empty for the other types. */
    public static List<AnswerOption> options(AnswerType type) {
        List<AnswerOption> out = new ArrayList<>();
        SCALES.getOrDefault(type, Map.of()).forEach((value, label) -> out.add(new AnswerOption(AnswerOptionValue.fromValue(value), label)));
        return out;
    }

    /**
     * Why this answer does not fit its item's type, or empty when it does. A clause takes no answer;
     * a scaled item takes exactly one value of its scale; a date its ISO-8601 form. A PERIOD item stays
     * free text: version 1 agreements asked it in a text box, and their drafts still hold such answers.
     */
    public static Optional<String> problem(AnswerType type, String answer) {
        String text = answer == null ? "" : answer.trim();
        Map<String, String> scale = SCALES.get(type);
        if (scale != null) {
            return scale.containsKey(text) ? Optional.empty()
                    : Optional.of("Choose one of: " + String.join(", ", scale.values()) + ".");
        }
        return switch (type) {
            case CLAUSE -> Optional.of("This is a fixed commitment of the agreement: it is signed, not answered.");
            case DATE -> parses(() -> LocalDate.parse(text), "Enter a date as YYYY-MM-DD.");
            default -> Optional.empty();
        };
    }

    private static Optional<String> parses(Runnable parse, String message) {
        try {
            parse.run();
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of(message);
        }
    }

    private static <E> Map<String, String> labels(E[] values, Function<E, String> value, Function<String, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        Arrays.stream(values).map(value).forEach(v -> out.put(v, label.apply(v)));
        return out;
    }

    /** REQUIRES_IMPROVEMENT -> "Requires improvement", NOT_APPLICABLE -> "Not applicable". */
    private static String words(String value) {
        String lower = value.replace('_', ' ').toLowerCase();
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}

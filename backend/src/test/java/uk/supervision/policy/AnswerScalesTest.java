package uk.supervision.policy;

import org.junit.jupiter.api.Test;
import uk.supervision.api.model.AnswerOption;
import uk.supervision.api.model.AnswerType;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every scale that once lived only in hint text: its values, its words, and what it refuses. */
class AnswerScalesTest {
    @Test
    void eachScaleHasItsValuesInOrderWithWords() {
        assertEquals(List.of("1", "2", "3", "4", "5"), values(AnswerType.RATING_1_5));
        assertEquals("1 - Excellent", AnswerScales.options(AnswerType.RATING_1_5).get(0).getLabel());
        assertEquals("5 - Poor", AnswerScales.options(AnswerType.RATING_1_5).get(4).getLabel());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), values(AnswerType.SAFETY_SCALE));
        assertEquals("0 - no safety", AnswerScales.options(AnswerType.SAFETY_SCALE).get(0).getLabel());
        assertEquals(List.of("YES", "NO", "PARTIALLY", "UNCLEAR"), values(AnswerType.YES_NO_PARTIAL_UNCLEAR));
        assertEquals(List.of("YES", "NO", "NOT_APPLICABLE"), values(AnswerType.YES_NO_NA));
        assertEquals(List.of("Yes", "No", "Not applicable"), AnswerScales.options(AnswerType.YES_NO_NA).stream().map(AnswerOption::getLabel).toList());
        assertEquals(List.of("Outstanding", "Good", "Requires improvement", "Inadequate"),
                AnswerScales.options(AnswerType.OVERALL_GRADE).stream().map(AnswerOption::getLabel).toList());
        assertEquals(List.of("VERY_GOOD", "GOOD", "SATISFACTORY", "POOR", "VERY_POOR"), values(AnswerType.QUALITY_5));
        for (AnswerType free : List.of(AnswerType.FREE_TEXT, AnswerType.CLAUSE, AnswerType.PERIOD, AnswerType.DATE)) {
            assertTrue(AnswerScales.options(free).isEmpty(), free.name());
        }
    }

    @Test
    void anAnswerOutsideItsScaleIsRefusedAndOneInsideIsAccepted() {
        assertTrue(AnswerScales.problem(AnswerType.RATING_1_5, "3").isEmpty());
        assertTrue(AnswerScales.problem(AnswerType.RATING_1_5, "6").isPresent());
        assertTrue(AnswerScales.problem(AnswerType.RATING_1_5, "Excellent").isPresent(), "the value, not the words");
        assertTrue(AnswerScales.problem(AnswerType.SAFETY_SCALE, "10").isEmpty());
        assertTrue(AnswerScales.problem(AnswerType.SAFETY_SCALE, "11").isPresent());
        assertTrue(AnswerScales.problem(AnswerType.SAFETY_SCALE, "-1").isPresent());
        assertTrue(AnswerScales.problem(AnswerType.YES_NO_NA, "NOT_APPLICABLE").isEmpty());
        assertTrue(AnswerScales.problem(AnswerType.YES_NO_NA, "PARTIALLY").isPresent());
        assertTrue(AnswerScales.problem(AnswerType.OVERALL_GRADE, "GOOD").isEmpty());
        assertTrue(AnswerScales.problem(AnswerType.OVERALL_GRADE, "VERY_GOOD").isPresent());
        assertTrue(AnswerScales.problem(AnswerType.QUALITY_5, "").isPresent(), "a scaled answer is one value, not blank");
        assertTrue(AnswerScales.problem(AnswerType.CLAUSE, "Agreed").isPresent(), "a clause is signed, not answered");
        assertTrue(AnswerScales.problem(AnswerType.DATE, "2026-02-30").isPresent());
        assertTrue(AnswerScales.problem(AnswerType.DATE, "2026-02-28").isEmpty());
        assertTrue(AnswerScales.problem(AnswerType.FREE_TEXT, "anything").isEmpty());
        assertTrue(AnswerScales.problem(AnswerType.PERIOD, "Six weeks").isEmpty(), "version 1 agreements asked it as text");
    }

    private static List<String> values(AnswerType type) {
        return AnswerScales.options(type).stream().map(o -> o.getValue().getValue()).toList();
    }
}

package uk.supervision.measure;

import org.junit.jupiter.api.Test;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureUnit;
import uk.supervision.api.model.SuppressionReason;

import java.time.YearMonth;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.supervision.api.model.SuppressionReason.DIFFERENCING;
import static uk.supervision.api.model.SuppressionReason.FEWER_THAN_MINIMUM;

/** The suppression rules on hand-made figures, with a minimum group size of 5. */
class MeasureSuppressionTest {
    private final MeasureSuppression rule = new MeasureSuppression(5);

    /** A share of people: numerator of a group of n. */
    static Figure f(long numerator, long n) {
        return Figure.share("k", numerator, n, n);
    }

    @Test
    void aGroupOfFourIsSuppressedAGroupOfFiveAndAGroupOfNoneAreShown() {
        assertTrue(rule.small(4));
        assertTrue(rule.small(1));
        assertFalse(rule.small(5));
        // Nobody behind a figure reveals nothing about anybody.
        assertFalse(rule.small(0));
        assertEquals(Map.of("a", FEWER_THAN_MINIMUM), rule.own(Map.of("a", f(3, 4), "b", f(3, 5), "c", f(0, 0)), false));
    }

    @Test
    void aScopeWithFewerCountedStaffThanTheMinimumIsSuppressedWhole() {
        assertTrue(rule.wholeScope(4L));
        assertFalse(rule.wholeScope(5L));
        assertFalse(rule.wholeScope(null));
        // Whole: even a figure whose own group (audits, say) is large enough.
        assertEquals(Map.of("a", FEWER_THAN_MINIMUM, "b", FEWER_THAN_MINIMUM), rule.own(Map.of("a", f(1, 4), "b", f(3, 9)), true));
    }

    @Test
    void oneSuppressedUnitUnderAShownParentTakesTheNextSmallestWithIt() {
        // Teams of 3, 6, 7 and 12 under a service of 28 that is shown: 28 - (6 + 7 + 12) = 3 would give the small team
        // away, so the next smallest (6) goes too.
        Map<String, Map<String, Figure>> rows = Map.of(
                "T1", Map.of("k", f(1, 3)), "T2", Map.of("k", f(2, 6)), "T3", Map.of("k", f(5, 7)), "T4", Map.of("k", f(9, 12)));
        Map<String, Map<String, SuppressionReason>> out = rule.breakdown(rows, Set.of(), parent(28), Set.of());
        assertEquals(Map.of("T1", Map.of("k", FEWER_THAN_MINIMUM), "T2", Map.of("k", DIFFERENCING)), out);

        // The parent not shown: nothing to subtract from, the small team alone.
        assertEquals(Map.of("T1", Map.of("k", FEWER_THAN_MINIMUM)), rule.breakdown(rows, Set.of(), parent(28), Set.of("k")));
    }

    @Test
    void twoSuppressedUnitsNeedNoThirdAndTiesGoByIdentifier() {
        // 3 and 4 both hidden: their sum shows, neither does.
        Map<String, Map<String, Figure>> two = Map.of("A", Map.of("k", f(1, 3)), "B", Map.of("k", f(1, 4)), "C", Map.of("k", f(3, 9)));
        assertEquals(Map.of("A", Map.of("k", FEWER_THAN_MINIMUM), "B", Map.of("k", FEWER_THAN_MINIMUM)),
                rule.breakdown(two, Set.of(), parent(16), Set.of()));
        // Two of 8: the first by id is the one to go, every time.
        Map<String, Map<String, Figure>> tie = Map.of("A", Map.of("k", f(1, 2)), "Y", Map.of("k", f(3, 8)), "X", Map.of("k", f(4, 8)));
        assertEquals(Map.of("A", Map.of("k", FEWER_THAN_MINIMUM), "X", Map.of("k", DIFFERENCING)),
                rule.breakdown(tie, Set.of(), parent(18), Set.of()));
    }

    @Test
    void aUnitSuppressedWholeCountsAsTheOneSuppressedEvenWhenItsFigureIsLarge() {
        // Team A has 4 counted staff but 9 audits behind this figure: hidden whole, so the next smallest (B, 6) goes too.
        Map<String, Map<String, Figure>> rows = Map.of("A", Map.of("k", f(5, 9)), "B", Map.of("k", f(2, 6)), "C", Map.of("k", f(3, 10)));
        assertEquals(Map.of("A", Map.of("k", FEWER_THAN_MINIMUM), "B", Map.of("k", DIFFERENCING)),
                rule.breakdown(rows, Set.of("A"), parent(25), Set.of()));
    }

    @Test
    void aUnitWithNobodyIsNeverTheOneSuppressedForDifferencing() {
        // C has no one: showing its 0 reveals nothing, so B (6) is the next smallest with someone in it.
        Map<String, Map<String, Figure>> rows = Map.of("A", Map.of("k", f(1, 2)), "B", Map.of("k", f(2, 6)), "C", Map.of("k", f(0, 0)));
        assertEquals(Map.of("A", Map.of("k", FEWER_THAN_MINIMUM), "B", Map.of("k", DIFFERENCING)),
                rule.breakdown(rows, Set.of(), parent(8), Set.of()));
    }

    @Test
    void thePeopleInNoUnitCountAsAHiddenSibling() {
        // A service of 16: teams of 6 and 7, and 3 people in no team. 16 - 6 - 7 = 3 would show those three, so the
        // smaller team goes (differencing); the three are in no row to suppress.
        Map<String, Map<String, Figure>> rows = Map.of("A", Map.of("k", f(2, 6)), "B", Map.of("k", f(3, 7)));
        assertEquals(Map.of("A", Map.of("k", DIFFERENCING)), rule.breakdown(rows, Set.of(), parent(16), Set.of()));
        // 5 in no team are a group large enough to show: nothing is hidden.
        assertEquals(Map.of(), rule.breakdown(rows, Set.of(), parent(18), Set.of()));
        // A hidden team as well as 3 in no team: two hidden, no third needed.
        Map<String, Map<String, Figure>> three = Map.of("A", Map.of("k", f(2, 6)), "B", Map.of("k", f(3, 7)), "C", Map.of("k", f(1, 2)));
        assertEquals(Map.of("C", Map.of("k", FEWER_THAN_MINIMUM)), rule.breakdown(three, Set.of(), parent(18), Set.of()));
    }

    @Test
    void aSiblingOfNoneIsHiddenWhenItsZeroWouldGiveTheHiddenUnitAway() {
        // Team A2 (4 staff, hidden whole) and team A1 whose figure has nobody behind it, under a service of 4 that is
        // shown: 4 - 0 = 4 would be A2's own figure, so A1's 0 goes too (everything under the parent is hidden).
        Map<String, Map<String, Figure>> rows = Map.of("A1", Map.of("k", f(0, 0)), "A2", Map.of("k", f(3, 4)));
        assertEquals(Map.of("A1", Map.of("k", DIFFERENCING), "A2", Map.of("k", FEWER_THAN_MINIMUM)),
                rule.breakdown(rows, Set.of("A2"), parent(4), Set.of()));
        // The same with 3 people in no team: 4 + 3 = 7 hidden together, the 0 may show (7 - 0 gives no one away).
        assertEquals(Map.of("A2", Map.of("k", FEWER_THAN_MINIMUM)), rule.breakdown(rows, Set.of("A2"), parent(7), Set.of()));
    }

    @Test
    void hiddenUnitsSmallTogetherTakeMoreWithThemUntilTheyReachTheMinimum() {
        // Teams of 1 and 2 hidden (3 together, below 5), teams of 6, 7 and 9 under a shown parent of 25: the parent minus
        // the shown would give 3, so the smallest shown (6) goes; 1 + 2 + 6 = 9 is enough, 7 and 9 stay.
        Map<String, Map<String, Figure>> rows = Map.of("A", Map.of("k", f(1, 1)), "B", Map.of("k", f(1, 2)),
                "C", Map.of("k", f(2, 6)), "D", Map.of("k", f(3, 7)), "E", Map.of("k", f(4, 9)));
        assertEquals(Map.of("A", Map.of("k", FEWER_THAN_MINIMUM), "B", Map.of("k", FEWER_THAN_MINIMUM), "C", Map.of("k", DIFFERENCING)),
                rule.breakdown(rows, Set.of(), parent(25), Set.of()));
        // 2 people in no team and one hidden team of 2: 4 together, so the team of 6 goes as well.
        Map<String, Map<String, Figure>> rest = Map.of("B", Map.of("k", f(1, 2)), "C", Map.of("k", f(2, 6)), "D", Map.of("k", f(3, 7)));
        assertEquals(Map.of("B", Map.of("k", FEWER_THAN_MINIMUM), "C", Map.of("k", DIFFERENCING)),
                rule.breakdown(rest, Set.of(), parent(17), Set.of()));
    }

    @Test
    void aSiblingHiddenWholeInAMonthHidesTheNextSmallestThatMonth() {
        YearMonth jan = YearMonth.of(2026, 1);
        YearMonth feb = YearMonth.of(2026, 2);
        // T (6) and U (9) beside S, whose figure counts 9 sessions' people but whose counted staff were 4 in January
        // (hidden whole that month) and 7 in February. Parent 24 each month, shown. January: S hidden, T next smallest.
        Map<YearMonth, Figure> own = Map.of(jan, f(3, 6), feb, f(3, 6));
        Map<String, Map<YearMonth, Figure>> siblings = Map.of("T", own, "S", Map.of(jan, f(4, 9), feb, f(4, 9)),
                "U", Map.of(jan, f(5, 9), feb, f(5, 9)));
        Map<YearMonth, Figure> parent = Map.of(jan, f(12, 24), feb, f(12, 24));
        assertEquals(Map.of(jan, DIFFERENCING), rule.series("T", own, siblings, parent, Map.of(jan, Set.of("S"))));
        // Not knowing S was hidden whole, nothing would be: the gap this closes.
        assertEquals(Map.of(), rule.series("T", own, siblings, parent));
    }

    static Map<String, Figure> parent(long n) {
        return Map.of("k", f(n / 2, n));
    }

    @Test
    void eachMonthOfAUnitsSeriesIsSuppressedOnItsOwn() {
        YearMonth jan = YearMonth.of(2026, 1);
        YearMonth feb = YearMonth.of(2026, 2);
        YearMonth mar = YearMonth.of(2026, 3);
        // Our team T: 6 people each month, never small itself. Sibling S: 3 in January (hidden, so T, the next smallest,
        // goes by differencing), 8 in February (nothing hidden), 2 in March (hidden, T goes again). The parent is shown
        // every month (18, 23, 17 people).
        Map<YearMonth, Figure> own = Map.of(jan, f(3, 6), feb, f(4, 6), mar, f(5, 6));
        Map<String, Map<YearMonth, Figure>> siblings = Map.of(
                "T", own,
                "S", Map.of(jan, f(1, 3), feb, f(4, 8), mar, f(1, 2)),
                "U", Map.of(jan, f(5, 9), feb, f(5, 9), mar, f(5, 9)));
        Map<YearMonth, Figure> parent = Map.of(jan, f(9, 18), feb, f(13, 23), mar, f(11, 17));
        // January: S (3) hidden, next smallest is T (6) before U (9). February: nobody small. March: S (2) hidden, T next.
        assertEquals(Map.of(jan, DIFFERENCING, mar, DIFFERENCING), rule.series("T", own, siblings, parent));

        // U (9) is never the next smallest while T (6) is there.
        assertEquals(Map.of(), rule.series("U", siblings.get("U"), siblings, parent));

        // Without a parent shown, no differencing; a month of T's own 4 people is suppressed for being small.
        Map<YearMonth, Figure> small = Map.of(jan, f(1, 4), feb, f(4, 6));
        assertEquals(Map.of(jan, FEWER_THAN_MINIMUM), rule.series("T", small, siblings, Map.of()));
        // The directorate (no siblings): only its own small months.
        assertEquals(Map.of(jan, FEWER_THAN_MINIMUM), rule.series(null, small, null, null));
    }

    @Test
    void aFlowOverSeveralMonthsGoesWithAnyOfItsMonthsHidden() {
        YearMonth june = YearMonth.of(2026, 6);
        // records.unsigned hides June (3 records), sessions.oneToOneHeld hides nothing: 9 - 6 would give June's 3.
        Map<String, Set<YearMonth>> hidden = Map.of("records.unsigned", Set.of(june), "sessions.oneToOneHeld", Set.of());
        assertEquals(Map.of("records.unsigned", DIFFERENCING), rule.periodOfFlows(hidden, 2));
        // A period of one month is the month itself: nothing to subtract, and the month keeps its own reason.
        assertEquals(Map.of(), rule.periodOfFlows(hidden, 1));
    }

    @Test
    void flowsAreTheFiguresMadeOfTheirMonthsStocksThePeopleAtThePeriodsEnd() {
        for (MeasureUnit unit : MeasureUnit.values()) {
            MeasureDef def = new MeasureDef("k", "K", MeasureGroup.SESSIONS, MeasureKind.COUNT,
                    unit, false, null, false);
            boolean stock = Set.of("PEOPLE", "ACTIONS", "CASES").contains(unit.name());
            assertEquals(!stock, def.flow(), unit + ": " + (stock ? "counted at the period's end" : "added up (or the largest) over its months"));
        }
    }
}

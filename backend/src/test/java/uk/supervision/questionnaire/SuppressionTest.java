package uk.supervision.questionnaire;

import org.junit.jupiter.api.Test;
import uk.supervision.questionnaire.Suppression.Node;
import uk.supervision.questionnaire.Suppression.Reason;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The suppression rules on small trees, with a minimum group size of 5. */
class SuppressionTest {
    static Node d(int n) {
        return new Node("D", null, 0, n);
    }

    static Node s(String id, int n) {
        return new Node(id, "D", 1, n);
    }

    static Node t(String id, String service, int n) {
        return new Node(id, service, 2, n);
    }

    @Test
    void aGroupOfFourIsSuppressedAndAGroupOfFiveShown() {
        assertEquals(Map.of("D", Reason.FEWER_THAN_MINIMUM), Suppression.decide(List.of(d(4)), 5));
        assertEquals(Map.of(), Suppression.decide(List.of(d(5)), 5));
    }

    @Test
    void aSubgroupDifferingFromItsGroupByFewerThanTheMinimumIsSuppressed() {
        // Directorate 9 and service 5 (or 6): 9 - 5 = 4 would show the other four's answers.
        Map<String, Reason> out = Suppression.decide(List.of(d(9), s("S1", 5), s("S2", 4)), 5);
        assertEquals(Map.of("S1", Reason.DIFFERENCING, "S2", Reason.FEWER_THAN_MINIMUM), out);
        // The same size as its group differs by nobody: both are shown.
        assertEquals(Map.of(), Suppression.decide(List.of(d(6), s("S1", 6)), 5));
        // Against a grandparent too: team 5 inside service 5 inside directorate 8.
        Map<String, Reason> deep = Suppression.decide(List.of(d(8), s("S1", 5), s("S2", 3), t("T1", "S1", 5)), 5);
        assertEquals(Reason.DIFFERENCING, deep.get("S1"));
        assertEquals(Reason.DIFFERENCING, deep.get("T1"));
    }

    @Test
    void whatShownSiblingsLeaveMustBeNoneOrAtLeastTheMinimum() {
        // Service 17: teams 6, 6 and 5 leave nobody unaccounted for; teams 6, 6 and 3 of a service of 17 leave 5 (the 3 is too few).
        assertEquals(Map.of(), Suppression.decide(List.of(d(17), s("S", 17), t("T1", "S", 6), t("T2", "S", 6), t("T3", "S", 5)), 5));
        assertEquals(Map.of("T3", Reason.FEWER_THAN_MINIMUM),
                Suppression.decide(List.of(d(17), s("S", 17), t("T1", "S", 6), t("T2", "S", 6), t("T3", "S", 3)), 5),
                "two of the service's 17 answered from outside its teams");
        // Service 20: teams 8, 9 and 3: the 3 is too few and 8 + 9 leave 3, so the smaller shown team (8) goes too;
        // 9 alone then leaves 11, and stays.
        assertEquals(Map.of("T3", Reason.FEWER_THAN_MINIMUM, "T1", Reason.DIFFERENCING),
                Suppression.decide(List.of(d(20), s("S", 20), t("T1", "S", 8), t("T2", "S", 9), t("T3", "S", 3)), 5));
    }

    @Test
    void aGroupInsideASuppressedGroupIsSuppressedSoNoBranchCanBeSubtracted() {
        // 19 answered: 12 in S1 (8 in T11, 4 in T12), 6 in S2 (all in T21), 1 in S3. S2 is suppressed for what S1 and S2
        // leave of the directorate; if T21 stayed shown, 19 - 12 - 6 would be S3's one person.
        Map<String, Reason> out = Suppression.decide(List.of(d(19), s("S1", 12), s("S2", 6), s("S3", 1),
                t("T11", "S1", 8), t("T12", "S1", 4), t("T21", "S2", 6)), 5);
        assertEquals(Reason.DIFFERENCING, out.get("S2"));
        assertEquals(Reason.DIFFERENCING, out.get("T21"));
        assertFalse(out.containsKey("D"));
        assertFalse(out.containsKey("S1"));
    }
}

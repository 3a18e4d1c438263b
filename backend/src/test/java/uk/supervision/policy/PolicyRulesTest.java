package uk.supervision.policy;

import org.junit.jupiter.api.Test;
import uk.supervision.api.model.PolicyOverrides;
import uk.supervision.api.model.PolicyRules;
import uk.supervision.problem.ProblemException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PolicyRulesTest {
    private static PolicyRules coventry() {
        PolicyRules r = new PolicyRules("P4W", "P6W", 90, List.of(), List.of(), 5);
        r.setBreachAfter("P2M");
        r.setMaximumSessionMinutes(120);
        return r;
    }

    @Test
    void overridesReplaceOnlyTheFieldsTheySet() {
        PolicyOverrides o = new PolicyOverrides();
        o.setNormalInterval("P3W");
        o.setKeepAfterLeaving("P6Y");
        PolicyRules merged = PolicyService.merge(coventry(), o);
        assertEquals("P3W", merged.getNormalInterval());
        assertEquals("P6W", merged.getLongestInterval());
        assertEquals("P6Y", merged.getRetention().getKeepAfterLeaving());
    }

    @Test
    void contradictoryRulesNameTheFieldToChange() {
        PolicyRules r = coventry();
        r.setLongestInterval("P3W");
        assertEquals("/overrides/longestInterval", pointer(r));
        r = coventry();
        r.setBreachAfter("P5W");
        assertEquals("/overrides/breachAfter", pointer(r));
        r = coventry();
        r.setMaximumSessionMinutes(60);
        assertEquals("/overrides/maximumSessionMinutes", pointer(r));
        PolicyService.checkCoherent(coventry());
    }

    @Test
    void periodsCompareByApproximateLength() {
        assertEquals(28, PolicyService.days("P4W"));
        assertEquals(60, PolicyService.days("P2M"));
        assertEquals(365, PolicyService.days("P1Y"));
    }

    private static String pointer(PolicyRules r) {
        ProblemException e = assertThrows(ProblemException.class, () -> PolicyService.checkCoherent(r));
        assertEquals(422, e.status().getCode());
        return e.errors().get(0).getPointer();
    }
}

package uk.supervision.policy;

import org.junit.jupiter.api.Test;
import uk.supervision.api.model.PolicyOverrides;
import uk.supervision.api.model.PolicyRules;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The measures' three policy settings are adjusted like every other rule: an override wins, an absent one leaves the profile's. */
class MeasurePolicyOverridesTest {
    @Test
    void caseloadLevelAndTrainingDeadlinesAreOverridden() {
        PolicyRules profile = new PolicyRules("P4W", "P6W", 90, List.of(), List.of(), 5);
        profile.setManagerTrainingWithin("P6M");
        PolicyRules merged = PolicyService.merge(profile, new PolicyOverrides().caseloadLevel(12).allManagersTrainingWithin("P9M"));
        assertEquals(12, merged.getCaseloadLevel());
        assertEquals("P9M", merged.getAllManagersTrainingWithin());
        assertEquals("P6M", merged.getManagerTrainingWithin(), "not overridden: the profile's stands");

        PolicyRules untouched = PolicyService.merge(new PolicyRules("P4W", "P6W", 90, List.of(), List.of(), 5), new PolicyOverrides());
        assertNull(untouched.getCaseloadLevel());
    }
}

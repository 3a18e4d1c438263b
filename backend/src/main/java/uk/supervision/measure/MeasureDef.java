package uk.supervision.measure;

import uk.supervision.api.model.MeasureDefinition;
import uk.supervision.api.model.MeasureGroup;
import uk.supervision.api.model.MeasureKind;
import uk.supervision.api.model.MeasureUnit;

/**
 * A measure's definition: its key (stable, in docs/measures.md), the label users read, and how to read its value.
 *
 * @param people true when the figure counts people, so the drill-down can list them
 */
public record MeasureDef(String key, String label, MeasureGroup group, MeasureKind kind, MeasureUnit unit,
                         boolean lowerIsBetter, Double target, boolean people) {

    /**
     * A flow figure is made of its period's months (sessions, records, discussions, decisions, audits and answers
     * added up; averages of them, whose totals add up; the longest gap, the largest of its months), so a period's
     * figure minus the months shown can give a month that is hidden. A stock figure (people, their actions and
     * cases, at the period's end) is its last month's and adds nothing over months.
     */
    public boolean flow() {
        return switch (unit) {
            case PEOPLE, ACTIONS, CASES -> false;
            default -> true;
        };
    }

    public MeasureDefinition toApi() {
        MeasureDefinition d = new MeasureDefinition(key, label, group, kind, unit, lowerIsBetter);
        d.setTarget(target);
        d.setPeople(people);
        return d;
    }
}

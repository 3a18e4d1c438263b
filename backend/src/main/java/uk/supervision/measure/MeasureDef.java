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

    public MeasureDefinition toApi() {
        MeasureDefinition d = new MeasureDefinition(key, label, group, kind, unit, lowerIsBetter);
        d.setTarget(target);
        d.setPeople(people);
        return d;
    }
}

package uk.supervision.evidencepack;

import uk.supervision.api.model.MeasureBreakdown;
import uk.supervision.api.model.MeasureScopeRef;
import uk.supervision.api.model.MeasureSeries;
import uk.supervision.api.model.MeasureSet;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * Everything a pack's files are made from, as the measures service gave it (already aggregate-only: suppressed, no
 * names). The renderers read nothing else, so they are tested on hand-made figures.
 *
 * @param breakdown the units one level down; null for a team
 * @param series    each measure month by month over the pack's period, by key (for the CSV files)
 * @param trends    the 12 months ending with the pack's last month, one per headline measure in headline order
 */
public record PackContent(MeasureScopeRef scope, YearMonth from, YearMonth to, MeasureSet set, MeasureBreakdown breakdown,
                          Map<String, MeasureSeries> series, List<MeasureSeries> trends, Instant madeAt) {
}

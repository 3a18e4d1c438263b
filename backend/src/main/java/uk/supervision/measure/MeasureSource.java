package uk.supervision.measure;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Computes some of the measures of DOMAIN section 9 in SQL: each method answers with a fixed number of queries,
 * however many people, months or units are asked for (no query per person, month or unit). MeasureService
 * collects every source, checks who may ask, and suppresses small groups; a source never filters by caller.
 */
public interface MeasureSource {

    /** The measures this source computes, in the order they are shown. */
    List<MeasureDef> definitions();

    /** This source's figures for the scope and period, keyed by measure key (every key of definitions()). */
    Map<String, Figure> figures(MeasureTarget scope, MeasurePeriod period);

    /**
     * The figures of each unit one level down (the directorate's services, a service's teams), keyed by the unit's
     * id and then by measure key; only the keys asked for that this source defines. Units with nothing to count may
     * be left out.
     */
    Map<String, Map<String, Figure>> breakdown(MeasureTarget parent, MeasurePeriod period, Set<String> keys);

    /** One measure month by month over the period (a month with nothing to count may be left out). */
    Map<YearMonth, Figure> series(MeasureTarget scope, String key, MeasurePeriod period);

    /** series() for each unit one level down, keyed by the unit's id: for suppressing months by differencing. */
    Map<String, Map<YearMonth, Figure>> seriesBreakdown(MeasureTarget parent, String key, MeasurePeriod period);

    /** series() of several measures at once, keyed by measure key (only this source's keys); one series() each unless a source does better. */
    default Map<String, Map<YearMonth, Figure>> seriesOf(MeasureTarget scope, Set<String> keys, MeasurePeriod period) {
        Map<String, Map<YearMonth, Figure>> out = new HashMap<>();
        definitions().stream().filter(d -> keys.contains(d.key())).forEach(d -> out.put(d.key(), series(scope, d.key(), period)));
        return out;
    }

    /** seriesBreakdown() of several measures at once, keyed by measure key, then unit (only this source's keys). */
    default Map<String, Map<String, Map<YearMonth, Figure>>> seriesBreakdownOf(MeasureTarget parent, Set<String> keys, MeasurePeriod period) {
        Map<String, Map<String, Map<YearMonth, Figure>>> out = new HashMap<>();
        definitions().stream().filter(d -> keys.contains(d.key())).forEach(d -> out.put(d.key(), seriesBreakdown(parent, d.key(), period)));
        return out;
    }

    /** Who is counted at the period's end: only the people-measures source answers. */
    default Optional<Population> population(MeasureTarget scope, MeasurePeriod period) {
        return Optional.empty();
    }

    /**
     * The people behind a people measure (drill-down), worst first, as staff ids with their own figure; only the
     * people-measures source answers. The caller's right to see each person is checked by MeasureService.
     */
    default Optional<List<PersonFigure>> people(MeasureTarget scope, String key, MeasurePeriod period) {
        return Optional.empty();
    }

    /** One person's part in a people measure. */
    record PersonFigure(String staffId, boolean inNumerator, Double value, String detail) {
    }
}

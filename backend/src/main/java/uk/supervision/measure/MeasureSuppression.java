package uk.supervision.measure;

import uk.supervision.api.model.SuppressionReason;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which figures an aggregate-only caller may not see (decision 0033). A figure standing for fewer people than the
 * minimum group size (but more than none) is suppressed, as is every figure of a scope whose counted staff are
 * fewer. Among units side by side under a parent that is shown, one suppressed unit alone could be worked out by
 * subtracting the others from the parent, so the next smallest unit is suppressed too (differencing).
 * Pure: it only compares numbers, so it is tested on hand-made figures.
 */
public final class MeasureSuppression {
    private final int minimum;

    public MeasureSuppression(int minimum) {
        this.minimum = minimum;
    }

    public int minimum() {
        return minimum;
    }

    /** Fewer than the minimum, but someone: a group of none reveals nothing about anyone. */
    public boolean small(long groupSize) {
        return groupSize > 0 && groupSize < minimum;
    }

    /** A scope whose counted staff are below the minimum is suppressed whole (counted null: not known, not suppressed). */
    public boolean wholeScope(Long counted) {
        return counted != null && small(counted);
    }

    /** One scope's figures on their own: the suppressed keys and why. */
    public Map<String, SuppressionReason> own(Map<String, Figure> figures, boolean wholeScope) {
        Map<String, SuppressionReason> out = new HashMap<>();
        figures.forEach((key, f) -> {
            if (wholeScope || small(f.groupSize())) {
                out.put(key, SuppressionReason.FEWER_THAN_MINIMUM);
            }
        });
        return out;
    }

    /**
     * Units side by side under a parent: per unit, the suppressed keys and why.
     *
     * @param rows             unit id -> key -> figure (the units under the parent with something to count)
     * @param wholeRows        units whose counted staff are below the minimum: every figure of theirs is suppressed
     * @param parent           the parent's own figures, key -> figure
     * @param parentSuppressed the parent's keys not shown to this caller (nothing to subtract from)
     */
    public Map<String, Map<String, SuppressionReason>> breakdown(Map<String, Map<String, Figure>> rows, Set<String> wholeRows,
                                                                 Map<String, Figure> parent, Set<String> parentSuppressed) {
        Map<String, Map<String, SuppressionReason>> out = new HashMap<>();
        Set<String> keys = new LinkedHashSet<>();
        rows.values().forEach(r -> keys.addAll(r.keySet()));
        for (String key : keys) {
            Map<String, Long> sizes = new HashMap<>();
            rows.forEach((unit, figures) -> {
                Figure f = figures.get(key);
                if (f != null) {
                    sizes.put(unit, f.groupSize());
                }
            });
            Figure p = parent.get(key);
            Long parentSize = p == null || parentSuppressed.contains(key) ? null : p.groupSize();
            Map<String, SuppressionReason> reasons = siblings(sizes, wholeRows, parentSize);
            reasons.forEach((unit, reason) -> out.computeIfAbsent(unit, u -> new HashMap<>()).put(key, reason));
        }
        return out;
    }

    /**
     * One measure month by month for a unit: the months suppressed and why, by the unit's own group size and by
     * differencing against its siblings under the parent in the same month.
     *
     * @param siblings unit id -> month -> figure for every unit under the parent (the unit itself included)
     * @param parent   the parent's own series (a month is shown when its figure is not small)
     */
    public Map<YearMonth, SuppressionReason> series(String unitId, Map<YearMonth, Figure> own,
                                                    Map<String, Map<YearMonth, Figure>> siblings, Map<YearMonth, Figure> parent) {
        return series(unitId, own, siblings, parent, Map.of());
    }

    /**
     * As above, with the units suppressed whole in each month (their counted staff that month below the minimum):
     * a sibling hidden whole is a hidden sibling whatever its figure's own group.
     */
    public Map<YearMonth, SuppressionReason> series(String unitId, Map<YearMonth, Figure> own,
                                                    Map<String, Map<YearMonth, Figure>> siblings, Map<YearMonth, Figure> parent,
                                                    Map<YearMonth, Set<String>> wholePerMonth) {
        Map<YearMonth, SuppressionReason> out = new HashMap<>();
        own.forEach((month, f) -> {
            if (small(f.groupSize())) {
                out.put(month, SuppressionReason.FEWER_THAN_MINIMUM);
            }
        });
        if (unitId == null || siblings == null) {
            return out;
        }
        Set<YearMonth> months = new LinkedHashSet<>(own.keySet());
        for (YearMonth month : months) {
            if (out.containsKey(month)) {
                continue;
            }
            Map<String, Long> sizes = new HashMap<>();
            siblings.forEach((unit, series) -> {
                Figure f = series.get(month);
                if (f != null) {
                    sizes.put(unit, f.groupSize());
                }
            });
            sizes.put(unitId, own.get(month).groupSize());
            Figure p = parent == null ? null : parent.get(month);
            Long parentSize = p == null || small(p.groupSize()) ? null : p.groupSize();
            SuppressionReason r = siblings(sizes, wholePerMonth.getOrDefault(month, Set.of()), parentSize).get(unitId);
            if (r != null) {
                out.put(month, r);
            }
        }
        return out;
    }

    /**
     * The period rule for flow figures (a figure made of its months: added up, or the largest). When a month of the
     * period is hidden from the scope's series, the period's figure minus the months shown would give it, so the
     * period's figure is hidden too (DIFFERENCING). Hiding a further month instead could not hold: a month is a
     * period anyone may ask for on its own, where it is shown.
     *
     * @param hiddenMonths flow measure key -> the months with a figure that the scope's series hides from this caller
     * @param months       how many months the period has (one month is the month itself: nothing to subtract)
     */
    public Map<String, SuppressionReason> periodOfFlows(Map<String, Set<YearMonth>> hiddenMonths, int months) {
        Map<String, SuppressionReason> out = new HashMap<>();
        if (months > 1) {
            hiddenMonths.forEach((key, hidden) -> {
                if (!hidden.isEmpty()) {
                    out.put(key, SuppressionReason.DIFFERENCING);
                }
            });
        }
        return out;
    }

    /**
     * The rule for one figure across siblings: unit -> group size in, unit -> reason out (suppressed units only).
     * parentSize: the parent's group when its figure is shown, else null. The parent's people in none of the units
     * (a service's people in no team) are a sibling the page never shows and count with the hidden ones.
     * Under a shown parent, the hidden units together are as good as one unit (the parent minus the shown ones), so
     * further units are hidden, smallest first, until the hidden ones together stand for at least the minimum or
     * everything is hidden. A unit of none is hidden too when needed: its 0 is a number to subtract.
     */
    private Map<String, SuppressionReason> siblings(Map<String, Long> sizes, Set<String> wholeRows, Long parentSize) {
        Map<String, SuppressionReason> out = new HashMap<>();
        List<String> shown = new ArrayList<>();
        sizes.forEach((unit, size) -> {
            if (size > 0 && (wholeRows.contains(unit) || small(size))) {
                out.put(unit, SuppressionReason.FEWER_THAN_MINIMUM);
            } else {
                shown.add(unit);
            }
        });
        if (parentSize == null) {
            return out;
        }
        long rest = Math.max(0, parentSize - sizes.values().stream().mapToLong(Long::longValue).sum());
        // A unit hidden whole stands for fewer staff than the minimum, however large its figure's own group (audits).
        long hiddenGroup = rest + out.keySet().stream()
                .mapToLong(u -> wholeRows.contains(u) ? Math.min(sizes.get(u), minimum - 1L) : sizes.get(u)).sum();
        if (hiddenGroup == 0 && out.isEmpty()) {
            return out;
        }
        // Smallest with someone in it first (ties by id, so the same ones every time); units of none last, as hiding
        // them adds nobody to the hidden group: they go only when everything has to.
        shown.sort(Comparator.comparing((String u) -> sizes.get(u) == 0).thenComparing(u -> sizes.get(u)).thenComparing(u -> u));
        for (String unit : shown) {
            if (hiddenGroup >= minimum) {
                break;
            }
            out.put(unit, SuppressionReason.DIFFERENCING);
            hiddenGroup += sizes.get(unit);
        }
        return out;
    }
}

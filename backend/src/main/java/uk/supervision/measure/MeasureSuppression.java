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
            SuppressionReason r = siblings(sizes, Set.of(), parentSize).get(unitId);
            if (r != null) {
                out.put(month, r);
            }
        }
        return out;
    }

    /**
     * The rule for one figure across siblings: unit -> group size in, unit -> reason out (suppressed units only).
     * parentSize: the parent's group when its figure is shown, else null. The parent's people in none of the units
     * (a service's people in no team) are a sibling the page never shows: when they are fewer than the minimum they
     * count as the one suppressed unit.
     */
    private Map<String, SuppressionReason> siblings(Map<String, Long> sizes, Set<String> wholeRows, Long parentSize) {
        Map<String, SuppressionReason> out = new HashMap<>();
        List<String> shown = new ArrayList<>();
        sizes.forEach((unit, size) -> {
            if (size > 0 && (wholeRows.contains(unit) || small(size))) {
                out.put(unit, SuppressionReason.FEWER_THAN_MINIMUM);
            } else if (size > 0) {
                shown.add(unit);
            }
        });
        if (parentSize == null || shown.isEmpty()) {
            return out;
        }
        long rest = parentSize - sizes.values().stream().mapToLong(Long::longValue).sum();
        int hidden = out.size() + (small(rest) ? 1 : 0);
        if (hidden == 1) {
            // The smallest other unit (ties by id, so the same one every time) hides the one that would show by subtraction.
            shown.sort(Comparator.comparing((String u) -> sizes.get(u)).thenComparing(u -> u));
            out.put(shown.get(0), SuppressionReason.DIFFERENCING);
        }
        return out;
    }
}

package uk.supervision.auditsample;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The quarterly sample's draw, on its own so it can be repeated and checked: the eligible files' ids sorted, then a
 * partial Fisher-Yates shuffle driven by {@code new SplittableRandom(seed)}, the first {@code size} positions taken in
 * the order drawn. The same seed over the same eligible files always gives the same sample.
 */
public final class SampleDraw {
    private SampleDraw() {
    }

    /**
     * Draws {@code size} of the ids, in the order drawn. The ids are sorted first, so the order they were read in does
     * not matter. A size below 0 or above the number of ids is refused (the caller says why, in words, first).
     */
    public static List<String> draw(List<String> eligibleIds, int size, long seed) {
        if (size < 0 || size > eligibleIds.size()) {
            throw new IllegalArgumentException("Cannot draw " + size + " of " + eligibleIds.size());
        }
        List<String> pool = new ArrayList<>(eligibleIds);
        pool.sort(null);
        SplittableRandom random = new SplittableRandom(seed);
        int n = pool.size();
        for (int i = 0; i < size; i++) {
            int j = i + random.nextInt(n - i);
            String chosen = pool.get(j);
            pool.set(j, pool.get(i));
            pool.set(i, chosen);
        }
        return List.copyOf(pool.subList(0, size));
    }
}

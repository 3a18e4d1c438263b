package uk.supervision.measure;

import java.util.List;

/**
 * One measure's figure for one scope and period, before suppression.
 *
 * @param value     the figure (a share 0 to 1, a count, a mean, a maximum); null when there is nothing to divide by
 * @param parts     the counts or means per label for distributions and per-question means, in display order
 * @param groupSize how many people (or audits, or respondents) stand behind the figure: what suppression compares
 *                  with the minimum group size
 */
public record Figure(String key, long numerator, long denominator, Double value, List<Part> parts, long groupSize) {

    public record Part(String label, Long count, Double value) {
    }

    public static Figure share(String key, long numerator, long denominator, long groupSize) {
        return new Figure(key, numerator, denominator, denominator == 0 ? null : (double) numerator / denominator, List.of(), groupSize);
    }

    public static Figure count(String key, long count, long groupSize) {
        return new Figure(key, count, groupSize, (double) count, List.of(), groupSize);
    }

    public static Figure average(String key, long total, long n, long groupSize) {
        return new Figure(key, total, n, n == 0 ? null : (double) total / n, List.of(), groupSize);
    }

    public static Figure maximum(String key, Long max, long groupSize) {
        return new Figure(key, max == null ? 0 : max, groupSize, max == null ? null : max.doubleValue(), List.of(), groupSize);
    }

    public static Figure distribution(String key, List<Part> parts, long groupSize) {
        long total = parts.stream().mapToLong(p -> p.count() == null ? 0 : p.count()).sum();
        return new Figure(key, total, total, (double) total, List.copyOf(parts), groupSize);
    }
}

package org.gugus.reporting;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Small-cell suppression as {@code docs/indicators-v1.md} says. Primary: a count of 1..k-1 is shown
 * as the string {@code "<k"}; zero stays 0. Complementary: in a breakdown whose cells add up to the
 * published {@code unique_victims} (each person in one cell), a single suppressed cell could be
 * recovered by subtraction, so the next smallest cell is suppressed too (on equal counts, the first
 * by code). Totals are suppressed like any cell.
 */
final class Suppression {

    private final int k;

    Suppression(int k) {
        if (k < 2) {
            throw new IllegalArgumentException("k must be at least 2, is " + k);
        }
        this.k = k;
    }

    int k() {
        return k;
    }

    /** The string a suppressed cell shows, e.g. {@code "<5"}. */
    String mark() {
        return "<" + k;
    }

    /** The cells as published: counts, or {@link #mark()} where suppressed. */
    Map<Indicator, Map<String, Object>> apply(Map<Indicator, Map<String, Long>> counts) {
        Map<Indicator, Map<String, Object>> shown = new EnumMap<>(Indicator.class);
        boolean totalPublished = !hidden(total(counts));
        counts.forEach((indicator, cells) -> {
            Map<String, Object> out = new LinkedHashMap<>();
            cells.forEach((code, count) -> out.put(code, hidden(count) ? mark() : count));
            if (indicator.shape() == Indicator.Shape.PARTITION && totalPublished) {
                long suppressed = out.values().stream().filter(String.class::isInstance).count();
                if (suppressed == 1) {
                    nextSmallest(cells, out).ifPresent(code -> out.put(code, mark()));
                }
            }
            shown.put(indicator, out);
        });
        return shown;
    }

    /** The cells as counted, for roles that may see them unsuppressed. */
    static Map<Indicator, Map<String, Object>> none(Map<Indicator, Map<String, Long>> counts) {
        Map<Indicator, Map<String, Object>> shown = new EnumMap<>(Indicator.class);
        counts.forEach((indicator, cells) -> shown.put(indicator, new LinkedHashMap<>(cells)));
        return shown;
    }

    private boolean hidden(long count) {
        return count > 0 && count < k;
    }

    private static long total(Map<Indicator, Map<String, Long>> counts) {
        Map<String, Long> total = counts.get(Indicator.UNIQUE_VICTIMS);
        return total == null ? 0 : total.getOrDefault("", 0L);
    }

    private static Optional<String> nextSmallest(Map<String, Long> counts, Map<String, Object> shown) {
        return counts.entrySet().stream()
                .filter(cell -> cell.getValue() > 0 && !(shown.get(cell.getKey()) instanceof String))
                .min(Comparator.comparingLong(Map.Entry<String, Long>::getValue))
                .map(Map.Entry::getKey);
    }
}

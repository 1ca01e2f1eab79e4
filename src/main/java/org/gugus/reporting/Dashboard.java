package org.gugus.reporting;

import java.util.List;

/**
 * The national indicators as the coordinators' dashboard shows them, always suppressed: the totals,
 * and every breakdown's cells in the order of the report with their labels. A cell's value is a
 * count, or the string {@code "<k"} when it is suppressed.
 */
public record Dashboard(String from, String to, String office, int k, List<Total> totals, List<Breakdown> breakdowns) {

    /** A total, e.g. {@code unique_victims}. */
    public record Total(String key, Object value) {

        public boolean suppressed() {
            return value instanceof String;
        }
    }

    /** A breakdown, e.g. {@code by_sex}, and whether a person may be in more than one of its cells. */
    public record Breakdown(String key, boolean overlapping, List<Cell> cells) {
    }

    /** One cell of a breakdown: its code, labels, and count (or {@code "<k"}). */
    public record Cell(String code, String labelId, String labelEn, Object value) {

        public boolean suppressed() {
            return value instanceof String;
        }
    }

    public Breakdown breakdown(String key) {
        return breakdowns.stream().filter(breakdown -> breakdown.key().equals(key)).findFirst()
                .orElse(new Breakdown(key, false, List.of()));
    }
}

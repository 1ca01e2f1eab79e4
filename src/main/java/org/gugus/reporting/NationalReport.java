package org.gugus.reporting;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One report as published: the query, the suppression applied, every indicator's cells (counts,
 * or {@code "<k"} strings), when it was made and from which files, and the codes' labels.
 */
record NationalReport(ReportQuery query, int k, boolean suppressed, Map<Indicator, Map<String, Object>> cells,
        OffsetDateTime madeAt, List<WarehouseSource.SourceFile> files, Labels labels) {

    /** A total's value (a count or {@code "<k"}). */
    Object total(Indicator indicator) {
        return cells.get(indicator).getOrDefault("", 0L);
    }

    /** A breakdown's cells in the order they are shown. */
    Map<String, Object> breakdown(Indicator indicator) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        labels.ordered(indicator, cells.get(indicator).keySet()).forEach(code -> ordered.put(code, cells.get(indicator).get(code)));
        return ordered;
    }

    /** The JSON object of {@code gugus report --json}: from, to, office, suppression, then the spec's keys. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from", query.from() == null ? null : query.from().toString());
        json.put("to", query.to() == null ? null : query.to().toString());
        json.put("office", query.office());
        Map<String, Object> suppression = new LinkedHashMap<>();
        suppression.put("k", k);
        suppression.put("applied", suppressed);
        json.put("suppression", suppression);
        for (Indicator indicator : Indicator.values()) {
            json.put(indicator.key(), indicator.shape() == Indicator.Shape.TOTAL ? total(indicator) : breakdown(indicator));
        }
        return json;
    }
}

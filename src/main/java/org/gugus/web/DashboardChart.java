package org.gugus.web;

import java.util.List;
import java.util.stream.IntStream;
import org.gugus.reporting.Dashboard;

/**
 * One chart of the dashboard as the browser draws it and the table beside it reads: the labels
 * in the user's language, the counts ({@code null} where a cell is suppressed, so the chart leaves a
 * gap) and what each cell shows ({@code "<5"} for a suppressed one).
 */
record DashboardChart(String id, String type, List<String> labels, List<Long> values, List<String> shown,
        boolean overlapping) {

    static DashboardChart of(Dashboard.Breakdown breakdown, String type, boolean english) {
        List<Dashboard.Cell> cells = breakdown.cells();
        return new DashboardChart(breakdown.key(), type,
                cells.stream().map(cell -> english ? cell.labelEn() : cell.labelId()).toList(),
                cells.stream().map(cell -> cell.value() instanceof Number n ? n.longValue() : null).toList(),
                cells.stream().map(cell -> String.valueOf(cell.value())).toList(), breakdown.overlapping());
    }

    /** Rows of the table: label, what the cell shows, whether it is suppressed. */
    public List<Row> rows() {
        return IntStream.range(0, labels.size())
                .mapToObj(i -> new Row(labels.get(i), shown.get(i), values.get(i) == null)).toList();
    }

    public boolean empty() {
        return labels.isEmpty();
    }

    record Row(String label, String shown, boolean suppressed) {
    }
}

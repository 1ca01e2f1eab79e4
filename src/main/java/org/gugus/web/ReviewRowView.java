package org.gugus.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.review.ReviewFinding;
import org.gugus.web.ReviewCell.CellFinding;

/**
 * A rejected or flagged row as its page shows it: where it came from, every cell with the findings
 * on it, and the findings that name no column of the row (a missing column, the row as a whole).
 *
 * @param kind {@code ditolak} (a rejected row) or {@code peringatan} (a loaded victim with warnings)
 */
record ReviewRowView(String kind, long id, String officeCode, String fileName, String sheet, int rowNumber,
        String status, List<ReviewCell> cells, List<CellFinding> rowFindings) {

    static ReviewRowView of(String kind, long id, String officeCode, String fileName, String sheet, int rowNumber,
            String status, Map<String, String> values, List<ReviewFinding> findings) {
        Map<String, List<CellFinding>> byColumn = new LinkedHashMap<>();
        values.keySet().forEach(column -> byColumn.put(column, new ArrayList<>()));
        List<CellFinding> rowFindings = new ArrayList<>();
        for (ReviewFinding finding : findings) {
            CellFinding cell = new CellFinding(finding.code(), finding.cellMessageId() == null ? finding.messageId()
                    : finding.cellMessageId(), finding.cellMessageEn() == null ? finding.messageEn() : finding.cellMessageEn());
            List<CellFinding> column = finding.column() == null ? null : byColumn.get(finding.column());
            if (column != null) {
                column.add(cell);
            } else {
                rowFindings.add(new CellFinding(finding.code(), finding.messageId(), finding.messageEn()));
            }
        }
        // the cells with findings first: they are what the reviewer came for (the stored row keeps no column order)
        List<ReviewCell> cells = values.entrySet().stream()
                .map(entry -> new ReviewCell(entry.getKey(), entry.getValue(), byColumn.get(entry.getKey())))
                .sorted(Comparator.comparing((ReviewCell cell) -> cell.findings().isEmpty()))
                .toList();
        return new ReviewRowView(kind, id, officeCode, fileName, sheet, rowNumber, status, cells, rowFindings);
    }

    /** The same row with the values the reviewer typed, judged again: the findings of her correction. */
    ReviewRowView withCorrection(Map<String, String> typed, List<ReviewFinding> findings) {
        Map<String, String> values = new LinkedHashMap<>();
        cells.forEach(cell -> values.put(cell.column(), typed.getOrDefault(cell.column(), cell.value())));
        return of(kind, id, officeCode, fileName, sheet, rowNumber, status, values, findings);
    }

    public long errors() {
        return cells.stream().filter(ReviewCell::error).count() + rowFindings.stream().filter(CellFinding::error).count();
    }
}

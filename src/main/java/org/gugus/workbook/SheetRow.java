package org.gugus.workbook;

import java.util.List;

/**
 * One physical row of a sheet. {@code rowNumber} is 1-based, as a person sees it in Excel or
 * LibreOffice; {@code cells} is indexed by 0-based column, blank cells included up to the last
 * non-blank one. A CSV file has one sheet, named after the file.
 */
public record SheetRow(String sheet, int rowNumber, List<CellValue> cells) {

    public SheetRow {
        cells = List.copyOf(cells);
    }

    public CellValue cell(int column) {
        return column < cells.size() ? cells.get(column) : CellValue.BLANK;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(CellValue::isBlank);
    }
}

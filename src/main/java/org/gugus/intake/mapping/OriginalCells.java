package org.gugus.intake.mapping;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;

/**
 * Every column of a data row under its header as written ({@link MappedRow#original()}), put
 * together only when first read: a row that repeats a record's row is staged without its
 * originals (issue 13), and most rows of a re-delivery are such rows. Read by one thread at a time
 * (the judge of the row); two threads reading it at once would only put it together twice.
 */
final class OriginalCells extends AbstractMap<String, String> {

    private final SheetRow row;
    private final SortedMap<Integer, String> headersByColumn;
    private Map<String, String> cells;

    OriginalCells(SheetRow row, SortedMap<Integer, String> headersByColumn) {
        this.row = row;
        this.headersByColumn = headersByColumn;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return cells().entrySet();
    }

    @Override
    public String get(Object key) {
        return cells().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return cells().containsKey(key);
    }

    @Override
    public int size() {
        return cells().size();
    }

    private Map<String, String> cells() {
        Map<String, String> made = cells;
        if (made == null) {
            made = Collections.unmodifiableMap(make());
            cells = made;
        }
        return made;
    }

    /**
     * A column without a header but with a value is kept as "Kolom 7" (1-based), and a repeated
     * header gets its column number added.
     */
    private Map<String, String> make() {
        Map<String, String> original = new LinkedHashMap<>();
        int width = Math.max(headersByColumn.isEmpty() ? 0 : headersByColumn.lastKey() + 1, row.cells().size());
        for (int column = 0; column < width; column++) {
            CellValue cell = row.cell(column);
            String header = headersByColumn.get(column);
            if (header == null) {
                if (cell.isBlank()) {
                    continue;
                }
                header = columnName(column);
            }
            String key = original.containsKey(header) ? header + " (" + columnName(column) + ")" : header;
            original.put(key, cell.text());
        }
        return original;
    }

    static String columnName(int column) {
        return "Kolom " + (column + 1);
    }
}

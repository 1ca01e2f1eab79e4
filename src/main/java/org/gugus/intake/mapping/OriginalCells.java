package org.gugus.intake.mapping;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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
 * <p>
 * A row whose columns without a header are all blank, as a sheet's rows are as a rule, has the sheet's keys
 * ({@link Columns}): its judge takes its values in their order ({@link #sheetValues()}) without the map.
 */
public final class OriginalCells extends AbstractMap<String, String> {

    private final SheetRow row;
    private final Columns columns;
    private Map<String, String> cells;

    OriginalCells(SheetRow row, Columns columns) {
        this.row = row;
        this.columns = columns;
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

    /** The keys of a row of the sheet whose columns without a header are blank, in order: one list for its rows. */
    public List<String> sheetKeys() {
        return columns.keys();
    }

    /**
     * The values in the order of {@link #sheetKeys()}, as this map holds them under those keys; null when a column
     * without a header holds a value (the map then has a key of its own for it).
     */
    public String[] sheetValues() {
        for (int column : columns.withoutHeader()) {
            if (!row.cell(column).isBlank()) {
                return null;
            }
        }
        for (int column = columns.span(); column < row.cells().size(); column++) {
            if (!row.cell(column).isBlank()) {
                return null;
            }
        }
        int[] at = columns.ofKeys();
        String[] values = new String[at.length];
        for (int i = 0; i < at.length; i++) {
            values[i] = row.cell(at[i]).text();
        }
        return values;
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
        SortedMap<Integer, String> headersByColumn = columns.headersByColumn();
        int width = Math.max(columns.span(), row.cells().size());
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

    /**
     * A sheet's columns as its rows' maps take them: the headers, the keys a row has when its columns without a
     * header are blank (a repeated header's with its column), the column each key's value comes from, and the
     * columns without a header up to the last header's.
     */
    record Columns(SortedMap<Integer, String> headersByColumn, List<String> keys, int[] ofKeys, int[] withoutHeader,
            int span) {

        static Columns of(SortedMap<Integer, String> headersByColumn) {
            int span = headersByColumn.isEmpty() ? 0 : headersByColumn.lastKey() + 1;
            // the keys as make() gives them, each with the column whose value it keeps (a later one, should a
            // renamed header meet a header written so)
            Map<String, Integer> keyed = new LinkedHashMap<>();
            List<Integer> withoutHeader = new ArrayList<>();
            for (int column = 0; column < span; column++) {
                String header = headersByColumn.get(column);
                if (header == null) {
                    withoutHeader.add(column);
                    continue;
                }
                String key = keyed.containsKey(header) ? header + " (" + columnName(column) + ")" : header;
                keyed.put(key, column);
            }
            return new Columns(headersByColumn, List.copyOf(keyed.keySet()),
                    keyed.values().stream().mapToInt(Integer::intValue).toArray(),
                    withoutHeader.stream().mapToInt(Integer::intValue).toArray(), span);
        }
    }
}

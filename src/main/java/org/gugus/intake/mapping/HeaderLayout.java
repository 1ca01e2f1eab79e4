package org.gugus.intake.mapping;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.gugus.workbook.CellValue;
import org.gugus.workbook.SheetRow;

/**
 * Where the header of a sheet is and which column holds which field, with every header as the
 * office wrote it. Maps data rows to {@link MappedRow}s and tells data rows from blank,
 * column-number, total and signature rows ({@link #classify}). The layout of one sheet remembers
 * the rows it has classified (see {@link RowClassifier}), so it serves one pass over that sheet,
 * rows in order; {@link HeaderDetector#detect} gives a new layout each time.
 */
public final class HeaderLayout {

    private final Template template;
    private final String sheet;
    private final int headerRowNumber;
    private final SortedMap<Integer, Field> fieldsByColumn;
    private final SortedMap<Integer, String> headersByColumn;
    private final Map<Field, Integer> columnsByField;
    /** Each mapped field's header, the same for every row of the sheet: one map shared by them all. */
    private final Map<Field, String> headersByField;
    private final RowClassifier classifier;
    /** The columns as each data row's original cells take them, worked out once for the sheet. */
    private final OriginalCells.Columns originalColumns;

    HeaderLayout(Template template, String sheet, int headerRowNumber, Map<Integer, Field> fieldsByColumn,
            Map<Integer, String> headersByColumn) {
        this.template = template;
        this.sheet = sheet;
        this.headerRowNumber = headerRowNumber;
        this.fieldsByColumn = Collections.unmodifiableSortedMap(new TreeMap<>(fieldsByColumn));
        this.headersByColumn = Collections.unmodifiableSortedMap(new TreeMap<>(headersByColumn));
        Map<Field, Integer> columns = new EnumMap<>(Field.class);
        this.fieldsByColumn.forEach((column, field) -> columns.put(field, column));
        this.columnsByField = Collections.unmodifiableMap(columns);
        Map<Field, String> headers = new EnumMap<>(Field.class);
        this.fieldsByColumn.forEach((column, field) -> headers.put(field, this.headersByColumn.get(column)));
        this.headersByField = Collections.unmodifiableMap(headers);
        this.classifier = new RowClassifier(template, this);
        this.originalColumns = OriginalCells.Columns.of(this.headersByColumn);
    }

    public String sheet() {
        return sheet;
    }

    /** The 1-based number of the header row (of its last line, for a header written on two rows). */
    public int headerRowNumber() {
        return headerRowNumber;
    }

    /** The mapped columns (0-based) and their fields, the running-number column included. */
    public SortedMap<Integer, Field> fieldsByColumn() {
        return fieldsByColumn;
    }

    /** Every column (0-based) that has a header, mapped or not, with the header as written. */
    public SortedMap<Integer, String> headersByColumn() {
        return headersByColumn;
    }

    /** The 0-based column of a field, if the sheet has it. */
    public Optional<Integer> column(Field field) {
        return Optional.ofNullable(columnsByField.get(field));
    }

    public boolean has(Field field) {
        return columnsByField.containsKey(field);
    }

    /**
     * Assigns the cells of a data row to fields. {@link MappedRow#original()} keeps every column,
     * the running number too, under its header as written (for review, never for change detection);
     * a column without a header but with a value is kept as "Kolom 7" (1-based), and a repeated
     * header gets its column number added.
     */
    public MappedRow map(SheetRow row) {
        Map<Field, CellValue> values = new EnumMap<>(Field.class);
        fieldsByColumn.forEach((column, field) -> values.put(field, row.cell(column)));
        // put together when first read, on the judge's thread: a row repeating a record's row never reads it
        return new MappedRow(row.sheet(), row.rowNumber(), Collections.unmodifiableMap(values), headersByField,
                new OriginalCells(row, originalColumns));
    }

    /**
     * What a row of this sheet is. Rows must come in order; rows up to the header are
     * {@link RowKind#HEADER}, and every row from the start of the signature block on is
     * {@link RowKind#SIGNATURE}.
     */
    public RowKind classify(SheetRow row) {
        return classifier.classify(row);
    }

    /** Whether a row is a victim row ({@link #classify} gives {@link RowKind#DATA}). */
    public boolean isData(SheetRow row) {
        return classify(row) == RowKind.DATA;
    }

    /** A new classifier for another pass over the rows of this sheet, in order. */
    public RowClassifier rowClassifier() {
        return new RowClassifier(template, this);
    }

    @Override
    public String toString() {
        return "HeaderLayout[sheet=" + sheet + ", headerRow=" + headerRowNumber + ", fields=" + fieldsByColumn + "]";
    }
}

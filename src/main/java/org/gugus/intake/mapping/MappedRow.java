package org.gugus.intake.mapping;

import java.util.Map;
import org.gugus.workbook.CellValue;

/**
 * A data row with its cells assigned to template fields.
 *
 * @param sheet     sheet name as in the workbook
 * @param rowNumber 1-based row number as a person sees it
 * @param values    the mapped cells; a field whose column is absent or blank maps to a blank cell
 * @param headers   each mapped field's column header as written in the file
 * @param original  every column of the row, header as written to cell text, in column
 *                  order (unmapped columns included), as stored for review
 */
public record MappedRow(String sheet, int rowNumber, Map<Field, CellValue> values, Map<Field, String> headers,
        Map<String, String> original) {

    public CellValue value(Field field) {
        return values.getOrDefault(field, CellValue.BLANK);
    }

    public String header(Field field) {
        return headers.getOrDefault(field, field.key());
    }
}

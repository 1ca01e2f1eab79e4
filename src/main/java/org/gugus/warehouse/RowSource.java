package org.gugus.warehouse;

import java.util.Map;

/**
 * What a correction starts from: the file, sheet and row of the record it corrects, its office, and
 * the row's columns (as written, or the record's normalised values by field name when the row as
 * written was not kept).
 */
public record RowSource(long fileId, String officeCode, String sheet, int rowNumber, Map<String, String> values) {
}

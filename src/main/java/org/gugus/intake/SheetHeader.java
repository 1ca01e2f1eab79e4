package org.gugus.intake;

import java.util.Map;
import java.util.Optional;

/**
 * Where a sheet's template header is, as intake found it: its row (1-based; of its last line for a
 * header written on two rows) and the 0-based column of each template field, by field key.
 */
public record SheetHeader(String sheet, int rowNumber, Map<String, Integer> columnsByField) {

    public SheetHeader {
        columnsByField = Map.copyOf(columnsByField);
    }

    public Optional<Integer> column(String field) {
        return Optional.ofNullable(columnsByField.get(field));
    }
}

package org.gugus.intake.mapping;

import java.util.List;
import java.util.Set;

/**
 * The outcome of looking for the header row of one sheet. Not finding one is an expected outcome
 * (a "Rekap" or "Grafik" sheet), so it is a value, not an exception; the messages say what the
 * office should change, in Indonesian and English, for F_MISSING_COLUMN and F_NO_HEADER.
 */
public sealed interface HeaderSearch {

    /** The header row was found and holds every required field. */
    record Found(HeaderLayout layout) implements HeaderSearch {
    }

    /**
     * A row looks like the header (it names several fields) but required columns are missing.
     *
     * @param rowNumber 1-based number of the row taken for the header
     * @param found     the fields that row does name
     * @param missing   the required fields it lacks (both fields of an unmet "one of" group)
     */
    record MissingColumns(String sheet, int rowNumber, Set<Field> found, List<Field> missing, String messageId,
            String messageEn) implements HeaderSearch {

        public MissingColumns {
            found = Set.copyOf(found);
            missing = List.copyOf(missing);
        }
    }

    /** No row of the first {@code rowsSearched} names enough fields to be a header. */
    record NotFound(String sheet, int rowsSearched, String messageId, String messageEn) implements HeaderSearch {
    }
}

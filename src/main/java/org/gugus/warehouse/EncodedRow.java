package org.gugus.warehouse;

import java.util.List;

/**
 * A judged row's fields as the staging table's COPY takes them, encoded on the thread that judged it
 * ({@link StagedRow#encoded()}), and the headers its cells stand under.
 * <p>
 * Issue 13: a million-row workbook's stage step under {@code -Xmx256m} held two blocks of judged rows as
 * objects (every normalised value and cell a string, some 4 KB a row) while one was written and the next
 * judged: each young collection copied them and promoted what did not fit, and the old generation was
 * collected whole every few seconds. Encoded, a row waits for its COPY as one array of bytes.
 *
 * @param fields     the row's fields in COPY's binary format, as {@link StagedRowWriter} writes them
 * @param headersKey the key of the headers the row's cells stand under ({@link OriginalRow#headersKey()})
 * @param headers    those headers, one list for the rows of a sheet; null when the row keeps no cells
 * @param identityHash a 64-bit hash of the row's identity key ({@link StagedRow#identityHash()}), kept for the
 *                     stage to tell whether an identity repeats in the file; 0 for a row without one
 * @param caseDate   the row's case number and report date as one number ({@link StagedRow#caseDate()}), kept for the
 *                   stage to tell whether the rows of each case agree on its date
 * @param findings   the row's findings as judged (a JSON array), kept for the stage to tell the file's outcomes
 *                   ({@link StagedOutcomes}); null for a row without findings, which keeps nothing more
 */
public record EncodedRow(byte[] fields, long headersKey, List<String> headers, long identityHash, long caseDate,
        String findings) {
}

package org.gugus.warehouse;

/**
 * A judged data row, ready for the staging table: a valid row carries its identity, person and
 * content hashes and its normalised values; a rejected one only what was written and why.
 * The JSON fields are serialised already, so writing is plain JDBC.
 */
public record StagedRow(long fileId, int ordinal, String sheet, int rowNumber, boolean rejected, String identityKey,
        String personKey, String contentHash, String caseRowJson, String originalJson, String findingsJson) {
}

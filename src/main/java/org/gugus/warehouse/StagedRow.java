package org.gugus.warehouse;

/**
 * A judged data row, ready for the staging table: a valid row carries its identity, person and
 * content hashes and its normalised values; a rejected one only what was written and why.
 * The findings are serialised already, so writing is plain JDBC.
 * <p>
 * A row that repeats a record's row exactly ({@link KnownRows}) is staged thin: only its place in
 * the file, its {@code rowHash} and the {@code knownVictimId} it repeats; the publish takes its keys
 * from that record.
 *
 * @param caseValues    the normalised values; null when rejected
 * @param original      the row as written; null for a thin row
 * @param rowHash       hash of the cells the row is judged from ({@link KnownRows#rowHash}); null for corrections
 * @param knownVictimId the record whose row this one repeats, for a thin row; otherwise null
 * @param encodedRow    the row's fields encoded for the staging table, its values, cells, keys, findings and
 *                      row hash let go ({@link #encoded()}); null while it keeps them
 */
public record StagedRow(long fileId, int ordinal, String sheet, int rowNumber, boolean rejected, String identityKey,
        String personKey, String contentHash, StagedCase caseValues, OriginalRow original, String findingsJson,
        byte[] rowHash, Long knownVictimId, EncodedRow encodedRow) {

    /** The findings of a row judged without any. */
    public static final String NO_FINDINGS = "[]";

    public StagedRow(long fileId, int ordinal, String sheet, int rowNumber, boolean rejected, String identityKey,
            String personKey, String contentHash, StagedCase caseValues, OriginalRow original, String findingsJson,
            byte[] rowHash, Long knownVictimId) {
        this(fileId, ordinal, sheet, rowNumber, rejected, identityKey, personKey, contentHash, caseValues,
                original, findingsJson, rowHash, knownVictimId, null);
    }

    public StagedRow(long fileId, int ordinal, String sheet, int rowNumber, boolean rejected, String identityKey,
            String personKey, String contentHash, StagedCase caseValues, OriginalRow original, String findingsJson) {
        this(fileId, ordinal, sheet, rowNumber, rejected, identityKey, personKey, contentHash, caseValues,
                original, findingsJson, null, null);
    }

    /**
     * This row with its fields encoded now, on the calling thread, for the staging table's COPY, and
     * everything the encoding holds let go: its normalised values and cells, its keys, content hash,
     * findings and row hash ({@link EncodedRow}); the same row staged. Only its place in the file stays
     * readable. A thin row, or one encoded already, is itself.
     * <p>
     * Issue 13: a million-row stage holds two blocks of encoded rows (the one written, the one judged);
     * the three keys' strings and the row hash kept beside their bytes were a quarter of what each row
     * held through a young collection.
     */
    public StagedRow encoded() {
        if (repeats() || encodedRow != null) {
            return this;
        }
        return new StagedRow(fileId, ordinal, sheet, rowNumber, rejected, null, null, null, null, null, null, null,
                knownVictimId, StagedRowWriter.encode(this));
    }

    /** A row that repeats the row of record {@code victimId} cell for cell, staged without values. */
    public static StagedRow repeating(long fileId, int ordinal, String sheet, int rowNumber, byte[] rowHash,
            long victimId) {
        return new StagedRow(fileId, ordinal, sheet, rowNumber, false, null, null, null, null, null, NO_FINDINGS,
                rowHash, victimId);
    }

    /**
     * A 64-bit hash of the row's identity key (FNV-1a over its characters), kept when the row is encoded: two
     * rows of one identity have the same hash, two of different identities the same one rarely. 0 for a row
     * without an identity key (a rejected or thin row).
     */
    public long identityHash() {
        if (encodedRow != null) {
            return encodedRow.identityHash();
        }
        if (identityKey == null) {
            return 0;
        }
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < identityKey.length(); i++) {
            hash = (hash ^ identityKey.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /** The row's findings as judged (a JSON array), kept when the row is encoded; {@value #NO_FINDINGS} for none. */
    public String judgedFindings() {
        if (encodedRow != null) {
            return encodedRow.findings() == null ? NO_FINDINGS : encodedRow.findings();
        }
        return findingsJson;
    }

    /** Whether the row was staged thin, without being judged. */
    public boolean repeats() {
        return knownVictimId != null;
    }
}

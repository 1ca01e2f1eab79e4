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

    /**
     * The {@link #caseDate()} of a row without a case number or with a report date not in ISO form, whose case's
     * date the stage cannot vouch for.
     */
    public static final long NO_CASE_DATE = -1L;

    /** The low bits of a {@link #caseDate()} that hold the report date. */
    public static final long CASE_DAY_BITS = (1L << 20) - 1;

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
        return identityKey == null ? 0 : fnv1a(identityKey);
    }

    /** A 64-bit FNV-1a hash of the text's characters. */
    private static long fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /**
     * The row's case number and report date as one number, kept when the row is encoded, for the stage to tell whether
     * the rows of each case agree on its report date ({@link #NO_CASE_DATE} for a row it cannot tell by): a 64-bit hash
     * of the case number (FNV-1a over its characters) whose low 20 bits are the date's, {@code (year * 12 + month - 1)
     * * 31 + day - 1} of its ISO text (a number of its own for each day before the year 2818). Two rows of one case and
     * date give one number, two rows of one case on two days never do; two cases share the high bits rarely.
     */
    public long caseDate() {
        if (encodedRow != null) {
            return encodedRow.caseDate();
        }
        if (caseValues == null || caseValues.caseNumber() == null) {
            return NO_CASE_DATE;
        }
        int day = isoDay(caseValues.reportDate());
        if (day < 0) {
            return NO_CASE_DATE;
        }
        return fnv1a(caseValues.caseNumber()) & ~CASE_DAY_BITS | day;
    }

    /** The day of an ISO date's text as {@link #caseDate()} numbers it; -1 for a text of another form. */
    private static int isoDay(String date) {
        if (date == null || date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return -1;
        }
        int year = digits(date, 0, 4);
        int month = digits(date, 5, 7);
        int day = digits(date, 8, 10);
        if (year < 0 || year >= 2818 || month < 1 || month > 12 || day < 1 || day > 31) {
            return -1;
        }
        return (year * 12 + month - 1) * 31 + day - 1;
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + c - '0';
        }
        return value;
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

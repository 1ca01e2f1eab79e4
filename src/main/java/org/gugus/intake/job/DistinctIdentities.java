package org.gugus.intake.job;

import java.util.Arrays;
import java.util.Optional;
import org.gugus.warehouse.StagedRow;

/**
 * Whether an identity repeats among a file's valid rows, and how many there are, told from the rows as the stage
 * step takes them, block after block on its thread: a 64-bit hash of each valid row's identity key
 * ({@link StagedRow#identityHash()}), sorted and compared once the file ends. Two rows of one identity always share
 * a hash; two identities sharing one only make the file look as if it repeated one, which leaves the publish ranking
 * its rows as before (issue 13).
 * <p>
 * Whether the valid rows of each case agree on its report date, told alike from each row's case and date as one
 * number ({@link StagedRow#caseDate()}): then each row's own date is its case's, and the persons' preparation beside a
 * million-row publish reads the rows without sorting them by case for the date of each case's last row (7.4 s of the
 * server at a million, through 261 MB of temporary files). Two cases sharing a hash only make the file look as if a
 * case's rows disagreed, which leaves that read as before.
 * <p>
 * It can tell only of rows it saw from the file's first: a stage restarted after a kill starts past it, and
 * tells nothing. A thin row (repeating a record's row) or more than {@link #MOST} valid rows tell nothing either.
 */
final class DistinctIdentities {

    /** Valid rows whose hashes are kept at most: 16 bytes each, 32 MB. */
    static final int MOST = 2_000_000;

    private long[] hashes = new long[4096];
    private long[] caseDates = new long[4096];
    private int kept;
    private int seen;
    private boolean unknown;

    /** Notes the block's rows, the next ones of the file. */
    void add(StagedRows block) {
        if (unknown) {
            return;
        }
        for (StagedRow row : block.rows()) {
            if (row.ordinal() != seen + 1 || row.repeats() || kept == MOST) {
                unknown = true;
                hashes = null;
                caseDates = null;
                return;
            }
            seen++;
            if (!row.rejected()) {
                if (kept == hashes.length) {
                    hashes = Arrays.copyOf(hashes, Math.min(MOST, kept * 2));
                    caseDates = Arrays.copyOf(caseDates, hashes.length);
                }
                caseDates[kept] = row.caseDate();
                hashes[kept++] = row.identityHash();
            }
        }
    }

    /**
     * After the file's last row: how many valid rows it staged, whether no two of them share an identity and whether
     * the rows of each case agree on its date; empty when not every row was seen from the first. Told once.
     */
    Optional<Seen> seen() {
        if (unknown) {
            return Optional.empty();
        }
        long[] identities = hashes;
        long[] cases = caseDates;
        hashes = null;
        caseDates = null;
        unknown = true;
        return Optional.of(new Seen(kept, noneRepeats(identities, kept), casesAgree(cases, kept)));
    }

    private static boolean noneRepeats(long[] hashes, int count) {
        Arrays.sort(hashes, 0, count);
        for (int i = 1; i < count; i++) {
            if (hashes[i] == hashes[i - 1]) {
                return false;
            }
        }
        return true;
    }

    /** Whether no case number's hash comes with two dates (sorted, a case's numbers lie together). */
    private static boolean casesAgree(long[] caseDates, int count) {
        Arrays.sort(caseDates, 0, count);
        for (int i = 0; i < count; i++) {
            if (caseDates[i] == StagedRow.NO_CASE_DATE) {
                return false;
            }
            if (i > 0 && caseDates[i] != caseDates[i - 1]
                    && (caseDates[i] & ~StagedRow.CASE_DAY_BITS) == (caseDates[i - 1] & ~StagedRow.CASE_DAY_BITS)) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the stage step saw of a file whose every row it saw.
     *
     * @param validRows       the rows staged and not rejected
     * @param distinct        whether no two of them share an identity
     * @param caseDatesAgree  whether the rows of each case give one report date, each row's own its case's
     */
    record Seen(long validRows, boolean distinct, boolean caseDatesAgree) {
    }
}

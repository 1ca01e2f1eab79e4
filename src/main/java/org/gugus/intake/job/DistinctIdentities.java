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
 * It can tell only of rows it saw from the file's first: a stage restarted after a kill starts past it, and
 * tells nothing. A thin row (repeating a record's row) or more than {@link #MOST} valid rows tell nothing either.
 */
final class DistinctIdentities {

    /** Valid rows whose hashes are kept at most: 8 bytes each, 16 MB. */
    static final int MOST = 2_000_000;

    private long[] hashes = new long[4096];
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
                return;
            }
            seen++;
            if (!row.rejected()) {
                if (kept == hashes.length) {
                    hashes = Arrays.copyOf(hashes, Math.min(MOST, kept * 2));
                }
                hashes[kept++] = row.identityHash();
            }
        }
    }

    /**
     * After the file's last row: how many valid rows it staged and whether no two of them share an identity; empty
     * when not every row was seen from the first. Told once.
     */
    Optional<Seen> seen() {
        if (unknown) {
            return Optional.empty();
        }
        long[] sorted = hashes;
        hashes = null;
        unknown = true;
        Arrays.sort(sorted, 0, kept);
        for (int i = 1; i < kept; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return Optional.of(new Seen(kept, false));
            }
        }
        return Optional.of(new Seen(kept, true));
    }

    /**
     * What the stage step saw of a file whose every row it saw.
     *
     * @param validRows the rows staged and not rejected
     * @param distinct  whether no two of them share an identity
     */
    record Seen(long validRows, boolean distinct) {
    }
}

package org.gugus.warehouse;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcomes of a file's rows told by the stage step as it stages them, in the file's order, as {@link OutcomesAhead}
 * works them out from the staged rows of a first delivery whose identities are distinct: each row rejected or loaded
 * with warnings on its own, the rows loaded without one in runs of consecutive rows of a sheet whose row numbers
 * follow each other ({@link RowOutcomes.Run}). Noted with the staged file ({@link StagingArea#stagedWhole}), they spare
 * the publish a read of every staged row (issue 13: 0.5 s of the server at 100,000 rows, 5.8 s at a million).
 * <p>
 * It tells only of rows seen from the file's first, none of them thin, and of {@link OutcomesAhead#MOST} outcomes at
 * most; otherwise it tells nothing, and the outcomes are worked out from the staged rows as before. Used on one
 * thread, the stage step's.
 */
public final class StagedOutcomes {

    /** The rows with an outcome of their own, in the file's order. */
    private List<Single> singles = new ArrayList<>();
    /** The runs of rows loaded without findings, closed, in the file's order. */
    private List<RowOutcomes.Run> runs = new ArrayList<>();
    /** The run being extended: its first and last ordinals (0: none), sheet and first row number. */
    private int runFirst;
    private int runLast;
    private String runSheet;
    private int runFirstRowNumber;
    private int seen;
    private boolean unknown;

    /** Notes the next row of the file, as staged. */
    public void add(StagedRow row) {
        if (unknown) {
            return;
        }
        if (row.ordinal() != seen + 1 || row.repeats()) {
            forget();
            return;
        }
        seen++;
        String findings = row.judgedFindings();
        if (row.rejected() || !StagedRow.NO_FINDINGS.equals(findings)) {
            close();
            singles.add(new Single(row.ordinal(), row.sheet(), row.rowNumber(), row.rejected(), findings));
        } else if (runFirst > 0 && runLast == row.ordinal() - 1 && runSheet.equals(row.sheet())
                && row.rowNumber() - row.ordinal() == runFirstRowNumber - runFirst) {
            runLast = row.ordinal();
        } else {
            close();
            runFirst = row.ordinal();
            runLast = row.ordinal();
            runSheet = row.sheet();
            runFirstRowNumber = row.rowNumber();
        }
        if (singles.size() + runs.size() + (runFirst > 0 ? 1 : 0) > OutcomesAhead.MOST) {
            forget();
        }
    }

    /** Whether the outcomes of every row of the file were told: false after a row out of order, a thin one, or too many. */
    public boolean told() {
        return !unknown;
    }

    /** The rows with an outcome of their own, each rejected or loaded with warnings (empty when not {@link #told}). */
    List<Single> singles() {
        return unknown ? List.of() : List.copyOf(singles);
    }

    /** The runs of rows loaded without findings (empty when not {@link #told}). */
    List<RowOutcomes.Run> runs() {
        if (unknown) {
            return List.of();
        }
        List<RowOutcomes.Run> all = new ArrayList<>(runs);
        if (runFirst > 0) {
            all.add(new RowOutcomes.Run(runFirst, runLast, runSheet, runFirstRowNumber));
        }
        return all;
    }

    private void close() {
        if (runFirst > 0) {
            runs.add(new RowOutcomes.Run(runFirst, runLast, runSheet, runFirstRowNumber));
            runFirst = 0;
        }
    }

    private void forget() {
        unknown = true;
        singles = null;
        runs = null;
    }

    /**
     * A row with an outcome of its own: rejected, or loaded with warnings.
     *
     * @param findings its findings as judged, a JSON array
     */
    record Single(int ordinal, String sheet, int rowNumber, boolean rejected, String findings) {
    }
}

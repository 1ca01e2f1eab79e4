package org.gugus.intake.job;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.gugus.warehouse.StagedRow;
import org.gugus.warehouse.StagingArea;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Rows staged thin because they repeated a record's row ({@link org.gugus.warehouse.KnownRows}),
 * whose record changed before the file was published (a correction, another delivery): they are
 * judged in full after all, read again from the file, and staged in place of the thin rows, in the
 * publish's transaction. Rare, so the file is read again rather than every row kept.
 */
final class StaleRepeats {

    private StaleRepeats() {
    }

    /**
     * Judges these stale thin rows of the file again (their ordinals, ascending, as the publisher
     * found them under the office's lock) and stages them in place of the thin rows.
     */
    static void judgeAgain(StagingArea staging, long fileId, List<Integer> ordinals, Supplier<DataRowReader> reader,
            RowJudge judge) throws Exception {
        TreeSet<Integer> stale = new TreeSet<>(ordinals);
        if (stale.isEmpty()) {
            return;
        }
        List<StagedRow> judged = new ArrayList<>(stale.size());
        DataRowReader rows = reader.get();
        rows.open(new ExecutionContext());
        try {
            int last = stale.last();
            for (DataRow row = rows.read(); row != null && row.ordinal() <= last; row = rows.read()) {
                if (stale.contains(row.ordinal())) {
                    judged.add(judge.judge(row));
                }
            }
        } finally {
            rows.close();
        }
        if (judged.size() != stale.size()) {
            throw new IllegalStateException("File " + fileId + " no longer reads as staged: " + judged.size()
                    + " of " + stale.size() + " rows to judge again found");
        }
        staging.restage(fileId, judged);
    }
}

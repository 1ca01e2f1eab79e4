package org.gugus.intake.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.gugus.warehouse.StagedRow;

/**
 * The stage step's item: a block of consecutive data rows as they were read (a chunk's worth), handed
 * to the judges in tasks of a few dozen rows, their judgements being made on other threads. One item
 * per block, not per row: Spring Batch's work per item (the step scope's proxy, listeners, counts)
 * cost a re-delivery's step thread more than the rows themselves.
 *
 * @param judgements each task's judged rows, in row order
 * @param rows       how many data rows the block holds
 */
record JudgedRows(List<Future<StagedRow[]>> judgements, int rows) {

    JudgedRows {
        judgements = List.copyOf(judgements);
    }

    /** Waits for the judgements in row order; what a judge threw is thrown here, on the step's thread. */
    StagedRows await() throws InterruptedException {
        List<StagedRow> staged = new ArrayList<>(rows);
        for (Future<StagedRow[]> judgement : judgements) {
            try {
                staged.addAll(List.of(judgement.get()));
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
        return new StagedRows(staged);
    }
}

package org.gugus.intake.job;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.gugus.warehouse.StagedRow;

/** A data row handed to the judges as it was read: its judgement, being made on another thread. */
record JudgedRow(Future<StagedRow> judgement) {

    /** Waits for the judgement; what the judge threw is thrown here, on the step's thread. */
    StagedRow await() throws InterruptedException {
        try {
            return judgement.get();
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
}

package org.gugus.warehouse;

import java.util.List;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.transaction.support.TransactionTemplate;

/** Staged rows written by the tests as the stage step writes a chunk. */
final class StagedChunks {

    private StagedChunks() {
    }

    /** Writes the rows as the stage step writes a chunk, in a transaction of their own. */
    static void write(StagingArea staging, TransactionTemplate transactions, List<StagedRow> rows) {
        transactions.executeWithoutResult(status -> {
            try {
                staging.writer().write(new Chunk<>(rows));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}

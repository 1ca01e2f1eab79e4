package org.gugus.intake.job;

import java.util.ArrayList;
import java.util.List;
import org.gugus.warehouse.StagedRow;
import org.springframework.batch.infrastructure.item.Chunk;

/** A block of judged data rows in row order, as the stage step writes them: one item of the step. */
record StagedRows(List<StagedRow> rows) {

    StagedRows {
        rows = List.copyOf(rows);
    }

    /** The rows of a chunk of blocks, in order, as one chunk of rows. */
    static Chunk<StagedRow> of(Chunk<? extends StagedRows> blocks) {
        if (blocks.size() == 1) {
            return new Chunk<>(blocks.getItems().get(0).rows());
        }
        List<StagedRow> rows = new ArrayList<>();
        for (StagedRows block : blocks) {
            rows.addAll(block.rows());
        }
        return new Chunk<>(rows);
    }
}

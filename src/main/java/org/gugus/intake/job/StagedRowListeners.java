package org.gugus.intake.job;

import java.util.List;
import org.gugus.warehouse.StagedRow;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

/**
 * The stage step writes blocks of rows ({@link StagedRows}), one item each; the listeners of staged
 * rows (the load's progress, a test's hand on a load) are handed each chunk as the rows it holds,
 * and the step counts rows, not blocks, as read and written, as the Jobs page and a load's report
 * show them.
 */
final class StagedRowListeners implements ItemWriteListener<StagedRows> {

    private final List<ItemWriteListener<StagedRow>> listeners;

    StagedRowListeners(List<ItemWriteListener<StagedRow>> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void beforeWrite(Chunk<? extends StagedRows> blocks) {
        Chunk<StagedRow> rows = StagedRows.of(blocks);
        for (ItemWriteListener<StagedRow> listener : listeners) {
            listener.beforeWrite(rows);
        }
    }

    @Override
    public void afterWrite(Chunk<? extends StagedRows> blocks) {
        Chunk<StagedRow> rows = StagedRows.of(blocks);
        countRows(blocks.size(), rows.size());
        for (ItemWriteListener<StagedRow> listener : listeners) {
            listener.afterWrite(rows);
        }
    }

    @Override
    public void onWriteError(Exception exception, Chunk<? extends StagedRows> blocks) {
        Chunk<StagedRow> rows = StagedRows.of(blocks);
        for (ItemWriteListener<StagedRow> listener : listeners) {
            listener.onWriteError(exception, rows);
        }
    }

    /**
     * Batch counted each block as one item read and one written; the rest of its rows are added here,
     * in the chunk's transaction (a chunk rolled back has its counts restored with it).
     */
    private static void countRows(int blocks, int rows) {
        StepContext context = StepSynchronizationManager.getContext();
        if (context == null || rows == blocks) {
            return;
        }
        StepExecution step = context.getStepExecution();
        step.setReadCount(step.getReadCount() + rows - blocks);
        step.setWriteCount(step.getWriteCount() + rows - blocks);
    }
}

package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.gugus.warehouse.OriginalRow;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;

class StagedRowListenersTests {

    private final StepExecution step = new StepExecution(1, "stage",
            new JobExecution(1, new JobInstance(1, "intake"), new JobParameters()));

    @AfterEach
    void close() {
        StepSynchronizationManager.close();
    }

    @Test
    void handsTheListenersOfStagedRowsTheRowsOfEachBlockInOrder() {
        List<Integer> seen = new ArrayList<>();
        var listeners = new StagedRowListeners(List.of(new ItemWriteListener<StagedRow>() {
            @Override
            public void afterWrite(Chunk<? extends StagedRow> rows) {
                rows.forEach(row -> seen.add(row.ordinal()));
            }
        }));

        listeners.afterWrite(Chunk.of(new StagedRows(List.of(row(1), row(2))), new StagedRows(List.of(row(3)))));

        assertThat(seen).containsExactly(1, 2, 3);
    }

    @Test
    void countsEachBlocksRowsAsReadAndWrittenNotTheBlock() {
        StepSynchronizationManager.register(step);
        // what Spring Batch counted of the chunk: one block read and written
        step.setReadCount(1);
        step.setWriteCount(1);

        new StagedRowListeners(List.of()).afterWrite(Chunk.of(new StagedRows(List.of(row(1), row(2), row(3)))));

        assertThat(step.getReadCount()).isEqualTo(3);
        assertThat(step.getWriteCount()).isEqualTo(3);
    }

    private static StagedRow row(int ordinal) {
        return new StagedRow(7, ordinal, "Data", ordinal + 1, false, null, null, null, null, new OriginalRow(0, List.of(), new String[0]), "[]");
    }
}

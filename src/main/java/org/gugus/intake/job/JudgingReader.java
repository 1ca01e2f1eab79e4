package org.gugus.intake.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads data rows on the step's thread and hands each to the {@link RowJudges} as soon as it is
 * read, so a chunk's rows are judged on the other cores while the rest of the chunk is still being
 * read; the step's processor then takes the judgements in row order ({@link JudgedRow#await()}).
 * Reading, and with it the restart position the step saves, stays exactly the
 * {@link DataRowReader}'s: a row is counted as read when it is read, and staged only when its
 * chunk commits.
 */
class JudgingReader implements ItemStreamReader<JudgedRow> {

    private final DataRowReader rows;
    private final RowJudge judge;
    private final RowJudges judges;

    JudgingReader(DataRowReader rows, RowJudge judge, RowJudges judges) {
        this.rows = rows;
        this.judge = judge;
        this.judges = judges;
    }

    @Override
    public JudgedRow read() throws Exception {
        DataRow row = rows.read();
        return row == null ? null : judges.judge(judge, row);
    }

    @Override
    public void open(ExecutionContext executionContext) {
        rows.open(executionContext);
    }

    @Override
    public void update(ExecutionContext executionContext) {
        rows.update(executionContext);
    }

    @Override
    public void close() {
        rows.close();
    }
}

package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.gugus.intake.QuarantineException;
import org.gugus.warehouse.OriginalRow;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.Test;

class JudgedRowsTests {

    @Test
    void givesTheJudgementsMadeOnTheJudgeThreadsInRowOrder() throws InterruptedException {
        StagedRow first = row(1);
        StagedRow second = row(2);
        StagedRow third = row(3);
        var later = new CompletableFuture<StagedRow[]>();
        var block = new JudgedRows(List.of(CompletableFuture.supplyAsync(() -> new StagedRow[] {first, second}), later), 3);
        CompletableFuture.runAsync(() -> later.complete(new StagedRow[] {third}));

        assertThat(block.await().rows()).containsExactly(first, second, third);
    }

    @Test
    void throwsOnTheStepThreadWhatTheJudgeThrew() {
        var failure = new QuarantineException(FileErrors.empty("kosong.csv"));
        var block = new JudgedRows(List.of(CompletableFuture.completedFuture(new StagedRow[] {row(1)}),
                CompletableFuture.failedFuture(failure)), 2);

        assertThatThrownBy(block::await).isSameAs(failure);
    }

    private static StagedRow row(int ordinal) {
        return new StagedRow(7, ordinal, "Data", ordinal + 1, true, null, null, null, null, new OriginalRow(0, List.of(), new String[0]), "[]");
    }
}

package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import org.gugus.intake.QuarantineException;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.Test;

class JudgedRowTests {

    @Test
    void givesTheJudgementMadeOnTheJudgeThread() throws InterruptedException {
        StagedRow staged = new StagedRow(7, 1, "Data", 2, true, null, null, null, null, "{}", "[]");

        assertThat(new JudgedRow(CompletableFuture.supplyAsync(() -> staged)).await()).isSameAs(staged);
    }

    @Test
    void throwsOnTheStepThreadWhatTheJudgeThrew() {
        var failure = new QuarantineException(FileErrors.empty("kosong.csv"));

        assertThatThrownBy(() -> new JudgedRow(CompletableFuture.failedFuture(failure)).await()).isSameAs(failure);
    }
}

package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.gugus.TestWorkbooks;
import org.gugus.access.PseudonymKeys;
import org.gugus.intake.IntakeTemplate;
import org.gugus.intake.IntakeTemplates;
import org.gugus.warehouse.KnownRows;
import org.gugus.warehouse.StagedOutcomes;
import org.gugus.workbook.WorkbookLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

class JudgingReaderTests {

    private static final IntakeTemplate TEMPLATE = IntakeTemplates.provincial();

    @TempDir
    Path files;

    @Test
    void readsBlocksAheadWhileTheOfficesRowHashesAreStillBeingRead() throws Exception {
        // blocks of 32 tasks each, twice the tasks the judges may hold unjudged once the hashes are read
        int blockRows = 2 * JudgingReader.UNJUDGED_TASKS * JudgingReader.TASK_ROWS;
        Path file = TestWorkbooks.csv(files.resolve("ppu-2024-06.csv"), TestWorkbooks.victims(3 * blockRows));
        CountDownLatch hashesRead = new CountDownLatch(1);
        KnownRowsLoad known = KnownRowsLoad.start(1, () -> ContentHashFunction.MURMUR3, () -> {
            await(hashesRead);
            return KnownRows.NONE;
        });
        RowJudge judge = new RowJudge(1, "64.09", LocalDate.of(2024, 6, 10), TEMPLATE, PseudonymKeys.random(), known);
        RowJudges judges = new RowJudges(2);
        JudgingReader reader = new JudgingReader(new DataRowReader(file, "ppu-2024-06.csv", TEMPLATE, 1_000_000,
                WorkbookLimits.DEFAULTS), judge, judges, blockRows);
        reader.open(new ExecutionContext());
        try {
            // the step takes two whole blocks while the judges still wait for the hashes (it hung at the first)
            CompletableFuture<Integer> twoBlocks = CompletableFuture.supplyAsync(() -> {
                try {
                    return reader.read().rows() + reader.read().rows();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            assertThat(twoBlocks.get(60, TimeUnit.SECONDS)).isEqualTo(2 * blockRows);
            assertThat(known.done()).isFalse();

            hashesRead.countDown();
            int staged = 0;
            for (JudgedRows block = reader.read(); block != null; block = reader.read()) {
                staged += reader.judged(block).rows().size();
            }
            assertThat(staged).isEqualTo(blockRows);
        } finally {
            hashesRead.countDown();
            reader.close();
            judges.destroy();
        }
    }

    @Test
    void tellsAtTheFilesEndHowManyValidRowsItHadWhetherAnIdentityRepeatedAndWhetherACaseGaveTwoDates()
            throws Exception {
        List<List<String>> distinct = TestWorkbooks.victims(150);
        List<List<String>> repeating = TestWorkbooks.victims(150);
        repeating.add(TestWorkbooks.victim(7));
        List<List<String>> caseOfTwoDates = TestWorkbooks.victims(150);
        List<String> laterVictimOfCase3 = TestWorkbooks.victim(151);
        laterVictimOfCase3.set(1, "TPPO/SMD/0003");
        laterVictimOfCase3.set(2, "06/06/2024");
        caseOfTwoDates.add(laterVictimOfCase3);

        assertThat(readWhole("distinct.csv", distinct)).as("told once, at the end")
                .containsExactly(new DistinctIdentities.Seen(150, true, true));
        assertThat(readWhole("repeating.csv", repeating))
                .containsExactly(new DistinctIdentities.Seen(151, false, true));
        assertThat(readWhole("two-dates.csv", caseOfTwoDates))
                .containsExactly(new DistinctIdentities.Seen(151, true, false));
    }

    /** Reads the file whole in blocks of 64 rows; what the reader told of it, each time it told. */
    private List<DistinctIdentities.Seen> readWhole(String name, List<List<String>> rows) throws Exception {
        Path file = TestWorkbooks.csv(files.resolve(name), rows);
        KnownRowsLoad known = KnownRowsLoad.start(1, () -> ContentHashFunction.MURMUR3, () -> KnownRows.NONE);
        RowJudge judge = new RowJudge(1, "64.09", LocalDate.of(2024, 6, 10), TEMPLATE, PseudonymKeys.random(), known);
        RowJudges judges = new RowJudges(2);
        List<DistinctIdentities.Seen> told = new CopyOnWriteArrayList<>();
        JudgingReader reader = new JudgingReader(new DataRowReader(file, name, TEMPLATE, 1_000_000,
                WorkbookLimits.DEFAULTS), judge, judges, 64, new StagedOutcomes(), told::add);
        reader.open(new ExecutionContext());
        try {
            int staged = 0;
            for (JudgedRows block = reader.read(); block != null; block = reader.read()) {
                assertThat(told).isEmpty();
                staged += reader.judged(block).rows().size();
            }
            assertThat(staged).isEqualTo(rows.size());
            assertThat(reader.read()).isNull();
            return told;
        } finally {
            reader.close();
            judges.destroy();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

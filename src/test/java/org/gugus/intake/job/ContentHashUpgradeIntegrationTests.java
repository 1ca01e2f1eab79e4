package org.gugus.intake.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.time.LocalDate;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.gugus.access.PseudonymKey;
import org.gugus.intake.IntakeTemplate;
import org.gugus.warehouse.StagedRow;
import org.gugus.workbook.WorkbookLimits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Records whose content hashes were made by SHA-256, before MurmurHash3 ({@link ContentHashFunction}),
 * keep their office on SHA-256: a row re-delivered unchanged stays "unchanged", a changed one becomes
 * "updated", and no record is rewritten, nor its history grown, for the function alone.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class ContentHashUpgradeIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IntakeTemplate template;

    @Autowired
    PseudonymKey key;

    @TempDir
    Path files;

    private FileOutcome outcome;

    @Test
    void anOfficesFirstDeliveryStoresMurmurHashesOfTheRowsText() throws Exception {
        Path file = load("64.08", "kubar-2024-06.csv", named(TestWorkbooks.victims(3)));

        Map<String, String> stored = contentHashes("64.08");

        assertThat(stored).isEqualTo(hashes(file, "64.08", ContentHashFunction.MURMUR3))
                .hasSize(3).allSatisfy((identity, hash) -> assertThat(hash).startsWith("m"));
    }

    @Test
    void keepsARecordOfSha256UnchangedWhenItsRowComesAgainAndUpdatesItWhenTheRowChanged() throws Exception {
        List<List<String>> rows = named(TestWorkbooks.victims(3));
        Path first = load("64.02", "mahulu-2024-06.csv", rows);
        // as the records an earlier build stored: their content hashes SHA-256's of the same text
        Map<String, String> sha256 = hashes(first, "64.02", ContentHashFunction.SHA_256);
        sha256.forEach((identity, hash) -> jdbc.sql("""
                update warehouse.victim set content_hash = ? where office_code = '64.02' and identity_key = ?
                """).params(hash, identity).update());
        olderRowHashes("64.02");
        long history = history("64.02");
        rows.add(named(TestWorkbooks.victims(4)).get(3));                  // the cumulative file grew by a row

        Path second = load("64.02", "mahulu-2024-07.csv", rows);

        assertThat(outcome.inserted()).isEqualTo(1);
        assertThat(outcome.updated()).isZero();
        assertThat(outcome.unchanged()).isEqualTo(3);                     // judged in full, each of them
        Map<String, String> kept = contentHashes("64.02");
        assertThat(kept).containsAllEntriesOf(sha256).isEqualTo(hashes(second, "64.02", ContentHashFunction.SHA_256));
        assertThat(history("64.02")).isEqualTo(history);
        olderRowHashes("64.02");
        rows.get(1).set(14, "pindah ke rumah aman kedua");                 // the second row changed

        Path third = load("64.02", "mahulu-2024-08.csv", rows);

        assertThat(outcome.inserted()).isZero();
        assertThat(outcome.updated()).isEqualTo(1);
        assertThat(outcome.unchanged()).isEqualTo(3);
        assertThat(history("64.02")).isEqualTo(history + 1);
        // the updated record's hash SHA-256's of its new text, as its office's records are
        Map<String, String> after = contentHashes("64.02");
        assertThat(after).isEqualTo(hashes(third, "64.02", ContentHashFunction.SHA_256));
        assertThat(after.entrySet()).filteredOn(entry -> !entry.getValue().equals(kept.get(entry.getKey())))
                .hasSize(1);
    }

    /** Loads the rows as a file; its outcome in {@link #outcome}. */
    private Path load(String office, String name, List<List<String>> rows) {
        Path file = TestWorkbooks.csv(files.resolve(name), rows);
        outcome = reception.receive(file, office, name, FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
        return file;
    }

    /** Each valid row's content hash by this function, by its identity key: judged here as the stage judges it. */
    private Map<String, String> hashes(Path file, String office, ContentHashFunction function) throws Exception {
        RowJudge judge = new RowJudge(1, office, LocalDate.now(), template, key, function);
        DataRowReader rows = new DataRowReader(file, file.getFileName().toString(), template, 1_000,
                WorkbookLimits.DEFAULTS);
        Map<String, String> hashes = new TreeMap<>();
        rows.open(new ExecutionContext());
        try {
            for (DataRow row = rows.read(); row != null; row = rows.read()) {
                StagedRow staged = judge.judge(row);
                if (!staged.rejected()) {
                    hashes.put(staged.identityKey(), staged.contentHash());
                }
            }
        } finally {
            rows.close();
        }
        return hashes;
    }

    /** As the row hashes of an earlier function: the office's next delivery judges every row in full. */
    private void olderRowHashes(String office) {
        jdbc.sql("""
                update warehouse.victim_row_hash
                   set row_hash = sha256(row_hash),
                       prefix = ('x' || encode(substring(sha256(row_hash) from 1 for 8), 'hex'))::bit(64)::bigint
                 where office_code = ?""").param(office).update();
    }

    private Map<String, String> contentHashes(String office) {
        Map<String, String> hashes = new TreeMap<>();
        jdbc.sql("select identity_key, content_hash from warehouse.victim where office_code = ?").param(office)
                .query((rs, n) -> hashes.put(rs.getString(1), rs.getString(2))).list();
        return hashes;
    }

    private long history(String office) {
        return jdbc.sql("""
                select count(*) from warehouse.victim_history h join warehouse.victim v on v.id = h.victim_id
                 where v.office_code = ?""").param(office).query(Long.class).single();
    }

    /** Real names: the linkage takes "Korban Nomor n" for no name. */
    private static List<List<String>> named(List<List<String>> rows) {
        String[] names = {"Siti Aminah", "Ratna Sari", "Dewi Lestari", "Wulan Permata"};
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).set(3, names[i % names.length]);
        }
        return rows;
    }
}

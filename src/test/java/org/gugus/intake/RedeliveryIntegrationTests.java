package org.gugus.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.warehouse.RowOutcome;
import org.gugus.warehouse.RowOutcomes;
import org.gugus.warehouse.StagedRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A re-delivered row that repeats a record's row cell for cell is staged thin and not judged
 * again, and the warehouse ends exactly as if every row had been judged (issue 13).
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class RedeliveryIntegrationTests {

    /** Whether each staged row (by ordinal) of the latest load was staged thin. */
    private static final Map<Integer, Boolean> STAGED_THIN = new ConcurrentHashMap<>();
    /** A statement run once after the next chunk is written: a change to the warehouse before the publish. */
    private static final AtomicReference<String> AFTER_STAGING = new AtomicReference<>();
    /** The thin rows' runs as staged, first ordinal + rows, after the last chunk written. */
    private static final AtomicReference<String> STAGED_RUNS = new AtomicReference<>();

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @TestConfiguration
    static class Staging {

        @Bean
        ItemWriteListener<StagedRow> recordThinRows(JdbcClient jdbc) {
            return new ItemWriteListener<>() {
                @Override
                public void afterWrite(Chunk<? extends StagedRow> items) {
                    items.getItems().forEach(row -> STAGED_THIN.put(row.ordinal(), row.repeats()));
                    STAGED_RUNS.set(jdbc.sql("select coalesce(string_agg(first_ordinal || '+' || cardinality(victim_ids),"
                            + " ' ' order by first_ordinal), '') from warehouse.staged_run").query(String.class).single());
                    String change = AFTER_STAGING.getAndSet(null);
                    if (change != null) {
                        jdbc.sql(change).update();
                    }
                }
            };
        }
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RowOutcomes rowOutcomes;

    @TempDir
    Path files;

    @AfterEach
    void clear() {
        STAGED_THIN.clear();
        AFTER_STAGING.set(null);
        STAGED_RUNS.set(null);
    }

    @Test
    void stagesRepeatedRowsThinAndUpdatesOnlyTheChangedOne() {
        List<List<String>> rows = named(TestWorkbooks.victims(4));
        rows.get(3).set(7, "");
        rows.get(3).set(2, "12 Maret 2099");                              // rejected: E_DATE_FUTURE
        load("64.08", "kutim-2024-06.csv", rows);
        Map<String, String> before = warehouse("64.08");
        STAGED_THIN.clear();

        rows.get(1).set(14, "pindah ke rumah aman kedua");                 // the second row changed
        FileOutcome again = load("64.08", "kutim-2024-07.csv", rows);

        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, true, 2, false, 3, true, 4, false));
        assertThat(again.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.rejected()).isEqualTo(1);
        Map<String, String> after = warehouse("64.08");
        assertThat(after).hasSize(3);
        assertThat(after.get("TPPO/SMD/0001")).isEqualTo(before.get("TPPO/SMD/0001"));
        assertThat(after.get("TPPO/SMD/0003")).isEqualTo(before.get("TPPO/SMD/0003"));
        assertThat(after.get("TPPO/SMD/0002")).contains("pindah ke rumah aman kedua");
        assertThat(statuses(again.fileId(), 100)).isEqualTo("DITERIMA@2 DITERIMA@3 DITERIMA@4 DITOLAK@5");
    }

    @Test
    void settlesAThinRowAsADuplicateOfALaterRowOfItsVictim() {
        List<List<String>> rows = named(TestWorkbooks.victims(3));
        load("64.02", "kukar-2024-06.csv", rows);
        Map<String, String> before = warehouse("64.02");
        STAGED_THIN.clear();
        List<String> changed = new ArrayList<>(rows.get(0));
        changed.set(14, "dipulangkan");
        rows.add(changed);                                                 // the first victim again, changed, last
        rows.add(new ArrayList<>(rows.get(1)));                            // the second victim's row twice

        FileOutcome again = load("64.02", "kukar-2024-07.csv", rows);

        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, true, 2, true, 3, true, 4, false, 5, true));
        assertThat(STAGED_RUNS.get()).as("consecutive thin rows staged as one run").isEqualTo("1+3 5+1");
        assertThat(again.inserted()).isZero();
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.duplicates()).isEqualTo(2);
        assertThat(statuses(again.fileId(), 100)).isEqualTo("DUPLIKAT@2 DUPLIKAT@3 DITERIMA@4 DITERIMA@5 DITERIMA@6");
        Map<String, String> after = warehouse("64.02");
        assertThat(after).hasSize(3);
        assertThat(after.get("TPPO/SMD/0001")).contains("dipulangkan");
        assertThat(after.get("TPPO/SMD/0002")).isEqualTo(before.get("TPPO/SMD/0002"));
    }

    @Test
    void keepsTheOutcomesOfRowsLoadedWithoutFindingsAsRunsReadRowByRow() {
        List<List<String>> rows = named(TestWorkbooks.victims(5));
        rows.get(3).set(7, "");
        rows.get(3).set(2, "12 Maret 2099");                              // rejected: E_DATE_FUTURE
        rows.get(4).set(5, "P");                                           // W_NIK_SEX: loaded with a warning
        List<List<String>> withBlank = new ArrayList<>(rows.subList(0, 2));
        withBlank.add(Collections.nCopies(rows.get(0).size(), ""));        // a blank row: skipped
        withBlank.addAll(rows.subList(2, 5));

        FileOutcome outcome = load("64.03", "berau-2024-06.csv", withBlank);

        // rows 2-3 and row 5: the blank row between them ends a run
        assertThat(jdbc.sql("select count(*) from warehouse.row_outcome_run where file_id = ?").param(outcome.fileId())
                .query(Integer.class).single()).isEqualTo(2);
        String all = "DITERIMA@2 DITERIMA@3 DITERIMA@5 DITOLAK@6 PERINGATAN@7";
        assertThat(statuses(outcome.fileId(), 100)).isEqualTo(all);
        assertThat(statuses(outcome.fileId(), 2)).isEqualTo(all);
        assertThat(statuses(outcome.fileId(), 1)).isEqualTo(all);
        assertThat(rowOutcomes.kept(outcome.fileId())).isTrue();
    }

    /** The file's outcomes as the answer workbook reads them, {@code page} at a time: status@row number. */
    private String statuses(long fileId, int page) {
        List<String> statuses = new ArrayList<>();
        int after = 0;
        while (true) {
            List<RowOutcome> next = rowOutcomes.page(fileId, after, page);
            next.forEach(o -> statuses.add(o.status() + "@" + o.rowNumber()));
            if (next.size() < page) {
                return String.join(" ", statuses);
            }
            after = next.get(next.size() - 1).ordinal();
        }
    }

    @Test
    void judgesARepeatedRowAgainWhenItsRecordChangedBeforeThePublish() {
        List<List<String>> rows = named(TestWorkbooks.victims(3));
        load("64.09", "paser-2024-06.csv", rows);
        Map<String, String> before = warehouse("64.09");
        STAGED_THIN.clear();
        // as a correction published between the re-delivery's stage and publish steps would (its content hash by the
        // office's function, MurmurHash3, marked by its 'm', as every content hash of an office is one function's)
        AFTER_STAGING.set("""
                with changed as (
                    update warehouse.victim set victim_name = 'Ratna Diubah', content_hash = 'm' || repeat('0', 63)
                     where office_code = '64.09' and source_row = 2 returning id)
                delete from warehouse.victim_row_hash h using changed where h.victim_id = changed.id""");
        rows.add(named(TestWorkbooks.victims(4)).get(3));                  // the cumulative file grew by a row

        FileOutcome again = load("64.09", "paser-2024-07.csv", rows);

        assertThat(STAGED_THIN).containsEntry(1, true).containsEntry(4, false);
        assertThat(again.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(2);
        Map<String, String> after = warehouse("64.09");
        assertThat(after).hasSize(4).containsAllEntriesOf(before);
    }

    @Test
    void judgesARepeatedRowAgainWhenItsRecordsRowHashWasRewrittenBeforeThePublish() {
        List<List<String>> rows = named(TestWorkbooks.victims(3));
        load("64.07", "kubar-2024-06.csv", rows);
        String hashes = rowHashes("64.07");
        STAGED_THIN.clear();
        // as another delivery published between the re-delivery's stage and publish steps would
        AFTER_STAGING.set("""
                update warehouse.victim_row_hash h set row_hash = set_byte(h.row_hash, 31, get_byte(h.row_hash, 31) # 1)
                  from warehouse.victim v
                 where v.id = h.victim_id and v.office_code = '64.07' and v.source_row = 2""");
        rows.add(named(TestWorkbooks.victims(4)).get(3));                  // the cumulative file grew by a row

        FileOutcome again = load("64.07", "kubar-2024-07.csv", rows);

        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, true, 2, true, 3, true, 4, false));
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(3);
        // the row judged again gave its record back the hash of the cells it repeats
        assertThat(rowHashes("64.07")).isEqualTo(hashes);
    }

    @Test
    void judgesEveryRowInFullOnceWhoseRecordKeepsTheRowHashOfAnEarlierHashFunction() {
        List<List<String>> rows = named(TestWorkbooks.victims(3));
        load("64.74", "bontang-2024-06.csv", rows);
        String hashes = rowHashes("64.74");
        Map<String, String> before = warehouse("64.74");
        // as the SHA-256 row hashes stored before the row hash became MurmurHash3's
        jdbc.sql("""
                update warehouse.victim_row_hash
                   set row_hash = sha256(row_hash),
                       prefix = ('x' || encode(substring(sha256(row_hash) from 1 for 8), 'hex'))::bit(64)::bigint
                 where office_code = '64.74'""").update();
        STAGED_THIN.clear();
        rows.add(named(TestWorkbooks.victims(4)).get(3));                  // the cumulative file grew by a row

        FileOutcome again = load("64.74", "bontang-2024-07.csv", rows);

        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, false, 2, false, 3, false, 4, false));
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(again.updated()).isZero();
        assertThat(warehouse("64.74")).containsAllEntriesOf(before);
        // judged in full once, each record took the row hash of this function back
        assertThat(rowHashes("64.74")).isEqualTo(hashes);
        STAGED_THIN.clear();
        rows.add(named(TestWorkbooks.victims(5)).get(4));

        FileOutcome third = load("64.74", "bontang-2024-08.csv", rows);

        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, true, 2, true, 3, true, 4, true, 5, false));
        assertThat(third.inserted()).isEqualTo(1);
        assertThat(third.unchanged()).isEqualTo(4);
    }

    /** The row hashes of the office's records first delivered in rows 2 to 4, in hex, by row number. */
    private String rowHashes(String office) {
        return jdbc.sql("""
                select string_agg(v.source_row || '=' || encode(h.row_hash, 'hex'), ' ' order by v.source_row)
                  from warehouse.victim_row_hash h join warehouse.victim v on v.id = h.victim_id
                 where h.office_code = ? and v.source_row <= 4
                """).param(office).query(String.class).single();
    }

    @Test
    void judgesEveryRowWhenTheFirstDeliveryCarriedWarnings() {
        List<List<String>> rows = named(TestWorkbooks.victims(2));
        rows.get(0).set(5, "P");                                           // W_NIK_SEX: loaded with a warning
        load("64.11", "ppu-2024-06.csv", rows);
        STAGED_THIN.clear();
        rows.add(named(TestWorkbooks.victims(3)).get(2));

        FileOutcome again = load("64.11", "ppu-2024-07.csv", rows);

        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, false, 2, true, 3, false));
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.warnings()).isEqualTo(1);
    }

    @Test
    void judgesARowInFullWhoseRecordWasLastWrittenWithAWarning() {
        List<List<String>> rows = named(TestWorkbooks.victims(2));
        String sex = rows.get(0).get(5);
        load("64.03", "berau-2024-06.csv", rows);
        rows.get(0).set(5, "P");                                           // W_NIK_SEX: the record now carries a warning
        FileOutcome warned = load("64.03", "berau-2024-07.csv", rows);
        assertThat(warned.updated()).isEqualTo(1);
        assertThat(warned.warnings()).isEqualTo(1);
        STAGED_THIN.clear();
        rows.get(0).set(5, sex);                                           // the first delivery's row again
        rows.add(named(TestWorkbooks.victims(3)).get(2));                  // and a new row: another file

        FileOutcome again = load("64.03", "berau-2024-08.csv", rows);

        // the record no longer holds the row whose hash it kept from the first delivery
        assertThat(STAGED_THIN).containsExactlyInAnyOrderEntriesOf(Map.of(1, false, 2, true, 3, false));
        assertThat(again.inserted()).isEqualTo(1);
        assertThat(again.updated()).isEqualTo(1);
        assertThat(again.unchanged()).isEqualTo(1);
        assertThat(again.warnings()).isZero();
        assertThat(warehouse("64.03").values()).noneMatch(record -> record.contains("W_NIK_SEX"));
    }

    private FileOutcome load(String office, String name, List<List<String>> rows) {
        Path file = TestWorkbooks.csv(files.resolve(name), rows);
        FileOutcome outcome = reception.receive(file, office, name, FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
        return outcome;
    }

    /** Each victim record of the office by case number: its values, lineage aside. */
    private Map<String, String> warehouse(String office) {
        Map<String, String> records = new TreeMap<>();
        jdbc.sql("""
                select c.case_number, concat_ws('|', v.identity_key, v.person_key, v.victim_name, v.nik, v.sex,
                       v.birth_date, v.age, v.notes, v.content_hash, warehouse.victim_case_row(v)::text,
                       warehouse.victim_original(v)::text,
                       (select string_agg(code, ',' order by code) from warehouse.victim_exploitation e where e.victim_id = v.id),
                       (select string_agg(code, ',' order by code) from warehouse.victim_service s where s.victim_id = v.id),
                       (select string_agg(code, ',' order by code) from warehouse.victim_flag f where f.victim_id = v.id))
                  from warehouse.victim v join warehouse.tppo_case c on c.id = v.case_id
                 where v.office_code = ?
                """).param(office).query((rs, n) -> records.put(rs.getString(1), rs.getString(2))).list();
        return records;
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

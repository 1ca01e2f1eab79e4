package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.gugus.system.PartTimes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An office's first file, published without looking its rows' records up (the office has none), and
 * the delivery after it, which replaces the coded attributes and row hash of the changed record only.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class FirstDeliveryIntegrationTests {

    private static final int NIK = 4;
    private static final int SEX = 5;
    private static final int SERVICES = 13;
    private static final int NOTES = 14;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    Path files;

    @Test
    void keepsTheLaterOfTwoRowsOfOneVictimInAnOfficesFirstFile() {
        List<List<String>> rows = TestWorkbooks.victims(3);
        List<String> again = TestWorkbooks.victim(2);
        again.set(NOTES, "baris kedua");
        rows.add(again);

        FileOutcome first = load("64.02", "kubar-01.csv", rows);

        assertThat(first.inserted()).isEqualTo(3);
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select notes || ' ' || source_row from warehouse.victim
                 where office_code = '64.02' and victim_name = 'Korban Nomor 2'
                """).query(String.class).single()).isEqualTo("baris kedua 5");
        assertThat(jdbc.sql("select count(*) from warehouse.victim_row_hash where office_code = '64.02'")
                .query(Long.class).single()).as("every record judged without a finding keeps its row's hash").isEqualTo(3);
    }

    @Test
    void listsAnOfficesFirstRecordsPendingForPersonsAsTheRangeOfTheirIdsAndLaterOnesOneByOne() {
        FileOutcome first = load("64.74", "bontang-01.csv", TestWorkbooks.victims(3));
        List<List<String>> next = TestWorkbooks.victims(4);
        next.get(0).set(NOTES, "catatan berubah");

        FileOutcome second = load("64.74", "bontang-02.csv", next);

        assertThat(second.inserted()).isEqualTo(1);
        assertThat(second.updated()).isEqualTo(1);
        assertThat(told.pending()).as("the file's records listed in its publish's transaction")
                .containsEntry(first.fileId(), "3 in a range of their own, 0 one by one")
                .containsEntry(second.fileId(), "0 in a range of their own, 2 one by one");
        assertThat(jdbc.sql("select count(*) from persons.pending_listed").query(Long.class).single())
                .as("resolved after each publish").isZero();
    }

    @Test
    void publishesAFirstFileWithoutARepeatedIdentityAsTheStageStepToldAndOneWithARepeatedIdentityRanked() {
        // each victim's record from the same row of both files: the first row of one rejected, of the other repeated
        List<List<String>> rejecting = TestWorkbooks.victims(3);
        rejecting.add(TestWorkbooks.victim(1));
        rejecting.get(0).set(NIK, "64720112");  // too short: rejected
        List<List<String>> repeating = TestWorkbooks.victims(3);
        repeating.add(TestWorkbooks.victim(1));

        FileOutcome distinct = load("64.01", "paser-01.csv", rejecting);
        FileOutcome ranked = load("64.07", "berau-01.csv", repeating);

        assertThat(told.distinct()).as("what the stage step told each publish")
                .containsEntry("64.01", true).containsEntry("64.07", false);
        assertThat(told.validRows()).as("valid rows: as the stage step noted them / staged / as persons read them")
                .containsEntry("64.01", "3/3/3").containsEntry("64.07", "4/4/4");
        assertThat(distinct.inserted()).isEqualTo(3);
        assertThat(distinct.rejected()).isEqualTo(1);
        assertThat(distinct.duplicates()).isZero();
        assertThat(ranked.inserted()).isEqualTo(3);
        assertThat(ranked.duplicates()).isEqualTo(1);
        assertThat(records("64.01")).as("the same records whether ranked or not").hasSize(3)
                .isEqualTo(records("64.07"));
    }

    @Test
    void replacesTheCodedAttributesAndRowHashOfTheChangedRecordOnlyOnTheNextDelivery() {
        load("64.03", "kukar-01.csv", TestWorkbooks.victims(3));
        List<String> before = services("64.03");
        List<List<String>> next = TestWorkbooks.victims(3);
        next.get(1).set(SERVICES, "Rumah Aman");

        FileOutcome second = load("64.03", "kukar-02.csv", next);

        assertThat(second.updated()).isEqualTo(1);
        assertThat(second.unchanged()).isEqualTo(2);
        List<String> after = services("64.03");
        assertThat(after.get(0)).isEqualTo(before.get(0));
        assertThat(after.get(2)).isEqualTo(before.get(2));
        assertThat(after.get(1)).as("one service left of two").doesNotContain(",");
        assertThat(before.get(1)).contains(after.get(1));
        assertThat(jdbc.sql("""
                select count(*) from warehouse.victim_row_hash h join warehouse.victim v on v.id = h.victim_id
                 where h.office_code = '64.03'
                """).query(Long.class).single()).as("one row hash a record, the changed one's replaced").isEqualTo(3);
    }

    @Test
    void keepsAnOfficesRowHashesInATableOfItsOwnWrittenWholeByItsFirstFileAndRewrittenByItsNext() {
        load("64.72", "samarinda-01.csv", TestWorkbooks.victims(3));
        Map<Long, String> first = rowHashes("warehouse.victim_row_hash_64_72");
        List<List<String>> next = TestWorkbooks.victims(3);
        next.get(1).set(SERVICES, "Rumah Aman");

        load("64.72", "samarinda-02.csv", next);

        assertThat(first).as("the first file's hashes, in the office's partition").hasSize(3);
        assertThat(jdbc.sql("""
                select (select count(*) from pg_inherits where inhrelid = 'warehouse.victim_row_hash_64_72'::regclass
                           and inhparent = 'warehouse.victim_row_hash'::regclass)
                       || ' ' || (select count(*) from pg_index where indrelid = 'warehouse.victim_row_hash_64_72'::regclass
                                     and indisprimary)
                """).query(String.class).single()).as("attached, with its key").isEqualTo("1 1");
        Map<Long, String> after = rowHashes("warehouse.victim_row_hash");
        assertThat(after.keySet()).isEqualTo(first.keySet());
        assertThat(after.entrySet().stream().filter(hash -> !hash.getValue().equals(first.get(hash.getKey()))))
                .as("the changed record's hash rewritten, the others kept").hasSize(1);
    }

    /** The office 64.72's row hashes in {@code table} by record. */
    private Map<Long, String> rowHashes(String table) {
        Map<Long, String> hashes = new TreeMap<>();
        jdbc.sql("select victim_id, encode(row_hash, 'hex') from " + table + " where office_code = '64.72'")
                .query((row, i) -> hashes.put(row.getLong(1), row.getString(2))).list();
        return hashes;
    }

    @Test
    void writesAnOfficesFirstFileAsTheSameRecordsAttributesFlagsAndRowHashesAsALaterFileWouldWrite() {
        List<List<String>> rows = TestWorkbooks.victims(4);
        rows.get(1).set(SEX, "L");  // the NIK of a woman: loaded with a warning
        load("64.09", "paser-01.csv", List.of(TestWorkbooks.victim(9)));

        FileOutcome first = load("64.08", "kutim-01.csv", rows);
        List<List<String>> again = new ArrayList<>(rows);
        again.add(TestWorkbooks.victim(9));  // a file of its own, not the first one received again
        FileOutcome later = load("64.09", "paser-02.csv", again);

        assertThat(first.inserted()).isEqualTo(4);
        assertThat(later.inserted()).isEqualTo(4);
        assertThat(first.warningsByCode()).containsEntry("W_NIK_SEX", 1L);
        assertThat(records("64.08")).as("the office's first file, inserted from its plan")
                .hasSize(4)
                .isEqualTo(records("64.09").subList(0, 4));
    }

    @Test
    void writesEachRecordOfAnOfficesFirstFileFromItsOwnRowBesideRejectedRepeatedAndWarnedRows() {
        List<List<String>> rows = TestWorkbooks.victims(5);
        rows.get(1).set(NIK, "64720112");  // too short: rejected
        rows.get(3).set(SEX, "L");  // the NIK of a woman: loaded with a warning
        List<String> again = TestWorkbooks.victim(5);
        again.set(NOTES, "baris keenam");
        rows.add(again);

        FileOutcome first = load("64.11", "mahulu-01.csv", rows);

        assertThat(first.inserted()).isEqualTo(4);
        assertThat(first.rejected()).isEqualTo(1);
        assertThat(first.duplicates()).isEqualTo(1);
        assertThat(jdbc.sql("""
                select v.victim_name || ' ' || v.source_row || ' ' || c.case_number || ' ' || coalesce(v.notes, '-') || ' '
                       || coalesce((select string_agg(f.code, ',') from warehouse.victim_flag f where f.victim_id = v.id), '-')
                       || ' ' || exists (select 1 from warehouse.victim_row_hash h where h.victim_id = v.id)
                       || ' ' || exists (select 1 from persons.victim_person p where p.victim_id = v.id)
                  from warehouse.victim v
                  join warehouse.tppo_case c on c.id = v.case_id
                 where v.office_code = '64.11'
                 order by v.victim_name
                """).query(String.class).list()).as("each record with its own row's values, case, lineage, flags and hash")
                .containsExactly("Korban Nomor 1 2 TPPO/SMD/0001 - - true true",
                        "Korban Nomor 3 4 TPPO/SMD/0003 - - true true",
                        "Korban Nomor 4 5 TPPO/SMD/0004 - W_NIK_SEX false true",
                        "Korban Nomor 5 7 TPPO/SMD/0005 baris keenam - true true");
    }

    @Test
    void drawsTheIdsOfAnOfficesFirstRecordsInTheFilesOrderWhateverOrderItsStagedRowsLieIn() {
        TransactionTemplate publish = new TransactionTemplate(transactions);
        publish.executeWithoutResult(status -> {
            long file = 990_001;
            // the file's last row lying first in the table: as a row moved by an update lies, or as a scan that
            // starts where another session's scan of the table stood reads
            for (int ordinal : new int[] {3, 1, 2}) {
                jdbc.sql("""
                        insert into warehouse.staged_row (file_id, ordinal, sheet, row_number, rejected, identity_key)
                        values (?, ?, 'Sheet1', ?, false, ?)
                        """).params(file, ordinal, ordinal + 1, "identity-" + ordinal).update();
            }
            jdbc.sql("create temporary table plan_winner on commit drop as select ordinal from warehouse.staged_row"
                    + " where file_id = ?").param(file).update();
            jdbc.sql("set local enable_indexscan = off").update(); // the table read in the order its rows lie in
            jdbc.sql("set local enable_bitmapscan = off").update();

            FirstDelivery.plan(jdbc, file, false);

            assertThat(jdbc.sql("select victim_id from publish_plan order by ordinal").query(Long.class).list())
                    .hasSize(3).isSorted().doesNotHaveDuplicates();
            status.setRollbackOnly();
        });
    }

    @Autowired
    StagingArea staging;

    @Test
    void failsAFirstDeliveryWhoseStagedRowWasWrittenAgainAfterItsPlanRatherThanWriteFewerRecords() {
        long file = 990_002;
        List<StagedRow> rows = new ArrayList<>();
        for (int ordinal = 1; ordinal <= 3; ordinal++) {
            StagedCase values = new StagedCase("TPPO/FD/" + ordinal, "2024-06-05", null, "Korban " + ordinal, null, "P",
                    null, "1990-01-02", 34, "Samarinda", "64.72", null, null, null, null, null, "WNI", null, null,
                    List.of("SEKSUAL"), List.of(), null, null, "P21", List.of(), null);
            rows.add(new StagedRow(file, ordinal, "Sheet1", ordinal + 1, false, "%064d".formatted(ordinal),
                    "p".repeat(64), "c".repeat(64), values, null, "[]"));
        }
        StagedChunks.write(staging, new TransactionTemplate(transactions), rows);
        TransactionTemplate publish = new TransactionTemplate(transactions);
        try {
            Throwable failure = catchThrowable(() -> publish.executeWithoutResult(
                    status -> {
                        long planned = FirstDelivery.plan(jdbc, file, true);
                        // another version of the second row, lying elsewhere than the plan found it
                        jdbc.sql("update warehouse.staged_row set notes = 'ditulis lagi'"
                                + " where file_id = ? and ordinal = 2").param(file).update();
                        FirstDelivery.insert(jdbc, new OfficeIdentityIndex("64.71"), null, planned, true,
                                new PartTimes(), () -> { });
                    }));

            assertThat(failure).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 records of the 3");
            assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.71'")
                    .query(Long.class).single()).as("rolled back").isZero();
        } finally {
            staging.discard(file);
        }
    }

    @Autowired
    ToldAtPublish told;

    /**
     * Whether the stage step told each office's file's publish that no identity repeats among its valid rows, and its
     * valid rows: as the stage step noted them, as staged, as the persons' preparation reads them.
     */
    @TestConfiguration
    static class ToldAtPublish {

        private final Map<String, Boolean> distinct = new ConcurrentHashMap<>();
        private final Map<String, String> validRows = new ConcurrentHashMap<>();
        private final Map<Long, String> pending = new ConcurrentHashMap<>();

        @Autowired
        JdbcClient jdbc;

        @Autowired
        StagedVictims staged;

        @EventListener
        void publishStarting(PublishStarting publish) {
            distinct.put(publish.officeCode(), StagingArea.identitiesDistinct(jdbc, publish.fileId()));
            validRows.put(publish.officeCode(), jdbc.sql("""
                    select coalesce((select valid_rows from warehouse.staged_file where file_id = :file)::text, 'none')
                           || '/' || (select count(*) from warehouse.staged_row where file_id = :file and not rejected)
                    """).param("file", publish.fileId()).query(String.class).single()
                    + "/" + staged.count(publish.fileId()));
        }

        @EventListener
        void published(VictimsPublished published) {
            if (published.fileId() == null) {
                return; // a correction's
            }
            pending.put(published.fileId(), jdbc.sql("""
                    with mine as (select id from warehouse.victim where source_file_id = :file)
                    select (select count(*) from mine m
                              join persons.pending_range r on m.id between r.first_id and r.last_id
                             where r.first_id = (select min(id) from mine) and r.last_id = (select max(id) from mine))
                           || ' in a range of their own, '
                           || (select count(*) from mine m join persons.pending_victim p on p.victim_id = m.id)
                           || ' one by one'
                    """).param("file", published.fileId()).query(String.class).single());
        }

        Map<String, Boolean> distinct() {
            return distinct;
        }

        Map<String, String> validRows() {
            return validRows;
        }

        Map<Long, String> pending() {
            return pending;
        }
    }

    /** Each record of the office as published, by name: its row, codes, flags and whether it keeps a row hash. */
    private List<String> records(String office) {
        return jdbc.sql("""
                select v.victim_name || ' ' || v.content_hash || ' ' || warehouse.victim_case_row(v)::text || ' '
                       || warehouse.victim_original(v)::text || ' ' || v.version || ' ' || v.source_row || ' '
                       || (select count(*) from warehouse.tppo_case c where c.id = v.case_id and c.office_code = v.office_code)
                       || ' ' || coalesce((select string_agg(e.code, ',' order by e.code) from warehouse.victim_exploitation e
                                            where e.victim_id = v.id), '-')
                       || ' ' || coalesce((select string_agg(r.code, ',' order by r.code) from warehouse.victim_recruitment r
                                            where r.victim_id = v.id), '-')
                       || ' ' || coalesce((select string_agg(s.code, ',' order by s.code) from warehouse.victim_service s
                                            where s.victim_id = v.id), '-')
                       || ' ' || coalesce((select string_agg(f.code || ':' || f.field || ':' || coalesce(f.value, ''), ',')
                                             from warehouse.victim_flag f where f.victim_id = v.id), '-')
                       || ' ' || exists (select 1 from warehouse.victim_row_hash h where h.victim_id = v.id)
                       || ' ' || exists (select 1 from persons.victim_person p where p.victim_id = v.id)
                  from warehouse.victim v
                 where v.office_code = ?
                 order by v.victim_name
                """).param(office).query(String.class).list();
    }

    private List<String> services(String office) {
        return jdbc.sql("""
                select (select string_agg(s.code, ',' order by s.code) from warehouse.victim_service s where s.victim_id = v.id)
                  from warehouse.victim v where v.office_code = ? order by v.victim_name
                """).param(office).query(String.class).list();
    }

    private FileOutcome load(String office, String name, List<List<String>> rows) {
        return reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name, FileSource.COMMAND_LINE);
    }
}

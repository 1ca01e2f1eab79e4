package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The staging area's reads and writes against the real server (issue 13). */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class StagingAreaIntegrationTests {

    private static final LocalDate RECEIVED = LocalDate.of(2024, 7, 1);

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    StagingArea staging;

    @Autowired
    StagedVictims stagedVictims;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Test
    void readsTheOfficesRowHashesWithTheirRecordsWhateverTheirBytes() {
        byte[] first = hash(0x01, 0xff);
        byte[] second = hash(0x80, 0x00); // a negative prefix, a backslash-like byte pattern in text
        byte[] third = hash(0x5c, 0x0a);
        store("64.11", 41, first);
        store("64.11", 42, second);
        store("64.11", 43, third);
        store("64.12", 44, hash(0x02, 0x02)); // another office's

        KnownRows known = staging.knownRows(911, "64.11", RECEIVED);

        assertThat(known.size()).isEqualTo(3);
        assertThat(known.victim(first)).hasValue(41);
        assertThat(known.victim(second)).hasValue(42);
        assertThat(known.victim(third)).hasValue(43);
        assertThat(known.victim(hash(0x02, 0x02))).isEmpty();
    }

    @Test
    void commitsAStagedChunkWithoutWaitingForTheDiskButNotARowStagedAgainInAPublish() {
        String chunk = transactions.execute(status -> {
            write(912, 1);
            return setting();
        });
        String publish = transactions.execute(status -> {
            try {
                staging.restage(912, List.of(row(912, 1)));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            return setting();
        });

        assertThat(chunk).isEqualTo("off");
        assertThat(publish).isEqualTo("on");
        assertThat(jdbc.sql("select count(*) from warehouse.staged_row where file_id = 912").query(Integer.class)
                .single()).isEqualTo(1);
        staging.discard(912);
    }

    @Test
    void givesBackTheRowAsWrittenAndItsValuesWhateverCharactersTheirCellsHoldWithItsHeadersKeptOnce() {
        String odd = "a \"quoted\" back\\slash, tab\there,\nnew line {braces} NULL ' é";
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("No.", "1");
        cells.put("Nama \"Korban\"", odd);
        cells.put("Kolom\t3", null);
        cells.put("Keterangan", "");
        OriginalRow original = OriginalRow.of(cells, null);
        StagedCase values = new StagedCase("TPPO/1", "2024-06-05", null, odd, null, "P", null, "1990-01-02", 34,
                "Samarinda", "64.72", null, null, null, null, odd, "WNI", null, null, List.of("SEKSUAL", odd),
                List.of(), null, null, "P21", List.of("\\", "\""), null);
        StagedRow row = new StagedRow(913, 1, "Sheet \"1\"", 2, false, "k".repeat(64), "p".repeat(64),
                "c".repeat(64), values, original, "[]");
        stage(List.of(row, new StagedRow(913, 2, "Sheet \"1\"", 3, false, "l".repeat(64), "p".repeat(64),
                "c".repeat(64), values, OriginalRow.of(cells, original), "[]")));

        JsonMapper json = JsonMapper.builder().build();
        List<String> originals = jdbc.sql("""
                select jsonb_object(h.headers, warehouse.row_cells(s.original_values, s.original_cells))::text
                  from warehouse.staged_row s join warehouse.row_header h on h.key = s.original_headers
                 where s.file_id = 913 order by s.ordinal
                """).query(String.class).list();
        String expected = jdbc.sql("select cast(? as jsonb)::text").param(json.writeValueAsString(cells))
                .query(String.class).single();
        assertThat(originals).containsExactly(expected, expected);
        assertThat(jdbc.sql("select count(distinct original_headers) from warehouse.staged_row where file_id = 913")
                .query(Integer.class).single()).isEqualTo(1);
        Map<String, Object> whole = new LinkedHashMap<>();
        whole.put("case_number", "TPPO/1");
        whole.put("victim_name", odd);
        whole.put("address", odd);
        whole.put("age", 34);
        whole.put("exploitation", List.of("SEKSUAL", odd));
        whole.put("services", List.of("\\", "\""));
        whole.put("recruitment", List.of());
        assertThat(jdbc.sql("""
                select warehouse.staged_case_row(s) @> cast(? as jsonb) and s.sheet = 'Sheet "1"'
                  from warehouse.staged_row s where s.file_id = 913 and s.ordinal = 1
                """).param(json.writeValueAsString(whole)).query(Boolean.class).single()).isTrue();
        staging.discard(913);
        assertThat(jdbc.sql("select count(*) from warehouse.staged_row where file_id = 913").query(Integer.class)
                .single()).isZero();
    }

    @Test
    void keepsARowsCellsAsOneTextWhereItGivesThemBackAndAsAnArrayWhereItCouldNot() {
        List<Map<String, String>> rows = List.of(
                cells("A", null, "B", "", "C", "w"),
                cells("A", "x\u001fy", "B", "z"),
                cells("A", "\u001e", "B", null),
                cells("A", ""),
                cells("A", "x"));
        List<StagedRow> staged = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            staged.add(new StagedRow(915, i + 1, "Sheet1", i + 2, true, null, null, null, null,
                    OriginalRow.of(rows.get(i), null), "[]"));
        }
        stage(staged);

        JsonMapper json = JsonMapper.builder().build();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(jdbc.sql("""
                    select jsonb_object(h.headers, warehouse.row_cells(s.original_values, s.original_cells))
                           = cast(? as jsonb)
                      from warehouse.staged_row s join warehouse.row_header h on h.key = s.original_headers
                     where s.file_id = 915 and s.ordinal = ?
                    """).params(json.writeValueAsString(rows.get(i)), i + 1).query(Boolean.class).single())
                    .as("row %d as written", i + 1).isTrue();
        }
        assertThat(jdbc.sql("""
                select ordinal from warehouse.staged_row
                 where file_id = 915 and original_values is not null and original_cells is null order by ordinal
                """).query(Integer.class).list()).as("rows kept as an array").containsExactly(2, 3, 4);
        staging.discard(915);
    }

    @Test
    void givesAFilesValidRowsInTheFilesOrderWithEachCaseDatedByItsLastRowWhateverOrderTheServerKeepsThem() {
        // written out of the file's order: a case's last row by the file (3) before its first (1)
        List<StagedRow> staged = List.of(valid(916, 3, "TPPO/1", "2024-06-09"), valid(916, 1, "TPPO/1", "2024-06-01"),
                valid(916, 4, "TPPO/2", "2024-05-02"), new StagedRow(916, 5, "Sheet1", 6, true, null, null, null, null,
                        OriginalRow.of(cells("A", "x"), null), "[]"),
                valid(916, 2, "TPPO/2", "2024-05-01"));
        stage(staged);

        // statistics of a small table: the server reads it in the order it keeps the rows (here 3, 1, 4, 2, as
        // written), not by its key
        jdbc.sql("analyze warehouse.staged_row").update();

        List<StagedVictim> rows = transactions.execute(status -> stagedVictims.toPublish(916, "64.72"));

        assertThat(rows).extracting(StagedVictim::ordinal).containsExactly(1, 2, 3, 4);
        assertThat(rows).extracting(StagedVictim::reportDate).containsExactly(LocalDate.of(2024, 6, 9),
                LocalDate.of(2024, 5, 2), LocalDate.of(2024, 6, 9), LocalDate.of(2024, 5, 2));
        assertThat(rows).extracting(StagedVictim::name).containsExactly("Korban 1", "Korban 2", "Korban 3", "Korban 4");
        staging.discard(916);
    }

    @Test
    void streamsAFilesValidRowsEachDatedByItsCasesLastRowAsTheirListGivesThem() {
        // a case of three dates written out of the file's order (4, 5, then 1): its date is its last row's by the file
        // (5), not its latest (4) nor its last written (1); a case whose rows give one date
        List<StagedRow> staged = List.of(valid(917, 4, "TPPO/1", "2024-06-09"), valid(917, 2, "TPPO/2", "2024-03-03"),
                valid(917, 5, "TPPO/1", "2024-06-05"), valid(917, 1, "TPPO/1", "2024-06-01"),
                new StagedRow(917, 3, "Sheet1", 4, true, null, null, null, null, OriginalRow.of(cells("A", "x"), null),
                        "[]"),
                valid(917, 6, "TPPO/2", "2024-03-03"));
        stage(staged);

        List<StagedVictim> rows = new ArrayList<>();
        transactions.executeWithoutResult(status -> stagedVictims.forEachToPublish(917, "64.72", rows::add));

        rows.sort(Comparator.comparingInt(StagedVictim::ordinal));
        assertThat(rows).extracting(StagedVictim::ordinal).containsExactly(1, 2, 4, 5, 6);
        assertThat(rows).extracting(StagedVictim::reportDate).containsExactly(LocalDate.of(2024, 6, 5),
                LocalDate.of(2024, 3, 3), LocalDate.of(2024, 6, 5), LocalDate.of(2024, 6, 5), LocalDate.of(2024, 3, 3));
        assertThat(rows).extracting(StagedVictim::name).containsExactly("Korban 1", "Korban 2", "Korban 4", "Korban 5",
                "Korban 6");
        assertThat(rows).extracting(StagedVictim::officeCode).containsOnly("64.72");
        assertThat(rows).usingRecursiveFieldByFieldElementComparator()
                .isEqualTo(transactions.execute(status -> stagedVictims.toPublish(917, "64.72")));
        staging.discard(917);
    }

    @Test
    void streamsEachRowWithItsOwnDateWhenTheStageStepSawEveryCaseGiveOneDate() {
        // case TPPO/1 given two dates, as the stage step would never vouch for: read unsorted, each row keeps its own
        stage(List.of(valid(918, 1, "TPPO/1", "2024-06-01"), valid(918, 2, "TPPO/2", "2024-03-03"),
                valid(918, 3, "TPPO/1", "2024-06-05")));
        jdbc.sql("insert into warehouse.staged_file (file_id, office_code, row_hash_generation)"
                + " values (918, '64.72', 0)").update();

        transactions.executeWithoutResult(status -> staging.stagedWhole(918, 3, true, false));
        List<StagedVictim> byCase = new ArrayList<>();
        transactions.executeWithoutResult(status -> stagedVictims.forEachToPublish(918, "64.72", byCase::add));
        transactions.executeWithoutResult(status -> staging.stagedWhole(918, 3, true, true));
        List<StagedVictim> asStaged = new ArrayList<>();
        transactions.executeWithoutResult(status -> stagedVictims.forEachToPublish(918, "64.72", asStaged::add));

        byCase.sort(Comparator.comparingInt(StagedVictim::ordinal));
        asStaged.sort(Comparator.comparingInt(StagedVictim::ordinal));
        assertThat(byCase).extracting(StagedVictim::reportDate).containsExactly(LocalDate.of(2024, 6, 5),
                LocalDate.of(2024, 3, 3), LocalDate.of(2024, 6, 5));
        assertThat(asStaged).extracting(StagedVictim::reportDate).containsExactly(LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 3, 3), LocalDate.of(2024, 6, 5));
        assertThat(asStaged).extracting(StagedVictim::name).containsExactly("Korban 1", "Korban 2", "Korban 3");
        staging.discard(918);
        assertThat(jdbc.sql("select count(*) from warehouse.staged_file where file_id = 918").query(Integer.class)
                .single()).isZero();
    }

    private static StagedRow valid(long fileId, int ordinal, String caseNumber, String reportDate) {
        StagedCase values = new StagedCase(caseNumber, reportDate, null, "Korban " + ordinal, null, "P", null,
                "1990-01-02", 34, "Samarinda", "64.72", null, null, null, null, null, "WNI", null, null,
                List.of("SEKSUAL"), List.of(), null, null, "P21", List.of(), null);
        return new StagedRow(fileId, ordinal, "Sheet1", ordinal + 1, false, "%064d".formatted(ordinal),
                "p".repeat(64), "c".repeat(64), values, OriginalRow.of(cells("No.", String.valueOf(ordinal)), null),
                "[]");
    }

    private static Map<String, String> cells(String... headersAndValues) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headersAndValues.length; i += 2) {
            cells.put(headersAndValues[i], headersAndValues[i + 1]);
        }
        return cells;
    }

    @Test
    void stagesEveryValueOfARowAsTheServerWouldReadItFromText() {
        // characters of every UTF-8 length, an empty text, an empty code list, a smallint at its edge,
        // findings as JSON, a row hash of every byte
        String wide = "Siti 🌸 Ñandú ёж 中文 \\N";
        byte[] rowHash = new byte[KnownRows.HASH_BYTES];
        for (int i = 0; i < rowHash.length; i++) {
            rowHash[i] = (byte) (i * 8 - 128);
        }
        StagedCase values = new StagedCase("TPPO/9", "2024-06-05", "2024-05-01", wide, "6472010101900001", "P", "",
                "1990-01-02", 32767, "Samarinda", "64.72", "Sungai Kunjang", "64.72.01", "Loa Bakung", "64.72.01.1001",
                "Jl. \"Ahmad\" Yani\r\n", "WNI", null, "SMA", List.of(), List.of("DARING", "TEMAN"), "MY", "Kuching",
                "P21", List.of("RUMAH_AMAN"), null);
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("Nama", wide);
        cells.put("Kosong", null);
        String findings = "[{\"code\":\"DATE_FUTURE\",\"value\":\"é\\u00e9\\t\"}]";
        StagedRow row = new StagedRow(914, 7, "Lembar 🌸", 9, false, "a".repeat(64), "b".repeat(64), "c".repeat(64),
                values, OriginalRow.of(cells, null), findings, rowHash, null);
        StagedRow rejected = new StagedRow(914, 8, "Lembar 🌸", 10, true, null, null, null, null,
                OriginalRow.of(cells, null), "[]");
        stage(List.of(row, rejected));

        Map<String, Object> staged = jdbc.sql("""
                select sheet, row_number, rejected, identity_key, victim_name, birth_place, age, address,
                       citizenship_country, exploitation, recruitment, findings::text as findings,
                       encode(row_hash, 'hex') as row_hash, known_victim_id
                  from warehouse.staged_row where file_id = 914 and ordinal = 7
                """).query().singleRow();
        assertThat(staged.get("sheet")).isEqualTo("Lembar 🌸");
        assertThat(staged.get("row_number")).isEqualTo(9);
        assertThat(staged.get("rejected")).isEqualTo(false);
        assertThat(staged.get("identity_key")).isEqualTo("a".repeat(64));
        assertThat(staged.get("victim_name")).isEqualTo(wide);
        assertThat(staged.get("birth_place")).isEqualTo("");
        assertThat(staged.get("age")).isEqualTo(32767);
        assertThat(staged.get("address")).isEqualTo("Jl. \"Ahmad\" Yani\r\n");
        assertThat(staged.get("citizenship_country")).isNull();
        assertThat(jdbc.sql("""
                select cardinality(exploitation) = 0 and exploitation = '{}'::text[]
                       and recruitment = array['DARING', 'TEMAN'] and original_values is null
                       and warehouse.row_cells(original_values, original_cells) = array[cast(? as text), null]
                       and findings = cast(? as jsonb)
                  from warehouse.staged_row where file_id = 914 and ordinal = 7
                """).params(wide, findings).query(Boolean.class).single()).isTrue();
        assertThat(staged.get("row_hash")).isEqualTo(HexFormat.of().formatHex(rowHash));
        assertThat(staged.get("known_victim_id")).isNull();
        assertThat(jdbc.sql("""
                select rejected and identity_key is null and case_number is null and age is null
                       and exploitation is null and row_hash is null and findings = '[]'::jsonb
                  from warehouse.staged_row where file_id = 914 and ordinal = 8
                """).query(Boolean.class).single()).isTrue();
        staging.discard(914);
    }

    @Test
    void stagesThinRowsAsRunsOfConsecutiveRowsWithTheirRecordsAndRowHashes() {
        List<StagedRow> rows = new ArrayList<>();
        for (int ordinal = 1; ordinal <= 200; ordinal++) {
            if (ordinal == 150) {
                rows.add(row(915, ordinal)); // a judged row ends a run
                continue;
            }
            // a second sheet from row 180 on: another run
            String sheet = ordinal < 180 ? "Sheet1" : "Sheet2";
            rows.add(StagedRow.repeating(915, ordinal, sheet, ordinal < 180 ? ordinal + 1 : ordinal - 170,
                    hash(ordinal, 255 - ordinal), 10_000L + ordinal));
        }
        stage(rows);

        assertThat(jdbc.sql("""
                select first_ordinal || ':' || sheet || ':' || first_row_number || ':' || cardinality(victim_ids)
                       || ':' || length(row_hashes)
                  from warehouse.staged_run where file_id = 915 order by first_ordinal
                """).query(String.class).list())
                .containsExactly("1:Sheet1:2:149:4768", "151:Sheet1:152:29:928", "180:Sheet2:10:21:672");
        List<String> unfolded = jdbc.sql("""
                select (u.first_ordinal + t.i - 1) || ':' || t.victim_id || ':'
                       || encode(substring(u.row_hashes from (t.i::integer - 1) * 32 + 1 for 32), 'hex')
                  from warehouse.staged_run u cross join lateral unnest(u.victim_ids) with ordinality t(victim_id, i)
                 where u.file_id = 915 order by u.first_ordinal, t.i
                """).query(String.class).list();
        assertThat(unfolded).hasSize(199);
        assertThat(unfolded.get(0)).isEqualTo("1:10001:" + HexFormat.of().formatHex(hash(1, 254)));
        assertThat(unfolded.get(198)).isEqualTo("200:10200:" + HexFormat.of().formatHex(hash(200, 55)));
        staging.discard(915);
    }

    @Test
    void aChunkTheServerRefusesRollsBackWholeAndLeavesTheConnectionUsable() {
        // a NUL character is no text PostgreSQL keeps: the COPY fails half-way through the chunk
        StagedRow refused = new StagedRow(916, 2, "Sheet1", 3, true, null, null, null, null,
                new OriginalRow(0, List.of(), new String[] {"a\u0000b"}), "[]");
        assertThatThrownBy(() -> stage(List.of(row(916, 1), refused))).hasStackTraceContaining("0x00");

        for (int attempt = 0; attempt < 12; attempt++) { // more than the pool's connections
            transactions.executeWithoutResult(status -> write(916, 1));
            assertThat(jdbc.sql("select count(*) from warehouse.staged_row where file_id = 916").query(Integer.class)
                    .single()).isEqualTo(1);
            staging.discard(916);
        }
    }

    @Test
    void emptiesTheStagingTableWholeWhenTheFileUnstagedIsTheOnlyOneStaged() {
        transactions.executeWithoutResult(status -> {
            write(921, 1);
            write(921, 2);
        });
        assertThat(stagedFiles()).containsExactly(921L, 921L);
        long storage = storage();

        transactions.executeWithoutResult(status -> staging.discard(921));

        assertThat(stagedFiles()).isEmpty();
        assertThat(storage()).as("the table's storage, new after a truncate").isNotEqualTo(storage);
    }

    @Test
    void deletesOnlyTheFilesOwnRowsWhileAnotherFileIsStaged() {
        transactions.executeWithoutResult(status -> {
            write(922, 1);
            write(923, 1);
            write(923, 2);
        });
        long storage = storage();

        transactions.executeWithoutResult(status -> staging.discard(922));

        assertThat(stagedFiles()).containsExactly(923L, 923L);
        assertThat(storage()).isEqualTo(storage);
        transactions.executeWithoutResult(status -> staging.discard(923));
        assertThat(stagedFiles()).isEmpty();
    }

    @Test
    void deletesTheFilesRowsWithoutWaitingForAnotherSessionUsingTheStagingTable() throws Exception {
        transactions.executeWithoutResult(status -> write(924, 1));
        long storage = storage();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (Statement reading = other.createStatement()) {
                reading.executeQuery("select count(*) from warehouse.staged_row").close(); // holds the table shared
            }
            transactions.executeWithoutResult(status -> {
                // never a wait for the other session: a wait would fail here rather than hang
                jdbc.sql("set local lock_timeout = '10s'").update();
                staging.discard(924);
            });
            other.rollback();
        }

        assertThat(stagedFiles()).doesNotContain(924L);
        assertThat(storage()).isEqualTo(storage);
    }

    /** The file of each staged row, in file order. */
    private List<Long> stagedFiles() {
        return jdbc.sql("select file_id from warehouse.staged_row order by file_id").query(Long.class).list();
    }

    /** The staging table's storage on disk, which a truncate replaces and a delete keeps. */
    private long storage() {
        return jdbc.sql("select pg_relation_filenode('warehouse.staged_row')").query(Long.class).single();
    }

    /** Writes the rows as the stage step writes a chunk, in a transaction of their own. */
    private void stage(List<StagedRow> rows) {
        StagedChunks.write(staging, transactions, rows);
    }

    private void write(long fileId, int ordinal) {
        try {
            staging.writer().write(new Chunk<>(List.of(row(fileId, ordinal))));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String setting() {
        return jdbc.sql("select current_setting('synchronous_commit')").query(String.class).single();
    }

    private static StagedRow row(long fileId, int ordinal) {
        return new StagedRow(fileId, ordinal, "Sheet1", ordinal + 1, true, null, null, null, null, new OriginalRow(0, List.of(), new String[0]), "[]");
    }

    /** A 32-byte row hash: {@code first} at byte 0, {@code ninth} at byte 8, the rest zero. */
    private static byte[] hash(int first, int ninth) {
        byte[] hash = new byte[KnownRows.HASH_BYTES];
        hash[0] = (byte) first;
        hash[8] = (byte) ninth;
        return hash;
    }

    private void store(String office, long victimId, byte[] hash) {
        jdbc.sql("select warehouse.office_row_hashes(?)").param(office).query(String.class).single();
        jdbc.sql("""
                insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)
                select ?, ?, ('x' || encode(substring(h from 1 for 8), 'hex'))::bit(64)::bigint, h, date '2024-06-01'
                  from (select decode(?, 'hex') as h) hash
                """).params(office, victimId, HexFormat.of().formatHex(hash)).update();
    }
}

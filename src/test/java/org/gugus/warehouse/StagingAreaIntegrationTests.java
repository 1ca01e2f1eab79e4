package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

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
            } catch (java.sql.SQLException e) {
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
        transactions.executeWithoutResult(status -> {
            try {
                staging.writer().write(new Chunk<>(List.of(row, new StagedRow(913, 2, "Sheet \"1\"", 3, false,
                        "l".repeat(64), "p".repeat(64), "c".repeat(64), values, OriginalRow.of(cells, original), "[]"))));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        JsonMapper json = JsonMapper.builder().build();
        List<String> originals = jdbc.sql("""
                select jsonb_object(h.headers, s.original_values)::text from warehouse.staged_row s
                  join warehouse.row_header h on h.key = s.original_headers
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
        jdbc.sql("""
                insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)
                select ?, ?, ('x' || encode(substring(h from 1 for 8), 'hex'))::bit(64)::bigint, h, date '2024-06-01'
                  from (select decode(?, 'hex') as h) hash
                """).params(office, victimId, HexFormat.of().formatHex(hash)).update();
    }
}

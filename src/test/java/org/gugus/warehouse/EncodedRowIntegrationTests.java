package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** Rows encoded on a judge's thread stage as the rows themselves would (issue 13). */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class EncodedRowIntegrationTests {

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
    void aRowEncodedAheadStagesEveryValueAsTheRowItselfWithoutItsValuesKept() {
        List<StagedRow> rows = rows(931);
        List<StagedRow> encoded = rows(932).stream().map(StagedRow::encoded).toList();
        stage(rows);
        stage(encoded);

        assertThat(encoded.subList(0, 2)).allSatisfy(row -> {
            assertThat(row.caseValues()).isNull();
            assertThat(row.original()).isNull();
            // kept in the encoded bytes alone
            assertThat(row.identityKey()).isNull();
            assertThat(row.personKey()).isNull();
            assertThat(row.contentHash()).isNull();
            assertThat(row.findingsJson()).isNull();
            assertThat(row.rowHash()).isNull();
        });
        // its place in the file stays, for the listeners of the write
        assertThat(encoded).extracting(StagedRow::fileId, StagedRow::ordinal, StagedRow::rowNumber, StagedRow::rejected)
                .containsExactly(tuple(932L, 7, 9, false), tuple(932L, 8, 10, true), tuple(932L, 9, 11, false));
        // a thin row is not encoded: it is staged from its row hash and record
        assertThat(encoded.get(2).encodedRow()).isNull();
        assertThat(encoded.get(2).rowHash()).hasSize(KnownRows.HASH_BYTES);
        assertThat(encoded.get(2).encoded()).isSameAs(encoded.get(2));
        assertThat(jdbc.sql("select count(*) from warehouse.staged_row where file_id in (931, 932)")
                .query(Integer.class).single()).isEqualTo(4);
        // every column but the file's, row by row, nulls and empty arrays told apart
        assertThat(jdbc.sql("""
                select count(*) from (
                    (select to_jsonb(s) - 'file_id' from warehouse.staged_row s where file_id = 931
                     except select to_jsonb(s) - 'file_id' from warehouse.staged_row s where file_id = 932)
                    union all
                    (select to_jsonb(s) - 'file_id' from warehouse.staged_row s where file_id = 932
                     except select to_jsonb(s) - 'file_id' from warehouse.staged_row s where file_id = 931)) differing
                """).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from warehouse.row_header
                 where key in (select original_headers from warehouse.staged_row where file_id = 932)
                """).query(Integer.class).single()).isEqualTo(2);
        staging.discard(931);
        staging.discard(932);
    }

    private void stage(List<StagedRow> rows) {
        StagedChunks.write(staging, transactions, rows);
    }

    /** A valid row of wide characters and findings, a rejected row under other headers, a thin row. */
    private static List<StagedRow> rows(long fileId) {
        String wide = "Siti 🌸 Ñandú ёж 中文 \\N \"q\"\t";
        byte[] rowHash = new byte[KnownRows.HASH_BYTES];
        for (int i = 0; i < rowHash.length; i++) {
            rowHash[i] = (byte) (i * 8 - 128);
        }
        // every kind of field: texts of one to four UTF-8 bytes a character, empty and null ones, code lists
        // empty and not, a smallint at its edge
        StagedCase values = new StagedCase("TPPO/31", "2024-06-05", null, wide, "", "L", null, "2001-12-31", -32768,
                "Kutai Kartanegara", "64.02", null, "64.02.10", wide, null, "", "WNA", "MY", null, List.of(wide, ""),
                List.of(), null, "Tawau", "SIDIK", List.of("MEDIS", "HUKUM"), "\r\n");
        Map<String, String> cells = new LinkedHashMap<>();
        cells.put("Nama", wide);
        cells.put("Kosong", null);
        Map<String, String> otherCells = new LinkedHashMap<>();
        otherCells.put("No.", "");
        String findings = "[{\"code\":\"DATE_FUTURE\",\"value\":\"é\\u00e9\\t\"}]";
        return List.of(
                new StagedRow(fileId, 7, "Lembar 🌸", 9, false, "a".repeat(64), "b".repeat(64), "c".repeat(64),
                        values, OriginalRow.of(cells, null), findings, rowHash, null),
                new StagedRow(fileId, 8, "Lembar 2", 10, true, null, null, null, null,
                        OriginalRow.of(otherCells, null), "[]"),
                StagedRow.repeating(fileId, 9, "Lembar 2", 11, rowHash, 5));
    }
}

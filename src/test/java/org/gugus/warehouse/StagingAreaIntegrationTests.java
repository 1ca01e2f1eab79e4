package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

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

package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.gugus.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A staged file's thin rows need checking at its publish only when its office's row hashes changed
 * after the stage step read them: an update or a delete of one of that office's hashes moves the
 * generation the stage step kept for the file (issue 13). A hash added (a new record's) changes none
 * that the stage step read, and moves nothing (V112).
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class RowHashGenerationIntegrationTests {

    private static final LocalDate RECEIVED = LocalDate.of(2024, 7, 1);

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    StagingArea staging;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aFileStagedAgainstUnchangedHashesNeedsNoCheckUntilAHashOfItsOfficeIsRewritten() {
        hash("64.04", 1, 0x11);
        KnownRows known = staging.knownRows(901, "64.04", RECEIVED);
        assertThat(known.size()).isEqualTo(1);
        assertThat(moved(901, "64.04")).isFalse();

        hash("64.05", 2, 0x22);                                           // another office's hash
        assertThat(moved(901, "64.04")).isFalse();

        hash("64.04", 3, 0x33);                                           // a new record of the same office
        assertThat(moved(901, "64.04")).isFalse();

        jdbc.sql("delete from warehouse.victim_row_hash where office_code = '64.04' and victim_id = 1").update();
        hash("64.04", 1, 0x12);                                           // a publish that changed the record
        assertThat(moved(901, "64.04")).isTrue();
    }

    @Test
    void anUpdatedOrDeletedHashOfTheOfficeMovesItsGeneration() {
        hash("64.06", 4, 0x44);
        staging.knownRows(902, "64.06", RECEIVED);
        jdbc.sql("update warehouse.victim_row_hash set row_hash = '\\x55'::bytea where victim_id = 4").update();
        assertThat(moved(902, "64.06")).isTrue();

        staging.knownRows(903, "64.06", RECEIVED);
        assertThat(moved(903, "64.06")).isFalse();
        jdbc.sql("delete from warehouse.victim_row_hash where victim_id = 4").update();
        assertThat(moved(903, "64.06")).isTrue();
    }

    @Test
    void aStageReadAgainAfterARestartKeepsTheOlderGeneration() {
        hash("64.07", 5, 0x66);
        staging.knownRows(904, "64.07", RECEIVED);                      // the first chunks matched against these
        jdbc.sql("update warehouse.victim_row_hash set row_hash = '\\x77'::bytea where victim_id = 5").update();
        staging.knownRows(904, "64.07", RECEIVED);                      // the restarted stage step reads them again

        assertThat(moved(904, "64.07")).isTrue();
    }

    @Test
    void aFileStagedWithoutAKeptGenerationIsAlwaysChecked() {
        assertThat(moved(905, "64.08")).isTrue();

        staging.knownRows(905, "64.08", RECEIVED);
        assertThat(moved(905, "64.08")).isFalse();
        staging.discard(905);
        assertThat(moved(905, "64.08")).isTrue();
    }

    private boolean moved(long fileId, String office) {
        return StagingArea.rowHashesMoved(jdbc, fileId, office);
    }

    /** A 32-byte row hash of the record, its first byte {@code first}, received before {@link #RECEIVED}. */
    private void hash(String office, long victimId, int first) {
        jdbc.sql("select warehouse.office_row_hashes(?)").param(office).query(String.class).single();
        jdbc.sql("""
                insert into warehouse.victim_row_hash (office_code, victim_id, prefix, row_hash, received_on)
                select ?, ?, ('x' || encode(substring(h from 1 for 8), 'hex'))::bit(64)::bigint, h, date '2024-06-01'
                  from (select set_byte(decode(repeat('00', 32), 'hex'), 0, ?) as h) hash
                """).params(office, victimId, first).update();
    }
}

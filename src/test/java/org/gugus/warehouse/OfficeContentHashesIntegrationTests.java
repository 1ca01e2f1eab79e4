package org.gugus.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The content hash that tells an office's function: a SHA-256 one whenever any of the office's records
 * carries SHA-256, whichever record comes first by identity key; else one of MurmurHash3; none for an
 * office without records.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false"})
class OfficeContentHashesIntegrationTests {

    /** A SHA-256 in hex, as the records stored before MurmurHash3 carry. */
    private static final String SHA_256 = "0123456789abcdef".repeat(4);

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OfficeContentHashes contentHashes;

    @TempDir
    Path files;

    @Test
    void anOfficeWithoutRecordsHasNoContentHash() {
        assertThat(contentHashes.any("64.11")).isEmpty();
    }

    @Test
    void anOfficeOfMurmurRecordsGivesOneOfTheirHashes() {
        load("64.09", "ppu-2024-06.csv", 3);

        assertThat(contentHashes.any("64.09")).hasValueSatisfying(hash -> assertThat(hash).startsWith("m"));
    }

    @Test
    void anOfficeWithOneRecordOfSha256GivesItsHashWhereverItStandsByIdentity() {
        load("64.08", "kutim-2024-06.csv", 4);
        List<String> identities = jdbc.sql("select identity_key from warehouse.victim where office_code = '64.08'"
                + " order by identity_key").query(String.class).list();
        assertThat(identities).hasSize(4);
        // the last record by identity key the only one of SHA-256: the first one, probed alone, told MurmurHash3
        jdbc.sql("update warehouse.victim set content_hash = ? where office_code = '64.08' and identity_key = ?")
                .params(SHA_256, identities.get(identities.size() - 1)).update();

        assertThat(contentHashes.any("64.08")).hasValue(SHA_256);
    }

    @Test
    void anotherOfficesRecordOfSha256DoesNotCount() {
        load("64.03", "berau-2024-06.csv", 5);
        load("64.01", "paser-2024-06.csv", 6);
        jdbc.sql("update warehouse.victim set content_hash = ? where office_code = '64.01'").param(SHA_256).update();

        assertThat(contentHashes.any("64.03")).hasValueSatisfying(hash -> assertThat(hash).startsWith("m"));
        assertThat(contentHashes.any("64.01")).hasValue(SHA_256);
    }

    /** Loads a file of so many rows: each test's file of another count, so that none repeats another's content. */
    private void load(String office, String name, int rows) {
        Path file = TestWorkbooks.csv(files.resolve(name), TestWorkbooks.victims(rows));
        FileOutcome outcome = reception.receive(file, office, name, FileSource.COMMAND_LINE);
        assertThat(outcome.status()).isEqualTo(LoadStatus.LOADED);
        assertThat(outcome.inserted()).isEqualTo(rows);
    }
}

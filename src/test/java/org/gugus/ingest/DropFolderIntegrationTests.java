package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.IntegrationTest.awaitTrue;
import static org.gugus.IntegrationTest.filesIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running app: files dropped into the inbox travel through the Camel route into the warehouse. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DropFolderIntegrationTests {

    private static Path home;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        home = IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Test
    void loadsCsvAndXlsxDroppedIntoAnOfficeFolderAndArchivesThem() throws IOException {
        List<List<String>> csvRows = TestWorkbooks.victims(3);
        csvRows.get(2).set(7, "130");                                   // E_AGE_RANGE
        dropFile("64.72", "samarinda-2024-05.csv", file -> TestWorkbooks.csv(file, csvRows));
        awaitTrue(() -> count("select count(*) from ingest.received_file where status = 'LOADED'") == 1);
        dropFile("64.72", "samarinda-2024-06.xlsx", file -> TestWorkbooks.xlsx(file, TestWorkbooks.victims(5)));

        awaitTrue(() -> count("select count(*) from ingest.received_file where status = 'LOADED'") == 2);

        assertThat(jdbc.sql("select original_name || ' ' || source || ' ' || format from ingest.received_file order by original_name")
                .query(String.class).list())
                .containsExactly("samarinda-2024-05.csv DROP_FOLDER CSV", "samarinda-2024-06.xlsx DROP_FOLDER XLSX");
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.72'")).isEqualTo(5);
        assertThat(jdbc.sql("select findings -> 0 ->> 'code' from warehouse.rejected_row").query(String.class).list()).as(jdbc.sql("select sheet || row_number || original::text || findings::text from warehouse.rejected_row").query(String.class).list().toString())
                .containsExactly("E_AGE_RANGE");
        assertThat(jdbc.sql("select outcome ->> 'unchanged' from ingest.received_file where original_name like '%06.xlsx'")
                .query(String.class).single()).isEqualTo("2");
        awaitTrue(() -> filesIn(home.resolve("archive/64.72")).size() == 2);
        assertThat(filesIn(home.resolve("inbox/64.72"))).isEmpty();
    }

    @Test
    void quarantinesAFileInAFolderThatNamesNoOfficeWithANote() throws IOException {
        dropFile("samarinda", "juni.csv", file -> TestWorkbooks.csv(file, TestWorkbooks.victims(2)));

        awaitTrue(() -> filesIn(home.resolve("quarantine/samarinda")).size() == 2);

        List<Path> kept = filesIn(home.resolve("quarantine/samarinda"));
        Path note = kept.stream().filter(p -> p.toString().endsWith(".error.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(note)).contains("F_UNKNOWN_OFFICE", "inbox/64.72/");
        assertThat(kept).anyMatch(p -> p.getFileName().toString().matches("juni-\\d+\\.csv"));
        assertThat(jdbc.sql("select status || ' ' || error_code from ingest.received_file where original_name = 'juni.csv'")
                .query(String.class).single()).isEqualTo("QUARANTINED F_UNKNOWN_OFFICE");
    }

    /** Writes the file under a temporary name and renames it, as a careful copy tool does. */
    private static void dropFile(String folder, String name, java.util.function.Consumer<Path> writer) throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox").resolve(folder));
        Path partial = inbox.resolve(name + ".part");
        writer.accept(partial);
        Files.move(partial, inbox.resolve(name));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }


}

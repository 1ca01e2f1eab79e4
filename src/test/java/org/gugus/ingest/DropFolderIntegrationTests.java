package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.IntegrationTest.awaitTrue;
import static org.gugus.IntegrationTest.filesIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The running app: files dropped into the inbox travel through the Camel route into the warehouse. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
@SuppressWarnings("unchecked")
class DropFolderIntegrationTests {

    private static Path home;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        home = IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

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
        // Camel deletes its read lock (.camelLock) just after it moves the file to the archive
        awaitTrue(() -> filesIn(home.resolve("inbox/64.72")).isEmpty());
        assertThat(filesIn(home.resolve("archive/64.72"))).allMatch(p -> p.getFileName().toString()
                .matches("samarinda-2024-0[56]-\\d+\\.(csv|xlsx)"));
        assertThat(jdbc.sql("select kept_at from ingest.received_file order by id").query(String.class).list())
                .allMatch(kept -> kept.startsWith(home.resolve("archive/64.72").toString()));
    }

    @Test
    void neverEntersALinkedFolderAndLeavesTheTargetOfALinkedFileInPlace(@TempDir Path outside) throws IOException {
        Path elsewhere = TestWorkbooks.csv(outside.resolve("kutim-arsip.csv"), TestWorkbooks.victims(2));
        Path linkedFile = TestWorkbooks.csv(outside.resolve("kutim-2024-06.csv"), TestWorkbooks.victims(3));
        Path office = Files.createDirectories(home.resolve("inbox/64.08"));
        Files.createSymbolicLink(office.resolve("map"), outside);
        Files.createSymbolicLink(office.resolve("tautan.csv"), linkedFile);

        awaitTrue(() -> count("select count(*) from ingest.received_file where original_name = 'tautan.csv'") == 1);
        // a file dropped afterwards is taken by a later poll, which passed the linked folder again
        dropFile("64.08", "kutim-2024-07.csv", file -> TestWorkbooks.csv(file, TestWorkbooks.victims(4)));
        awaitTrue(() -> count("select count(*) from ingest.received_file where original_name = 'kutim-2024-07.csv'") == 1);

        assertThat(elsewhere).exists();
        assertThat(linkedFile).exists();
        assertThat(filesIn(outside)).hasSize(2);
        assertThat(count("select count(*) from ingest.received_file where original_name = 'kutim-arsip.csv'")).isZero();
        assertThat(jdbc.sql("select status from ingest.received_file where original_name = 'tautan.csv'")
                .query(String.class).single()).isEqualTo("LOADED");
        assertThat(Files.isSymbolicLink(office.resolve("map"))).isTrue();
        awaitTrue(() -> !Files.exists(office.resolve("tautan.csv"), LinkOption.NOFOLLOW_LINKS));
        Path archived = filesIn(home.resolve("archive/64.08")).stream()
                .filter(p -> p.getFileName().toString().startsWith("tautan-")).findFirst().orElseThrow();
        assertThat(Files.isSymbolicLink(archived)).isFalse();
        assertThat(Files.mismatch(archived, linkedFile)).isEqualTo(-1);
    }

    @Test
    void logsAQuarantinedFileInOneLineWithoutAStackTrace(CapturedOutput output) throws IOException {
        dropFile("64.74", "kosong.csv", file -> TestWorkbooks.csv(file, List.of()));

        awaitTrue(() -> filesIn(home.resolve("quarantine/64.74")).stream()
                .anyMatch(p -> p.toString().endsWith(".error.txt")));

        awaitTrue(() -> output.getOut().contains("kosong.csv (#"));
        assertThat(output.getOut()).containsPattern("WARN .* kosong\\.csv \\(#\\d+\\) from 64\\.74: QUARANTINED F_EMPTY")
                .contains("ended: QUARANTINED F_EMPTY")
                .doesNotContain("QuarantineException", "\tat org.", "status: [COMPLETED]", "compact notation");
        Path note = filesIn(home.resolve("quarantine/64.74")).stream()
                .filter(p -> p.toString().endsWith(".error.txt")).findFirst().orElseThrow();
        assertThat(note.getFileName().toString()).matches("kosong-\\d+\\.error\\.txt");
        assertThat(Files.readString(note)).contains("Berkas: kosong.csv", "File: kosong.csv", "Kode: F_EMPTY");
    }

    @Test
    void quarantinesAFileInAFolderThatNamesNoOfficeWithANote() throws IOException {
        dropFile("samarinda", "juni.csv", file -> TestWorkbooks.csv(file, TestWorkbooks.victims(2)));

        // the note is written aside and moved in whole: wait for it by name, not for two files
        awaitTrue(() -> filesIn(home.resolve("quarantine/samarinda")).stream()
                .anyMatch(p -> p.toString().endsWith(".error.txt")));

        List<Path> kept = filesIn(home.resolve("quarantine/samarinda"));
        Path note = kept.stream().filter(p -> p.toString().endsWith(".error.txt")).findFirst().orElseThrow();
        assertThat(Files.readString(note)).contains("F_UNKNOWN_OFFICE", "inbox/64.72/");
        assertThat(kept).anyMatch(p -> p.getFileName().toString().matches("juni-\\d+\\.csv"));
        assertThat(jdbc.sql("select status || ' ' || error_code from ingest.received_file where original_name = 'juni.csv'")
                .query(String.class).single()).isEqualTo("QUARANTINED F_UNKNOWN_OFFICE");
    }

    @Test
    void listsAndShowsReceivedFilesOverRest() throws Exception {
        dropFile("64.71", "balikpapan-2024-06.csv", file -> TestWorkbooks.csv(file, TestWorkbooks.victims(2)));
        awaitTrue(() -> count("select count(*) from ingest.received_file where original_name = 'balikpapan-2024-06.csv'"
                + " and kept_at like '%archive%'") == 1);
        long id = count("select id from ingest.received_file where original_name = 'balikpapan-2024-06.csv'");

        HttpResponse<String> list = get("/api/files?office=6471&status=LOADED&limit=5");
        HttpResponse<String> show = get("/api/files/" + id);
        HttpResponse<String> missing = get("/api/files/999999");
        HttpResponse<String> badOffice = get("/api/files?office=99.99");

        assertThat(list.statusCode()).isEqualTo(200);
        List<Map<String, Object>> files = json.readValue(list.body(), List.class);
        assertThat(files).singleElement().satisfies(file -> assertThat(file).containsEntry("id", (int) id)
                .containsEntry("office_code", "64.71").containsEntry("status", "LOADED"));
        assertThat(show.statusCode()).isEqualTo(200);
        Map<String, Object> file = json.readValue(show.body(), Map.class);
        assertThat(file).containsEntry("original_name", "balikpapan-2024-06.csv").containsKeys("received_at", "size", "sha256");
        assertThat((String) file.get("kept_at")).endsWith("archive/64.71/balikpapan-2024-06-" + id + ".csv");
        assertThat((Map<String, Object>) file.get("outcome")).containsEntry("rows_read", 2).containsEntry("inserted", 2);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
                .startsWith("application/problem+json"));
        assertThat(missing.body()).contains("#999999");
        assertThat(badOffice.statusCode()).isEqualTo(400);
        assertThat(badOffice.body()).contains("99.99");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Authorization", TestLogins.basic(accounts, "steward", Role.STEWARD, null)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Writes the file under a temporary name and renames it, as a careful copy tool does. */
    private static void dropFile(String folder, String name, Consumer<Path> writer) throws IOException {
        Path inbox = Files.createDirectories(home.resolve("inbox").resolve(folder));
        Path partial = inbox.resolve(name + ".part");
        writer.accept(partial);
        Files.move(partial, inbox.resolve(name));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }


}

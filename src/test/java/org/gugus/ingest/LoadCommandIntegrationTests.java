package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus load}: one line per file, the JSON fields scripts rely on, and the exit status; and
 * {@code gugus files}, which shows what the loads left in the registry.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
@SuppressWarnings("unchecked")
class LoadCommandIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    GugusCommands gugus;

    @Autowired
    JsonMapper json;

    @TempDir
    Path files;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void printsOneJsonObjectPerFileWithItsCounts() {
        List<List<String>> rows = TestWorkbooks.victims(4);
        rows.get(0).set(2, "12 Maret 2099");                          // E_DATE_FUTURE
        Path file = TestWorkbooks.csv(files.resolve("kutim-2024-06.csv"), rows);

        int exit = run("--regency", "64.08", "--json", file.toString());

        assertThat(exit).isZero();
        Map<String, Object> summary = object(lines().get(0));
        assertThat(summary.keySet()).contains("file", "sha256", "format", "status", "rows_read", "inserted", "updated",
                "unchanged", "duplicates", "rejected", "skipped", "warnings", "rejections_by_code", "warnings_by_code");
        assertThat(summary.get("file")).isEqualTo("kutim-2024-06.csv");
        assertThat(summary.get("status")).isEqualTo("LOADED");
        assertThat(summary.get("rows_read")).isEqualTo(4);
        assertThat(summary.get("inserted")).isEqualTo(3);
        assertThat(summary.get("rejections_by_code")).isEqualTo(Map.of("E_DATE_FUTURE", 1));
        assertThat((String) summary.get("sha256")).hasSize(64);
    }

    @Test
    void writesTheDocumentedKeysInTheirOrder() throws IOException {
        Path file = TestWorkbooks.csv(files.resolve("berau.csv"), TestWorkbooks.victims(1));
        Path noise = Files.write(files.resolve("rusak.csv"), new byte[0]);

        run("--regency", "64.03", "--json", file.toString(), noise.toString());
        run("--regency", "64.03", "--json", file.toString());

        assertThat(keys(lines().get(0))).containsExactly("file", "file_id", "regency", "sha256", "format", "status",
                "rows_read", "inserted", "updated", "unchanged", "duplicates", "rejected", "skipped", "warnings",
                "rejections_by_code", "warnings_by_code", "skipped_sheets");
        assertThat(keys(lines().get(1))).containsExactly("file", "file_id", "regency", "sha256", "format", "status",
                "rows_read", "inserted", "updated", "unchanged", "duplicates", "rejected", "skipped", "warnings",
                "rejections_by_code", "warnings_by_code", "skipped_sheets", "error");
        assertThat(lines().get(1)).contains("\"format\":null,\"status\":\"QUARANTINED\"",
                "\"error\":{\"code\":\"F_EMPTY\",\"message\":");
        assertThat(keys(object(lines().get(1)).get("error"))).containsExactly("code", "message", "message_id", "message_en");
        assertThat(keys(lines().get(2))).endsWith("skipped_sheets", "already_received_as");
        assertThat(object(lines().get(2))).containsEntry("status", "ALREADY_RECEIVED").containsEntry("rows_read", 0)
                .containsEntry("already_received_as", object(lines().get(0)).get("file_id"));
    }

    @Test
    void sortsTheCountsByCode() {
        List<List<String>> rows = TestWorkbooks.victims(3);
        rows.get(0).set(2, "12 Maret 2099");                          // E_DATE_FUTURE
        rows.get(1).set(2, "31/02/2024");                             // E_DATE_FORMAT
        Path file = TestWorkbooks.csv(files.resolve("kubar.csv"), rows);

        run("--regency", "64.07", "--json", file.toString());

        assertThat(lines().get(0)).contains("\"rejections_by_code\":{\"E_DATE_FORMAT\":1,\"E_DATE_FUTURE\":1}");
    }

    @Test
    void exitsWithTwoWhenAnyFileIsQuarantinedAndReportsEveryFile() throws IOException {
        Path good = TestWorkbooks.csv(files.resolve("baik.csv"), TestWorkbooks.victims(2));
        byte[] noise = new byte[2048];
        new Random(11).nextBytes(noise);
        Path bad = Files.write(files.resolve("rusak.xlsx"), noise);

        int exit = run("--regency", "64.02", "--json", good.toString(), bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(lines()).hasSize(2);
        Map<String, Object> quarantined = object(lines().get(1));
        assertThat(quarantined.get("status")).isEqualTo("QUARANTINED");
        assertThat(quarantined.get("error")).asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("code", "F_UNREADABLE").containsKey("message");
    }

    @Test
    void printsAReadableLineWithoutJson() {
        Path file = TestWorkbooks.csv(files.resolve("ppu.csv"), TestWorkbooks.victims(2));

        int exit = run("--regency", "64.09", file.toString());

        assertThat(exit).isZero();
        assertThat(lines().get(0)).startsWith("ppu.csv: LOADED (CSV)").contains("inserted 2");
    }

    @Test
    void refusesAnUnknownOfficeCode() {
        Path file = TestWorkbooks.csv(files.resolve("x.csv"), TestWorkbooks.victims(1));

        int exit = run("--regency", "99.99", file.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("99.99", "64.72 Kota Samarinda");
        assertThat(lines()).isEmpty();
    }

    @Test
    void printsNoProgressLineWhenStandardErrorIsNoTerminal() {
        Path file = TestWorkbooks.csv(files.resolve("paser.csv"), TestWorkbooks.victims(3));

        int exit = run("--office", "6401", file.toString());

        assertThat(exit).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).doesNotContain("\r").doesNotContain("rows/s");
    }

    @Test
    void listsAndShowsReceivedFilesWithTheirOutcomeAndWhereTheyAreKept() throws IOException {
        Path good = TestWorkbooks.csv(files.resolve("kukar-2024-06.csv"), TestWorkbooks.victims(2));
        Path empty = Files.write(files.resolve("kukar-kosong.csv"), new byte[0]);
        run("--office", "64.11", "--json", good.toString(), empty.toString());
        long goodId = ((Number) object(lines().get(0)).get("file_id")).longValue();
        long emptyId = ((Number) object(lines().get(1)).get("file_id")).longValue();
        out.reset();

        int listed = gugus("files", "list", "--office", "6411");
        List<String> listLines = lines();
        out.reset();
        int quarantined = gugus("files", "list", "--office", "64.11", "--status", "QUARANTINED", "--json");
        List<String> quarantinedLines = lines();
        out.reset();
        int shown = gugus("files", "show", String.valueOf(goodId));
        String show = out.toString(StandardCharsets.UTF_8);
        out.reset();
        gugus("files", "show", "#" + emptyId, "--json");
        Map<String, Object> shownEmpty = object(lines().get(0));

        assertThat(listed).isZero();
        assertThat(listLines).hasSize(2);
        assertThat(listLines.get(0)).startsWith("#" + emptyId).contains("64.11", "QUARANTINED", "kukar-kosong.csv", "[F_EMPTY]");
        assertThat(listLines.get(1)).startsWith("#" + goodId).contains("LOADED", "kukar-2024-06.csv", "2 rows, 0 rejected");
        assertThat(quarantined).isZero();
        assertThat(quarantinedLines).singleElement().satisfies(line -> assertThat(object(line))
                .containsEntry("id", (int) emptyId).containsEntry("status", "QUARANTINED"));
        assertThat(shown).isZero();
        assertThat(show).contains("#" + goodId + " kukar-2024-06.csv", "64.11 Kabupaten Mahakam Ulu",
                "COMMAND_LINE", "SHA-256: ", "Status: LOADED", "inserted 2", "/landing/");
        assertThat(shownEmpty).containsEntry("original_name", "kukar-kosong.csv").containsEntry("size", 0)
                .containsKeys("received_at", "sha256", "kept_at");
        assertThat((Map<String, Object>) shownEmpty.get("outcome")).containsEntry("status", "QUARANTINED")
                .extractingByKey("error").asInstanceOf(InstanceOfAssertFactories.MAP)
                .containsEntry("code", "F_EMPTY");
    }

    @Test
    void refusesToShowAFileThatDoesNotExist() {
        int exit = gugus("files", "show", "987654");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("#987654");
        assertThat(lines()).isEmpty();
    }

    private int run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("load"));
        command.addAll(List.of(arguments));
        return gugus(command.toArray(String[]::new));
    }

    private int gugus(String... command) {
        return gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String line) {
        return json.readValue(line, Map.class);
    }

    @SuppressWarnings("unchecked")
    private List<String> keys(Object jsonObject) {
        Map<String, Object> map = jsonObject instanceof String line ? object(line) : (Map<String, Object>) jsonObject;
        return new ArrayList<>(map.keySet());
    }

    private List<String> lines() {
        String text = out.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? List.of() : new ArrayList<>(List.of(text.split("\n")));
    }
}

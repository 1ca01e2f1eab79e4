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

/** {@code gugus load}: one line per file, the JSON fields scripts rely on, and the exit status. */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
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
    void exitsWithTwoWhenAnyFileIsQuarantinedAndReportsEveryFile() throws IOException {
        Path good = TestWorkbooks.csv(files.resolve("baik.csv"), TestWorkbooks.victims(2));
        byte[] noise = new byte[2048];
        new java.util.Random(11).nextBytes(noise);
        Path bad = Files.write(files.resolve("rusak.xlsx"), noise);

        int exit = run("--regency", "64.02", "--json", good.toString(), bad.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(lines()).hasSize(2);
        Map<String, Object> quarantined = object(lines().get(1));
        assertThat(quarantined.get("status")).isEqualTo("QUARANTINED");
        assertThat(quarantined.get("error")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
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

    private int run(String... arguments) {
        List<String> command = new ArrayList<>(List.of("load"));
        command.addAll(List.of(arguments));
        return gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command.toArray(String[]::new));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(String line) {
        return json.readValue(line, Map.class);
    }

    private List<String> lines() {
        String text = out.toString(StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? List.of() : new ArrayList<>(List.of(text.split("\n")));
    }
}

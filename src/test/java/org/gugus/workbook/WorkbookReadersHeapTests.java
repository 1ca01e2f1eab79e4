package org.gugus.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files that once exhausted the heap or thrashed the JVM for minutes, read in a JVM of its own
 * under {@code -Xmx512m} (the test's own heap is larger and would hide the difference): each must
 * be refused as too large, within seconds.
 */
class WorkbookReadersHeapTests {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void refusesACsvWithOneFiftyMegabyteCellUnderASmallHeap() throws Exception {
        Path file = dir.resolve("sel-50mb.csv");
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("No;No. Registrasi;Nama Korban\n1;TPPO/1;\"");
            WorkbookLimitsTests.letters(out, 50L * 1024 * 1024);
            out.write("\"\n");
        }
        assertThat(Files.size(file)).isGreaterThan(50L * 1024 * 1024);

        assertThat(readInSmallHeap(file)).startsWith("TooLargeFileException: ")
                .contains("row 2", "more than 32767 characters");
    }

    @Test
    void refusesACsvWithALineOfFifteenMillionFieldsUnderASmallHeap() throws Exception {
        Path file = dir.resolve("baris-30mb.csv");
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16)) {
            out.write("No,No. Registrasi,Nama Korban\n");
            for (int i = 0; i < 15_000_000; i++) {
                out.write("x,");
            }
            out.write("\n");
        }
        assertThat(Files.size(file)).isGreaterThan(30_000_000L);

        assertThat(readInSmallHeap(file)).startsWith("TooLargeFileException: ")
                .contains("row 2", "more than 16384 columns");
    }

    private static String readInSmallHeap(Path file) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx512m", "-XX:+ExitOnOutOfMemoryError", "-cp",
                System.getProperty("java.class.path"), ReadToEnd.class.getName(), file.toString()))
                .redirectErrorStream(true).start();
        boolean ended = process.waitFor(WITHIN.toSeconds(), TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ended).as("ended within %s: %s", WITHIN, output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output.lines().reduce((first, last) -> last).orElse("");
    }
}

package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.IntegrationTest.awaitTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class LoadProgressLineTests {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream stream = new PrintStream(err, true, StandardCharsets.UTF_8);

    @Test
    void rewritesOneLineWithRowsReadAndRateThenClearsIt() {
        AtomicLong rows = new AtomicLong(120_000);

        try (var line = LoadProgressLine.start(stream, "samarinda.xlsx", rows::get, Duration.ofMillis(20))) {
            awaitTrue(() -> written().contains("120000"));
        }

        String written = written();
        assertThat(written).startsWith("\r").contains("membaca samarinda.xlsx: 120000 baris", "reading samarinda.xlsx: 120000 rows")
                .containsPattern("\\d+ rows/s").doesNotContain("\n").endsWith("\r");
        assertThat(written.substring(written.lastIndexOf('\r', written.length() - 2) + 1).strip()).isEmpty();
    }

    @Test
    void printsNothingForALoadShorterThanItsInterval() {
        try (var line = LoadProgressLine.start(stream, "ppu.csv", () -> 10, Duration.ofSeconds(30))) {
            assertThat(line).isNotNull();
        }

        assertThat(written()).isEmpty();
    }

    private String written() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

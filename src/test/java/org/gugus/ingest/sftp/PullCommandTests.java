package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.gugus.GugusApplication;
import org.gugus.system.GugusCommandLine;
import org.junit.jupiter.api.Test;

class PullCommandTests {

    @Test
    void helpSaysHowToShortenTheRetriesWithoutStartingGugus() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int exit = GugusCommandLine.run(GugusApplication.class, new String[] {"pull", "--help"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--gugus.sftp.retry.attempts=1", "Persingkat",
                "Shorten them", "stderr");
    }
}

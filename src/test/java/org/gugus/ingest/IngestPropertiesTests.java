package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IngestPropertiesTests {

    @Test
    void resolvesRelativeFoldersAgainstTheWorkingDirectory() {
        var properties = new IngestProperties(Path.of("data/inbox"), Path.of("./data/landing"), Path.of("data/archive"),
                Path.of("data/../data/quarantine"), 1, 3);

        Path workingDirectory = Path.of("").toAbsolutePath();
        assertThat(properties.archive()).isEqualTo(workingDirectory.resolve("data/archive"));
        assertThat(properties.quarantine()).isEqualTo(workingDirectory.resolve("data/quarantine"));
        assertThat(properties.landing()).isAbsolute();
        assertThat(properties.inbox()).isAbsolute();
    }
}

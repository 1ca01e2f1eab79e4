package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundLoadsTests {

    @Test
    void sweepsTheUploadsAKilledProcessLeftButNotOnesStillLoadingNorOthers(@TempDir Path folder) throws IOException {
        Instant now = Instant.now();
        Instant old = now.minus(BackgroundLoads.LEFT_BEHIND).minusSeconds(60);
        Path left = Files.createFile(folder.resolve("gugus-upload-123.part"));
        Files.setLastModifiedTime(left, FileTime.from(old));
        Path loading = Files.createFile(folder.resolve("gugus-upload-456.part"));
        Path other = Files.createFile(folder.resolve("gugus-answer-rows-789.bin"));
        Files.setLastModifiedTime(other, FileTime.from(old));

        int swept = BackgroundLoads.sweep(folder, now.minus(BackgroundLoads.LEFT_BEHIND));

        assertThat(swept).isEqualTo(1);
        assertThat(left).doesNotExist();
        assertThat(loading).exists();
        assertThat(other).exists();
    }
}

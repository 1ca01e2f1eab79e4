package org.gugus.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;
import picocli.CommandLine;

/** The landing area, with a file's bytes copied and hashed ahead while Gugus starts and without. */
class LandingStoreTests {

    @TempDir
    Path folder;

    @Test
    void landsAFileCopiedAheadAsItLandsTheFileItself() throws IOException {
        Path file = file("samarinda.csv", 300_000);
        LandedFile direct = store("direct").land(file);

        LandingAhead.start(List.of(file), folder.resolve("ahead"));
        LandedFile ahead = store("ahead").land(file);

        assertThat(ahead.sha256()).isEqualTo(direct.sha256());
        assertThat(ahead.size()).isEqualTo(direct.size()).isEqualTo(Files.size(file));
        assertThat(ahead.path().getFileName()).isEqualTo(direct.path().getFileName());
        assertThat(ahead.path()).startsWith(folder.resolve("ahead"));
        assertThat(Files.readAllBytes(ahead.path())).isEqualTo(Files.readAllBytes(file));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ahead.path()))).isEqualTo("rw-------");
    }

    @Test
    void dropsTheCopyAheadOfBytesAlreadyLanded() throws IOException {
        Path file = file("berau.csv", 70_000);
        Path again = Files.copy(file, folder.resolve("berau-lagi.csv"));
        LandingStore store = store("landing");
        LandedFile first = store.land(file);

        LandingAhead.start(List.of(again), folder.resolve("landing"));
        LandedFile second = store.land(again);

        assertThat(second).isEqualTo(first);
        try (var landed = Files.walk(folder.resolve("landing"))) {
            assertThat(landed.filter(Files::isRegularFile)).containsExactly(first.path());
        }
    }

    @Test
    void landsAFileNamedAheadOnlyOnceFromItsCopy() throws IOException {
        Path file = file("paser.csv", 10_000);
        LandingStore store = store("landing");

        LandingAhead.start(List.of(file, file), folder.resolve("landing"));
        LandedFile ahead = store.land(file);
        Files.write(file, "diubah".getBytes());
        LandedFile changed = store.land(file);

        assertThat(changed.sha256()).isNotEqualTo(ahead.sha256());
        assertThat(Files.readString(changed.path())).isEqualTo("diubah");
    }

    @Test
    void aLoadParsedBeforeGugusStartsHasItsFilesCopiedAheadIntoTheLandingAreaOnceItsConfigurationIsRead()
            throws IOException {
        Path file = file("kukar.csv", 50_000);
        Path missing = folder.resolve("tidak-ada.csv");
        Path landing = folder.resolve("landing");
        LoadCommand parsed = new LoadCommand(null, null, null);
        new CommandLine(parsed).parseArgs("--office", "64.02", file.toString(), missing.toString());

        parsed.beforeStart(new MockEnvironment().withProperty("gugus.ingest.landing", landing.toString()));

        LandingAhead.Copy copy = LandingAhead.take(file).orElseThrow();
        assertThat(copy.sha256()).isEqualTo(store("direct").land(file).sha256());
        assertThat(copy.bytes()).hasSameBinaryContentAs(file).startsWith(landing);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.bytes()))).isEqualTo("rw-------");
        assertThat(LandingAhead.take(missing)).isEmpty();
    }

    @Test
    void dropsTheCopiesAheadThatAKilledCommandLeftBehindInTheLandingArea() throws IOException {
        Path landing = Files.createDirectories(folder.resolve("landing"));
        Path leftBehind = Files.createTempFile(landing, "ahead-", ".part");
        Instant killedAt = Instant.now().minus(LandingAhead.LEFT_BEHIND).minusSeconds(60);
        Files.setLastModifiedTime(leftBehind, FileTime.from(killedAt));
        Path underWay = Files.createTempFile(landing, "ahead-", ".part");
        Path received = Files.createTempFile(landing, "receiving-", ".part");
        Files.setLastModifiedTime(received, FileTime.from(killedAt));
        try {
            LandingAhead.dropLeftBehind(landing);

            assertThat(leftBehind).doesNotExist();
            assertThat(underWay).exists();
            assertThat(received).exists();
        } finally {
            Files.deleteIfExists(leftBehind);
            Files.deleteIfExists(underWay);
        }
    }

    private LandingStore store(String landing) {
        return new LandingStore(new IngestProperties(folder.resolve("inbox"), folder.resolve(landing),
                folder.resolve("archive"), folder.resolve("quarantine"), 1 << 30, 3));
    }

    private Path file(String name, int size) throws IOException {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }
}

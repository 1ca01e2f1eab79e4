package org.gugus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Temporary folders and files that outlive a test class (a Gugus home, an SFTP server's root: Spring
 * caches the contexts that use them until the run ends) but not the test run: all of them are made in
 * one folder of the run's, deleted with everything in it when the JVM exits. A run killed before that
 * leaves that one folder, not hundreds.
 */
public final class TestFolders {

    private static final Path RUN = createRunFolder();

    private TestFolders() {
    }

    /** A new, empty folder whose name starts with the prefix, deleted at the end of the run. */
    public static Path folder(String prefix) {
        try {
            return Files.createTempDirectory(RUN, prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new, empty file whose name starts with the prefix and ends with the suffix, deleted at the end of the run. */
    public static Path file(String prefix, String suffix) {
        try {
            return Files.createTempFile(RUN, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path createRunFolder() {
        try {
            Path run = Files.createTempDirectory("gugus-tests-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(run), "test-folders-cleanup"));
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path run) {
        try (Stream<Path> paths = Files.walk(run)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // best effort at exit: what is left stays in the one run folder
        }
    }
}

package org.gugus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.gugus.system.database.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every integration test shares: a real PostgreSQL (the embedded one, one server for the whole
 * test run under the build directory, or an external one: see {@link TestDatabases}), a database of
 * its own per test class, and a Gugus home of its own in a temporary directory.
 */
public final class IntegrationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private IntegrationTest() {
    }

    /** Waits up to 60 s for a condition that a running app makes true. */
    public static void awaitTrue(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 60 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** The regular files directly in a folder; none when it does not exist. */
    public static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Registers a fresh Gugus home and database; returns the home. */
    public static Path isolate(DynamicPropertyRegistry registry) {
        Path home = TestFolders.folder("gugus-test-home");
        String database = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        registry.add("gugus.home", home::toString);
        TestDatabases.register(registry, database);
        registry.add("gugus.ingest.stable-for", () -> "300");
        registry.add("gugus.ingest.poll-delay", () -> "200");
        return home;
    }
}

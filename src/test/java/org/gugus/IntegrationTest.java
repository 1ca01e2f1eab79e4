package org.gugus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * What every integration test shares: the real embedded PostgreSQL (one server for the whole test
 * run, under the build directory), a database of its own per test class, and a Gugus home of its
 * own in a temporary directory.
 */
public final class IntegrationTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    private IntegrationTest() {
    }

    /** Registers a fresh Gugus home and database; returns the home. */
    public static Path isolate(DynamicPropertyRegistry registry) {
        try {
            Path home = Files.createTempDirectory("gugus-test-home");
            String database = "test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
            registry.add("gugus.home", home::toString);
            registry.add("gugus.database.name", () -> database);
            registry.add("gugus.database.data-dir", () -> Path.of("target", "test-postgres", "data").toAbsolutePath().toString());
            registry.add("gugus.ingest.stable-for", () -> "300");
            registry.add("gugus.ingest.poll-delay", () -> "200");
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

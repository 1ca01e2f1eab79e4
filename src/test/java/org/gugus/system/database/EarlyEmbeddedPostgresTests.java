package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.mock.env.MockEnvironment;

/**
 * A command's embedded PostgreSQL starts as soon as its configuration is read, beside the context,
 * and the pool takes that server; a context that fails first stops it; an external database starts
 * nothing.
 */
class EarlyEmbeddedPostgresTests {

    private static final SpringApplication APPLICATION = new SpringApplication();

    @TempDir
    Path home;

    private final EarlyEmbeddedPostgres early = new EarlyEmbeddedPostgres();

    @Test
    void startsTheServerBeforeThePoolAsksAndHandsItToThePool() throws InterruptedException {
        Path data = home.resolve("postgres/data");

        early.onApplicationEvent(prepared(new MockEnvironment().withProperty("gugus.database.data-dir", data.toString())));
        awaitRunning(data);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data, 0)) {
            // joined instead, a server this process did not start would not be its own
            assertThat(postgres.owned()).as("the server started early, taken by the pool").isTrue();
        }
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void createsTheDatabaseAndChecksItsSchemaBeforeThePoolAsks() throws InterruptedException {
        Path data = home.resolve("postgres/data");

        early.onApplicationEvent(prepared(new MockEnvironment().withProperty("gugus.database.data-dir", data.toString())
                .withProperty("gugus.database.name", "early_check")
                .withProperty(DatabaseMigration.SKIP_UNCHANGED, "true")));
        awaitRunning(data);

        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(data, 0)) {
            // a database never migrated: no fingerprint on it, so Flyway is to run
            assertThat(EarlyEmbeddedPostgres.schemaUnchanged(EmbeddedPostgres.normalise(data))).isFalse();
            assertThat(EarlyEmbeddedPostgres.ready(postgres.jdbcUrl("early_check")))
                    .as("created beside the start, so the pool's bean need not").isTrue();
            assertThat(EarlyEmbeddedPostgres.ready(postgres.jdbcUrl("early_check"))).as("answered once").isFalse();
        }
    }

    @Test
    void stopsTheServerStartedEarlyWhenTheContextFails() throws InterruptedException {
        Path data = home.resolve("postgres/data");
        early.onApplicationEvent(prepared(new MockEnvironment().withProperty("gugus.database.data-dir", data.toString())));
        awaitRunning(data);

        early.onApplicationEvent(new ApplicationFailedEvent(APPLICATION, new String[0], null,
                new IllegalStateException("a bean failed")));

        assertThat(data.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void startsNothingForAnExternalDatabase() {
        Path data = home.resolve("postgres/data");

        early.onApplicationEvent(prepared(new MockEnvironment()
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/gugus")
                .withProperty("gugus.database.data-dir", data.toString())));

        assertThat(EarlyEmbeddedPostgres.take(EmbeddedPostgres.normalise(data))).isNull();
        assertThat(home.resolve("postgres")).doesNotExist();
    }

    private static ApplicationEnvironmentPreparedEvent prepared(MockEnvironment environment) {
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), APPLICATION, new String[0],
                environment);
    }

    private static void awaitRunning(Path data) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        Path owner = data.resolveSibling("data.owner");
        while (!Files.exists(owner) && Instant.now().isBefore(until)) {
            Thread.sleep(100);
        }
        assertThat(owner).as("started on a thread of its own, before anyone asked").exists();
    }
}

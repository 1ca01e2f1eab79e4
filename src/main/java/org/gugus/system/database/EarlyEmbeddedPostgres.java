package org.gugus.system.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;

/**
 * Starts (or joins) the embedded PostgreSQL on a thread of its own as soon as a command's
 * configuration is read, so that the server starts while Spring builds the context; the pool then
 * takes it through {@link EmbeddedPostgres#start}. Without a server running, a command waited for
 * PostgreSQL's start before going on (issue 13). On the same thread, once the server answers, the
 * command's database is created if missing and, where the command line asks it
 * ({@value DatabaseMigration#SKIP_UNCHANGED}), the schema's {@link MigrationFingerprint} is checked
 * against the one its configuration gives: a command whose schema is unchanged then builds no Flyway
 * at all ({@link FlywayOnlyWhenChanged}), and its pool's bean opens no connection of its own first.
 * Nothing starts early for an external database or in the build's ahead-of-time processing; a
 * context that fails before taking the server stops it.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EarlyEmbeddedPostgres.class);
    private static final ConcurrentMap<Path, CompletableFuture<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();
    /** The databases (by their JDBC URL) created or found here before the pool asked. */
    private static final Set<String> READY = ConcurrentHashMap.newKeySet();
    /** Per data directory: whether its schema was found as these migrations last left it. */
    private static final ConcurrentMap<Path, CompletableFuture<Boolean>> UNCHANGED = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startEarly(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
            UNCHANGED.clear();
            for (Path data : STARTING.keySet()) {
                CompletableFuture<EmbeddedPostgres> left = STARTING.remove(data);
                if (left != null && !left.isCompletedExceptionally()) {
                    try {
                        left.join().close();
                    } catch (CompletionException e) {
                        // it did not start: nothing to stop
                    }
                }
            }
        }
    }

    private static void startEarly(Environment environment) {
        if (Boolean.getBoolean("spring.aot.processing")
                || !DatabaseConfiguration.isEmbedded(environment.getProperty("spring.datasource.url", "embedded"))) {
            return;
        }
        Path data = EmbeddedPostgres.normalise(Path.of(environment.getRequiredProperty("gugus.database.data-dir")));
        int port = environment.getProperty("gugus.database.port", Integer.class, 0);
        String database = environment.getProperty("gugus.database.name", "gugus");
        boolean checkSchema = environment.getProperty(DatabaseMigration.SKIP_UNCHANGED, Boolean.class, false);
        // read here, not on the thread: the context goes on changing the environment meanwhile
        PropertyResolver flyway = MigrationFingerprint.settings(environment);
        STARTING.computeIfAbsent(data, key -> {
            CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
            CompletableFuture<Boolean> unchanged = new CompletableFuture<>();
            if (checkSchema) {
                UNCHANGED.put(key, unchanged);
            } else {
                unchanged.complete(false);
            }
            Thread thread = new Thread(() -> {
                EmbeddedPostgres postgres;
                try {
                    postgres = EmbeddedPostgres.startNow(key, port);
                    started.complete(postgres);
                } catch (RuntimeException | Error e) {
                    started.completeExceptionally(e);
                    unchanged.complete(false);
                    return;
                }
                prepare(postgres, database, flyway, unchanged);
            }, "gugus-postgres-start");
            thread.setDaemon(true);
            thread.start();
            return started;
        });
    }

    /**
     * Creates the database if missing, then checks whether its schema is as these migrations last
     * left it. Whatever fails here is only a shortcut lost: the pool's bean and Flyway then do it, and
     * report it, as before.
     */
    private static void prepare(EmbeddedPostgres postgres, String database, PropertyResolver flyway,
            CompletableFuture<Boolean> unchanged) {
        try {
            DatabaseConfiguration.createDatabaseIfMissing(postgres, database);
            READY.add(postgres.jdbcUrl(database));
            if (unchanged.isDone()) {
                return;
            }
            MigrationFingerprint fingerprint = MigrationFingerprint.of(flyway, EarlyEmbeddedPostgres.class.getClassLoader());
            try (Connection connection = postgres.connect(database)) {
                unchanged.complete(fingerprint != null && fingerprint.matches(connection));
            }
        } catch (SQLException | RuntimeException e) {
            log.debug("The database could not be prepared beside the start; the pool and Flyway will: {}", e.getMessage());
        } finally {
            unchanged.complete(false);
        }
    }

    /** Whether the database at this URL was created or found here already; answers once. */
    static boolean ready(String jdbcUrl) {
        return READY.remove(jdbcUrl);
    }

    /**
     * Whether the schema of the embedded database on {@code data} (normalised) was found, beside the
     * start, as these migrations last left it; waits for that check. {@code false} when none was made.
     */
    static boolean schemaUnchanged(Path data) {
        CompletableFuture<Boolean> unchanged = UNCHANGED.remove(data);
        return unchanged != null && unchanged.join();
    }

    /** The server started early on {@code data} (normalised), waited for; {@code null} when none was. */
    static EmbeddedPostgres take(Path data) {
        CompletableFuture<EmbeddedPostgres> started = STARTING.remove(data);
        if (started == null) {
            return null;
        }
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}

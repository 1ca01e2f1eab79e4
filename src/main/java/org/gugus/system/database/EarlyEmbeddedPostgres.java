package org.gugus.system.database;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Starts (or joins) the embedded PostgreSQL on a thread of its own as soon as a command's
 * configuration is read, so that the server starts while Spring builds the context; the pool then
 * takes it through {@link EmbeddedPostgres#start}. Without a server running, a command waited for
 * PostgreSQL's start before going on (issue 13). Nothing starts early for an external database or
 * in the build's ahead-of-time processing; a context that fails before taking the server stops it.
 */
public final class EarlyEmbeddedPostgres implements ApplicationListener<ApplicationEvent> {

    private static final ConcurrentMap<Path, CompletableFuture<EmbeddedPostgres>> STARTING = new ConcurrentHashMap<>();

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            startEarly(prepared.getEnvironment());
        } else if (event instanceof ApplicationFailedEvent) {
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
        STARTING.computeIfAbsent(data, key -> {
            CompletableFuture<EmbeddedPostgres> started = new CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try {
                    started.complete(EmbeddedPostgres.startNow(key, port));
                } catch (RuntimeException | Error e) {
                    started.completeExceptionally(e);
                }
            }, "gugus-postgres-start");
            thread.setDaemon(true);
            thread.start();
            return started;
        });
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

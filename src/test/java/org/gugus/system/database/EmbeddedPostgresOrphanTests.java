package org.gugus.system.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Gugus killed with {@code kill -9} leaves its PostgreSQL running: the next Gugus on the same data
 * takes the server over and stops it when it stops, while a Gugus whose owner still lives only
 * joins it.
 */
class EmbeddedPostgresOrphanTests {

    @TempDir
    Path home;

    @Test
    void takesOverTheServerOfAKilledOwnerAndStopsItWhenItStops() throws Exception {
        Path data = home.resolve("postgres/data");
        Process owner = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EmbeddedPostgresOwner.class.getName(), data.toString()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader output = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8));
            String started = output.readLine();
            while (started != null && !started.startsWith("port ")) { // log lines come first
                started = output.readLine();
            }
            assertThat(started).as("the owner's first line").endsWith("owned true");
            int port = Integer.parseInt(started.split(" ")[1]);

            try (EmbeddedPostgres beside = EmbeddedPostgres.start(data, 0)) {
                assertThat(beside.owned()).as("joined while its owner lives").isFalse();
                assertThat(beside.port()).isEqualTo(port);
            }
            assertThat(listens(port)).as("still running for its owner").isTrue();

            owner.destroyForcibly(); // SIGKILL: no shutdown hook, no pg_ctl stop
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(listens(port)).as("left running by the killed owner").isTrue();

            EmbeddedPostgres next = EmbeddedPostgres.start(data, 0);
            assertThat(next.owned()).as("taken over").isTrue();
            assertThat(next.port()).isEqualTo(port);
            next.close();

            assertThat(listens(port)).as("stopped with the Gugus that took it over").isFalse();
            assertThat(data.resolve("postmaster.pid")).doesNotExist();
        } finally {
            owner.destroyForcibly();
            EmbeddedPostgres.start(data, 0).close(); // whatever happened, no server is left behind
        }
    }

    private static boolean listens(int port) {
        try (Socket socket = new Socket("localhost", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

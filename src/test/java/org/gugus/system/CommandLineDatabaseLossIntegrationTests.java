package org.gugus.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.gugus.GugusApplication;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.system.database.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gugus load} when its PostgreSQL is killed ({@code kill -9} of the postmaster) half-way
 * through a load: the command line exits with 1 and says why within about 30 s instead of retrying
 * for ever, and the next {@code gugus load} of the file resumes and finishes it, every row loaded once. Real child JVMs,
 * each with the embedded server of their own home.
 */
class CommandLineDatabaseLossIntegrationTests {

    private static final int ROWS = 20_000;

    @TempDir
    Path home;

    @Test
    void exitsWithOneSoonAfterTheDatabaseDiesAndTheNextLoadResumes() throws Exception {
        Path file = TestWorkbooks.csv(home.resolve("samarinda-2024-06.csv"), TestWorkbooks.victims(ROWS));
        Path log = home.resolve("logs/gugus-cli.log");

        Run first = gugus("load", "--regency", "64.72", "--json", file.toString());
        awaitTrue(Duration.ofMinutes(3), () -> contains(log, "Executing step: [stage]") || !first.process().isAlive());
        assertThat(first.process().isAlive()).as("still loading when the database is killed; its stderr: %s", first.stderr())
                .isTrue();
        long postmaster = Long.parseLong(Files.readAllLines(home.resolve("postgres/data/postmaster.pid")).get(0).strip());
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();
        Instant killed = Instant.now();

        assertThat(first.process().waitFor(45, TimeUnit.SECONDS)).as("exited within 45 s of the kill").isTrue();
        Duration exitedAfter = Duration.between(killed, Instant.now());
        assertThat(first.process().exitValue()).isEqualTo(1);
        assertThat(first.stderr()).contains("database has not answered", "run the command again");
        assertThat(exitedAfter).isLessThan(Duration.ofSeconds(40));

        Run second = gugus("load", "--regency", "64.72", "--json", file.toString());
        assertThat(second.process().waitFor(5, TimeUnit.MINUTES)).isTrue();
        String summary = new String(second.process().getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.process().exitValue()).as(second.stderr()).isZero();
        // the same file again: the interrupted load of the first is resumed, and its real outcome reported
        assertThat(summary).contains("\"file_id\":1", "\"status\":\"LOADED\"", "\"inserted\":" + ROWS);
        assertThat(Files.readString(log)).contains("resuming its load", "was interrupted");
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start(home.resolve("postgres/data"), 0);
                Connection connection = postgres.connect("gugus");
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "select status from ingest.received_file where id = 1")).isEqualTo("LOADED");
            assertThat(single(statement, "select count(*) from warehouse.victim")).isEqualTo(String.valueOf(ROWS));
        }
    }

    private static String single(Statement statement, String query) throws SQLException {
        try (ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    /** A child Gugus and the file its standard error goes to. */
    private record Run(Process process, Path error) {

        String stderr() throws IOException {
            return Files.readString(error);
        }
    }

    private Run gugus(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), GugusApplication.class.getName()));
        command.addAll(List.of(arguments));
        command.add("--gugus.home=" + home);
        command.add("--gugus.intake.chunk-size=500");
        // the step's start is the signal that the load is under way (Gugus keeps this logger quiet)
        command.add("--logging.level.org.springframework.batch.core.step.AbstractStep=info");
        Path error = Files.createTempFile(home, "stderr-", ".txt");
        return new Run(new ProcessBuilder(command).redirectError(error.toFile()).start(), error);
    }

    /** Like {@link IntegrationTest#awaitTrue}, with room for a JVM and a new embedded server to start. */
    private static void awaitTrue(Duration within, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within " + within);
            }
            Thread.sleep(50);
        }
    }

    private static boolean contains(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}

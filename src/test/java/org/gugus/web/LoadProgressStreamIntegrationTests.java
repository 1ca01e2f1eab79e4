package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.IntakeExecution;
import org.gugus.intake.IntakeExecutions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The event stream of a running load, read over HTTP as a browser's EventSource reads it: progress
 * while the load is held half-way, then the end event once it completes, and no stream left open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gugus.ingest.resume-on-start=false", "gugus.intake.chunk-size=5"})
@Import(LoadFaults.class)
class LoadProgressStreamIntegrationTests {

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    IntakeExecutions executions;

    @Autowired
    ProgressStreams streams;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @TempDir
    Path files;

    @AfterEach
    void disarm() {
        LoadFaults.disarm();
    }

    @Test
    void aRunningLoadsStreamSendsItsProgressThenItsEndAndCloses() throws Exception {
        Path file = TestWorkbooks.csv(files.resolve("paser-2024-06.csv"), TestWorkbooks.victims(20));
        LoadFaults.holdAt(12);
        CompletableFuture<FileOutcome> load = CompletableFuture.supplyAsync(() ->
                reception.receive(file, "64.01", "paser-2024-06.csv", FileSource.COMMAND_LINE));
        LoadFaults.awaitHeld();
        IntakeExecution run = executions.latest(1).get(0);
        assertThat(run.running()).isTrue();

        List<Event> events = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(base() + "/jobs/" + run.id() + "/aliran"))
                            .header("Accept", "text/event-stream").header("Cookie", signIn()).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("text/event-stream"));
            List<Event> read = new ArrayList<>();
            Iterator<String> lines = response.body().iterator();
            Event first = next(lines);
            read.add(first);
            LoadFaults.release();
            for (Event event = next(lines); event != null; event = next(lines)) {
                read.add(event);
            }
            return read;
        });

        assertThat(events.get(0).name()).isEqualTo("kemajuan");
        assertThat(events.get(0).data()).contains("\"execution\":" + run.id(), "\"status\":\"STARTED\"",
                "\"rows_read\":10", "\"step\":\"stage\"", "\"name\":\"stage\"");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("selesai");
        assertThat(events.get(events.size() - 1).data()).contains("\"status\":\"COMPLETED\"", "\"rows_read\":20",
                "\"name\":\"publish\"");
        assertThat(events.subList(1, events.size() - 1)).allSatisfy(event -> assertThat(event.name()).isEqualTo("kemajuan"));
        assertThat(load.get().rowsRead()).isEqualTo(20);
        assertThat(streams.open()).isZero();
    }

    @Test
    void theStreamOfAFinishedRunSendsOnlyItsEnd() throws Exception {
        FileOutcome loaded = reception.receive(TestWorkbooks.csv(files.resolve("kukar-2024-06.csv"), TestWorkbooks.victims(3)),
                "64.02", "kukar-2024-06.csv", FileSource.COMMAND_LINE);
        IntakeExecution run = executions.latestOfFile(loaded.fileId()).orElseThrow();

        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(base() + "/jobs/" + run.id() + "/aliran")).header("Cookie", signIn())
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.body()).startsWith("event:selesai\ndata:").contains("\"status\":\"COMPLETED\"",
                "\"rows_read\":3").doesNotContain("kemajuan");
        assertThat(streams.open()).isZero();
    }

    /** The next event of the stream (comments skipped), or null when it has closed. */
    private static Event next(Iterator<String> lines) {
        String name = null;
        StringBuilder data = new StringBuilder();
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isEmpty() && name != null) {
                return new Event(name, data.toString());
            } else if (line.startsWith("event:")) {
                name = line.substring("event:".length());
            } else if (line.startsWith("data:")) {
                data.append(line.substring("data:".length()));
            }
        }
        return name == null ? null : new Event(name, data.toString());
    }

    private record Event(String name, String data) {
    }

    /** A steward's session cookie, signed in by the form as a browser does. */
    private String signIn() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        String body = "username=steward&password="
                + URLEncoder.encode(TestLogins.password(accounts, "steward", Role.STEWARD, null), StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie(form))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("error"));
        return cookie(signedIn);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.gugus.TestFolders;
import org.gugus.TestWorkbooks;
import org.gugus.access.TestLogins;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gugus started as its own process, as {@code docker-compose.yml} starts it: the SFTP sources file
 * named by the environment variable {@code GUGUS_SFTP_SOURCES_FILE}. It pulls an office over REST,
 * and stops at once while a pull waits to try an office's server again.
 */
class SftpSourcesFileVariableIntegrationTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private SftpTestServer server;
    private Process gugus;

    @TempDir
    Path home;

    @AfterEach
    void stop() throws IOException {
        if (gugus != null && gugus.isAlive()) {
            gugus.destroyForcibly();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readsTheSourcesFileNamedByTheEnvironmentAndStopsWithoutWaitingForAPull() throws Exception {
        server = new SftpTestServer(TestFolders.folder("sftp-server"));
        var key = SftpTestServer.rsaKeyPair();
        Path folder = server.keyAccount("kab6472", key.getPublic()).resolve("kirim");
        Path csv = TestFolders.file("samarinda", ".csv");
        TestWorkbooks.csv(csv, TestWorkbooks.victims(2));
        SftpTestServer.upload(folder, "samarinda-2024-06.csv", Files.readAllBytes(csv));
        Path privateKey = SftpTestServer.writePrivateKey(home.resolve("keys/gugus.pem"), key);
        Path knownHosts = Files.writeString(home.resolve("keys/known_hosts"), server.knownHostsLine() + "\n");
        Path sources = Files.writeString(home.resolve("sftp-sources.yaml"), """
                gugus:
                  sftp:
                    known-hosts: %s
                    sources:
                      - office: "64.72"
                        host: 127.0.0.1
                        port: %d
                        username: kab6472
                        private-key-file: %s
                        directory: kirim
                      - office: "64.01"
                        host: 127.0.0.1
                        port: %d
                        username: kab6401
                        private-key-file: %s
                """.formatted(knownHosts, server.port(), privateKey, freePort(), privateKey));
        int port = freePort();

        gugus = start(sources, port);
        String base = "http://127.0.0.1:" + port + "/api/sftp/sources";
        // Camel makes the sources' routes once the web server is up already
        JsonNode listed = json.readTree(await(() -> get(base), body -> body.contains("64.72")));
        assertThat(listed.path("64.72").path("state").asString()).as(output()).isEqualTo("OK");

        HttpResponse<String> accepted = post(base + "/64.72/pull");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String run = accepted.headers().firstValue("Location").orElseThrow();
        JsonNode finished = json.readTree(await(() -> get(run), body -> body.contains("\"finished\"")));
        assertThat(finished.path("files").get(0).path("status").asString()).as(finished.toString()).isEqualTo("LOADED");

        // the next try of the unreachable office is ten minutes away: stopping must not wait for it
        String waiting = post(base + "/64.01/pull").headers().firstValue("Location").orElseThrow();
        await(() -> get(waiting), body -> json.readTree(body).path("attempts").asInt() == 1);
        Instant stopping = Instant.now();
        gugus.destroy();

        assertThat(gugus.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s").isTrue();
        assertThat(Duration.between(stopping, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }

    private Process start(Path sources, int port) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(List.of(java, "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), "org.gugus.GugusApplication",
                "--server.port=" + port,
                "--gugus.home=" + home,
                "--gugus.database.data-dir=" + Path.of("target", "test-postgres", "data").toAbsolutePath(),
                "--gugus.database.name=test_" + ProcessHandle.current().pid() + "_process",
                "--gugus.ingest.resume-on-start=false",
                "--gugus.sftp.defaults.read-lock-min-age=1s",
                "--gugus.sftp.retry.first-delay=10m"));
        builder.environment().put("GUGUS_SFTP_SOURCES_FILE", sources.toString());
        builder.redirectErrorStream(true).redirectOutput(home.resolve("gugus.out").toFile());
        return builder.start();
    }

    private String await(ThrowingSupplier<String> call, Predicate<String> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            if (!gugus.isAlive()) {
                throw new AssertionError("Gugus exited with " + gugus.exitValue() + ":\n" + output());
            }
            String body = call.get();
            if (body != null && done.test(body)) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not within 120 s:\n" + output());
    }

    private String output() throws IOException {
        List<String> lines = Files.readAllLines(home.resolve("gugus.out"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private String get(String uri) throws Exception {
        try {
            HttpResponse<String> response = http.send(signedIn(uri).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (ConnectException notYetListening) {
            return null;
        }
    }

    private HttpResponse<String> post(String uri) throws Exception {
        return http.send(signedIn(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A request as the first administrator, whose password the fresh Gugus writes to its home as it starts. */
    private HttpRequest.Builder signedIn(String uri) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        Path password = home.resolve("admin.password");
        return Files.exists(password)
                ? request.header("Authorization", TestLogins.header("admin", Files.readString(password).strip()))
                : request;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private interface ThrowingSupplier<T> {
        T get() throws Exception;
    }
}

package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.IntegrationTest.awaitTrue;
import static org.gugus.IntegrationTest.filesIn;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.gugus.IntegrationTest;
import org.gugus.TestFolders;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.AfterAll;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gugus pulling regency files from real SFTP servers (Apache MINA SSHD in this JVM): one account
 * per office, key and password logins, a server whose host key does not match, an office whose
 * server is down, and a download that breaks off half-way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gugus.ingest.resume-on-start=false", "management.endpoint.health.show-details=always"})
class SftpPullIntegrationTests {

    private static Path home;
    private static SftpTestServer server;
    private static SftpTestServer impostor;
    private static Path samarinda;
    private static Path balikpapan;
    private static Path berau;
    private static Path ppu;
    private static Path bontang;
    private static Path kutim;
    private static Path mahulu;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) throws IOException {
        home = IntegrationTest.isolate(registry);
        Path sftp = Files.createDirectories(home.resolve("sftp"));
        server = new SftpTestServer(TestFolders.folder("sftp-server"));
        impostor = new SftpTestServer(TestFolders.folder("sftp-impostor"));
        var gugusKey = SftpTestServer.rsaKeyPair();
        Path privateKey = SftpTestServer.writePrivateKey(sftp.resolve("id_gugus.pem"), gugusKey);
        samarinda = server.keyAccount("kab6472", gugusKey.getPublic()).resolve("kirim");
        balikpapan = server.passwordAccount("kab6471", "rahasia&+%)(tppo");
        berau = server.keyAccount("kab6403", gugusKey.getPublic());
        ppu = server.keyAccount("kab6409", gugusKey.getPublic());
        bontang = server.keyAccount("kab6474", gugusKey.getPublic());
        kutim = server.keyAccount("kab6408", gugusKey.getPublic());
        mahulu = server.keyAccount("kab6411", gugusKey.getPublic());
        server.keyAccount("kab6407", gugusKey.getPublic());
        impostor.keyAccount("kab6402", gugusKey.getPublic());
        // the impostor answers with a key other than the one known_hosts lists for its address
        Files.writeString(sftp.resolve("known_hosts"), server.knownHostsLine() + "\n"
                + impostor.knownHostsLine(SftpTestServer.rsaKeyPair().getPublic()) + "\n");
        Path passwordFile = Files.writeString(sftp.resolve("kab6471.secret"), "rahasia&+%)(tppo\n");

        // SFTP lists times in whole seconds: the age must outlast that rounding
        registry.add("gugus.sftp.defaults.read-lock-min-age", () -> "3s");
        registry.add("gugus.sftp.defaults.read-lock-check-interval", () -> "100ms");
        registry.add("gugus.sftp.defaults.read-lock-timeout", () -> "400ms");
        registry.add("gugus.sftp.defaults.connect-timeout", () -> "2s");
        registry.add("gugus.sftp.retry.attempts", () -> "3");
        registry.add("gugus.sftp.retry.first-delay", () -> "200ms");
        registry.add("gugus.sftp.retry.max-delay", () -> "1s");
        registry.add("gugus.sftp.lock-wait", () -> "500ms");
        int i = 0;
        source(registry, i++, "64.72", server.port(), "kab6472", "kirim", "private-key-file", privateKey.toString());
        source(registry, i++, "64.71", server.port(), "kab6471", "", "password-file", passwordFile.toString());
        registry.add("gugus.sftp.sources[1].after-pull", () -> "leave");
        source(registry, i++, "64.03", server.port(), "kab6403", "", "private-key-file", privateKey.toString());
        registry.add("gugus.sftp.sources[2].done-file-suffix", () -> ".done");
        source(registry, i++, "64.09", server.port(), "kab6409", "", "private-key-file", privateKey.toString());
        registry.add("gugus.sftp.sources[3].after-pull", () -> "delete");
        source(registry, i++, "64.08", server.port(), "kab6408", "", "private-key-file", privateKey.toString());
        source(registry, i++, "64.11", server.port(), "kab6411", "", "private-key-file", privateKey.toString());
        // a folder the account does not have
        source(registry, i++, "64.07", server.port(), "kab6407", "laporan/tppo", "private-key-file", privateKey.toString());
        source(registry, i++, "64.02", impostor.port(), "kab6402", "", "private-key-file", privateKey.toString());
        // these two poll every second: one office is down while the other is pulled on schedule
        source(registry, i, "64.74", server.port(), "kab6474", "", "private-key-file", privateKey.toString());
        registry.add("gugus.sftp.sources[" + i++ + "].schedule", () -> "* * * * * *");
        source(registry, i, "64.01", closedPort(), "kab6401", "", "private-key-file", privateKey.toString());
        registry.add("gugus.sftp.sources[" + i + "].schedule", () -> "* * * * * *");
    }

    private static void source(DynamicPropertyRegistry registry, int index, String office, int port, String user,
            String directory, String secretKey, String secret) {
        String prefix = "gugus.sftp.sources[" + index + "].";
        registry.add(prefix + "office", () -> office);
        registry.add(prefix + "host", () -> "127.0.0.1");
        registry.add(prefix + "port", () -> port);
        registry.add(prefix + "username", () -> user);
        registry.add(prefix + "directory", () -> directory);
        registry.add(prefix + secretKey, () -> secret);
    }

    @AfterAll
    static void stopServers() throws IOException {
        server.close();
        impostor.close();
    }

    @Autowired
    SftpSources sources;

    @Autowired
    GugusCommands gugus;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Environment environment;

    @Autowired
    JsonMapper json;

    @Autowired
    Accounts accounts;

    @Test
    void pullsAndLoadsAnOfficeFileThenMovesItToTheProcessedFolder() {
        byte[] content = csv(5);
        SftpTestServer.upload(samarinda, "samarinda-2024-06.csv", content);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = gugus.execute(print(out), print(err), "pull", "--regency", "64.72");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("samarinda-2024-06.csv: LOADED (CSV) dibaca/read 5");
        long id = jdbc.sql("""
                select id from ingest.received_file
                 where office_code = '64.72' and source = 'SFTP' and status = 'LOADED' and original_name = 'samarinda-2024-06.csv'
                """).query(Long.class).single();
        assertThat(jdbc.sql("select outcome ->> 'rows_read' from ingest.received_file where id = ?").param(id)
                .query(String.class).single()).isEqualTo("5");
        assertThat(samarinda.resolve("samarinda-2024-06.csv")).doesNotExist();
        assertThat(samarinda.resolve("processed").resolve("samarinda-2024-06-" + id + ".csv")).hasBinaryContent(content);
    }

    @Test
    void acceptsAPullOverRestAtOnceAndReportsItsRunUntilFinished() throws Exception {
        SftpTestServer.upload(mahulu, "mahulu-2024-06.csv", csv(2));

        HttpResponse<String> response = post("/api/sftp/sources/6411/pull");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/api/sftp/sources/64\\.11/pulls/[0-9a-f-]+");
        JsonNode accepted = json.readTree(response.body());
        assertThat(accepted.path("regency").asString()).isEqualTo("64.11");
        assertThat(location).endsWith("/pulls/" + accepted.path("id").asString());

        awaitTrue(() -> "finished".equals(json.readTree(getUri(location)).path("state").asString()));
        JsonNode run = json.readTree(getUri(location));
        assertThat(run.path("attempts").asInt()).isEqualTo(1);
        assertThat(run.path("started_at").isNull()).isFalse();
        assertThat(run.path("files").get(0).path("file").asString()).isEqualTo("mahulu-2024-06.csv");
        assertThat(run.path("files").get(0).path("status").asString()).isEqualTo("LOADED");
        assertThat(run.has("error")).as(run.toString()).isFalse();
        assertThat(json.readTree(get("/api/sftp/sources")).path("64.11").path("files_pulled").asLong()).isEqualTo(1);
        assertThat(post("/api/sftp/sources/65.01/pull").statusCode()).isEqualTo(404);
        assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location.replaceAll("pulls/.*", "pulls/nope")))
                .header("Authorization", steward()).build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
    }

    @Test
    void takesAFileStillBeingUploadedOnlyOnceItIsComplete() throws Exception {
        byte[] content = csv(6);
        Path file = samarinda.resolve("samarinda-2024-07.csv");
        Files.createDirectories(samarinda);
        Files.write(file, Arrays.copyOf(content, content.length / 2));

        // while the poll waits for the file to stand still, no pooled connection is kept busy for it
        CompletableFuture<PullReport> polling = CompletableFuture.supplyAsync(() -> pull("64.72"));
        List<Integer> inUse = new ArrayList<>();
        while (!polling.isDone()) {
            inUse.add(pool().getActiveConnections());
            Thread.sleep(10);
        }
        PullReport whileUploading = polling.join();
        assertThat(inUse).as("connections in use while the poll waited").hasSizeGreaterThan(10).contains(0);

        assertThat(whileUploading.deliveries()).isEmpty();
        assertThat(whileUploading.failure()).isNull();
        assertThat(count("select count(*) from ingest.received_file where original_name = 'samarinda-2024-07.csv'")).isZero();

        Files.write(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(5)));
        PullReport complete = pull("64.72");

        assertThat(complete.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.file()).isEqualTo("samarinda-2024-07.csv");
            assertThat(delivery.rowsRead()).isEqualTo(6);
        });
    }

    @Test
    void waitsForTheDoneFileWhenTheSourceAsksForOne() {
        SftpTestServer.upload(berau, "berau-2024-06.csv", csv(3));

        assertThat(pull("64.03").deliveries()).isEmpty();

        SftpTestServer.upload(berau, "berau-2024-06.csv.done", new byte[0]);
        assertThat(pull("64.03").deliveries()).extracting(d -> d.status()).containsExactly(LoadStatus.LOADED);
        assertThat(filesIn(berau)).isEmpty();
    }

    @Test
    void doesNotLoadTheSameContentUploadedAgain() {
        byte[] content = csv(4);
        SftpTestServer.upload(balikpapan, "balikpapan-2024-06.csv", content);

        assertThat(pull("64.71").deliveries()).extracting(d -> d.status()).containsExactly(LoadStatus.LOADED);
        assertThat(filesIn(balikpapan)).as("left on the server").hasSize(1);
        assertThat(pull("64.71").deliveries()).as("a file left on the server is not pulled again").isEmpty();

        SftpTestServer.upload(balikpapan, "balikpapan-2024-06-kirim-ulang.csv", content);
        assertThat(pull("64.71").deliveries()).extracting(d -> d.status()).containsExactly(LoadStatus.ALREADY_RECEIVED);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.71'")).isEqualTo(4);
        assertThat(count("select count(*) from ingest.received_file where office_code = '64.71' and status = 'LOADED'"))
                .isEqualTo(1);
    }

    @Test
    void refusesAServerWhoseHostKeyIsNotTheKnownOne() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = gugus.execute(print(out), print(err), "pull", "--regency", "64.02");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(message).contains("F_SFTP_HOST_KEY", "Kunci host server SFTP", "tidak cocok dengan known_hosts",
                "The host key of SFTP server", "does not match known_hosts");
        assertThat(message.indexOf("Kunci host")).isLessThan(message.indexOf("The host key"));
        assertThat(count("select count(*) from ingest.received_file where office_code = '64.02'")).isZero();
        JsonNode error = json.readTree(health()).path("components").path("sftp").path("details").path("64.02")
                .path("last_error");
        assertThat(error.path("code").asString()).isEqualTo("F_SFTP_HOST_KEY");
        assertThat(error.path("message_id").asString()).contains("tidak cocok dengan known_hosts");
        assertThat(error.path("message_en").asString()).contains("does not match known_hosts");
    }

    @Test
    void keepsPullingOtherOfficesOnScheduleWhileOneOfficeIsDown() throws Exception {
        SftpTestServer.upload(bontang, "bontang-2024-06.xlsx", xlsx(3));

        awaitTrue(() -> count("select count(*) from ingest.received_file where office_code = '64.74' and status = 'LOADED'") == 1);
        awaitTrue(() -> sources.poll("64.01").orElseThrow().status().lastError() != null);
        // the registry says LOADED a moment before the poll counts the file and ends
        awaitTrue(() -> sources.poll("64.74").orElseThrow().status().filesPulled() == 1
                && sources.poll("64.74").orElseThrow().status().lastSuccessfulPoll() != null);

        SourceStatus down = sources.poll("64.01").orElseThrow().status();
        assertThat(down.state()).isEqualTo("FAILING");
        assertThat(down.lastError().code()).isEqualTo("F_SFTP_UNREACHABLE");
        SourceStatus up = sources.poll("64.74").orElseThrow().status();
        assertThat(up.state()).isEqualTo("OK");
        assertThat(up.filesPulled()).isEqualTo(1);
        assertThat(up.lastSuccessfulPoll()).isNotNull();
        JsonNode health = json.readTree(health());
        assertThat(health.path("status").asString()).as(health.toString()).isEqualTo("UP");
        JsonNode sftp = health.path("components").path("sftp").path("details");
        assertThat(sftp.path("64.01").path("state").asString()).isEqualTo("FAILING");
        assertThat(sftp.path("64.01").path("last_error").path("code").asString()).isEqualTo("F_SFTP_UNREACHABLE");
        assertThat(sftp.path("64.74").path("files_pulled").asLong()).isEqualTo(1);
        assertThat(sftp.path("64.74").path("last_successful_poll").isNull()).isFalse();
        assertThat(get("/actuator/metrics/gugus.sftp.files?tag=office:64.74")).contains("\"value\":1.0");
    }

    @Test
    void retriesADownloadThatBreaksOffHalfWayWithoutRegisteringAPartialFile() throws IOException {
        byte[] content = csv(900);
        assertThat(content.length).isGreaterThan(100_000);
        SftpTestServer.upload(ppu, "ppu-2024-06.csv", content);
        server.breakNextDownload("ppu-2024-06.csv", 40_000);

        PullReport report = pull("64.09");

        assertThat(server.brokenDownloads()).isEqualTo(1);
        assertThat(report.failure()).isNull();
        assertThat(report.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.status()).isEqualTo(LoadStatus.LOADED);
            assertThat(count("select size_bytes from ingest.received_file where id = " + delivery.fileId()))
                    .isEqualTo(content.length);
            assertThat(delivery.rowsRead()).isEqualTo(900);
        });
        assertThat(count("select count(*) from ingest.received_file where office_code = '64.09'")).isEqualTo(1);
        try (Stream<Path> landed = Files.walk(home.resolve("landing"))) {
            assertThat(landed.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
        assertThat(filesIn(ppu)).as("deleted after registration").isEmpty();
    }

    @Test
    void reportsAMissingRemoteFolderAsAConfigurationErrorWithoutTryingAgain() {
        PullReport report = pull("64.07");

        assertThat(report.failure()).isNotNull();
        assertThat(report.failure().code()).isEqualTo("F_SFTP_NO_FOLDER");
        assertThat(report.failure().retryable()).isFalse();
        assertThat(report.failure().messageId()).contains("64.07", "laporan/tppo", "directory");
        assertThat(report.failure().messageEn()).contains("64.07", "laporan/tppo", "does not exist", "directory");
        assertThat(server.logins("kab6407")).as("logged in once: not tried again").isEqualTo(1);
    }

    @Test
    void printsEachFailedAttemptAndTheNextWaitAsTheyHappen() {
        List<Long> printedAt = new ArrayList<>();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream timed = new PrintStream(err, true, StandardCharsets.UTF_8) {
            @Override
            public void println(String line) {
                printedAt.add(System.nanoTime());
                super.println(line);
            }
        };

        int exit = gugus.execute(print(new ByteArrayOutputStream()), timed, "pull", "--regency", "64.01");
        long end = System.nanoTime();

        assertThat(exit).isEqualTo(1);
        List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).contains("64.01", "percobaan 1 dari 3", "attempt 1 of 3", "F_SFTP_UNREACHABLE",
                "200ms");
        assertThat(lines.get(1)).contains("percobaan 2 dari 3", "attempt 2 of 3", "400ms");
        assertThat(lines).anySatisfy(line -> assertThat(line).contains("percobaan 3 dari 3", "attempt 3 of 3"));
        assertThat(end - printedAt.get(0)).as("the first attempt is printed before the waits, not at the end")
                .isGreaterThan(500_000_000L);
    }

    @Test
    void leavesAnOfficeToTheInstanceThatHoldsItsLeaseInPostgres() {
        SftpTestServer.upload(kutim, "kutim-2024-06.csv", csv(2));
        jdbc.sql("""
                insert into ingest.sftp_poll_lease (office_code, holder, acquired_at, expires_at)
                values ('64.08', 'another-instance', now(), now() + interval '1 minute')
                """).update();

        PullReport whileLeased = pull("64.08");

        assertThat(whileLeased.busy()).isTrue();
        assertThat(whileLeased.deliveries()).isEmpty();
        assertThat(filesIn(kutim)).hasSize(1);

        jdbc.sql("update ingest.sftp_poll_lease set expires_at = now() - interval '1 second' where office_code = '64.08'")
                .update();
        assertThat(pull("64.08").deliveries()).as("a lease its instance stopped renewing runs out")
                .extracting(d -> d.status()).containsExactly(LoadStatus.LOADED);
        assertThat(count("select count(*) from ingest.sftp_poll_lease where office_code = '64.08'")).isZero();
    }

    private PullReport pull(String office) {
        return sources.pull(sources.poll(office).orElseThrow());
    }

    private HikariPoolMXBean pool() throws SQLException {
        return dataSource.unwrap(HikariDataSource.class).getHikariPoolMXBean();
    }

    private HttpResponse<String> post(String path) throws Exception {
        String port = environment.getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", steward()).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String getUri(String uri) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                    .header("Authorization", steward()).build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String health() throws Exception {
        return get("/actuator/health");
    }

    private String get(String path) throws Exception {
        String port = environment.getProperty("local.server.port");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", steward()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String steward() {
        return TestLogins.basic(accounts, "steward", Role.STEWARD, null);
    }

    private static byte[] csv(int rows) {
        try {
            Path file = TestFolders.file("sftp-test", ".csv");
            TestWorkbooks.csv(file, TestWorkbooks.victims(rows));
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] xlsx(int rows) {
        try {
            Path file = TestFolders.file("sftp-test", ".xlsx");
            TestWorkbooks.xlsx(file, TestWorkbooks.victims(rows));
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}

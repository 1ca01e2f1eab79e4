package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.gugus.IntegrationTest;
import org.gugus.TestFolders;
import org.gugus.TestWorkbooks;
import org.junit.jupiter.api.AfterAll;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code gugus pull} as the command line runs it: Camel up, but no route started and no schedule
 * running until the command asks for one office.
 */
@SpringBootTest(properties = {"gugus.ingest.resume-on-start=false", "camel.main.auto-startup=false",
        "gugus.sftp.poll-on-schedule=false"})
class PullCommandIntegrationTests {

    private static SftpTestServer server;
    private static Path folder;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) throws IOException {
        Path home = IntegrationTest.isolate(registry);
        server = new SftpTestServer(TestFolders.folder("sftp-server"));
        var key = SftpTestServer.rsaKeyPair();
        folder = server.keyAccount("kab6472", key.getPublic());
        Path privateKey = SftpTestServer.writePrivateKey(home.resolve("sftp/id_gugus.pem"), key);
        Files.writeString(home.resolve("sftp/known_hosts"), server.knownHostsLine() + "\n");
        registry.add("gugus.sftp.defaults.read-lock-min-age", () -> "3s");
        registry.add("gugus.sftp.sources[0].office", () -> "6472");
        registry.add("gugus.sftp.sources[0].host", () -> "127.0.0.1");
        registry.add("gugus.sftp.sources[0].port", server::port);
        registry.add("gugus.sftp.sources[0].username", () -> "kab6472");
        registry.add("gugus.sftp.sources[0].private-key-file", privateKey::toString);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Autowired
    GugusCommands gugus;

    @Autowired
    SftpSources sources;

    @Autowired
    CamelContext camel;

    @Autowired
    JsonMapper json;

    @Test
    void pullsOnlyWhenAskedAndPrintsOneJsonObjectPerFile() throws IOException {
        Path file = TestFolders.file("samarinda", ".csv");
        TestWorkbooks.csv(file, TestWorkbooks.victims(3));
        SftpTestServer.upload(folder, "samarinda-2024-06.csv", Files.readAllBytes(file));
        assertThat(camel.getRouteController().getRouteStatus("ingest-sftp-64.72").isStarted()).isFalse();
        assertThat(camel.getRouteController().getRouteStatus("ingest-drop-folder").isStarted()).isFalse();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "pull", "--regency", "64.72", "--json");

        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(1);
        Map<?, ?> summary = json.readValue(lines.get(0), Map.class);
        assertThat(summary.get("file")).isEqualTo("samarinda-2024-06.csv");
        assertThat(summary.get("regency")).isEqualTo("64.72");
        assertThat(summary.get("status")).isEqualTo("LOADED");
        assertThat(summary.get("inserted")).isEqualTo(3);
        assertThat(sourceStatus().nextPoll()).as("no schedule in the command line").isNull();

        int again = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "pull", "--regency", "64.72");

        assertThat(again).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tidak ada berkas baru / no new files");
    }

    private SourceStatus sourceStatus() {
        return sources.poll("64.72").orElseThrow().status();
    }
}

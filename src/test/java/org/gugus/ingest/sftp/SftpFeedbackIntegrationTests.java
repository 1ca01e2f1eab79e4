package org.gugus.ingest.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gugus.IntegrationTest;
import org.gugus.TestFolders;
import org.gugus.TestWorkbooks;
import org.gugus.intake.AnswerWorkbook;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An SFTP source with a {@code feedback-directory}: the answer workbook of every pulled file goes
 * back to the office's own account (Apache MINA SSHD in this JVM), and a source without one gets none.
 */
@SpringBootTest(properties = "gugus.ingest.resume-on-start=false")
class SftpFeedbackIntegrationTests {

    private static SftpTestServer server;
    private static Path samarinda;
    private static Path balikpapan;
    private static Path berau;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) throws IOException {
        Path home = IntegrationTest.isolate(registry);
        Path sftp = Files.createDirectories(home.resolve("sftp"));
        server = new SftpTestServer(TestFolders.folder("sftp-feedback"));
        var gugusKey = SftpTestServer.rsaKeyPair();
        Path privateKey = SftpTestServer.writePrivateKey(sftp.resolve("id_gugus.pem"), gugusKey);
        samarinda = server.keyAccount("kab6472", gugusKey.getPublic());
        balikpapan = server.passwordAccount("kab6471", "rahasia&+%)(tppo");
        Files.writeString(sftp.resolve("known_hosts"), server.knownHostsLine() + "\n");
        Path passwordFile = Files.writeString(sftp.resolve("kab6471.secret"), "rahasia&+%)(tppo\n");
        registry.add("gugus.sftp.known-hosts", () -> sftp.resolve("known_hosts").toString());
        registry.add("gugus.sftp.defaults.read-lock-min-age", () -> "3s");
        registry.add("gugus.sftp.defaults.read-lock-check-interval", () -> "100ms");
        registry.add("gugus.sftp.defaults.read-lock-timeout", () -> "400ms");
        registry.add("gugus.sftp.defaults.connect-timeout", () -> "2s");
        source(registry, 0, "64.72", "kab6472", "kirim", "private-key-file", privateKey.toString());
        registry.add("gugus.sftp.sources[0].feedback-directory", () -> "hasil-pemeriksaan");
        source(registry, 1, "64.71", "kab6471", "", "password-file", passwordFile.toString());
        registry.add("gugus.sftp.sources[1].feedback-directory", () -> "balasan");
        source(registry, 2, "64.03", "kab6403", "", "private-key-file", privateKey.toString());
        berau = server.keyAccount("kab6403", gugusKey.getPublic());
    }

    private static void source(DynamicPropertyRegistry registry, int index, String office, String user,
            String directory, String secretKey, String secret) {
        String prefix = "gugus.sftp.sources[" + index + "].";
        registry.add(prefix + "office", () -> office);
        registry.add(prefix + "host", () -> "127.0.0.1");
        registry.add(prefix + "port", () -> server.port());
        registry.add(prefix + "username", () -> user);
        registry.add(prefix + "directory", () -> directory);
        registry.add(prefix + secretKey, () -> secret);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @Autowired
    GugusCommands gugus;

    @Autowired
    JdbcClient jdbc;

    @Test
    void uploadsTheAnswerOfEachPulledFileToTheFeedbackDirectory() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(3);
        rows.get(1).set(4, "64720112");
        SftpTestServer.upload(samarinda.resolve("kirim"), "samarinda-06.csv", csv(rows));
        SftpTestServer.upload(balikpapan, "balikpapan-06.csv", csv(TestWorkbooks.victims(2)));

        assertThat(pull("64.72")).isZero();
        assertThat(pull("64.71")).isZero();

        long id = jdbc.sql("select id from ingest.received_file where original_name = 'samarinda-06.csv'")
                .query(Long.class).single();
        Path answer = samarinda.resolve("hasil-pemeriksaan").resolve(id + "-samarinda-06-hasil-pemeriksaan.xlsx");
        assertThat(answer).exists();
        try (InputStream in = Files.newInputStream(answer); XSSFWorkbook book = new XSSFWorkbook(in)) {
            assertThat(book.getSheetName(0)).isEqualTo(AnswerWorkbook.SUMMARY_SHEET);
            assertThat(book.getSheet("samarinda-06").getRow(2).getCell(TestWorkbooks.HEADER.size()).getStringCellValue())
                    .isEqualTo("DITOLAK");
        }
        assertThat(IntegrationTest.filesIn(samarinda.resolve("hasil-pemeriksaan"))).hasSize(1);
        assertThat(IntegrationTest.filesIn(balikpapan.resolve("balasan"))).singleElement()
                .satisfies(file -> assertThat(file.getFileName().toString()).endsWith("-balikpapan-06-hasil-pemeriksaan.xlsx"));
    }

    @Test
    void sendsNothingBackToASourceWithoutAFeedbackDirectory() throws IOException {
        SftpTestServer.upload(berau, "berau-06.csv", csv(TestWorkbooks.victims(2)));

        assertThat(pull("64.03")).isZero();

        try (var left = Files.list(berau)) {
            assertThat(left.map(file -> file.getFileName().toString()).toList()).containsExactly("processed");
        }
    }

    private int pull(String office) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        return gugus.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "pull", "--regency", office);
    }

    private static byte[] csv(List<List<String>> rows) throws IOException {
        Path file = TestFolders.file("sftp-feedback", ".csv");
        TestWorkbooks.csv(file, rows);
        return Files.readAllBytes(file);
    }
}

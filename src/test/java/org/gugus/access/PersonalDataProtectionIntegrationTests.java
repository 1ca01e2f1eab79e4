package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.gugus.IntegrationTest.awaitTrue;
import static org.gugus.IntegrationTest.filesIn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.ingest.ReceivedFilePurge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app with files dropped into its inbox: names and NIKs reach no log, note or staging
 * row; received files are owner-only; keys are keyed pseudonyms, recomputed consistently when the
 * key changes; files past their retention are purged while the registry keeps their hash.
 */
@ExtendWith(OutputCaptureExtension.class)  // before Spring's, so the output of the start-up is captured too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PersonalDataProtectionIntegrationTests {

    private static Path home;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        home = IntegrationTest.isolate(registry);
    }

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    Accounts accounts;

    @Autowired
    PseudonymRekeying rekeying;

    @Autowired
    PseudonymKey key;

    @Autowired
    ReceivedFilePurge purge;

    @Test
    void noNameOrNikOfALoadedFileReachesALogANoteOrStaging(CapturedOutput log) throws Exception {
        List<List<String>> rows = TestWorkbooks.victims(6);
        rows.get(1).set(8, "Atlantis");            // rejected: the row is kept for review
        rows.get(2).set(4, "64720112");            // rejected: a short NIK
        rows.get(3).set(5, "L");                   // flagged: the NIK says a woman
        drop("64.72", "smd-pii.csv", rows);
        drop("samarinda", "wrong-folder.csv", rows);  // quarantined with a note
        awaitTrue(() -> count("select count(*) from ingest.received_file where finished_at is not null"
                + " and original_name in ('smd-pii.csv', 'wrong-folder.csv')") == 2);
        awaitTrue(() -> filesIn(home.resolve("quarantine/samarinda")).size() == 2);
        String reviewer = TestLogins.basic(accounts, "pii-reviewer", Role.REVIEWER, null);
        get(reviewer, "/api/review/rejections?regency=64.72");
        get(reviewer, "/api/review/flags?regency=64.72");

        String written = log.getAll() + notes();
        assertThat(written).as("the log of the loads").contains("smd-pii.csv", "wrong-folder.csv", "F_UNKNOWN_OFFICE");
        List<String> found = new ArrayList<>();
        for (List<String> row : rows) {
            for (String personal : List.of(row.get(3), row.get(4))) {
                if (written.contains(personal)) {
                    found.add(personal);
                }
            }
        }
        assertThat(found).as("names and NIKs in logs and notes").isEmpty();
        assertThat(count("select count(*) from warehouse.staged_row")).as("staged rows after publish").isZero();
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.72'")).isEqualTo(4);
    }

    @Test
    void receivedFilesAreKeptOwnerOnly() throws Exception {
        for (String folder : List.of("landing", "archive", "quarantine")) {
            assertThat(mode(home.resolve(folder))).as(folder + " before any file").isEqualTo("rwx------");
        }
        drop("64.71", "bpp-modes.csv", TestWorkbooks.victims(1));
        drop("unknown", "modes-quarantined.csv", TestWorkbooks.victims(1));
        awaitTrue(() -> filesIn(home.resolve("archive/64.71")).size() == 1);
        awaitTrue(() -> filesIn(home.resolve("quarantine/unknown")).size() == 2);

        List<Path> kept = new ArrayList<>();
        kept.addAll(filesIn(home.resolve("archive/64.71")));
        kept.addAll(filesIn(home.resolve("quarantine/unknown")));
        String landed = jdbc.sql("select landing_path from ingest.received_file where original_name = 'bpp-modes.csv'")
                .query(String.class).single();
        kept.add(Path.of(landed));
        for (Path file : kept) {
            assertThat(mode(file)).as(file.toString()).isEqualTo("rw-------");
        }
        for (Path folder : List.of(home.resolve("archive"), home.resolve("archive/64.71"), home.resolve("quarantine"),
                home.resolve("quarantine/unknown"), home.resolve("landing"), Path.of(landed).getParent(),
                home.resolve("keys"))) {
            assertThat(mode(folder)).as(folder.toString()).isEqualTo("rwx------");
        }
        assertThat(mode(home.resolve("keys/pseudonym.key"))).isEqualTo("rw-------");
    }

    @Test
    void keysAreRecomputedFromTheStoredRowsWhenTheKeyChangesAndStayConsistent() throws Exception {
        List<List<String>> rows = TestWorkbooks.victims(3);
        drop("64.74", "bontang-keys.csv", rows);
        awaitTrue(() -> count("select count(*) from warehouse.victim where office_code = '64.74'") == 3);
        List<String> before = keys();
        // as every database before V021 had them: plain SHA-256 of the identity
        jdbc.sql("update warehouse.victim set identity_key = encode(sha256(convert_to('legacy' || id, 'UTF8')), 'hex'),"
                + " person_key = encode(sha256(convert_to('NIK:' || nik, 'UTF8')), 'hex') where office_code = '64.74'").update();
        jdbc.sql("delete from access.pseudonym_key").update();

        rekeying.afterSingletonsInstantiated();

        assertThat(keys()).isEqualTo(before);
        long rotated = rekeying.rotate();
        assertThat(rotated).isGreaterThanOrEqualTo(3);
        assertThat(keys()).doesNotContainAnyElementsOf(before);
        assertThat(jdbc.sql("select fingerprint from access.pseudonym_key").query(String.class).single())
                .isEqualTo(key.fingerprint());

        List<List<String>> again = TestWorkbooks.victims(3);
        again.get(0).set(14, "diperbarui");   // a later delivery of the same victims, one changed
        drop("64.74", "bontang-keys-2.csv", again);
        awaitTrue(() -> count("select count(*) from ingest.received_file where original_name = 'bontang-keys-2.csv'"
                + " and finished_at is not null") == 1);
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.74'")).isEqualTo(3);
        assertThat(count("select count(*) from warehouse.victim_history h join warehouse.victim v on v.id = h.victim_id"
                + " where v.office_code = '64.74'")).isEqualTo(1);
    }

    @Test
    void purgesFilesPastTheirRetentionKeepingTheirHashInTheRegistry() throws Exception {
        drop("64.03", "berau-old.csv", TestWorkbooks.victims(1));
        awaitTrue(() -> filesIn(home.resolve("archive/64.03")).size() == 1);
        String landed = jdbc.sql("select landing_path from ingest.received_file where original_name = 'berau-old.csv'")
                .query(String.class).single();
        jdbc.sql("update ingest.received_file set received_at = now() - interval '400 days'"
                + " where original_name = 'berau-old.csv'").update();

        ReceivedFilePurge.Purged purged = purge.purge();

        assertThat(purged.files()).isEqualTo(1);
        assertThat(Path.of(landed)).doesNotExist();
        assertThat(filesIn(home.resolve("archive/64.03"))).isEmpty();
        assertThat(jdbc.sql("select sha256 is not null and purged_at is not null from ingest.received_file"
                + " where original_name = 'berau-old.csv'").query(Boolean.class).single()).isTrue();
        assertThat(count("select count(*) from warehouse.victim where office_code = '64.03'")).isEqualTo(1);
    }

    private List<String> keys() {
        return jdbc.sql("select identity_key || person_key from warehouse.victim where office_code = '64.74' order by id")
                .query(String.class).list();
    }

    /** Every note and log file Gugus wrote under its home. */
    private String notes() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).filter(file -> {
                String name = file.getFileName().toString();
                return name.endsWith(".log") || name.endsWith(".txt");
            }).toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    private void get(String authorization, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .header("Authorization", authorization).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }

    private static void drop(String folder, String name, List<List<String>> rows) {
        try {
            Path inbox = Files.createDirectories(home.resolve("inbox").resolve(folder));
            Path partial = TestWorkbooks.csv(inbox.resolve(name + ".part"), rows);
            Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(partial, inbox.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String mode(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}

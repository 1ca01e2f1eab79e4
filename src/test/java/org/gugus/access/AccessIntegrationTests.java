package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The running app: the first administrator, office scopes, who submits a correction, and the audit log. */
@ExtendWith(OutputCaptureExtension.class)  // before Spring's, so the output of the start-up is captured too
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
class AccessIntegrationTests {

    private static Path home;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        home = IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @Autowired
    Audit audit;

    @Autowired
    GugusCommands commands;

    @TempDir
    Path files;

    @Test
    void createsTheFirstAdministratorWithAPasswordOnlyItsOwnerCanRead(CapturedOutput output) throws Exception {
        Path file = home.resolve("admin.password");
        String password = Files.readString(file).strip();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(call(TestLogins.header("admin", password), "GET", "/actuator/prometheus", null).statusCode())
                .isEqualTo(200);
        assertThat(call(TestLogins.header("admin", "not-" + password), "GET", "/actuator/prometheus", null).statusCode())
                .isEqualTo(401);
        assertThat(output.getAll()).contains(file.toString()).doesNotContain(password);
        assertThat(accounts.list()).extracting(Account::name).contains("admin");
    }

    @Test
    void servesPrometheusMetricsToStewards() throws Exception {
        HttpResponse<String> metrics = call(login("metrics-steward", Role.STEWARD, null), "GET", "/actuator/prometheus", null);

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void anOfficeListsOnlyItsOwnRowsAndFindsAnotherOfficesRowsMissing() throws Exception {
        FileOutcome samarinda = load("64.72", "smd.csv", 10);
        FileOutcome balikpapan = load("64.71", "bpp.csv", 20);
        String office = login("smd-staff", Role.OFFICE, "6472");
        long balikpapanRow = rejectedRow(balikpapan);

        JsonNode own = json.readTree(call(office, "GET", "/api/review/rejections?file=" + samarinda.fileId(), null).body());
        JsonNode other = json.readTree(call(office, "GET", "/api/review/rejections?file=" + balikpapan.fileId(), null).body());

        assertThat(own.path("count").asInt()).isEqualTo(1);
        assertThat(other.path("count").asInt()).isZero();
        assertThat(call(office, "GET", "/api/review/rejections/" + balikpapanRow, null).statusCode()).isEqualTo(404);
        assertThat(call(office, "GET", "/api/review/rejections?regency=64.71", null).statusCode()).isEqualTo(404);
        assertThat(call(office, "POST", "/api/review/rejections/" + balikpapanRow + "/corrections",
                "{\"values\": {\"Kabupaten/Kota Asal\": \"Kota Balikpapan\"}}").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from review.correction where rejected_row_id = ?").param(balikpapanRow)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aCorrectionIsSubmittedByTheSignedInAccountWhateverTheBodySays() throws Exception {
        FileOutcome delivery = load("64.72", "smd-2.csv", 30);
        String reviewer = login("rina", Role.REVIEWER, null);

        HttpResponse<String> corrected = call(reviewer, "POST", "/api/review/rejections/" + rejectedRow(delivery)
                + "/corrections", "{\"values\": {\"Kabupaten/Kota Asal\": \"Kota Samarinda\"}, \"submitted_by\": \"dina\"}");

        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(json.readTree(corrected.body()).path("submitted_by").asString()).isEqualTo("rina");
    }

    @Test
    void recordsEveryReadOfPersonalDataEveryChangeAndEverySignIn() throws Exception {
        FileOutcome delivery = load("64.74", "bontang.csv", 40);
        long rejected = rejectedRow(delivery);
        long victim = jdbc.sql("select id from warehouse.victim where source_file_id = ?").param(delivery.fileId())
                .query(Long.class).single();
        String reviewer = login("audited", Role.REVIEWER, null);

        call(reviewer, "GET", "/api/review/rejections?file=" + delivery.fileId(), null);
        call(reviewer, "GET", "/api/review/rejections/" + rejected, null);
        call(reviewer, "GET", "/api/review/flags?file=" + delivery.fileId(), null);
        call(reviewer, "GET", "/api/review/flags/" + victim, null);
        call(reviewer, "POST", "/api/review/rejections/" + rejected + "/corrections",
                "{\"values\": {\"Kabupaten/Kota Asal\": \"Kota Bontang\"}}");
        long correction = jdbc.sql("select max(id) from review.correction").query(Long.class).single();
        call(reviewer, "GET", "/api/review/corrections/" + correction, null);
        call(TestLogins.header("audited", "wrong-password"), "GET", "/api/review/rejections?file=1", null);
        accounts.disable("audited");

        List<AuditEvent> events = auditOf("audited");
        assertThat(events).extracting(AuditEvent::action).containsExactly("LOGIN", "READ", "READ", "READ", "READ",
                "CORRECTION", "READ", "LOGIN_FAILED");
        assertThat(events.get(1).target()).isEqualTo("GET /api/review/rejections?file=" + delivery.fileId());
        assertThat(events.get(1).rowIds()).containsExactly(rejected);
        assertThat(events.get(1).rows()).isEqualTo(1);
        assertThat(events.get(4).rowIds()).containsExactly(victim);
        assertThat(events.get(5).rowIds()).containsExactly(rejected);
        assertThat(events).allSatisfy(event -> {
            assertThat(event.channel()).isEqualTo("HTTP");
            assertThat(event.address()).isEqualTo("127.0.0.1");
        });
        assertThat(auditOf("os:" + System.getProperty("user.name"))).extracting(AuditEvent::action, AuditEvent::target)
                .contains(tuple("ACCOUNT_ADDED", "audited REVIEWER"),
                        tuple("ACCOUNT_DISABLED", "audited"));
    }

    @Test
    void auditorsReadTheLogAsJson() throws Exception {
        String auditor = login("aud", Role.AUDITOR, null);
        login("forgetful", Role.STEWARD, null);
        accounts.resetPassword("forgetful");

        HttpResponse<String> log = call(auditor, "GET", "/api/audit?since=2000-01-01", null);

        assertThat(log.statusCode()).isEqualTo(200);
        JsonNode reset = null;
        for (JsonNode event : json.readTree(log.body()).path("events")) {
            if ("PASSWORD_RESET".equals(event.path("action").asString())) {
                reset = event;
            }
        }
        assertThat(reset).isNotNull();
        assertThat(reset.path("target").asString()).isEqualTo("forgetful");
        assertThat(reset.has("at")).isTrue();
        assertThat(reset.has("user")).isTrue();
        assertThat(reset.has("rows")).isTrue();
        assertThat(call(auditor, "GET", "/api/audit?since=yesterday", null).statusCode()).isEqualTo(400);
    }

    @Test
    void theAuditLogRefusesUpdateDeleteAndTruncate() {
        accounts.add("to-be-hidden", Role.STEWARD, null, null);

        assertThatThrownBy(() -> jdbc.sql("update access.audit_event set username = 'nobody'").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from access.audit_event").update())
                .rootCause().hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate access.audit_event").update())
                .rootCause().hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from access.audit_event where target like 'to-be-hidden%'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void administersAccountsAndReadsTheAuditLogOnTheCommandLine() throws Exception {
        Command added = run("users", "add", "budi", "--role", "office", "--office", "6471");
        Command list = run("users", "list");
        Command wrongOffice = run("users", "add", "tono", "--role", "REVIEWER", "--office", "64.72");
        FileOutcome delivery = load("64.71", "bpp-cli.csv", 50);
        Command rejections = run("rejections", "list", "--file", String.valueOf(delivery.fileId()));
        Command log = run("audit", "list", "--user", "os:" + System.getProperty("user.name"), "--json");

        assertThat(added.status()).as(added.err()).isZero();
        assertThat(call(TestLogins.header("budi", added.out().strip()), "GET", "/api/review/rejections?regency=64.71", null)
                .statusCode()).isEqualTo(200);
        assertThat(list.out()).contains("budi", "OFFICE", "64.71");
        assertThat(wrongOffice.status()).isEqualTo(1);
        assertThat(wrongOffice.err()).contains("OFFICE");
        assertThat(rejections.status()).isZero();
        List<JsonNode> events = log.out().lines().map(json::readTree).toList();
        assertThat(events).allSatisfy(event -> assertThat(event.has("at") && event.has("user") && event.has("action")
                && event.has("target") && event.has("rows")).isTrue());
        assertThat(events).anySatisfy(event -> {
            assertThat(event.path("action").asString()).isEqualTo("READ");
            assertThat(event.path("target").asString()).isEqualTo("gugus rejections list --file " + delivery.fileId());
            assertThat(event.path("rows").asInt()).isEqualTo(1);
            assertThat(event.path("channel").asString()).isEqualTo("CLI");
        });
    }

    private Command run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = commands.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), arguments);
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Command(int status, String out, String err) {
    }

    private List<AuditEvent> auditOf(String user) {
        return audit.list(user, null, 1000);
    }

    /** A file of two victims of its own (numbered from {@code first}), the second one rejected. */
    private FileOutcome load(String office, String name, int first) {
        List<List<String>> rows = List.of(TestWorkbooks.victim(first), TestWorkbooks.victim(first + 1));
        rows.get(1).set(8, "Atlantis");
        return reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name, FileSource.COMMAND_LINE);
    }

    private long rejectedRow(FileOutcome delivery) {
        return jdbc.sql("select id from warehouse.rejected_row where file_id = ?").param(delivery.fileId())
                .query(Long.class).single();
    }

    private String login(String name, Role role, String office) {
        return TestLogins.basic(accounts, name, role, office);
    }

    private HttpResponse<String> call(String authorization, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + environment.getProperty("local.server.port") + path))
                .header("Authorization", authorization);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}

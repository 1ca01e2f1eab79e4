package org.gugus.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who gets what from every endpoint: one line per endpoint, one expected status per caller. An
 * endpoint that exists but is not in the table fails the test, so a new endpoint joins with its line.
 * <p>
 * Callers, in the order of each line: anonymous, ADMIN, STEWARD, REVIEWER, OFFICE of Samarinda
 * (64.72, whose rows the ids name), OFFICE of Balikpapan (64.71, another office), COORDINATOR, AUDITOR.
 * Bodies of POSTs are deliberately invalid where the endpoint would change data: 400 shows the
 * caller got through to the endpoint, and nothing was changed by the table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixIntegrationTests {

    private static final List<String> CALLERS = List.of("anonymous", "admin", "steward", "reviewer", "office",
            "other-office", "coordinator", "auditor");
    private static final String INVALID_CORRECTION = "{\"values\": {\"Warna Favorit\": \"biru\"}}";

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TempDir
    static Path files;

    private final Map<String, String> logins = new LinkedHashMap<>();
    private final Map<String, String> sessions = new LinkedHashMap<>();
    private long rejectedRow;
    private long victim;
    private long correction;
    private long file;
    private long jobExecution;

    @BeforeAll
    void samarindaHasARejectedRowAVictimAndACorrection() throws Exception {
        List<List<String>> rows = TestWorkbooks.victims(2);
        rows.get(1).set(8, "Atlantis");
        FileOutcome delivery = reception.receive(TestWorkbooks.csv(files.resolve("samarinda.csv"), rows), "64.72",
                "samarinda.csv", FileSource.COMMAND_LINE);
        file = delivery.fileId();
        jobExecution = jdbc.sql("select max(job_execution_id) from batch.batch_job_execution").query(Long.class).single();
        rejectedRow = jdbc.sql("select id from warehouse.rejected_row where file_id = ?").param(delivery.fileId())
                .query(Long.class).single();
        victim = jdbc.sql("select id from warehouse.victim where source_file_id = ?").param(delivery.fileId())
                .query(Long.class).single();
        logins.put("admin", TestLogins.basic(accounts, "root-admin", Role.ADMIN, null));
        logins.put("steward", TestLogins.basic(accounts, "steward", Role.STEWARD, null));
        logins.put("reviewer", TestLogins.basic(accounts, "reviewer", Role.REVIEWER, null));
        logins.put("office", TestLogins.basic(accounts, "samarinda", Role.OFFICE, "64.72"));
        logins.put("other-office", TestLogins.basic(accounts, "balikpapan", Role.OFFICE, "64.71"));
        logins.put("coordinator", TestLogins.basic(accounts, "coordinator", Role.COORDINATOR, null));
        logins.put("auditor", TestLogins.basic(accounts, "auditor", Role.AUDITOR, null));
        HttpResponse<String> corrected = call("reviewer", "POST", "/api/review/rejections/" + rejectedRow + "/corrections",
                "{\"values\": {\"Kabupaten/Kota Asal\": \"Kota Samarinda\"}}");
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        correction = jdbc.sql("select max(id) from review.correction").query(Long.class).single();
    }

    /** Every endpoint: its mapping, the request made, the expected status per caller (see the class comment). */
    private List<Line> table() {
        return List.of(
                line("GET /api/review/rejections", "GET /api/review/rejections?regency=64.72", "401 403 403 200 200 404 403 403"),
                line("GET /api/review/rejections/{id}", "GET /api/review/rejections/" + rejectedRow, "401 403 403 200 200 404 403 403"),
                line("POST /api/review/rejections/{id}/corrections", "POST /api/review/rejections/" + rejectedRow + "/corrections",
                        "401 403 403 400 400 404 403 403"),
                line("GET /api/review/flags", "GET /api/review/flags?regency=64.72", "401 403 403 200 200 404 403 403"),
                line("GET /api/review/flags/{victimId}", "GET /api/review/flags/" + victim, "401 403 403 200 200 404 403 403"),
                line("POST /api/review/flags/{victimId}/corrections", "POST /api/review/flags/" + victim + "/corrections",
                        "401 403 403 400 400 404 403 403"),
                line("GET /api/review/corrections/{id}", "GET /api/review/corrections/" + correction, "401 403 403 200 200 404 403 403"),
                line("GET /api/sftp/sources", "GET /api/sftp/sources", "401 200 200 403 403 403 403 403"),
                line("POST /api/sftp/sources/{office}/pull", "POST /api/sftp/sources/64.72/pull", "401 404 404 403 403 403 403 403"),
                line("GET /api/sftp/sources/{office}/pulls/{id}", "GET /api/sftp/sources/64.72/pulls/none", "401 404 404 403 403 403 403 403"),
                line("GET /api/audit", "GET /api/audit", "401 403 403 403 403 403 403 200"),
                // offices see only pairs of two records of their own office (none here), without names; only
                // reviewers and administrators decide; the decision body is invalid (400), the pair absent (404)
                line("GET /api/persons/pairs", "GET /api/persons/pairs", "401 200 403 200 200 200 403 403"),
                line("GET /api/persons/pairs/{id}", "GET /api/persons/pairs/0", "401 404 403 404 404 404 403 403"),
                line("POST /api/persons/pairs/{id}/decision", "POST /api/persons/pairs/0/decision",
                        "401 400 403 400 403 403 403 403"),
                line("POST /api/persons/resolve", "POST /api/persons/resolve", "401 200 200 403 403 403 403 403"),
                // an office account gets its own office's report; asking for another office's is "not found"
                line("GET /api/reports/indicators", "GET /api/reports/indicators", "401 200 200 200 200 200 200 403"),
                line(null, "GET /api/reports/indicators?office=64.72", "401 200 200 200 200 404 200 403"),
                line("GET /api/reports/indicators.xlsx", "GET /api/reports/indicators.xlsx", "401 200 200 200 200 200 200 403"),
                line("GET /api/reports/indicators.csv", "GET /api/reports/indicators.csv", "401 200 200 200 200 200 200 403"),
                line("GET /api/reports/indicators/persons", "GET /api/reports/indicators/persons?indicator=by_sex&code=P",
                        "401 200 200 200 403 403 403 403"),
                line("GET /api/files", "GET /api/files?office=64.72", "401 403 200 200 200 404 403 403"),
                line("GET /api/files/{id}", "GET /api/files/" + file, "401 403 200 200 200 404 403 403"),
                line("GET /api/files/{id}/feedback", "GET /api/files/" + file + "/feedback", "401 200 200 200 200 404 403 403"),
                // pages: called with the session of a form sign-in (see call); a POST without a session has no
                // CSRF token either, so it is refused (403) before it could be sent to sign in
                line("GET /", "GET /", "302 200 200 200 200 200 200 200"),
                line("GET /login", "GET /login", "200 200 200 200 200 200 200 200"),
                line("GET /tinjauan", "GET /tinjauan", "302 403 403 200 200 200 403 403"),
                line("GET /berkas", "GET /berkas", "302 403 200 200 200 200 403 403"),
                line("GET /berkas/{id}", "GET /berkas/" + file, "302 403 200 200 200 404 403 403"),
                line("GET /berkas/{id}/asli", "GET /berkas/" + file + "/asli", "302 403 200 200 200 404 403 403"),
                line("GET /berkas/{id}/hasil-pemeriksaan", "GET /berkas/" + file + "/hasil-pemeriksaan", "302 403 200 200 200 404 403 403"),
                line("GET /tinjauan/ditolak", "GET /tinjauan/ditolak?file=" + file, "302 403 403 200 200 404 403 403"),
                line("GET /tinjauan/ditolak/{id}", "GET /tinjauan/ditolak/" + rejectedRow, "302 403 403 200 200 404 403 403"),
                line("POST /tinjauan/ditolak/{id}", "POST /tinjauan/ditolak/" + rejectedRow, "403 403 403 200 200 404 403 403"),
                line("GET /tinjauan/peringatan", "GET /tinjauan/peringatan?file=" + file, "302 403 403 200 200 404 403 403"),
                line("GET /tinjauan/peringatan/{id}", "GET /tinjauan/peringatan/" + victim, "302 403 403 200 200 404 403 403"),
                line("POST /tinjauan/peringatan/{id}", "POST /tinjauan/peringatan/" + victim, "403 403 403 200 200 404 403 403"),
                // review and coordinator pages: dismissing without a reason and fixing many rows without ticking any
                // answer the page again (200) and change nothing; pair 0 does not exist (404)
                line("POST /tinjauan/ditolak/{id}/abaikan", "POST /tinjauan/ditolak/" + rejectedRow + "/abaikan",
                        "403 403 403 200 200 404 403 403"),
                line("POST /tinjauan/massal/{kind}", "POST /tinjauan/massal/ditolak?file=" + file, "403 403 403 200 200 404 403 403"),
                line("GET /pasangan", "GET /pasangan", "302 200 403 200 200 200 403 403"),
                line("GET /pasangan/{id}", "GET /pasangan/0", "302 404 403 404 404 404 403 403"),
                line("POST /pasangan/{id}", "POST /pasangan/0", "403 404 403 404 403 403 403 403"),
                line("GET /dasbor", "GET /dasbor", "302 200 200 200 200 200 200 403"),
                line(null, "GET /dasbor?office=64.72", "302 200 200 200 200 404 200 403"),
                line("GET /dasbor/unduh.xlsx", "GET /dasbor/unduh.xlsx", "302 200 200 200 200 200 200 403"),
                line("GET /dasbor/unduh.csv", "GET /dasbor/unduh.csv", "302 200 200 200 200 200 200 403"),
                // steward pages (web-steward): a completed job and a loaded file cannot be run again (409);
                // an upload form without a file is shown again with its message; an unknown upload is 404
                line("GET /unggah", "GET /unggah", "302 200 200 403 403 403 403 403"),
                line("POST /unggah", "POST /unggah", "403 200 200 403 403 403 403 403"),
                line("GET /unggah/{id}", "GET /unggah/none", "302 404 404 403 403 403 403 403"),
                line("GET /unggah/{id}/status", "GET /unggah/none/status", "302 404 404 403 403 403 403 403"),
                line("GET /jobs", "GET /jobs", "302 200 200 403 403 403 403 403"),
                line("GET /jobs/tabel", "GET /jobs/tabel", "302 200 200 403 403 403 403 403"),
                // live progress (web-live): the stream of a finished run sends its end event and closes;
                // an unknown upload has no stream (404)
                line("GET /jobs/{id}/aliran", "GET /jobs/" + jobExecution + "/aliran", "302 200 200 403 403 403 403 403"),
                line("GET /unggah/{id}/aliran", "GET /unggah/none/aliran", "302 404 404 403 403 403 403 403"),
                line("GET /berkas/{id}/aliran", "GET /berkas/" + file + "/aliran", "302 403 200 403 403 403 403 403"),
                line("POST /jobs/{id}/ulang", "POST /jobs/" + jobExecution + "/ulang", "403 409 409 403 403 403 403 403"),
                // no SFTP source in this test: a source's page is 404; pausing without saying how is 400
                line("GET /sumber", "GET /sumber", "302 200 200 403 403 403 403 403"),
                line("GET /sumber/{office}", "GET /sumber/64.72", "302 404 404 403 403 403 403 403"),
                line("GET /sumber/{office}/jadwal", "GET /sumber/64.72/jadwal?cron=0+0+2+*+*+*", "302 404 404 403 403 403 403 403"),
                line("POST /sumber/{office}/jadwal", "POST /sumber/64.72/jadwal", "403 404 404 403 403 403 403 403"),
                line("POST /sumber/{office}/aktif", "POST /sumber/64.72/aktif", "403 400 400 403 403 403 403 403"),
                line("POST /sumber/{office}/tarik", "POST /sumber/64.72/tarik", "403 404 404 403 403 403 403 403"),
                line("POST /berkas/{id}/muat-ulang", "POST /berkas/" + file + "/muat-ulang", "403 403 409 403 403 403 403 403"),
                // the error page is reached only by the container's own error dispatch; asked for directly it is denied
                line("* /error", "GET /error", "302 403 403 403 403 403 403 403"),
                // actuator endpoints are not in the handler mapping enumerated below, so their lines stand on their own
                line(null, "GET /actuator/health", "200 200 200 200 200 200 200 200"),
                line(null, "GET /actuator/info", "401 200 200 403 403 403 403 403"),
                line(null, "GET /actuator/metrics", "401 200 200 403 403 403 403 403"),
                line(null, "GET /actuator/prometheus", "401 200 200 403 403 403 403 403"),
                line(null, "GET /actuator/env", "401 404 404 403 403 403 403 403"),
                line(null, "GET /nothing-here", "302 403 403 403 403 403 403 403"));
    }

    @Test
    void everyEndpointIsInTheTable() {
        Set<String> mapped = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> mapped.addAll(names(info)));
        Set<String> tabled = new TreeSet<>();
        table().stream().map(Line::mapping).filter(mapping -> mapping != null).forEach(tabled::add);

        assertThat(tabled).as("endpoints in the table").isEqualTo(mapped);
    }

    @Test
    void everyCallerGetsTheStatusOfItsCell() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (Line line : table()) {
            for (int caller = 0; caller < CALLERS.size(); caller++) {
                HttpResponse<String> response = call(CALLERS.get(caller), line.method(), line.path(),
                        "POST".equals(line.method()) ? INVALID_CORRECTION : null);
                if (response.statusCode() != line.statuses().get(caller)) {
                    wrong.add(line.method() + " " + line.path() + " as " + CALLERS.get(caller) + ": "
                            + response.statusCode() + ", expected " + line.statuses().get(caller));
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void anonymousHealthSaysOnlyTheStatus() throws Exception {
        assertThat(call("anonymous", "GET", "/actuator/health", null).body()).contains("\"status\":\"UP\"")
                .doesNotContain("components", "sftp", "db");
        assertThat(call("steward", "GET", "/actuator/health", null).body()).contains("\"components\"");
    }

    @Test
    void aReviewerSeesNamesAndNiksWhileAnotherOfficeSeesNothingOfThem() throws Exception {
        String nik = TestWorkbooks.victim(1).get(4);

        assertThat(call("reviewer", "GET", "/api/review/flags/" + victim, null).body()).contains(nik);
        assertThat(call("other-office", "GET", "/api/review/flags/" + victim, null).body()).doesNotContain(nik);
        assertThat(call("coordinator", "GET", "/api/review/flags/" + victim, null).body()).doesNotContain(nik);
    }

    private static List<String> names(RequestMappingInfo info) {
        Set<String> patterns = info.getPathPatternsCondition() == null ? info.getPatternValues()
                : info.getPathPatternsCondition().getPatternValues();
        List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("*")
                : info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
        List<String> names = new ArrayList<>();
        methods.forEach(method -> patterns.forEach(pattern -> names.add(method + " " + pattern)));
        return names;
    }

    private HttpResponse<String> call(String caller, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path));
        boolean page = !path.startsWith("/api/") && !path.startsWith("/actuator/");
        if (logins.containsKey(caller) && page) {
            request.header("Cookie", session(caller));
        } else if (logins.containsKey(caller)) {
            request.header("Authorization", logins.get(caller));
        }
        if (page && body != null) {
            // a page's form: the session's CSRF token and a note, no cell changed (nothing is written)
            String form = "note=role-matrix" + (logins.containsKey(caller) ? "&_csrf=" + csrf(caller) : "");
            return HttpClient.newHttpClient().send(request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Line line(String mapping, String request, String statuses) {
        String[] parts = request.split(" ", 2);
        return new Line(mapping, parts[0], parts[1], List.of(statuses.split(" ")).stream().map(Integer::valueOf).toList());
    }

    private record Line(String mapping, String method, String path, List<Integer> statuses) {
    }

    /** The session cookie of a form sign-in, as the pages take it (the API takes HTTP Basic only). */
    private String session(String caller) throws Exception {
        if (!sessions.containsKey(caller)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create(base() + "/login")).build(),
                    HttpResponse.BodyHandlers.ofString());
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(token.find()).as("the sign-in form carries a CSRF token").isTrue();
            String[] credentials = new String(Base64.getDecoder().decode(logins.get(caller).substring("Basic ".length())),
                    StandardCharsets.UTF_8).split(":", 2);
            String body = "username=" + URLEncoder.encode(credentials[0], StandardCharsets.UTF_8)
                    + "&password=" + URLEncoder.encode(credentials[1], StandardCharsets.UTF_8)
                    + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = client.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookie(form))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.headers().firstValue("Location")).as(caller + " signs in").hasValueSatisfying(
                    location -> assertThat(location).doesNotContain("error"));
            sessions.put(caller, cookie(signedIn));
        }
        return sessions.get(caller);
    }

    /** A CSRF token of the caller's session, from a form the session is shown. */
    private String csrf(String caller) throws Exception {
        HttpResponse<String> form = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Cookie", session(caller)).build(), HttpResponse.BodyHandlers.ofString());
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
        assertThat(token.find()).isTrue();
        return URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
    }

    private static String cookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';'))).findFirst().orElseThrow();
    }

    private String base() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }
}

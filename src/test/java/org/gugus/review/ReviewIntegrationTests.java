package org.gugus.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.intake.FileOutcome;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
class ReviewIntegrationTests {

    private static final int NIK = 4;
    private static final int SEX = 5;
    private static final int REGENCY = 8;

    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) {
        IntegrationTest.isolate(registry);
    }

    @Autowired
    FileReception reception;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    GugusCommands gugus;

    @Autowired
    JsonMapper json;

    @Autowired
    Environment environment;

    @Autowired
    Accounts accounts;

    @TempDir
    Path files;

    @Test
    void listsTheRejectedRowsOfAFileAndOfAnOfficeNamingFileSheetRowColumnAndValue() {
        FileOutcome delivery = load("64.01", "paser-06.csv", rows -> {
            rows.get(1).set(NIK, "64720112");
            rows.get(2).set(REGENCY, "Kupang");
        });

        Command byFile = run("rejections", "list", "--file", String.valueOf(delivery.fileId()));
        Command byOffice = run("rejections", "list", "--regency", "6401", "--json");

        assertThat(byFile.status).isZero();
        assertThat(byFile.out).contains("Berkas 'paser-06.csv', lembar 'paser-06', baris 3, kolom 'NIK', nilai '64720112': NIK",
                "File 'paser-06.csv', sheet 'paser-06', row 3, column 'NIK', value '64720112'", "E_REGION_UNKNOWN",
                "53.01 Kabupaten Kupang", "53.71 Kota Kupang");
        Map<?, ?> listed = json.readValue(byOffice.out, Map.class);
        assertThat(listed.get("count")).isEqualTo(2);
        assertThat(delivery.rejectionsByCode()).containsEntry("E_NIK_FORMAT", 1L).containsEntry("E_REGION_UNKNOWN", 1L);
    }

    @Test
    void showsOneRejectedRowOrFlaggedVictimWithWhatTheOfficeWroteAndAuditsTheRead() {
        FileOutcome rejecting = load("64.71", "balikpapan-06.csv", rows -> rows.get(1).set(NIK, "64720112"));
        FileOutcome flagging = load("64.74", "bontang-06.csv", rows -> rows.get(1).set(SEX, "L"));  // NIK of a woman
        long rejectedId = rejectedRowIds(rejecting.fileId()).get(0);
        long victimId = jdbc.sql("select distinct victim_id from warehouse.victim_flag f join warehouse.victim v on v.id = f.victim_id"
                + " where v.office_code = '64.74'").query(Long.class).single();

        Command rejected = run("rejections", "show", String.valueOf(rejectedId));
        Command rejectedJson = run("rejections", "show", String.valueOf(rejectedId), "--json");
        Command flagged = run("flags", "show", String.valueOf(victimId));
        Command missing = run("flags", "show", "987654");

        assertThat(rejected.status).as(rejected.err).isZero();
        assertThat(rejected.out).contains("balikpapan-06.csv", "E_NIK_FORMAT", "64720112");
        assertThat(json.readValue(rejectedJson.out, Map.class)).containsEntry("id", (int) rejectedId)
                .containsKey("original");
        assertThat(flagged.status).as(flagged.err).isZero();
        assertThat(flagged.out).contains("bontang-06.csv", "W_NIK_SEX");
        assertThat(missing.status).isEqualTo(1);
        assertThat(missing.err).contains("Korban #987654 tidak ada", "Victim #987654 does not exist");
        assertThat(jdbc.sql("select target from access.audit_event where target like 'gugus % show %' order by id")
                .query(String.class).list())
                .containsExactly("gugus rejections show " + rejectedId, "gugus rejections show " + rejectedId,
                        "gugus flags show " + victimId);
    }

    @Test
    void resubmitsACorrectedRowIntoTheWarehouseWithLineageToTheRowAndTheCorrection() {
        FileOutcome delivery = load("64.02", "kukar-06.csv", rows -> rows.get(1).set(NIK, "64720112"));
        long rejectedId = rejectedRowIds(delivery.fileId()).get(0);

        Command failed = run("rejections", "resubmit", String.valueOf(rejectedId), "--set", "NIK=6472011", "--by", "dina");
        Command passed = run("rejections", "resubmit", String.valueOf(rejectedId), "--set", "NIK=" + nik(2),
                "--by", "dina", "--note", "NIK dari KK", "--json");

        assertThat(failed.status).isEqualTo(2);
        assertThat(failed.out).contains("REJECTED", "E_NIK_FORMAT");
        assertThat(passed.status).as(passed.err).isZero();
        Map<?, ?> correction = json.readValue(passed.out, Map.class);
        assertThat(correction.get("outcome")).isEqualTo("INSERTED");
        long correctionId = ((Number) correction.get("id")).longValue();
        Map<String, Object> victim = jdbc.sql("""
                select source_file_id, source_sheet, source_row, source_correction_id, nik, origin_regency_code
                  from warehouse.victim where office_code = '64.02' and victim_name = 'Korban Nomor 2'
                """).query().singleRow();
        assertThat(victim).containsEntry("source_file_id", delivery.fileId()).containsEntry("source_row", 3)
                .containsEntry("source_correction_id", correctionId).containsEntry("nik", nik(2))
                .containsEntry("origin_regency_code", "64.72");
        assertThat(jdbc.sql("select status, corrected_by from warehouse.rejected_row where id = ?").param(rejectedId)
                .query().singleRow()).containsEntry("status", "CORRECTED").containsEntry("corrected_by", correctionId);
        assertThat(jdbc.sql("select outcome from review.correction where rejected_row_id = ? order by id")
                .param(rejectedId).query(String.class).list()).containsExactly("REJECTED", "INSERTED");
        assertThat(jdbc.sql("select original ->> 'NIK' from warehouse.rejected_row where id = ?").param(rejectedId)
                .query(String.class).single()).isEqualTo("64720112");
        assertThat(run("rejections", "list", "--file", String.valueOf(delivery.fileId())).out).isEmpty();
        assertThat(run("rejections", "list", "--file", String.valueOf(delivery.fileId()), "--status", "ALL").out)
                .contains("[CORRECTED]");
    }

    @Test
    void dismissesARejectedRowOnlyWithAReasonAndOnlyOnce() {
        FileOutcome delivery = load("64.03", "kukar-uji.csv", rows -> rows.get(1).set(NIK, "64720112"));
        long rejectedId = rejectedRowIds(delivery.fileId()).get(0);

        Command withoutReason = run("rejections", "dismiss", String.valueOf(rejectedId), "--reason", " ", "--by", "dina");
        Command dismissed = run("rejections", "dismiss", String.valueOf(rejectedId), "--reason", "baris uji pelatihan",
                "--by", "dina");
        Command again = run("rejections", "dismiss", String.valueOf(rejectedId), "--reason", "sekali lagi", "--by", "dina");

        assertThat(withoutReason.status).isEqualTo(1);
        assertThat(withoutReason.err).contains("alasan");
        assertThat(dismissed.status).as(dismissed.err).isZero();
        assertThat(dismissed.out).contains("diabaikan", "dismissed");
        assertThat(again.status).isEqualTo(1);
        assertThat(again.err).contains("DISMISSED");
        assertThat(jdbc.sql("select dismissed_by || ':' || reason from review.dismissal where rejected_row_id = ?")
                .param(rejectedId).query(String.class).list()).containsExactly("dina:baris uji pelatihan");
        assertThat(run("rejections", "list", "--file", String.valueOf(delivery.fileId())).out).isEmpty();
        assertThat(run("rejections", "list", "--file", String.valueOf(delivery.fileId()), "--status", "DISMISSED").out)
                .contains("[DISMISSED]");
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.03'").query(Long.class).single())
                .isEqualTo(2);
    }

    @Test
    void correctsAFlaggedVictimKeepingThePreviousVersionAsHistory() {
        FileOutcome delivery = load("64.03", "berau-06.csv", rows -> rows.get(1).set(SEX, "L"));  // NIK of a woman
        assertThat(delivery.warningsByCode()).containsEntry("W_NIK_SEX", 1L);

        Command byFile = run("flags", "list", "--file", String.valueOf(delivery.fileId()));
        Command byOffice = run("flags", "list", "--regency", "64.03", "--code", "W_NIK_SEX", "--json");

        assertThat(byFile.out).contains("W_NIK_SEX", "Berkas 'berau-06.csv', lembar 'berau-06', baris 3, kolom 'Jenis Kelamin', nilai 'L'");
        List<?> flags = (List<?>) json.readValue(byOffice.out, Map.class).get("flags");
        assertThat(flags).hasSize(1);
        long victimId = ((Number) ((Map<?, ?>) flags.get(0)).get("victim_id")).longValue();

        Command corrected = run("flags", "resubmit", String.valueOf(victimId), "--set", "Jenis Kelamin=P", "--by", "dina");

        assertThat(corrected.status).as(corrected.err).isZero();
        assertThat(corrected.out).contains("UPDATED");
        assertThat(run("flags", "list", "--file", String.valueOf(delivery.fileId())).out).isEmpty();
        assertThat(jdbc.sql("select sex || version from warehouse.victim where id = ?").param(victimId)
                .query(String.class).single()).isEqualTo("P2");
        assertThat(jdbc.sql("""
                select case_row ->> 'sex', replaced_by_file_id is null, replaced_by_correction_id is not null
                  from warehouse.victim_history where victim_id = ?
                """).param(victimId).query((rs, n) -> rs.getString(1) + rs.getBoolean(2) + rs.getBoolean(3)).single())
                .isEqualTo("Ltruetrue");
    }

    @Test
    void correctsTheNikOfAFlaggedVictimWithoutMakingASecondRecord() {
        FileOutcome delivery = load("64.07", "kubar-06.csv", rows -> rows.get(0).set(NIK, "6404" + nik(1).substring(4)));
        long victimId = jdbc.sql("select id from warehouse.victim where office_code = '64.07' and victim_name = 'Korban Nomor 1'")
                .query(Long.class).single();
        assertThat(delivery.warningsByCode()).containsEntry("W_NIK_REGION", 1L);

        Command corrected = run("flags", "resubmit", String.valueOf(victimId), "--set", "nik=" + nik(1), "--by", "dina");

        assertThat(corrected.status).as(corrected.err).isZero();
        assertThat(jdbc.sql("select count(*) from warehouse.victim where office_code = '64.07'").query(Long.class).single())
                .isEqualTo(3);
        assertThat(jdbc.sql("select nik from warehouse.victim where id = ?").param(victimId).query(String.class).single())
                .isEqualTo(nik(1));
    }

    @Test
    void offersListingAndCorrectionAsJsonOverHttp() throws Exception {
        FileOutcome delivery = load("64.08", "kutim-06.csv", rows -> rows.get(2).set(REGENCY, "Atlantis"));
        long rejectedId = rejectedRowIds(delivery.fileId()).get(0);

        HttpResponse<String> listed = get("/api/review/rejections?file=" + delivery.fileId());
        HttpResponse<String> unknownColumn = post("/api/review/rejections/" + rejectedId + "/corrections",
                "{\"values\": {\"Warna Favorit\": \"biru\"}, \"submitted_by\": \"dina\"}");
        HttpResponse<String> corrected = post("/api/review/rejections/" + rejectedId + "/corrections",
                "{\"values\": {\"Kabupaten/Kota Asal\": \"Kab. Kutai Timur\"}, \"submitted_by\": \"dina\"}");
        HttpResponse<String> missing = get("/api/review/rejections/999999");
        HttpResponse<String> shown = get("/api/review/rejections/" + rejectedId);

        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"count\":1", "E_REGION_UNKNOWN", "baris 4, kolom 'Kabupaten/Kota Asal', nilai 'Atlantis'");
        assertThat(unknownColumn.statusCode()).isEqualTo(400);
        assertThat(corrected.statusCode()).isEqualTo(201);
        assertThat(json.readValue(corrected.body(), Map.class).get("outcome")).isEqualTo("INSERTED");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(shown.body()).contains("\"status\":\"CORRECTED\"", "\"submitted_by\":\"dina\"");
        assertThat(get("/api/review/flags?regency=64.08").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select origin_regency_code from warehouse.victim where office_code = '64.08' and victim_name = 'Korban Nomor 3'")
                .query(String.class).single()).isEqualTo("64.08");
    }

    @Test
    void refusesAnInvalidPageSizeAndCapsALargeOne() throws Exception {
        FileOutcome delivery = load("64.09", "ppu-06.csv", rows -> rows.get(0).set(NIK, "64720112"));

        HttpResponse<String> negative = get("/api/review/rejections?regency=64.09&limit=-1");
        HttpResponse<String> notANumber = get("/api/review/rejections?regency=64.09&limit=banyak");
        HttpResponse<String> huge = get("/api/review/rejections?regency=64.09&limit=100000000");

        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("limit");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(huge.statusCode()).isEqualTo(200);
        assertThat(huge.body()).contains("\"count\":1");
        assertThat(delivery.rejected()).isEqualTo(1);
    }

    @Test
    void keepsTheRowPointingToTheCorrectionTheVictimCameFromWhenTheSameCorrectionIsSentTwice() {
        FileOutcome delivery = load("64.11", "mahulu-06.csv", rows -> rows.get(1).set(NIK, "64720112"));
        long rejectedId = rejectedRowIds(delivery.fileId()).get(0);

        Command first = run("rejections", "resubmit", String.valueOf(rejectedId), "--set", "NIK=" + nik(2), "--by", "dina",
                "--json");
        Command second = run("rejections", "resubmit", String.valueOf(rejectedId), "--set", "NIK=" + nik(2), "--by", "dina",
                "--json");

        assertThat(json.readValue(first.out, Map.class).get("outcome")).isEqualTo("INSERTED");
        assertThat(json.readValue(second.out, Map.class).get("outcome")).isEqualTo("UNCHANGED");
        long firstId = ((Number) json.readValue(first.out, Map.class).get("id")).longValue();
        long correctedBy = jdbc.sql("select corrected_by from warehouse.rejected_row where id = ?").param(rejectedId)
                .query(Long.class).single();
        long victimSource = jdbc.sql("""
                select source_correction_id from warehouse.victim where office_code = '64.11' and nik = ?
                """).param(nik(2)).query(Long.class).single();
        assertThat(correctedBy).isEqualTo(firstId).isEqualTo(victimSource);
    }

    private FileOutcome load(String office, String name, Consumer<List<List<String>>> change) {
        List<List<String>> rows = TestWorkbooks.victims(3);
        change.accept(rows);
        return reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name, FileSource.COMMAND_LINE);
    }

    private List<Long> rejectedRowIds(long fileId) {
        return jdbc.sql("select id from warehouse.rejected_row where file_id = ? order by id").param(fileId)
                .query(Long.class).list();
    }

    private static String nik(int n) {
        return TestWorkbooks.victim(n).get(NIK);
    }

    private Command run(String name, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> command = new ArrayList<>(List.of(name));
        command.addAll(List.of(arguments));
        int status = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), command.toArray(String[]::new));
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", dina()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri(path)).header("Authorization", dina())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String dina() {
        return TestLogins.basic(accounts, "dina", Role.REVIEWER, null);
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + environment.getProperty("local.server.port") + path);
    }

    private record Command(int status, String out, String err) {
    }
}

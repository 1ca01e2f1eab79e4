package org.gugus.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.gugus.persons.PersonsChanged;
import org.gugus.system.GugusCommands;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The indicators on a fixture counted by hand: five persons (by NIK) in seven reports of two offices
 * (Samarinda 64.72, Balikpapan 64.71), five cases, 2023 and 2024.
 * <pre>
 * person  office case          date        sex age            origin  exploitation  destination stage        service
 * n2      64.72  SMD/2023/01   2023-03-10  P   18 (written)   64.72   SEKSUAL       MY          PENYIDIKAN   REHABILITASI_SOSIAL
 * n2      64.71  BPP/2024/01   2024-02-05  P   17, born 2006-12-01 64.71 KERJA_PAKSA ID         PUTUSAN      KESEHATAN
 * n4      64.72  SMD/2023/01   2023-03-10  P   25             64.72   SEKSUAL       MY          PENYIDIKAN   REHABILITASI_SOSIAL
 * n5      64.72  SMD/2024/02   2024-06-01  L   40             64.02   ABK           TW          DIHENTIKAN   PEMULANGAN
 * n5      64.72  SMD/2024/03   2024-09-15  L   40             64.02   KERJA_PAKSA   TW          LAPORAN      -
 * n7      64.71  BPP/2024/01   2024-02-05  L   12             64.71   KERJA_PAKSA   ID          PUTUSAN      KESEHATAN
 * n9      64.71  BPP/2024/04   2024-11-20  L   born 2010-05-01 64.72  PENGEMIS      -           -            -
 * </pre>
 * n2's earliest report writes 18, but her later report gives a birth date: she was 16 on her
 * earliest report date, so a child over all reports; in Samarinda's reports alone she is 18.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportingIntegrationTests {

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
    ApplicationEventPublisher events;

    @Autowired
    Environment environment;

    @Autowired
    Accounts accounts;

    @Autowired
    IndicatorQueries queries;

    @Autowired
    WarehouseSource warehouse;

    @Autowired
    PlatformTransactionManager transactions;

    @TempDir
    static Path files;

    private Map<String, Long> persons;

    @BeforeAll
    void twoOfficesReportFivePersonsInFiveCasesOverTwoYears() {
        load("64.72", "samarinda-2024.csv", List.of(
                row(2, "SMD/2023/01", "10/03/2023", "", "18", "Samarinda", "Eksploitasi Seksual", "Media Sosial", "Malaysia",
                        "Penyidikan", "Rumah Aman"),
                row(4, "SMD/2023/01", "10/03/2023", "", "25", "Samarinda", "Eksploitasi Seksual", "Media Sosial", "Malaysia",
                        "Penyidikan", "Rumah Aman"),
                row(5, "SMD/2024/02", "01/06/2024", "", "40", "Kutai Kartanegara", "Anak Buah Kapal", "Media Sosial", "Taiwan",
                        "Dihentikan", "Pemulangan"),
                row(5, "SMD/2024/03", "15/09/2024", "", "40", "Kutai Kartanegara", "Kerja Paksa", "Jeratan Utang", "Taiwan",
                        "Laporan", "")));
        List<String> n9 = row(9, "BPP/2024/04", "20/11/2024", "01/05/2010", "", "Samarinda", "Pengemis", "Media Sosial", "",
                "", "");
        n9.set(4, "");
        load("64.71", "=balikpapan-2024.csv", List.of(
                row(2, "BPP/2024/01", "05/02/2024", "01/12/2006", "17", "Balikpapan", "Kerja Paksa", "Media Sosial",
                        "Dalam Negeri", "Putusan", "Visum"),
                row(7, "BPP/2024/01", "05/02/2024", "", "12", "Balikpapan", "Kerja Paksa", "Media Sosial", "Dalam Negeri",
                        "Putusan", "Visum"),
                n9));
        persons = TestLinkage.linkByNik(jdbc, events);
        assertThat(jdbc.sql("select count(*) from reporting.report").query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void countsEveryIndicatorOverAllReportsAsTheSpecSays() {
        Map<String, Object> report = report("--no-suppression");

        assertThat(report).containsEntry("unique_victims", 5).containsEntry("reports", 7).containsEntry("cases", 5)
                .containsEntry("children", 3).containsEntry("multi_office_victims", 1)
                .containsEntry("re_trafficked_victims", 2);
        assertThat(report.get("by_sex")).isEqualTo(Map.of("L", 3, "P", 2));
        assertThat(report.get("by_age_group")).isEqualTo(Map.of("6-12", 1, "13-17", 2, "25-59", 2));
        assertThat(report.get("by_exploitation")).isEqualTo(Map.of("SEKSUAL", 2, "KERJA_PAKSA", 3, "ABK", 1, "PENGEMIS", 1));
        assertThat(report.get("by_recruitment")).isEqualTo(Map.of("DARING", 5, "JERATAN_UTANG", 1));
        assertThat(report.get("by_destination_country")).isEqualTo(Map.of("MY", 2, "ID", 2, "TW", 1));
        assertThat(report.get("by_origin_regency")).isEqualTo(Map.of("64.71", 2, "64.72", 2, "64.02", 1));
        assertThat(report.get("by_origin_province")).isEqualTo(Map.of("64", 5));
        assertThat(report.get("by_office")).isEqualTo(Map.of("64.71", 3, "64.72", 3));
        assertThat(report.get("by_case_stage")).isEqualTo(Map.of("PUTUSAN", 2, "PENYIDIKAN", 1, "LAPORAN", 1, "unknown", 1));
        assertThat(report.get("by_service")).isEqualTo(Map.of("REHABILITASI_SOSIAL", 2, "KESEHATAN", 2, "PEMULANGAN", 1));
        assertThat(report.get("by_month")).isEqualTo(Map.of("2023-03", 2, "2024-02", 1, "2024-06", 1, "2024-11", 1));
        assertThat(report.get("suppression")).isEqualTo(Map.of("k", 5, "applied", false));
    }

    @Test
    void countsAPeriodWithTheValuesOfItsReportsOnly() {
        Map<String, Object> report = report("--no-suppression", "--from", "2024-01-01", "--to", "2024-12-31");

        assertThat(report).containsEntry("from", "2024-01-01").containsEntry("to", "2024-12-31")
                .containsEntry("unique_victims", 4).containsEntry("reports", 5).containsEntry("cases", 4)
                .containsEntry("children", 3).containsEntry("multi_office_victims", 0)
                .containsEntry("re_trafficked_victims", 1);
        assertThat(report.get("by_sex")).isEqualTo(Map.of("L", 3, "P", 1));
        assertThat(report.get("by_age_group")).isEqualTo(Map.of("6-12", 1, "13-17", 2, "25-59", 1));
        assertThat(report.get("by_exploitation")).isEqualTo(Map.of("KERJA_PAKSA", 3, "ABK", 1, "PENGEMIS", 1));
        assertThat(report.get("by_office")).isEqualTo(Map.of("64.71", 3, "64.72", 1));
        assertThat(report.get("by_case_stage")).isEqualTo(Map.of("PUTUSAN", 2, "LAPORAN", 1, "unknown", 1));
        assertThat(report.get("by_month")).isEqualTo(Map.of("2024-02", 2, "2024-06", 1, "2024-11", 1));
    }

    @Test
    void countsAnOfficeWithThatOfficesReportsOnly() {
        Map<String, Object> report = report("--no-suppression", "--office", "6472");

        assertThat(report).containsEntry("office", "64.72").containsEntry("unique_victims", 3).containsEntry("reports", 4)
                .containsEntry("cases", 3).containsEntry("children", 0).containsEntry("multi_office_victims", 0)
                .containsEntry("re_trafficked_victims", 1);
        assertThat(report.get("by_age_group")).isEqualTo(Map.of("18-24", 1, "25-59", 2));
        assertThat(report.get("by_origin_regency")).isEqualTo(Map.of("64.72", 2, "64.02", 1));
        assertThat(report.get("by_office")).isEqualTo(Map.of("64.72", 3));
        assertThat(report.get("by_case_stage")).isEqualTo(Map.of("PENYIDIKAN", 2, "LAPORAN", 1));
        assertThat(report("--no-suppression", "--office", "64.71", "--to", "2023-12-31"))
                .containsEntry("unique_victims", 0).containsEntry("by_sex", Map.of());
    }

    @Test
    void suppressesSmallCellsByDefaultAsStrings() {
        Map<String, Object> report = report();

        assertThat(report.get("suppression")).isEqualTo(Map.of("k", 5, "applied", true));
        assertThat(report).containsEntry("unique_victims", 5).containsEntry("reports", 7).containsEntry("cases", 5)
                .containsEntry("children", "<5").containsEntry("multi_office_victims", "<5");
        assertThat(report.get("by_sex")).isEqualTo(Map.of("L", "<5", "P", "<5"));
        assertThat(report.get("by_recruitment")).isEqualTo(Map.of("DARING", 5, "JERATAN_UTANG", "<5"));
        assertThat(report.get("by_origin_province")).isEqualTo(Map.of("64", 5));
        assertThat(json.writeValueAsString(report)).doesNotContain("Siti Aminah", TestWorkbooks.victim(2).get(4));
    }

    @Test
    void writesAWorkbookThatLibreOfficeOpensWithASheetPerIndicatorAndTheFilesBehindIt() throws Exception {
        Path xlsx = files.resolve("laporan.xlsx");
        Command made = run("report", "--format", "xlsx", "--out", xlsx.toString(), "--from", "2023-01-01");

        assertThat(made.status).as(made.err).isZero();
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = WorkbookFactory.create(in)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).startsWith("Ringkasan", "by_sex", "by_age_group").endsWith("by_month", "Berkas").hasSize(13);
            Sheet summary = workbook.getSheet("Ringkasan");
            assertThat(summary.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Laporan TPPO / TPPO report");
            assertThat(summary.getRow(1).getCell(1).getStringCellValue()).startsWith("Periode 2023-01-01 s.d. …");
            assertThat(summary.getRow(3).getCell(1).getStringCellValue()).contains("\"<5\"");
            Sheet sources = workbook.getSheet("Berkas");
            assertThat(sources.getRow(7).getCell(2).getStringCellValue()).isEqualTo("samarinda-2024.csv");
            assertThat(sources.getRow(8).getCell(2).getStringCellValue()).isEqualTo("=balikpapan-2024.csv");
            assertThat(sources.getRow(8).getCell(2).getCellStyle().getQuotePrefixed()).isTrue();
        }
        Path converted = files.resolve("converted");
        Process soffice = new ProcessBuilder("soffice", "--headless", "-env:UserInstallation=file://" + files.resolve("lo"),
                "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", converted.toString(), xlsx.toString())
                .redirectErrorStream(true).start();
        String said = new String(soffice.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(soffice.waitFor()).as(said).isZero();
        String firstSheet = Files.readString(converted.resolve("laporan.csv"), StandardCharsets.UTF_8);
        assertThat(firstSheet).contains("Laporan TPPO / TPPO report", "unique_victims,Korban (orang),Victims (persons),5",
                "children,Korban anak (di bawah 18 tahun),Child victims (under 18),<5");
    }

    @Test
    void writesCsvWhoseCellsNoSpreadsheetRunsAsFormulas() throws Exception {
        Path csv = files.resolve("laporan.csv");
        Command made = run("report", "--format", "csv", "--out", csv.toString());

        assertThat(made.status).as(made.err).isZero();
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("source_file,", ",'=balikpapan-2024.csv,64.71,", "by_sex,P,Perempuan,Female,<5")
                .doesNotContain(",=balikpapan");
    }

    @Test
    void aReportTakesItsRecordsCodeListsAsTheRecordKeepsThemAndAnEmptyListForOneItLacksOrHoldsAsNull() {
        // a record written before V107 keeps its case fields as jsonb, which may lack a list
        assertThat(reportedCodeLists("""
                update warehouse.victim
                   set case_row = to_jsonb(case_fields) - 'services' || '{"exploitation": ["ABK", "SEKSUAL"],
                                                                          "recruitment": null}',
                       case_fields = null
                 where id = ?
                """)).isEqualTo(List.of(List.of("ABK", "SEKSUAL"), List.of(), List.of()));
        // a record written since keeps them as a row
        assertThat(reportedCodeLists("""
                update warehouse.victim
                   set case_fields = row((case_fields).case_number, (case_fields).report_date,
                                         (case_fields).incident_date, array['ABK', 'SEKSUAL'], null,
                                         (case_fields).case_stage, null)::warehouse.case_row_fields
                 where id = ? and case_row is null
                """)).isEqualTo(List.of(List.of("ABK", "SEKSUAL"), List.of(), List.of()));
    }

    /** The code lists of the first record's report after {@code change} to it ({@code ?}: its id), rolled back. */
    private List<List<Object>> reportedCodeLists(String change) {
        return new TransactionTemplate(transactions).execute(status -> {
            long victim = jdbc.sql("select min(id) from warehouse.victim").query(Long.class).single();
            assertThat(jdbc.sql(change).param(victim).update()).isOne();
            long person = jdbc.sql("select person_id from persons.victim_person where victim_id = ?").param(victim)
                    .query(Long.class).single();
            jdbc.sql("create temporary table fresh_reports (like reporting.report) on commit drop").update();

            warehouse.copyReportsOf(new Long[] {person}, "pg_temp.fresh_reports");

            status.setRollbackOnly();
            return jdbc.sql("select exploitation, recruitment, services from fresh_reports where victim_id = ?")
                    .param(victim).query((rs, n) -> List.of(List.of((Object[]) rs.getArray(1).getArray()),
                            List.of((Object[]) rs.getArray(2).getArray()), List.of((Object[]) rs.getArray(3).getArray())))
                    .single();
        });
    }

    @Test
    void exportsVictimRecordsWithPersonAndLineageButNoNameOrNik() throws Exception {
        Path csv = files.resolve("korban.csv");
        Command made = run("export", "victims", "--format", "csv", "--out", csv.toString(), "--office", "64.72");

        assertThat(made.status).as(made.err).isZero();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("\uFEFF" + String.join(",", VictimExport.COLUMNS));
        assertThat(lines).hasSize(5);
        long n5 = persons.get(TestWorkbooks.victim(5).get(4));
        assertThat(lines.get(3)).isEqualTo(n5 + ",64.72,SMD/2024/02,samarinda-2024.csv,samarinda-2024,4,L,,40,64.02,ABK,TW,DIHENTIKAN,2024-06-01");
        assertThat(String.join("\n", lines)).doesNotContain("Rahmat Hidayat", TestWorkbooks.victim(5).get(4));
        Path xlsx = files.resolve("korban.xlsx");
        assertThat(run("export", "victims", "--format", "xlsx", "--out", xlsx.toString()).status).isZero();
        try (InputStream in = Files.newInputStream(xlsx); Workbook workbook = WorkbookFactory.create(in)) {
            assertThat(workbook.getSheet("Korban").getLastRowNum()).isEqualTo(7);
            assertThat(workbook.getSheet("Korban").getRow(1).getCell(3).getStringCellValue()).isEqualTo("=balikpapan-2024.csv");
        }
    }

    @Test
    void aProvincialReviewerGoesFromACellToItsPersonsWhileACoordinatorGetsSuppressionAlways() throws Exception {
        String reviewer = TestLogins.basic(accounts, "reviewer", Role.REVIEWER, null);
        String coordinator = TestLogins.basic(accounts, "coordinator", Role.COORDINATOR, null);
        String samarinda = TestLogins.basic(accounts, "samarinda", Role.OFFICE, "64.72");

        HttpResponse<String> behind = get(reviewer, "/api/reports/indicators/persons?indicator=by_exploitation&code=SEKSUAL");
        HttpResponse<String> forced = get(coordinator, "/api/reports/indicators?suppression=false");
        HttpResponse<String> unsuppressed = get(reviewer, "/api/reports/indicators?suppression=false&from=2024-01-01");
        HttpResponse<String> ownOffice = get(samarinda, "/api/reports/indicators?suppression=false");

        assertThat(behind.statusCode()).as(behind.body()).isEqualTo(200);
        @SuppressWarnings("unchecked")
        List<Object> ids = (List<Object>) json.readValue(behind.body(), Map.class).get("person_ids");
        assertThat(ids).containsExactlyInAnyOrder(
                persons.get(TestWorkbooks.victim(2).get(4)).intValue(), persons.get(TestWorkbooks.victim(4).get(4)).intValue());
        Map<?, ?> coordinatorReport = json.readValue(forced.body(), Map.class);
        assertThat(coordinatorReport.get("suppression")).isEqualTo(Map.of("k", 5, "applied", true));
        assertThat(coordinatorReport.get("children")).isEqualTo("<5");
        assertThat(json.readValue(unsuppressed.body(), Map.class).get("unique_victims")).isEqualTo(4);
        Map<?, ?> office = json.readValue(ownOffice.body(), Map.class);
        assertThat(office.get("office")).isEqualTo("64.72");
        assertThat(office.get("unique_victims")).isEqualTo(3);
        HttpResponse<String> workbook = get(coordinator, "/api/reports/indicators.xlsx");
        assertThat(workbook.headers().firstValue("Content-Disposition")).hasValueSatisfying(value ->
                assertThat(value).contains("laporan-tppo.xlsx"));
        assertThat(get(reviewer, "/api/reports/indicators/persons?indicator=by_nothing&code=X").statusCode()).isEqualTo(400);
        assertThat(get(reviewer, "/api/reports/indicators?from=2024-13-01").statusCode()).isEqualTo(400);
    }

    @Test
    void theCellOfAPeriodAndOfficeListsThePersonsItCounts() {
        long n2 = persons.get(TestWorkbooks.victim(2).get(4));
        long n4 = persons.get(TestWorkbooks.victim(4).get(4));
        long n5 = persons.get(TestWorkbooks.victim(5).get(4));
        ReportQuery samarinda2024 = ReportQuery.of("2024-01-01", "2024-12-31", "64.72");
        ReportQuery samarindaSpan = ReportQuery.of("2023-03-10", "2024-06-01", "64.72");
        ReportQuery every2024 = ReportQuery.of("2024-01-01", "2024-12-31", null);

        assertThat(queries.persons(samarinda2024, Indicator.UNIQUE_VICTIMS, "")).containsExactly(n5);
        assertThat(queries.persons(samarindaSpan, Indicator.UNIQUE_VICTIMS, "")).containsExactlyInAnyOrder(n2, n4, n5);
        assertThat(queries.persons(samarindaSpan, Indicator.BY_EXPLOITATION, "SEKSUAL")).containsExactlyInAnyOrder(n2, n4);
        for (ReportQuery query : List.of(samarinda2024, samarindaSpan, every2024)) {
            queries.count(query, List.of(Indicator.UNIQUE_VICTIMS, Indicator.BY_SEX, Indicator.BY_EXPLOITATION))
                    .forEach((indicator, cells) -> cells.forEach((code, n) ->
                            assertThat(queries.persons(query, indicator, code)).as("%s %s %s", query, indicator, code)
                                    .hasSize(n.intValue())));
        }
    }

    @Test
    void aRebuildCountsWhatTheIncrementalRefreshesCounted() {
        Map<String, Object> incremental = report("--no-suppression");
        String persons = "select (to_jsonb(p) - 'refreshed_at')::text from reporting.person p order by person_id";
        List<String> before = jdbc.sql(persons).query(String.class).list();

        events.publishEvent(new PersonsChanged(Set.of(), true));

        assertThat(report("--no-suppression")).isEqualTo(incremental);
        assertThat(jdbc.sql(persons).query(String.class).list()).hasSize(5).isEqualTo(before);
    }

    private Map<String, Object> report(String... options) {
        List<String> args = new ArrayList<>(List.of("report", "--json"));
        args.addAll(List.of(options));
        Command result = run(args.toArray(String[]::new));
        assertThat(result.status).as(result.err).isZero();
        @SuppressWarnings("unchecked")
        Map<String, Object> report = json.readValue(result.out, Map.class);
        return report;
    }

    private HttpResponse<String> get(String login, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://localhost:" + environment.getProperty("local.server.port") + path))
                .header("Authorization", login).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Real names: "Korban Nomor n" is a placeholder, which linkage takes for no name at all. */
    private static final Map<Integer, String> NAMES = Map.of(2, "Siti Aminah", 4, "Dewi Lestari", 5, "Rahmat Hidayat",
            7, "Budi Santoso", 9, "Andi Saputra");

    private static List<String> row(int n, String caseNumber, String reportDate, String birthDate, String age,
            String regency, String exploitation, String recruitment, String destination, String stage, String services) {
        List<String> row = TestWorkbooks.victim(n);
        row.set(1, caseNumber);
        row.set(3, NAMES.get(n));
        row.set(2, reportDate);
        row.set(6, birthDate);
        row.set(7, age);
        row.set(8, regency);
        row.set(9, exploitation);
        row.set(10, recruitment);
        row.set(11, destination);
        row.set(12, stage);
        row.set(13, services);
        return row;
    }

    private void load(String office, String name, List<List<String>> rows) {
        FileOutcome outcome = reception.receive(TestWorkbooks.csv(files.resolve(name.replace("=", "")), rows), office, name,
                FileSource.COMMAND_LINE);
        assertThat(outcome.rejectionsByCode()).as(name).isEmpty();
    }

    private Command run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = gugus.execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                args);
        return new Command(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private record Command(int status, String out, String err) {
    }
}

package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.intake.FileOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reviewers' and coordinators' pages in a real browser: dismissing a row with a reason, fixing
 * one code in many rows at once, deciding a possible duplicate, the coordinators' dashboard, and
 * what an office user cannot reach.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewerAndCoordinatorBrowserTests {

    private static final int REPORT_DATE = 2;
    private static final int NAME = 3;
    private static final int NIK = 4;
    private static final int ORIGIN = 8;

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

    @LocalServerPort
    int port;

    @TempDir
    static Path files;

    private WebDriver browser;
    private long samarindaFile;
    private long pair;
    private final List<List<String>> loaded = new ArrayList<>();

    @BeforeAll
    void samarindaSentWrongDatesAndPenajamPaserUtaraReportedOneWomanTwice() {
        List<List<String>> rows = TestWorkbooks.victims(12);
        rows.get(1).set(REPORT_DATE, "31/02/2024");
        rows.get(2).set(REPORT_DATE, "31/02/2024");
        rows.get(3).set(REPORT_DATE, "31/02/2024");
        rows.get(3).set(ORIGIN, "Atlantis");
        rows.get(5).set(ORIGIN, "Atlantis");
        loaded.addAll(rows);
        FileOutcome samarinda = reception.receive(TestWorkbooks.csv(files.resolve("samarinda-2024-06.csv"), rows), "64.72",
                "samarinda-2024-06.csv", FileSource.COMMAND_LINE);
        samarindaFile = samarinda.fileId();
        assertThat(samarinda.rejectionsByCode()).containsEntry("E_DATE_FORMAT", 3L);

        List<String> first = ppu(1, "TPPO/PPU/0001", "Yuliana Pratiwi", "6409017011030007");
        List<String> second = ppu(1, "TPPO/PPU/0002", "Yulyana Pratiwie Ningsih", "");
        loaded.add(first);
        loaded.add(second);
        reception.receive(TestWorkbooks.csv(files.resolve("ppu-a.csv"), List.of(first)), "64.09", "ppu-a.csv",
                FileSource.COMMAND_LINE);
        reception.receive(TestWorkbooks.csv(files.resolve("ppu-b.csv"), List.of(second)), "64.09", "ppu-b.csv",
                FileSource.COMMAND_LINE);
        pair = jdbc.sql("""
                select p.id from persons.candidate_pair p join warehouse.victim v on v.id = p.victim_a
                 where p.status = 'OPEN' and v.office_code = '64.09'
                """).query(Long.class).single();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerDismissesARowWithAReason() {
        long row = rejectedRow(7);
        signIn("reviewer", Role.REVIEWER, null);
        browser.get(base() + "/tinjauan/ditolak/" + row);

        WebElement reason = browser.findElement(By.id("reason"));
        assertThat(reason.getAttribute("required")).as("no dismissal without a reason").isNotNull();
        reason.sendKeys("Baris uji dari pelatihan operator, bukan korban");
        Browser.screenshot(browser, "tinjauan-abaikan");
        Browser.follow(browser, browser.findElement(By.cssSelector("form.dismiss-form button[type=submit]")));

        assertThat(browser.getCurrentUrl()).endsWith("/tinjauan");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).contains("baris 7", "diabaikan");
        assertThat(status(row)).isEqualTo("DISMISSED");
        assertThat(jdbc.sql("select dismissed_by || ': ' || reason from review.dismissal where rejected_row_id = ?")
                .param(row).query(String.class).single()).isEqualTo("reviewer: Baris uji dari pelatihan operator, bukan korban");
        assertThat(jdbc.sql("select count(*) from access.audit_event where action = 'DISMISSAL' and ? = any(row_ids)")
                .param(row).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aReviewerFixesOneCodeInSeveralRowsAtOnceAndThoseThatPassReachTheWarehouse() {
        long before = victims("64.72");
        signIn("reviewer", Role.REVIEWER, null);
        Browser.follow(browser, browser.findElement(By.linkText("Tinjauan")));
        Browser.follow(browser, browser.findElement(By.cssSelector("#rejected-groups"))
                .findElement(By.linkText("E_DATE_FORMAT")));
        assertThat(browser.findElements(By.cssSelector("table.review-rows tbody tr"))).hasSize(3);
        assertThat(new Select(browser.findElement(By.id("bulk-column"))).getFirstSelectedOption().getText())
                .isEqualTo("Tanggal Lapor");
        browser.findElement(By.id("bulk-value")).sendKeys("05/06/2024");
        browser.findElement(By.id("bulk-note")).sendKeys("tanggal dikonfirmasi kantor Samarinda");
        Browser.screenshot(browser, "tinjauan-massal-form");
        Browser.follow(browser, browser.findElement(By.cssSelector("fieldset.bulk button[type=submit]")));
        Browser.screenshot(browser, "tinjauan-massal-hasil");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Hasil perbaikan sekaligus");
        assertThat(browser.findElements(By.cssSelector("table.bulk-results tr.passed"))).hasSize(2);
        WebElement stillWrong = browser.findElement(By.cssSelector("table.bulk-results tr[data-row='5']"));
        assertThat(stillWrong.getText()).contains("masih salah", "Kabupaten/Kota Asal");
        assertThat(victims("64.72")).isEqualTo(before + 2);
        assertThat(jdbc.sql("select count(*) from review.correction where submitted_by = 'reviewer' and note = ?")
                .param("tanggal dikonfirmasi kantor Samarinda").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aReviewerDecidesAPairAndThePersonsChange() {
        List<Long> victims = jdbc.sql("select victim_a from persons.candidate_pair where id = ? union all "
                + "select victim_b from persons.candidate_pair where id = ?").params(pair, pair).query(Long.class).list();
        assertThat(person(victims.get(0))).isNotEqualTo(person(victims.get(1)));
        signIn("reviewer", Role.REVIEWER, null);
        Browser.follow(browser, browser.findElement(By.linkText("Kemungkinan ganda")));
        Browser.screenshot(browser, "pasangan");
        Browser.follow(browser, browser.findElement(By.cssSelector("tr[data-pair='" + pair + "'] a.button")));
        Browser.screenshot(browser, "pasangan-detail");

        assertThat(browser.findElement(By.cssSelector("tr[data-field='name']")).getText())
                .contains("Yuliana Pratiwi", "Yulyana Pratiwie Ningsih", "berbeda");
        assertThat(browser.findElements(By.cssSelector("#comparisons tbody tr"))).isNotEmpty();
        assertThat(jdbc.sql("select count(*) from access.audit_event where username = 'reviewer' and action = 'READ'"
                + " and target = ?").param("GET /pasangan/" + pair).query(Long.class).single()).isEqualTo(1);
        browser.findElement(By.id("note")).sendKeys("tanggal lahir dan foto sama");
        Browser.follow(browser, browser.findElement(By.cssSelector("button[value=sama]")));

        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).contains("orang yang sama");
        assertThat(browser.findElements(By.cssSelector("tr[data-pair='" + pair + "']"))).isEmpty();
        assertThat(person(victims.get(0))).isEqualTo(person(victims.get(1)));
        assertThat(jdbc.sql("select decided_by || ':' || note from persons.pair_decision where victim_a = ?")
                .param(victims.get(0)).query(String.class).single()).isEqualTo("reviewer:tanggal lahir dan foto sama");
    }

    @Test
    void aCoordinatorSeesTheDashboardWithoutANameOrNikAndDownloadsTheWorkbook() throws Exception {
        signIn("koordinator", Role.COORDINATOR, null);
        Browser.follow(browser, browser.findElement(By.linkText("Dasbor")));
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(driver -> !driver.findElements(By.cssSelector("canvas[data-drawn=true]")).isEmpty());
        Browser.screenshot(browser, "dasbor");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('chart-by_sex').scrollIntoView()");
        Browser.screenshot(browser, "dasbor-grafik");

        assertThat(browser.findElements(By.cssSelector("canvas[data-drawn=true]"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(browser.findElements(By.cssSelector("#chart-by_sex table.chart-table tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-by_month table.chart-table tbody tr"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("tr.suppressed"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("tr.suppressed")).getText()).contains("<5", "disembunyikan");
        String page = browser.getPageSource();
        for (List<String> row : loaded) {
            assertThat(page).doesNotContain(row.get(NAME));
            if (!row.get(NIK).isBlank()) {
                assertThat(page).doesNotContain(row.get(NIK));
            }
        }

        String workbook = browser.findElement(By.id("download-xlsx")).getAttribute("href");
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(workbook))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).contains("laporan-tppo.xlsx");
        assertThat(new String(download.body(), 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");

        browser.get(base() + "/dasbor?from=2024-12-31&to=2024-01-01&lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Indicator dashboard");
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).isNotBlank();
        assertThat(browser.findElements(By.tagName("canvas"))).isEmpty();
    }

    @Test
    void theDashboardAndTheQueueFitAPhone() {
        browser = Browser.phone();
        Browser.signIn(browser, base(), "koordinator", TestLogins.password(accounts, "koordinator", Role.COORDINATOR, null));
        browser.get(base() + "/dasbor");
        Browser.screenshot(browser, "dasbor-ponsel");
        assertThat(sideways()).as("the dashboard scrolls sideways on a phone").isLessThanOrEqualTo(0L);
        browser.quit();

        browser = Browser.phone();
        Browser.signIn(browser, base(), "samarinda", TestLogins.password(accounts, "samarinda", Role.OFFICE, "64.72"));
        browser.get(base() + "/tinjauan");
        Browser.screenshot(browser, "tinjauan-ponsel");
        assertThat(sideways()).as("the queue scrolls sideways on a phone").isLessThanOrEqualTo(0L);
    }

    @Test
    void anOfficeUserReachesNeitherAnotherOfficesRowNorItsPairs() {
        signIn("balikpapan", Role.OFFICE, "64.71");
        browser.get(base() + "/tinjauan/ditolak/" + rejectedRow(3));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tidak ditemukan");
        assertThat(browser.findElements(By.cssSelector("form.dismiss-form"))).isEmpty();

        browser.get(base() + "/pasangan");
        assertThat(browser.findElements(By.cssSelector("tr[data-pair='" + pair + "']"))).isEmpty();
        browser.get(base() + "/pasangan/" + pair);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tidak ditemukan");
        assertThat(browser.getPageSource()).doesNotContain("Yuliana", "6409017011030007", "TPPO/PPU");
        browser.quit();

        signIn("ppu", Role.OFFICE, "64.09");
        browser.get(base() + "/pasangan/" + pair);
        assertThat(browser.findElement(By.tagName("h1")).getText()).startsWith("Pasangan #");
        assertThat(browser.getPageSource()).doesNotContain("Yuliana", "6409017011030007");
        assertThat(browser.findElements(By.cssSelector("form.decision-form"))).isEmpty();
    }

    private static List<String> ppu(int n, String caseNumber, String name, String nik) {
        List<String> row = new ArrayList<>(TestWorkbooks.victim(n));
        row.set(1, caseNumber);
        row.set(NAME, name);
        row.set(NIK, nik);
        row.set(5, "P");
        row.set(6, "30/11/2003");
        row.set(7, "");
        return row;
    }

    private long sideways() {
        return (Long) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
    }

    private void signIn(String name, Role role, String office) {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), name, TestLogins.password(accounts, name, role, office));
    }

    private long rejectedRow(int rowNumber) {
        return jdbc.sql("select id from warehouse.rejected_row where file_id = ? and row_number = ?")
                .params(samarindaFile, rowNumber).query(Long.class).single();
    }

    private String status(long row) {
        return jdbc.sql("select status from warehouse.rejected_row where id = ?").param(row).query(String.class).single();
    }

    private long victims(String office) {
        return jdbc.sql("select count(*) from warehouse.victim where office_code = ?").param(office).query(Long.class).single();
    }

    private long person(long victim) {
        return jdbc.sql("select person_id from persons.victim_person where victim_id = ?").param(victim)
                .query(Long.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Tinjauan in a real browser: a reviewer fixes a rejected row; an office user sees only her office. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewBrowserTests {

    private static final int REPORT_DATE = 2;

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

    @BeforeAll
    void samarindaSentTwoRowsWithImpossibleReportDates() {
        List<List<String>> rows = TestWorkbooks.victims(4);
        rows.get(1).set(REPORT_DATE, "31/02/2024");
        rows.get(2).set(REPORT_DATE, "31/02/2024");
        FileOutcome outcome = reception.receive(TestWorkbooks.csv(files.resolve("samarinda-2024-06.csv"), rows), "64.72",
                "samarinda-2024-06.csv", FileSource.COMMAND_LINE);
        samarindaFile = outcome.fileId();
        assertThat(outcome.rejectionsByCode()).containsEntry("E_DATE_FORMAT", 2L);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aReviewerFixesARejectedRowAndItReachesTheWarehouse() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "reviewer", TestLogins.password(accounts, "reviewer", Role.REVIEWER, null));
        Browser.follow(browser, browser.findElement(By.linkText("Tinjauan")));
        Browser.screenshot(browser, "tinjauan-queue");
        WebElement group = browser.findElement(By.cssSelector("#rejected-groups tbody tr"));
        assertThat(group.getText()).contains("64.72", "samarinda-2024-06.csv", "E_DATE_FORMAT", "2");

        Browser.follow(browser, group.findElement(By.linkText("E_DATE_FORMAT")));
        assertThat(browser.findElements(By.cssSelector("table.review-rows tbody tr"))).hasSize(2);
        Browser.follow(browser, browser.findElement(By.cssSelector("tr[data-row='3'] a.button")));
        WebElement reportDate = cell("Tanggal Lapor");
        Browser.screenshot(browser, "tinjauan-row");
        assertThat(reportDate.getAttribute("class")).contains("cell-error");
        assertThat(reportDate.findElement(By.tagName("input")).getAttribute("value")).isEqualTo("31/02/2024");

        send(reportDate, "32/13/2024");
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).startsWith("Perbaikan belum lolos aturan");
        assertThat(cell("Tanggal Lapor").getAttribute("class")).contains("cell-error");
        assertThat(cell("Tanggal Lapor").findElement(By.tagName("input")).getAttribute("value")).isEqualTo("32/13/2024");
        assertThat(victims()).isEqualTo(2);

        send(cell("Tanggal Lapor"), "05/06/2024");
        Browser.screenshot(browser, "tinjauan-done");

        assertThat(browser.getCurrentUrl()).endsWith("/tinjauan");
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText())
                .contains("samarinda-2024-06.csv", "baris 3", "masuk ke gudang data");
        assertThat(victims()).isEqualTo(3);
        assertThat(browser.findElement(By.cssSelector("#rejected-groups tbody tr")).getText()).endsWith("1");
        assertThat(jdbc.sql("select count(*) from access.audit_event where username = 'reviewer' and action = 'READ'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void anOfficeUserSeesHerOwnQueueAndAnotherOfficesRowIsNotFound() {
        long row = jdbc.sql("select min(id) from warehouse.rejected_row where file_id = ?").param(samarindaFile)
                .query(Long.class).single();
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "balikpapan", TestLogins.password(accounts, "balikpapan", Role.OFFICE, "64.71"));

        Browser.follow(browser, browser.findElement(By.linkText("Tinjauan")));
        assertThat(browser.findElements(By.cssSelector("#rejected-groups"))).isEmpty();
        browser.get(base() + "/tinjauan/ditolak/" + row);

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tidak ditemukan");
        assertThat(browser.getPageSource()).doesNotContain("31/02/2024", "Korban Nomor");
        browser.get(base() + "/tinjauan/ditolak?file=" + samarindaFile);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tidak ditemukan");
        assertThat(browser.getPageSource()).doesNotContain("samarinda-2024-06.csv");
    }

    private WebElement cell(String column) {
        return browser.findElement(By.cssSelector("tr[data-column='" + column + "']"));
    }

    private void send(WebElement cell, String value) {
        WebElement input = cell.findElement(By.tagName("input"));
        input.clear();
        input.sendKeys(value);
        browser.findElement(By.id("note")).sendKeys("dikonfirmasi dengan kantor");
        Browser.follow(browser, browser.findElement(By.cssSelector("form.row-form button[type=submit]")));
    }

    private long victims() {
        return jdbc.sql("select count(*) from warehouse.victim where office_code = '64.72'").query(Long.class).single();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Beranda and Berkas in a real browser: what a steward, an office user and a coordinator see after signing in. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StewardPagesBrowserTests {

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

    @BeforeAll
    void samarindaSentAFileWithARejectedRowAndBalikpapanAnEmptyOne() {
        List<List<String>> rows = TestWorkbooks.victims(3);
        rows.get(2).set(8, "Atlantis");
        reception.receive(TestWorkbooks.csv(files.resolve("samarinda-2024-06.csv"), rows), "64.72",
                "samarinda-2024-06.csv", FileSource.COMMAND_LINE);
        reception.receive(TestWorkbooks.csv(files.resolve("balikpapan-kosong.csv"), List.of()), "64.71",
                "balikpapan-kosong.csv", FileSource.COMMAND_LINE);
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStewardSeesEveryOfficeAndThoseThatSentNothingThisMonthStandOut() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));

        List<WebElement> offices = browser.findElements(By.cssSelector("table.offices tbody tr"));
        Browser.screenshot(browser, "beranda-steward");

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Beranda");
        assertThat(offices).hasSize(10);
        WebElement samarinda = office("64.72");
        assertThat(samarinda.getText()).contains("samarinda-2024-06.csv", "Dimuat", "3 dibaca, 2 masuk, 1 ditolak", "1 berkas");
        assertThat(samarinda.findElement(By.cssSelector("td.number")).getText()).isEqualTo("1");
        assertThat(samarinda.getAttribute("class")).doesNotContain("silent");
        assertThat(office("64.71").getText()).contains("balikpapan-kosong.csv", "Dikarantina", "F_EMPTY");
        WebElement paser = office("64.01");
        assertThat(paser.getAttribute("class")).contains("silent");
        assertThat(paser.getText()).contains("Belum pernah mengirim", "Belum mengirim bulan ini", "Folder kiriman");
    }

    @Test
    void anOfficeUserSeesHerOwnOfficeOnly() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "samarinda", TestLogins.password(accounts, "samarinda", Role.OFFICE, "64.72"));

        assertThat(browser.findElements(By.cssSelector("table.offices tbody tr"))).hasSize(1);
        assertThat(office("64.72").getText()).contains("samarinda-2024-06.csv");
    }

    @Test
    void aCoordinatorIsWelcomedWithoutAnyOfficeFiles() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "coordinator", TestLogins.password(accounts, "coordinator", Role.COORDINATOR, null));

        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Selamat datang");
        assertThat(browser.findElements(By.cssSelector("table.offices"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain("samarinda-2024-06.csv");
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessageInIndonesian() {
        browser = Browser.laptop();
        TestLogins.password(accounts, "reviewer", Role.REVIEWER, null);

        Browser.signIn(browser, base(), "reviewer", "not-the-password");
        Browser.screenshot(browser, "login-failed");

        assertThat(browser.getCurrentUrl()).endsWith("/login?error");
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).startsWith("Nama pengguna atau kata sandi salah");
        browser.get(base() + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
    }

    @Test
    void theEnglishSwitchTurnsThePagesToEnglishAndSigningOutReturnsToSignIn() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "reviewer", TestLogins.password(accounts, "reviewer", Role.REVIEWER, null));

        Browser.follow(browser, browser.findElement(By.linkText("English")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Home");
        assertThat(office("64.72").getText()).contains("3 read, 2 loaded, 1 rejected");
        browser.get(base() + "/");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Home");
        Browser.screenshot(browser, "beranda-english");

        Browser.follow(browser, browser.findElement(By.cssSelector(".account button")));
        assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
        assertThat(browser.findElement(By.cssSelector(".notice")).getText()).isEqualTo("You have signed out.");
    }

    @Test
    void theBerandaFitsAPhoneWithoutSidewaysScrolling() {
        browser = Browser.phone();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));
        Browser.screenshot(browser, "beranda-phone");

        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        assertThat(office("64.72").isDisplayed()).isTrue();
    }

    @Test
    void theFilesListFitsAPhoneWithoutSidewaysScrolling() {
        browser = Browser.phone();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));
        Browser.follow(browser, browser.findElement(By.linkText("Berkas")));
        Browser.screenshot(browser, "berkas-phone");

        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        assertThat(browser.findElement(By.linkText("samarinda-2024-06.csv")).isDisplayed()).isTrue();
    }

    @Test
    void aStewardFindsAQuarantinedFileAndReadsWhyAndDownloadsTheOriginalWhichIsAudited() throws Exception {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));
        Browser.follow(browser, browser.findElement(By.linkText("Berkas")));
        assertThat(browser.findElements(By.cssSelector("table.files tbody tr"))).hasSize(2);
        Browser.screenshot(browser, "berkas");

        new Select(browser.findElement(By.id("status"))).selectByValue("QUARANTINED");
        Browser.follow(browser, browser.findElement(By.cssSelector("form.filters button")));
        assertThat(browser.findElements(By.cssSelector("table.files tbody tr"))).hasSize(1);
        Browser.follow(browser, browser.findElement(By.linkText("balikpapan-kosong.csv")));
        Browser.screenshot(browser, "berkas-quarantined");

        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).startsWith("F_EMPTY");
        String download = browser.findElement(By.linkText("Unduh berkas asli")).getAttribute("href");
        HttpResponse<byte[]> original = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(download))
                .header("Cookie", "JSESSIONID=" + browser.manage().getCookieNamed("JSESSIONID").getValue()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(new String(original.body(), StandardCharsets.UTF_8)).startsWith(String.join(";", TestWorkbooks.HEADER));
        assertThat(jdbc.sql("select count(*) from access.audit_event where username = 'steward' and target like '%/asli'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aFilesPageShowsReconciledCountsAndLeadsToTheRejectedRows() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "reviewer", TestLogins.password(accounts, "reviewer", Role.REVIEWER, null));
        browser.get(base() + "/berkas");
        Browser.follow(browser, browser.findElement(By.linkText("samarinda-2024-06.csv")));
        Browser.screenshot(browser, "berkas-loaded");

        assertThat(browser.findElement(By.id("count-read")).getText()).isEqualTo("3");
        assertThat(browser.findElement(By.linkText("Unduh Hasil Pemeriksaan (XLSX)")).getAttribute("href"))
                .endsWith("/hasil-pemeriksaan");
        assertThat(browser.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        Browser.follow(browser, browser.findElement(By.linkText(rejectedCode())));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Baris ditolak");
    }

    @Test
    void anOfficeUserCannotOpenAnotherOfficesFile() {
        long balikpapan = jdbc.sql("select id from ingest.received_file where office_code = '64.71'").query(Long.class).single();
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "samarinda", TestLogins.password(accounts, "samarinda", Role.OFFICE, "64.72"));

        browser.get(base() + "/berkas");
        assertThat(browser.getPageSource()).doesNotContain("balikpapan-kosong.csv");
        browser.get(base() + "/berkas/" + balikpapan);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Tidak ditemukan");
        assertThat(browser.getPageSource()).doesNotContain("balikpapan-kosong.csv");
    }

    private String rejectedCode() {
        return jdbc.sql("select f ->> 'code' from warehouse.rejected_row r, jsonb_array_elements(r.findings) f limit 1")
                .query(String.class).single();
    }

    private WebElement office(String code) {
        return browser.findElement(By.cssSelector("tr[data-office='" + code + "']"));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

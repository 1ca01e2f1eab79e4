package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.gugus.IntegrationTest;
import org.gugus.TestWorkbooks;
import org.gugus.access.Accounts;
import org.gugus.access.Role;
import org.gugus.access.TestLogins;
import org.gugus.ingest.FileReception;
import org.gugus.ingest.FileSource;
import org.gugus.ingest.sftp.SourceSettings;
import org.gugus.ingest.FileStatus;
import org.gugus.ingest.ReceivedFile;
import org.gugus.ingest.ReceivedFiles;
import org.gugus.intake.FileOutcome;
import org.gugus.intake.IntakeExecutions;
import org.gugus.intake.LoadStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The steward's own work in a real browser: uploading an office's file and following its load live,
 * the Jobs page, restarting a failed run and reloading a failed file. Loads go by chunks of 5 rows so
 * that {@link LoadFaults} can hold or fail one half-way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"gugus.ingest.resume-on-start=false", "gugus.intake.chunk-size=5"})
@Import(LoadFaults.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StewardWorkBrowserTests {

    /** Samarinda has an SFTP source; its server is never reached here (nothing listens on port 1). */
    @DynamicPropertySource
    static void isolate(DynamicPropertyRegistry registry) throws IOException {
        Path home = IntegrationTest.isolate(registry);
        Path sftp = Files.createDirectories(home.resolve("sftp"));
        Files.writeString(sftp.resolve("known_hosts"), "");
        Path secret = Files.writeString(sftp.resolve("kab6472.secret"), "rahasia\n");
        registry.add("gugus.sftp.sources[0].office", () -> "64.72");
        registry.add("gugus.sftp.sources[0].host", () -> "127.0.0.1");
        registry.add("gugus.sftp.sources[0].port", () -> "1");
        registry.add("gugus.sftp.sources[0].username", () -> "kab6472");
        registry.add("gugus.sftp.sources[0].password-file", secret::toString);
    }

    @Autowired
    FileReception reception;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SourceSettings sources;

    @LocalServerPort
    int port;

    @TempDir
    static Path files;

    private WebDriver browser;
    private FileOutcome kutaiKartanegara;

    @BeforeAll
    void kutaiKartanegaraSentAFile() {
        kutaiKartanegara = reception.receive(TestWorkbooks.csv(files.resolve("kukar-2024-05.csv"), TestWorkbooks.victims(4)),
                "64.02", "kukar-2024-05.csv", FileSource.COMMAND_LINE);
    }

    @Autowired
    IntakeExecutions executions;

    @Autowired
    ReceivedFiles received;

    @AfterEach
    void closeTheBrowser() {
        LoadFaults.disarm();
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void aStewardUploadsAnOfficesFileFollowsItsLoadLiveAndSeesItsCountsAndTheUploadIsAudited() throws Exception {
        List<List<String>> rows = TestWorkbooks.victims(20);
        rows.get(2).set(8, "Atlantis");
        Path upload = TestWorkbooks.csv(files.resolve("samarinda-2024-06.csv"), rows);
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));

        Browser.follow(browser, browser.findElement(By.linkText("Unggah")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Unggah berkas");
        assertThat(browser.findElement(By.cssSelector("label[for=berkas]")).getText()).isNotBlank();
        new Select(browser.findElement(By.id("office"))).selectByValue("64.72");
        browser.findElement(By.id("berkas")).sendKeys(upload.toAbsolutePath().toString());
        assertThat(browser.findElement(By.id("chosen")).getText()).isEqualTo("samarinda-2024-06.csv");
        Browser.screenshot(browser, "unggah");
        LoadFaults.holdAt(12);
        Browser.follow(browser, browser.findElement(By.cssSelector("form.upload button[type=submit]")));

        // held after two committed chunks: the stream, not polling, brings the rows read so far
        LoadFaults.awaitHeld();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.textToBe(By.id("upload-rows-read"), "10"));
        WebElement status = browser.findElement(By.id("upload-status"));
        assertThat(status.getAttribute("hx-get")).isNull();
        assertThat(status.getText()).contains("Sedang dimuat: 10 baris dibaca", "membaca dan memeriksa baris");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        Browser.screenshot(browser, "unggah-memuat");
        LoadFaults.release();

        WebElement read = new WebDriverWait(browser, Duration.ofSeconds(60))
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("upload-read")));
        Browser.screenshot(browser, "unggah-hasil");
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(read.getText()).isEqualTo("20");
        assertThat(browser.findElement(By.id("upload-inserted")).getText()).isEqualTo("19");
        assertThat(browser.findElement(By.id("upload-rejected")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("upload-status")).getText()).contains("Berkas sudah dimuat", "Tinjauan");
        assertThat(jdbc.sql("select source from ingest.received_file where original_name = 'samarinda-2024-06.csv'")
                .query(String.class).single()).isEqualTo("UPLOAD");
        assertThat(jdbc.sql("select target from access.audit_event where username = 'steward' and action = 'UPLOAD'")
                .query(String.class).list()).containsExactly("POST /unggah 64.72 samarinda-2024-06.csv");

        Browser.follow(browser, browser.findElement(By.id("file-page")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("samarinda-2024-06.csv");
        assertThat(browser.findElement(By.id("count-read")).getText()).isEqualTo("20");
    }

    @Test
    void aStewardRestartsAFailedRunFromTheJobsPageWhichCompletesWithoutLoadingARowTwice() {
        FileOutcome failed = failedLoad("kubar-2024-06.csv", "64.07");
        long failedRun = executions.latestOfFile(failed.fileId()).orElseThrow().id();
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));

        Browser.follow(browser, browser.findElement(By.linkText("Jobs")));
        WebElement run = browser.findElement(By.cssSelector("tr[data-execution='" + failedRun + "']"));
        assertThat(run.getText()).contains("kubar-2024-06.csv", "64.07", "Gagal");
        Browser.screenshot(browser, "jobs-gagal");
        Browser.follow(browser, run.findElement(By.xpath(".//button[text()='Jalankan ulang']")));

        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText())
                .isEqualTo("Job " + failedRun + " dijalankan ulang; statusnya diperbarui di tabel di bawah.");
        // the table is replaced as the run progresses: a row read as it goes is read again
        new WebDriverWait(browser, Duration.ofSeconds(60)).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("table.jobs tbody tr")).stream().anyMatch(row -> {
                    String text = row.getText();
                    return text.contains("kubar-2024-06.csv") && text.contains("Selesai");
                }));
        Browser.screenshot(browser, "jobs-mulai-ulang");
        assertThat(browser.findElement(By.cssSelector("tr[data-execution='" + failedRun + "']")).getText()).contains("Gagal");
        assertThat(browser.findElements(By.cssSelector("tr[data-execution='" + failedRun + "'] button"))).isEmpty();
        assertLoadedOnceWithItsCounts(failed.fileId());
        assertThat(jdbc.sql("select target from access.audit_event where username = 'steward' and action = 'RESTART'")
                .query(String.class).list()).containsExactly("POST /jobs/" + failedRun + "/ulang");
    }

    @Test
    void aStewardReloadsAFailedFileFromItsPageWhichThenShowsItLoadedWithItsCounts() {
        FileOutcome failed = failedLoad("berau-2024-06.csv", "64.03");
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));
        Browser.follow(browser, browser.findElement(By.linkText("Berkas")));
        Browser.follow(browser, browser.findElement(By.linkText("berau-2024-06.csv")));

        assertThat(browser.findElement(By.cssSelector(".facts .status")).getText()).isEqualTo("Gagal");
        Browser.screenshot(browser, "berkas-gagal");
        Browser.follow(browser, browser.findElement(By.xpath("//button[text()='Muat ulang']")));

        // the page follows the load and shows itself again once it is done
        new WebDriverWait(browser, Duration.ofSeconds(60)).until(ExpectedConditions.textToBe(By.id("count-read"), "20"));
        assertThat(browser.findElement(By.cssSelector(".facts .status")).getText()).isEqualTo("Dimuat");
        assertThat(browser.findElement(By.id("count-rejected")).getText()).isEqualTo("1");
        assertThat(browser.findElements(By.xpath("//button[text()='Muat ulang']"))).isEmpty();
        assertLoadedOnceWithItsCounts(failed.fileId());
        assertThat(jdbc.sql("select target from access.audit_event where username = 'steward' and action = 'RELOAD'")
                .query(String.class).list()).containsExactly("POST /berkas/" + failed.fileId() + "/muat-ulang");
    }

    /** 20 rows, the third rejected, whose load fails in its third chunk (rows 11 to 15) after two were committed. */
    private FileOutcome failedLoad(String name, String office) {
        List<List<String>> rows = TestWorkbooks.victims(20);
        rows.get(2).set(8, "Atlantis");
        LoadFaults.failOnceAt(12);
        FileOutcome failed = reception.receive(TestWorkbooks.csv(files.resolve(name), rows), office, name,
                FileSource.COMMAND_LINE);
        assertThat(failed.status()).isEqualTo(LoadStatus.FAILED);
        assertThat(jdbc.sql("select count(*) from warehouse.staged_row where file_id = ?").param(failed.fileId())
                .query(Long.class).single()).as("the two chunks before the failure are kept").isEqualTo(10);
        return failed;
    }

    private void assertLoadedOnceWithItsCounts(long fileId) {
        ReceivedFile file = received.find(fileId).orElseThrow();
        assertThat(file.status()).isEqualTo(FileStatus.LOADED);
        FileOutcome outcome = file.outcome();
        assertThat(outcome.rowsRead()).isEqualTo(20);
        assertThat(outcome.inserted()).isEqualTo(19);
        assertThat(outcome.rejected()).isEqualTo(1);
        assertThat(outcome.inserted() + outcome.updated() + outcome.unchanged() + outcome.duplicates() + outcome.rejected())
                .isEqualTo(outcome.rowsRead());
        assertThat(jdbc.sql("select count(*) from warehouse.victim where source_file_id = ?").param(fileId)
                .query(Long.class).single()).isEqualTo(19);
        assertThat(jdbc.sql("select count(*) from warehouse.rejected_row where file_id = ?").param(fileId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUploadWithoutAnOfficeIsRefusedInTheStewardsWords() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));
        browser.get(base() + "/unggah");
        ((JavascriptExecutor) browser).executeScript(
                "document.querySelectorAll('[required]').forEach(e => e.removeAttribute('required'))");

        Browser.follow(browser, browser.findElement(By.cssSelector("form.upload button[type=submit]")));

        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText())
                .isEqualTo("Pilih kantor pengirim berkas ini.");
    }

    @Test
    void theJobsPageShowsTheLoadsRunWithItsStepCounts() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));

        Browser.follow(browser, browser.findElement(By.linkText("Jobs")));
        Browser.screenshot(browser, "jobs");

        WebElement run = browser.findElements(By.cssSelector("table.jobs tbody tr")).stream()
                .filter(row -> row.getText().contains("kukar-2024-05.csv")).findFirst().orElseThrow();
        assertThat(run.getText()).contains("64.02", "Selesai", "4 / 4 / 0");
        assertThat(run.findElements(By.tagName("button"))).isEmpty();
        assertThat(kutaiKartanegara.rowsRead()).isEqualTo(4);
    }

    @Test
    void aReviewerIsNotShownTheStewardsPages() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "reviewer", TestLogins.password(accounts, "reviewer", Role.REVIEWER, null));

        assertThat(browser.findElements(By.linkText("Unggah"))).isEmpty();
        assertThat(browser.findElements(By.linkText("Jobs"))).isEmpty();
        browser.get(base() + "/jobs");
        assertThat(browser.getPageSource()).doesNotContain("kukar-2024-05.csv");
    }

    @Test
    void aStewardChangesASourcesScheduleSeesItsNextRunsInWordsAndTheChangeIsAppliedAndAudited() {
        browser = Browser.laptop();
        Browser.signIn(browser, base(), "steward", TestLogins.password(accounts, "steward", Role.STEWARD, null));
        Browser.follow(browser, browser.findElement(By.linkText("Sumber SFTP")));
        assertThat(browser.findElement(By.cssSelector("tr[data-office='64.72']")).getText()).contains("Kota Samarinda");
        Browser.follow(browser, browser.findElement(By.partialLinkText("64.72")));

        WebElement cron = browser.findElement(By.id("cron"));
        cron.clear();
        cron.sendKeys("0 0 2 * *");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("next-runs"), "bukan ekspresi cron"));
        cron.sendKeys(" MON");
        new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.numberOfElementsToBe(
                By.cssSelector("#next-runs li"), 5));
        List<String> runs = browser.findElements(By.cssSelector("#next-runs li")).stream().map(WebElement::getText).toList();
        assertThat(runs).allSatisfy(run -> assertThat(run).startsWith("Senin, ").endsWith(" pukul 02.00 WITA"));
        ((JavascriptExecutor) browser).executeScript("document.getElementById('next-runs').scrollIntoView({block: 'end'})");
        Browser.screenshot(browser, "sumber-jadwal");
        Browser.follow(browser, browser.findElement(By.cssSelector("form.stacked button[type=submit]")));

        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).isEqualTo("Jadwal disimpan dan sudah berlaku.");
        SourceSettings.Source samarinda = sources.source("64.72").orElseThrow();
        assertThat(samarinda.cron()).isEqualTo("0 0 2 * * MON");
        assertThat(samarinda.nextPoll()).isEqualTo(samarinda.nextRuns().get(0).toInstant());
        assertThat(jdbc.sql("select schedule from ingest.sftp_source_override where office_code = '64.72'")
                .query(String.class).single()).isEqualTo("0 0 2 * * MON");
        assertThat(jdbc.sql("select target from access.audit_event where action = 'SFTP_SCHEDULE'").query(String.class)
                .list()).containsExactly("POST /sumber/64.72/jadwal 0 0 2 * * MON");

        Browser.follow(browser, browser.findElement(By.xpath("//button[text()='Jeda tarikan terjadwal']")));
        assertThat(browser.findElement(By.cssSelector(".notice.success")).getText()).isEqualTo("Tarikan terjadwal dijeda.");
        assertThat(sources.source("64.72").orElseThrow()).satisfies(source -> {
            assertThat(source.state()).isEqualTo("PAUSED");
            assertThat(source.nextPoll()).isNull();
            assertThat(source.cron()).isEqualTo("0 0 2 * * MON");
        });
        Browser.follow(browser, browser.findElement(By.xpath("//button[text()='Lanjutkan tarikan terjadwal']")));
        assertThat(sources.source("64.72").orElseThrow().nextPoll()).isNotNull();
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

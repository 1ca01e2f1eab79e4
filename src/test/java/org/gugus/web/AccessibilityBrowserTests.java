package org.gugus.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Accessibility basics on every page of every role, in a real browser: each role's pages are found by
 * following the links of its pages from Beranda (and a few pages no link leads to: an upload's page,
 * a page not found); on each, every visible input, select and textarea has a label, there is one h1,
 * the page says its language and fits a phone's width (viewport), and every button and link has a
 * name. The sign-in form is used with the keyboard alone (Tab to each field, type, Enter).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "gugus.ingest.resume-on-start=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityBrowserTests {

    /** Pages that are downloads, or change the language or the session: not followed. */
    private static final List<String> NOT_FOLLOWED = List.of("/asli", "/hasil-pemeriksaan", "/unduh.", "lang=", "/logout",
            "/actuator");
    private static final int MOST_PAGES_PER_ROLE = 40;

    /** The problems of the page shown, as sentences; none when it passes. */
    private static final String CHECKS = """
            const problems = [];
            const shown = e => !!(e.offsetWidth || e.offsetHeight || e.getClientRects().length)
                && getComputedStyle(e).visibility !== 'hidden';
            const describe = e => e.outerHTML.slice(0, 140);
            document.querySelectorAll('input, select, textarea').forEach(e => {
                if (['hidden', 'submit', 'button', 'reset', 'image'].includes(e.type) || !shown(e)) return;
                const byFor = e.id && document.querySelector('label[for="' + CSS.escape(e.id) + '"]');
                const wrapped = e.closest('label');
                const named = (e.getAttribute('aria-label') || '').trim();
                const labelledBy = (e.getAttribute('aria-labelledby') || '').trim();
                const byIds = labelledBy && labelledBy.split(/\\s+/).every(id => {
                    const label = document.getElementById(id);
                    return label && label.textContent.trim();
                });
                const labelText = (byFor && byFor.textContent.trim()) || (wrapped && wrapped.textContent.trim());
                if (!labelText && !named && !byIds) problems.push('no label: ' + describe(e));
            });
            const headings = document.querySelectorAll('h1').length;
            if (headings !== 1) problems.push(headings + ' h1 elements');
            if (!(document.documentElement.getAttribute('lang') || '').trim()) problems.push('no lang attribute');
            const viewport = document.querySelector('meta[name=viewport]');
            if (!viewport || !viewport.content.includes('width=device-width')) problems.push('no viewport meta');
            if (!document.title.trim()) problems.push('no title');
            document.querySelectorAll('button, a[href], [role=button]').forEach(e => {
                if (!shown(e)) return;
                const name = e.textContent.trim() || (e.getAttribute('aria-label') || '').trim()
                    || (e.getAttribute('title') || '').trim()
                    || [...e.querySelectorAll('img[alt]')].map(i => i.alt.trim()).join('');
                if (!name) problems.push('nameless: ' + describe(e));
            });
            document.querySelectorAll('img').forEach(e => {
                if (!e.hasAttribute('alt')) problems.push('image without alt: ' + describe(e));
            });
            return problems;
            """;

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
    BackgroundLoads loads;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @TempDir
    static Path files;

    private WebDriver browser;
    private String upload;

    /** Samarinda's file has a rejected row and a flagged one; two reports from Penajam Paser Utara may be one woman. */
    @BeforeAll
    void samarindaSentAFileAndPenajamPaserUtaraReportedOneWomanTwice() throws IOException {
        List<List<String>> rows = TestWorkbooks.victims(6);
        rows.get(1).set(2, "31/02/2024");
        rows.get(3).set(8, "Atlantis");
        FileOutcome samarinda = reception.receive(TestWorkbooks.csv(files.resolve("samarinda-2024-06.csv"), rows), "64.72",
                "samarinda-2024-06.csv", FileSource.COMMAND_LINE);
        assertThat(samarinda.rejected()).isPositive();
        reception.receive(TestWorkbooks.csv(files.resolve("ppu-a.csv"),
                List.of(ppu("TPPO/PPU/0001", "Yuliana Pratiwi", "6409017011030007"))), "64.09", "ppu-a.csv",
                FileSource.COMMAND_LINE);
        reception.receive(TestWorkbooks.csv(files.resolve("ppu-b.csv"),
                List.of(ppu("TPPO/PPU/0002", "Yulyana Pratiwie Ningsih", ""))), "64.09", "ppu-b.csv",
                FileSource.COMMAND_LINE);
        byte[] bontang = Files.readAllBytes(TestWorkbooks.csv(files.resolve("bontang.csv"), TestWorkbooks.victims(2)));
        upload = loads.upload("64.74", new MockMultipartFile("berkas", "bontang-2024-06.csv", "text/csv", bontang), "steward")
                .id();
    }

    @AfterEach
    void closeTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyPageOfEveryRoleHasLabelsOneHeadingItsLanguageAndNamedControls() {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        Map<String, Set<String>> visited = new LinkedHashMap<>();
        browser = Browser.laptop();
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);

        browser.get(base() + "/login");
        check("anonymous", problems, visited);
        browser.get(base() + "/login?error");
        check("anonymous", problems, visited);
        for (Role role : Role.values()) {
            String name = role.name().toLowerCase();
            String office = role == Role.OFFICE ? "64.72" : null;
            browser.manage().deleteAllCookies();
            Browser.signIn(browser, base(), name, TestLogins.password(accounts, name, role, office));
            List<String> seeds = new ArrayList<>(List.of("/", "/berkas/999999"));
            if (role == Role.STEWARD || role == Role.ADMIN) {
                seeds.add("/unggah/" + upload);
            }
            crawl(name, seeds, problems, visited);
        }

        assertThat(visited.get("steward")).contains("/", "/berkas", "/berkas/{n}", "/unggah", "/unggah/{upload}", "/jobs",
                "/sumber", "/sumber/{n}.{n}", "/dasbor");
        assertThat(visited.get("reviewer")).contains("/tinjauan", "/tinjauan/ditolak?code&file", "/tinjauan/ditolak/{n}",
                "/pasangan", "/pasangan/{n}", "/dasbor");
        assertThat(visited.get("office")).contains("/tinjauan", "/tinjauan/ditolak/{n}", "/berkas/{n}");
        assertThat(visited.get("coordinator")).contains("/", "/dasbor");
        assertThat(problems).isEmpty();
    }

    @Test
    void aStewardSignsInWithTheKeyboardAlone() {
        browser = Browser.laptop();
        browser.get(base() + "/login");
        String password = TestLogins.password(accounts, "steward", Role.STEWARD, null);

        tabTo("username").sendKeys("steward");
        tabTo("password").sendKeys(password);
        WebElement page = browser.findElement(By.tagName("html"));
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(Browser.replaced(page));
        assertThat(browser.findElement(By.cssSelector(".who")).getText()).isEqualTo("steward");

        assertThat(browser.getCurrentUrl()).isEqualTo(base() + "/");
    }

    @Test
    void theChecksFindAnUnlabelledFieldAMissingHeadingAndLanguageAndANamelessButton() {
        browser = Browser.laptop();
        browser.get("data:text/html,<html><head><title>t</title></head><body><label>Nama <input id=a></label>"
                + "<input id=b><select aria-label=Kantor></select><button></button><a href=/x>x</a></body></html>");

        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(CHECKS);

        assertThat(found).containsExactly("no label: <input id=\"b\">", "0 h1 elements", "no lang attribute",
                "no viewport meta", "nameless: <button></button>");
    }

    /** Presses Tab until the field of this id has the focus, as a keyboard user reaches it. */
    private WebElement tabTo(String id) {
        for (int presses = 0; presses < 40; presses++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            new Actions(browser).sendKeys(Keys.TAB).perform();
        }
        throw new AssertionError("Tab never reaches #" + id);
    }

    private void crawl(String role, List<String> seeds, Map<String, List<String>> problems, Map<String, Set<String>> visited) {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>();
        while (!queue.isEmpty() && seen.size() < MOST_PAGES_PER_ROLE) {
            String path = queue.poll();
            if (!seen.add(shape(path))) {
                continue;
            }
            browser.get(base() + path);
            if (!check(role, problems, visited)) {
                continue;
            }
            for (WebElement link : browser.findElements(By.cssSelector("a[href]"))) {
                String href = link.getDomAttribute("href");
                if (href != null && href.startsWith("/") && NOT_FOLLOWED.stream().noneMatch(href::contains)
                        && !seen.contains(shape(href))) {
                    queue.add(href);
                }
            }
        }
    }

    /** Checks the page shown; false when it is a page the role may not see (nothing to follow from there). */
    private boolean check(String role, Map<String, List<String>> problems, Map<String, Set<String>> visited) {
        URI shown = URI.create(browser.getCurrentUrl());
        String path = shown.getRawPath() + (shown.getRawQuery() == null ? "" : "?" + shown.getRawQuery());
        if (browser.getPageSource().contains("Whitelabel") || browser.findElements(By.tagName("h1")).isEmpty()
                && browser.getTitle().isBlank()) {
            return false;
        }
        visited.computeIfAbsent(role, r -> new TreeSet<>()).add(shape(path));
        @SuppressWarnings("unchecked")
        List<String> found = (List<String>) ((JavascriptExecutor) browser).executeScript(CHECKS);
        if (!found.isEmpty()) {
            problems.put(role + " " + path, found);
        }
        return true;
    }

    /** A page's path with its numbers and upload id as placeholders and its query's names only: one of each kind. */
    private String shape(String path) {
        String withoutUpload = upload == null ? path : path.replace(upload, "{upload}");
        int query = withoutUpload.indexOf('?');
        String base = (query < 0 ? withoutUpload : withoutUpload.substring(0, query)).replaceAll("\\d+", "{n}");
        if (query < 0) {
            return base;
        }
        Set<String> names = new TreeSet<>();
        for (String parameter : withoutUpload.substring(query + 1).split("&")) {
            if (!parameter.isBlank()) {
                names.add(parameter.split("=", 2)[0]);
            }
        }
        return base + "?" + String.join("&", names);
    }

    private static List<String> ppu(String caseNumber, String name, String nik) {
        List<String> row = new ArrayList<>(TestWorkbooks.victim(1));
        row.set(1, caseNumber);
        row.set(3, name);
        row.set(4, nik);
        row.set(5, "P");
        row.set(6, "30/11/2003");
        row.set(7, "");
        return row;
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

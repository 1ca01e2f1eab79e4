package org.gugus.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its chromedriver: the browser of the page tests. Where it is
 * not installed the tests are skipped with the reason, unless {@code -Dgugus.test.browser.required=true}
 * (set by {@code .ci/run}, which installs it), which makes its absence a failure.
 */
final class Browser {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final Path CHROMIUM = Path.of(System.getProperty("gugus.test.chromium", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getProperty("gugus.test.chromedriver", "/usr/bin/chromedriver"));

    private Browser() {
    }

    /** A fresh browser the size of the offices' laptops (1366x768). */
    static WebDriver laptop() {
        return start(1366, 768);
    }

    /** A fresh browser the size of a phone. */
    static WebDriver phone() {
        return start(390, 844);
    }

    private static WebDriver start(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String missing = "Chromium (" + CHROMIUM + ") and chromedriver (" + DRIVER + ") are needed for the page tests:"
                    + " apt-get install chromium chromium-driver";
            if (Boolean.getBoolean("gugus.test.browser.required")) {
                Assertions.fail(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=id-ID");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id"));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }

    /** Signs in through the sign-in form, as a person would. */
    static void signIn(WebDriver browser, String baseUrl, String name, String password) {
        browser.get(baseUrl + "/login");
        browser.findElement(By.id("username")).sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.cssSelector("button[type=submit].primary")).click();
    }

    /** Keeps what the page looks like under target/screenshots, for a person to look at. */
    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

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
        follow(browser, browser.findElement(By.cssSelector("button[type=submit].primary")));
    }

    /**
     * Clicks what leads to another page and waits until that page has replaced this one and is loaded:
     * a click returns before a form's answer arrives, and the next look at the page must not see the old
     * one, nor catch the browser between the two.
     */
    static void follow(WebDriver browser, WebElement link) {
        WebElement page = browser.findElement(By.tagName("html"));
        link.click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(replaced(page));
        waitUntilLoaded(browser, wait);
    }

    /**
     * Whether {@code page} (an element of the page shown before) has been replaced. Selenium's
     * {@code stalenessOf} expects a stale element's error; Chromium's driver (156) sometimes answers
     * instead that the element's node "does not belong to the document", which says the same.
     */
    static ExpectedCondition<Boolean> replaced(WebElement page) {
        return driver -> {
            try {
                page.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        };
    }

    private static void waitUntilLoaded(WebDriver browser, WebDriverWait wait) {
        wait.until(driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    /** Keeps what the page looks like under target/screenshots, for a person to look at. */
    static void screenshot(WebDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            waitUntilLoaded(browser, new WebDriverWait(browser, Duration.ofSeconds(30)));
            byte[] png = ((ChromeDriver) browser).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

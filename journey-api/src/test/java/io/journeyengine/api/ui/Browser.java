package io.journeyengine.api.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven by Selenium without
 * Selenium Manager (which would download a browser): a missing browser fails the test, it never skips it. Keeps the
 * browser's console log, so a test can fail on any JavaScript error, and saves screenshots under
 * {@code target/ui-screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "ui-screenshots");
    private static final String CHROMIUM = System.getProperty("journey.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("journey.test.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    /** A fresh browser (its own profile: nothing in sessionStorage) at {@code width} × {@code height}. */
    static Browser open(String base, int width, int height) {
        assertThat(new File(CHROMIUM)).as("Chromium (Debian package chromium; .ci/run installs it)").canRead();
        assertThat(new File(CHROMEDRIVER)).as("chromedriver (Debian package chromium-driver)").canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                             "--window-size=" + width + "," + height, "--lang=en-US", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER)).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
        return new Browser(driver, base);
    }

    ChromeDriver driver() {
        return driver;
    }

    void go(String pathAndHash) {
        driver.get(base + pathAndHash);
    }

    WebElement find(String testId) {
        return driver.findElement(By.cssSelector("[data-testid='" + testId + "']"));
    }

    WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    String text(String testId) {
        return find(testId).getText().trim();
    }

    /** textContent: also for elements inside closed {@code <details>} or scrolled away. */
    String content(WebElement element) {
        return String.valueOf(js("return arguments[0].textContent;", element)).trim();
    }

    Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void awaitVisible(String id) {
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void awaitText(String testId, String text) {
        waiting().until(d -> text.equals(content(find(testId))));
    }

    /** Enters the key in the key form the page shows when this tab has none. */
    void enterKey(String key) {
        awaitVisible("key-input");
        byId("key-input").sendKeys(key);
        byId("key-save").click();
    }

    /** The whole page (the window grown to its height for the shot) as {@code target/ui-screenshots/<name>.png}. */
    Path screenshot(String name) {
        try {
            Dimension size = driver.manage().window().getSize();
            long height = ((Number) js("return document.documentElement.scrollHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.max(size.getHeight(),
                                                                                           Math.min(height + 120, 4000))));
            js("window.dispatchEvent(new Event('resize'));");
            Thread.onSpinWait();
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            // Charts redraw on resize within a frame; wait for two animation frames before the shot.
            ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(size);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The console entries at SEVERE since the last call, except those {@code allowed}. */
    List<String> consoleErrors(Predicate<String> allowed) {
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.SEVERE.intValue() && !allowed.test(entry.getMessage())) {
                errors.add(entry.getMessage());
            }
        }
        return errors;
    }

    void assertNoConsoleErrors() {
        assertThat(consoleErrors(message -> false)).as("JavaScript console errors").isEmpty();
    }

    @Override
    public void close() {
        driver.quit();
    }
}

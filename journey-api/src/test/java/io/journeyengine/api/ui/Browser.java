package io.journeyengine.api.ui;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
        return open(base, width, height, false);
    }

    /**
     * A phone: the viewport emulated at {@code width} × {@code height} CSS pixels (a desktop window cannot be made
     * narrower than 500 pixels), with touch.
     */
    static Browser phone(String base, int width, int height) {
        return open(base, width, height, true);
    }

    private static Browser open(String base, int width, int height, boolean phone) {
        assertThat(new File(CHROMIUM)).as("Chromium (Debian package chromium; .ci/run installs it)").canRead();
        assertThat(new File(CHROMEDRIVER)).as("chromedriver (Debian package chromium-driver)").canRead();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                             "--window-size=" + width + "," + height, "--lang=en-US", "--hide-scrollbars");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        if (phone) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of(
                    "width", width, "height", height, "pixelRatio", 2.0, "touch", true)));
        }
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

    /**
     * The text of the element with {@code data-testid}, read in the page itself: pages that redraw (operations
     * refresh every 2 s) replace elements between a lookup and a read.
     */
    String textOf(String testId) {
        Object text = js("const e = document.querySelector(\"[data-testid='\" + arguments[0] + \"']\");"
                                 + "return e ? e.textContent.trim() : null;", testId);
        assertThat(text).as("an element with data-testid " + testId).isNotNull();
        return (String) text;
    }

    /** Clicks the element with {@code data-testid} once it is there, looked up at the moment of the click. */
    void clickTestId(String testId) {
        waiting().ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            find(testId).click();
            return true;
        });
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

    /**
     * The whole page, also below the fold, as {@code target/ui-screenshots/<name>.png} (Chrome's own full-page
     * capture, as DevTools does it).
     */
    Path screenshot(String name) {
        try {
            // Charts redraw within a frame of a change; wait for two animation frames before the shot.
            ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => done()));");
            Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
            Map<String, Object> clip = Map.of("x", 0, "y", 0, "scale", 1,
                                              "width", ((Number) content.get("width")).doubleValue(),
                                              "height", Math.min(((Number) content.get("height")).doubleValue(), 6000));
            Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                    "format", "png", "captureBeyondViewport", true, "clip", clip));
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.write(target, Base64.getDecoder().decode((String) shot.get("data")));
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

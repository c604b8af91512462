package org.corridor.app.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver: both must be installed ({@code .ci/run}
 * installs them), and a machine without them fails the test rather than skipping it. Nothing is downloaded:
 * the driver's path is given, so Selenium Manager is never asked for one.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** The longest wait for a page or a refresh. */
    static final Duration WAIT = Duration.ofSeconds(20);

    private final WebDriver driver;
    private final Path profile;
    private final String base;

    private Browser(WebDriver driver, Path profile, String base) {
        this.driver = driver;
        this.profile = profile;
        this.base = base;
    }

    /** A fresh headless browser (its own empty profile) for the server on {@code port}. */
    static Browser start(int port) {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium)").isExecutable();
        assertThat(CHROMEDRIVER).as("Debian's chromedriver (apt-get install chromium-driver)").isExecutable();
        Path profile;
        try {
            profile = Files.createTempDirectory("corridor-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(WAIT);
        return new Browser(driver, profile, "http://127.0.0.1:" + port);
    }

    /** Loads {@code path} of the server. */
    Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    java.util.List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until {@code condition} holds (not null, not false), up to {@link #WAIT}. */
    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class).until(condition);
    }

    /** What {@code javascript} returns, run in the page: one atomic read of a part htmx may be replacing. */
    Object script(String javascript) {
        return ((JavascriptExecutor) driver).executeScript(javascript);
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    String source() {
        return driver.getPageSource();
    }

    WebDriver driver() {
        return driver;
    }

    /** Saves what the window shows as a PNG. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A profile left in the temporary folder is harmless.
        }
    }
}

package app.cairn.testing;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, with an axe-core check of WCAG 2.2 A/AA. When
 * Chromium or its driver is not installed (a laptop with only a JDK), tests using it are skipped
 * with the reason; CI installs both.
 */
public final class Browser implements AutoCloseable {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final List<String> WCAG_TAGS =
            List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private final ChromeDriver driver;
    private final TestServer server;
    private final Path profile;

    private Browser(TestServer server, int width, int height) {
        this.server = server;
        try {
            this.profile = Files.createTempDirectory("cairn-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(2));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A laptop-sized browser. */
    public static Browser open(TestServer server) {
        return open(server, 1280, 900);
    }

    /** A phone-sized browser (e.g. 390 x 844). */
    public static Browser open(TestServer server, int width, int height) {
        assumeAvailable();
        return new Browser(server, width, height);
    }

    public static void assumeAvailable() {
        Assumptions.assumeFalse(Boolean.getBoolean("cairn.skipBrowserTests"), "browser tests switched off");
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Browser tests skipped: install Debian's chromium and chromium-driver (.ci/run does).");
    }

    public ChromeDriver driver() {
        return driver;
    }

    public Browser go(String path) {
        driver.get(server.url(path));
        return this;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Clears a field and types into it. */
    public Browser type(String css, String text) {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(String css) {
        find(css).click();
        return this;
    }

    /** Clicks the button or link whose visible text is exactly {@code text} and waits for the next page. */
    public Browser press(String text) {
        WebElement html = driver.findElement(By.tagName("html"));
        tap(text);
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(html));
        return this;
    }

    /**
     * Whether the old page's element has left the document. While a page unloads, Chromium
     * sometimes answers "does not belong to the document" instead of a stale element: that is gone too.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        } catch (org.openqa.selenium.WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) return true;
            throw e;
        }
    }

    /** Clicks the button or link whose visible text is exactly {@code text}, staying on the page (htmx, scripts). */
    public Browser tap(String text) {
        String match = "[self::button or self::a or self::input[@type='submit']][normalize-space(.)='" + text
                + "' or @value='" + text + "']";
        // Prefer the page's own controls to the header's (both may say "Sign in").
        List<WebElement> inMain = driver.findElements(By.xpath("//main//*" + match));
        (inMain.isEmpty() ? driver.findElement(By.xpath("//*" + match)) : inMain.get(0)).click();
        return this;
    }

    public String text(String css) {
        return find(css).getText();
    }

    public String title() {
        return driver.getTitle();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public void waitFor(String css) {
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(d -> !d.findElements(By.cssSelector(css)).isEmpty());
    }

    /** Runs axe-core on the current page and fails with a readable list of any WCAG 2.2 A/AA violations. */
    public Browser assertAccessible() {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).analyze(driver);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            String report = violations.stream()
                    .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                            + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                    .collect(Collectors.joining("\n  "));
            throw new AssertionError("Accessibility violations on " + driver.getCurrentUrl() + ":\n  " + report);
        }
        return this;
    }

    /** Fails when the page is wider than the window (nothing should need sideways scrolling), naming what sticks out. */
    public Browser assertFitsWidth() {
        Object wide = driver.executeScript("""
                const w = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= w) return null;
                return [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > w + 1)
                  .slice(0, 8).map(e => e.tagName + '.' + e.className + ' right=' + Math.round(e.getBoundingClientRect().right))
                  .join('; ');""");
        if (wide != null) throw new AssertionError("Page is wider than the window on " + driver.getCurrentUrl() + ": " + wide);
        return this;
    }

    /** Saves a screenshot under target/screenshots, for people to look at. */
    public Path screenshot(String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary profile is harmless.
        }
    }
}

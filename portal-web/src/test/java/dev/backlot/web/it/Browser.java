package dev.backlot.web.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its own chromedriver (never Selenium Manager, which
 * would go to the network). Collects the browser console so tests can assert no JavaScript errors.
 */
final class Browser implements AutoCloseable {

    static final File CHROMIUM = new File("/usr/bin/chromium");
    static final File DRIVER = new File("/usr/bin/chromedriver");

    final WebDriver driver;
    private final WebDriverWait wait;

    Browser(Path profile) throws Exception {
        Files.createDirectories(profile);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    static boolean available() {
        return CHROMIUM.canExecute() && DRIVER.canExecute();
    }

    /** Signs in through the form at {@code loginUrl} and waits until the header shows the user. */
    void signIn(String loginUrl, String user, String password) {
        open(loginUrl);
        type("login:username", user);
        type("login:password", password);
        find("[id='login:signIn']").click();
        find(".bl-user-name"); // signed in: the header shows the name
    }

    void open(String url) {
        driver.get(url);
        waitForPage();
    }

    WebElement find(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks an element after scrolling it to the middle of the window: an element already in view
     * may sit under the sticky header (with its search box), which would take the click.
     */
    void click(WebElement element) {
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                element);
        element.click();
    }

    /** Types into a PrimeFaces input by its client id. */
    void type(String clientId, String text) {
        WebElement input = find("[id='" + clientId + "']");
        input.clear();
        input.sendKeys(text);
    }

    /** Clicks a PrimeFaces command button and waits for the navigation or ajax update it triggers. */
    void clickAndWaitForUrl(String clientId, String urlPart) {
        find("[id='" + clientId + "']").click();
        wait.until(ExpectedConditions.urlContains(urlPart));
        waitForPage();
    }

    void clickAndWaitForText(String clientId, String css, String text) {
        find("[id='" + clientId + "']").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Saves what the browser shows, for a person to look at after the run. */
    void screenshot(Path file) throws java.io.IOException {
        byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
        Files.write(file, png);
    }

    /** Console errors seen so far (SEVERE entries): uncaught exceptions, failed scripts. */
    List<String> javascriptErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    private void waitForPage() {
        wait.until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.web.plugins.TestJars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The admin console in a real browser against the real {@code portal.jar}: an admin signs in,
 * uploads a plugin and sees it ACTIVE, updates it, rolls it back, stops and starts it, sees the
 * exact refusal for a bad jar, and uninstalls it after confirming. One portal and one browser for
 * the whole class; the steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminConsoleIT {

    private static final String PASSWORD = "admin-console-password";
    private static final String TOKEN = "admin-console-token-0123456789";
    private static final String NAME = "com.example.console";
    private final Path work = Path.of("target", "admin-console-it").toAbsolutePath();
    private RunningPortal portal;
    private Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        RunningPortal.deleteTree(work);
        portal = RunningPortal.start(work.resolve("data"), "portal.log",
                Map.of("PORTAL_ADMIN_PASSWORD", PASSWORD, "PORTAL_API_TOKEN", TOKEN));
        browser = new Browser(work.resolve("chromium"));
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class);
        browser.signIn(portal.url("/login?next=/admin/plugins"), "admin", PASSWORD);
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void listShowsEveryPluginWithHealthAndFrameworkBundlesReadOnly() throws Exception {
        browser.open(portal.url("/admin/plugins"));

        assertThat(row("dev.backlot.example-hello").getText()).contains("running", "Uninstall");
        assertThat(row("dev.backlot.example-hello").findElements(By.cssSelector(".bl-health-bar"))).hasSize(1);
        // the framework's own bundles are folded, and read-only once shown
        assertThat(table()).doesNotContain("org.apache.felix.scr");
        browser.find("[id='plugins:toggleFramework']").click();
        wait.until(d -> table().contains("org.apache.felix.scr"));
        assertThat(row("org.apache.felix.scr").getText()).contains("Part of the plugin framework")
                .doesNotContain("Uninstall");
        browser.screenshot(work.resolve("plugins.png"));

        browser.click(row("dev.backlot.example-hello").findElement(By.cssSelector("a.bl-plugin-name")));
        wait.until(ExpectedConditions.urlContains("/admin/plugin?name=dev.backlot.example-hello"));
        assertThat(browser.find("#manifest").getText()).contains("Bundle-SymbolicName", "dev.backlot.example-hello");
        assertThat(browser.find("#imports").getText()).contains("dev.backlot.spi.scaffolder");
        assertThat(browser.find("#versions").getText()).contains("current");
        browser.screenshot(work.resolve("plugin-detail.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void uploadedPluginIsInstalledAndListedActive() throws Exception {
        browser.open(portal.url("/admin/plugins"));

        upload("uploadForm:upload", jar("console-1.0.0.jar", TestJars.bundle(NAME, "1.0.0")));

        awaitMessage("Install console-1.0.0.jar: done");
        wait.until(d -> row(NAME).getText().contains("running"));
        assertThat(row(NAME).getText()).contains("1.0.0", "admin");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void updateReplacesTheVersionAndOffersRollback() throws Exception {
        clickInRow(NAME, "update");
        wait.until(d -> browser.find("[id='updateDialog']").isDisplayed()
                && browser.find("#updateText").getText().contains(NAME));

        browser.driver.findElement(By.cssSelector("[id='updateForm:updateUpload_input']"))
                .sendKeys(jar("console-2.0.0.jar", TestJars.bundle(NAME, "2.0.0")).toString());
        browser.find("[id='updateForm:updateUpload'] button.ui-fileupload-upload").click();

        awaitMessage("Update " + NAME + ": done");
        wait.until(d -> row(NAME).getText().contains("2.0.0"));
        assertThat(button(NAME, "rollback").getText()).isEqualTo("Roll back to 1.0.0");
        browser.screenshot(work.resolve("plugins-updated.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void rollbackAfterConfirmationReturnsToTheKeptVersion() {
        clickInRow(NAME, "rollback");
        assertThat(confirmation()).contains("with the kept version 1.0.0");
        answer("confirmYes");

        awaitMessage("Roll back " + NAME + ": done");
        wait.until(d -> row(NAME).getText().contains("1.0.0") && !row(NAME).getText().contains("2.0.0 ·"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void stopAndStartAfterConfirmation() {
        clickInRow(NAME, "stop");
        answer("confirmYes");
        wait.until(d -> row(NAME).getText().contains("stopped"));

        clickInRow(NAME, "start");
        answer("confirmYes");
        wait.until(d -> row(NAME).getText().contains("running"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void badJarIsRefusedWithTheExactReasonAndNothingChanges() throws Exception {
        upload("uploadForm:upload", jar("needs-missing.jar", TestJars.unresolvable("com.example.needy", "com.example.missing")));

        awaitMessage("Install needs-missing.jar: refused");
        assertThat(browser.find("#result").getText()).contains("com.example.missing");
        assertThat(table()).doesNotContain("com.example.needy");

        upload("uploadForm:upload", jar("not-a-jar.jar", TestJars.notAJar()));
        awaitMessage("Install not-a-jar.jar: refused");
        browser.screenshot(work.resolve("plugins-refused.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void uninstallHappensOnlyAfterConfirmation() throws Exception {
        clickInRow(NAME, "uninstall");
        assertThat(confirmation()).contains("Uninstall " + NAME);
        answer("confirmNo");
        assertThat(row(NAME).isDisplayed()).isTrue();

        clickInRow(NAME, "uninstall");
        answer("confirmYes");

        awaitMessage("Uninstall " + NAME + ": done");
        wait.until(d -> !table().contains(NAME));
        String audit = portal.get("/api/admin/audit?limit=50", Map.of("Authorization", "Bearer " + TOKEN)).body();
        assertThat(audit).contains("\"actor\":\"admin\"", "\"action\":\"plugin.install\"", "\"action\":\"plugin.update\"",
                "\"action\":\"plugin.rollback\"", "\"action\":\"plugin.uninstall\"");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(8)
    void apiWritesWithTheSessionCookieMustComeFromThePortalsOrigin() throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session).isNotNull();
        HttpClient http = HttpClient.newHttpClient();
        String path = "/api/admin/plugins/dev.backlot.example-hello/start";

        HttpResponse<String> foreign = http.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Cookie", "JSESSIONID=" + session.getValue()).header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> own = http.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Cookie", "JSESSIONID=" + session.getValue()).header("Origin", portal.url(""))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).contains("Cross-origin changes");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).contains("\"state\":\"ACTIVE\"");
    }

    // --- small typed helpers over the page -------------------------------------------------

    private Path jar(String fileName, byte[] bytes) throws Exception {
        Path file = work.resolve("jars").resolve(fileName);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        return file;
    }

    /**
     * Hands a file to a p:fileUpload in advanced mode with auto upload; for the install panel, the
     * console then shows what the jar is and asks, and this confirms.
     */
    private void upload(String clientId, Path file) {
        browser.driver.findElement(By.cssSelector("[id='" + clientId + "_input']")).sendKeys(file.toString());
        if ("uploadForm:upload".equals(clientId)) {
            wait.until(d -> browser.find("[id='installDialog']").isDisplayed());
            // Cancel, not Install, takes the focus (PrimeFaces moves it once the dialog has shown).
            wait.until(d -> "installForm:cancelInstall".equals(d.switchTo().activeElement().getAttribute("id")));
            browser.find("[id='installForm:confirmInstall']").click();
        }
    }

    private WebElement row(String symbolicName) {
        return browser.driver.findElement(By.xpath("//tr[contains(@class,'bl-plugin-row')][.//div[contains(@class,'bl-bsn')"
                + " and normalize-space()='" + symbolicName + "']]"));
    }

    private WebElement button(String symbolicName, String id) {
        return row(symbolicName).findElement(By.cssSelector("button[id$=':" + id + "']"));
    }

    private void clickInRow(String symbolicName, String id) {
        wait.until(d -> button(symbolicName, id).isEnabled());
        button(symbolicName, id).click();
    }

    private String table() {
        return browser.find("[id='plugins:table']").getText();
    }

    /** The text of the confirmation dialog once it shows. */
    private String confirmation() {
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        return dialog.getText();
    }

    private void answer(String buttonId) {
        confirmation();
        browser.find("[id='plugins:" + buttonId + "']").click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
    }

    private void awaitMessage(String text) {
        wait.until(d -> browser.find("#result").getText().contains(text));
    }

}

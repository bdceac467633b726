package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The catalog pages in a real browser against the real {@code portal.jar} with the sample
 * organisation: list and filters in the URL, the entity page and its tabs, registering a location,
 * and the processing errors page. One portal and one signed-in browser for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CatalogPagesIT {

    private static final String PASSWORD = "catalog-pages-admin-password";
    private final Path work = Path.of("target", "catalog-pages-it").toAbsolutePath();
    private RunningPortal portal;
    private Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        RunningPortal.deleteTree(work);
        portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_ADMIN_PASSWORD", PASSWORD));
        browser = new Browser(work.resolve("chromium"));
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
        awaitCatalog("/api/catalog/entities/by-name/component/default/payment-service");
        browser.signIn(portal.url("/login"), "admin", PASSWORD);
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
    void catalogListsComponentsAndFiltersLiveInTheUrl() throws Exception {
        browser.open(portal.url("/catalog"));
        assertThat(table()).contains("Payment service", "checkout-web", "money-lib").doesNotContain("payments-api");
        browser.screenshot(work.resolve("catalog.png"));

        // a facet filter picked in the page narrows the table and is written to the URL
        pickFacet("type", "library");
        wait.until(ExpectedConditions.urlContains("type=library"));
        wait.until(d -> !table().contains("Payment service"));
        assertThat(table()).contains("money-lib");
        browser.driver.navigate().refresh();
        assertThat(table()).contains("money-lib").doesNotContain("Payment service");

        // a shared link with owner and text filters shows the same list
        browser.open(portal.url("/catalog?owner=payments&q=fraud"));
        assertThat(table()).contains("fraud-check").doesNotContain("Payment service", "money-lib");
        assertThat(browser.find("[id='catalog:q']").getAttribute("value")).isEqualTo("fraud");

        // typing in the text filter updates the table and the URL
        browser.open(portal.url("/catalog?kind=all"));
        browser.type("catalog:q", "payments-");
        wait.until(ExpectedConditions.urlContains("q=payments-"));
        wait.until(d -> !table().contains("checkout-web"));
        assertThat(table()).contains("payments-api", "payments-db");
        assertThat(browser.find("#errorsLink").getText()).contains("Processing errors");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void entityPageShowsAboutCardGraphAndTabs() throws Exception {
        browser.open(portal.url("/catalog"));
        browser.driver.findElement(By.linkText("Payment service")).click();
        wait.until(ExpectedConditions.urlContains("/catalog/default/component/payment-service"));

        assertThat(browser.find("#entityTitle").getText()).isEqualTo("Payment service");
        assertThat(browser.find("[id='about']").getText()).contains("Charges cards", "group:payments", "production", "java",
                "Runbook");
        WebElement graph = browser.find("svg.bl-graph");
        assertThat(graph.findElements(By.cssSelector("a"))).hasSizeGreaterThanOrEqualTo(4);
        assertThat(browser.find(".bl-relation-cards").getText()).contains("Provided APIs", "payments-api", "Consumed APIs",
                "fraud-api", "Depends on", "payments-db", "Dependents", "money-lib");
        assertThat(browser.find(".bl-user-name").getText()).isEqualTo("admin"); // the forward kept the sign-in
        browser.screenshot(work.resolve("entity-overview.png"));

        browser.find("#tab-relations").click();
        wait.until(ExpectedConditions.urlContains("?tab=relations"));
        assertThat(browser.find(".bl-main").getText()).contains("ownedBy", "providesApi");

        browser.open(portal.url("/catalog/default/component/payment-service?tab=raw"));
        assertThat(browser.find("#raw").getText()).contains("\"kind\" : \"Component\"");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void apiTabListsTheOperationsAndTheHighlightedDefinition() throws Exception {
        browser.open(portal.url("/catalog/default/api/payments-api?tab=api"));

        assertThat(browser.find("[id='operations']").getText()).contains("POST /payments", "Create a payment",
                "GET /payments/{id}");
        assertThat(browser.driver.findElements(By.cssSelector("#definition .bl-hl-key"))).isNotEmpty();
        browser.screenshot(work.resolve("entity-api.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void unknownEntityIsAFriendly404() throws Exception {
        assertThat(portal.get("/catalog/default/component/no-such-thing").statusCode()).isEqualTo(404);
        browser.open(portal.url("/catalog/default/component/no-such-thing"));
        assertThat(browser.find("[id='notFound']").getText()).contains("No such entity", "Back to the catalog");
        // the console reports the page's own 404 status; nothing else may fail
        assertThat(browser.javascriptErrors()).allMatch(e -> e.contains("no-such-thing") && e.contains("404"));
    }

    @Test
    @Order(5)
    void refreshIsQueuedForASignedInUser() throws Exception {
        browser.open(portal.url("/catalog/default/component/checkout-web"));
        browser.clickAndWaitForText("actions:refresh", "[id='messages']", "Refresh queued");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void registerAnalyzesThenImportsAFileLocation() throws Exception {
        Path file = portal.data.resolve("sample-catalog").resolve("imports").resolve("ledger").resolve("catalog-info.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ledger
                  description: Double-entry bookkeeping
                spec:
                  type: service
                  lifecycle: experimental
                  owner: payments
                """);

        browser.open(portal.url("/catalog-import"));
        importFile(file, true);
        assertThat(browser.find("[id='register:candidates']").getText()).contains("Component", "component:ledger", "payments",
                "Valid");
        assertThat(browser.find("#existsNote").getText()).contains("Not registered yet");
        browser.screenshot(work.resolve("register-analyzed.png"));

        browser.clickAndWaitForText("register:import", "[id='register:messages']", "Location registered");
        browser.find("[id='register:imported'] .bl-related a").click();
        wait.until(ExpectedConditions.urlContains("/catalog/default/component/ledger"));
        awaitPage("#entityTitle", "ledger");
        assertThat(browser.find("[id='about']").getText()).contains("Double-entry bookkeeping");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void aBadDocumentShowsUpOnTheErrorsPage() throws Exception {
        Path file = portal.data.resolve("sample-catalog").resolve("imports").resolve("broken").resolve("catalog-info.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: Not a valid name!
                spec:
                  type: service
                  owner: payments
                """);

        browser.open(portal.url("/catalog-import"));
        importFile(file, false);
        browser.clickAndWaitForText("register:import", "[id='register:messages']", "Location registered");

        awaitPage("[id='errors:table']", "broken");
        assertThat(browser.find("[id='errors:table']").getText()).contains("file:");
        browser.screenshot(work.resolve("errors.png"));
        browser.type("errors:q", "no-match-anywhere");
        wait.until(ExpectedConditions.urlContains("q=no-match-anywhere"));
        wait.until(d -> table("errors:table").contains("No error matches this filter"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    // --- small typed helpers over the PrimeFaces widgets ---

    private void importFile(Path file, boolean analyze) {
        browser.find("[id='register:type'] .ui-button:nth-child(2)").click(); // "File"
        awaitAjax();
        browser.type("register:target", file.toString());
        if (analyze) {
            browser.find("[id='register:analyze']").click();
            awaitAjax();
            browser.find("[id='register:analysis']");
        }
    }

    /** Opens a facet's checkbox menu and ticks the option whose label starts with {@code value}. */
    private void pickFacet(String facet, String value) {
        browser.find("[id='catalog:" + facet + "']").click();
        WebElement panel = browser.find("[id='catalog:" + facet + "_panel']");
        panel.findElements(By.cssSelector("li.ui-selectcheckboxmenu-item")).stream()
                .filter(li -> li.getText().trim().startsWith(value)).findFirst().orElseThrow()
                .findElement(By.cssSelector(".ui-chkbox-box")).click();
        awaitAjax();
        browser.find("body").sendKeys(org.openqa.selenium.Keys.ESCAPE);
    }

    private String table() {
        return table("catalog:table");
    }

    private String table(String id) {
        awaitAjax();
        return browser.find("[id='" + id + "']").getText();
    }

    private void awaitAjax() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()"));
    }

    /** The catalog processes sources in the background: reload until the page shows the text. */
    private void awaitPage(String css, String text) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(500)).until(d -> {
            if (!d.getCurrentUrl().contains("/catalog/errors") && css.startsWith("[id='errors")) {
                d.get(portal.url("/catalog/errors"));
            } else {
                d.navigate().refresh();
            }
            return d.findElements(By.cssSelector(css)).stream().anyMatch(e -> e.getText().contains(text));
        });
    }

    private void awaitCatalog(String apiPath) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (portal.get(apiPath).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(apiPath + " did not appear within 30 s");
            }
            Thread.sleep(250); // polling a background process over HTTP, not waiting on a page
        }
    }

}

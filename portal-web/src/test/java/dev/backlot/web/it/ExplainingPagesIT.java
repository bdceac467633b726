package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Pages that explain themselves (issue 12), in a real browser against the real {@code portal.jar}
 * with the sample organisation: an unregister that lists what goes, registration failures with their
 * reasons, the portal's own 404, an expired session that recovers, people shown as people.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExplainingPagesIT {

    private static final String PASSWORD = "explaining-pages-admin-password";
    private final Path work = Path.of("target", "explaining-pages-it").toAbsolutePath();
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
        awaitApi("/api/catalog/entities/by-name/user/default/ada");
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
    void unregisterListsEveryEntityThatGoesAndSaysWhatWasRemoved() throws Exception {
        // given a location with three entities
        Path file = imports("team-ledger").resolve("catalog-info.yaml");
        Files.writeString(file, entity("Component", "ledger-api-impl", "payments") + "---\n"
                + entity("Component", "ledger-worker", "payments") + "---\n" + entity("Resource", "ledger-db", "payments"));
        register(file);
        awaitApi("/api/catalog/entities/by-name/resource/default/ledger-db");

        // when unregistering one of them
        browser.open(portal.url("/catalog/default/component/ledger-worker"));
        browser.find("[id='actions:unregister']").click();
        WebElement dialog = browser.find("[id='unregisterForm:unregisterDialog']");
        wait.until(d -> dialog.getText().contains("ledger-db"));

        // then the dialog names the location and every entity, and the safe button has the focus
        assertThat(browser.find("#removalCount").getText()).isEqualTo("3 entities");
        assertThat(dialog.getText()).contains("ledger-api-impl", "ledger-worker", "ledger-db", file.getFileName().toString());
        wait.until(d -> "unregisterForm:cancelUnregister".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.screenshot(work.resolve("unregister-dialog.png"));
        browser.find("[id='unregisterForm:confirmUnregister']").click();
        wait.until(ExpectedConditions.urlMatches(".*/catalog$"));
        assertThat(browser.find("[id='catalog:messages']").getText()).contains("3 entities", "ledger-db", "ledger-worker");
        assertThat(portal.get("/api/catalog/entities/by-name/component/default/ledger-api-impl").statusCode()).isEqualTo(404);

        // and the audit log says who removed which location with which entities
        browser.open(portal.url("/admin/audit?action=location.remove"));
        assertThat(browser.find("[id='audit:table']").getText()).contains("location.remove", "admin", "entities", "ledger-db",
                file.getFileName().toString());
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(10)
    void anOrphanCanBeDeletedAloneKeepingItsLocation() throws Exception {
        Path file = imports("orphans").resolve("catalog-info.yaml");
        Files.writeString(file, entity("Component", "orph-kept", "payments") + "---\n" + entity("Component", "orph-gone", "payments"));
        register(file);
        awaitApi("/api/catalog/entities/by-name/component/default/orph-gone");
        // the file stops emitting one: it becomes an orphan (marked, kept for the grace period)
        Files.writeString(file, entity("Component", "orph-kept", "payments"));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!portal.get("/api/catalog/entities/by-name/component/default/orph-gone").body().contains("backstage.io/orphan")) {
            assertThat(System.currentTimeMillis()).as("orph-gone marked as an orphan").isLessThan(deadline);
            Thread.sleep(250); // polling a background process over HTTP, not waiting on a page
        }

        browser.open(portal.url("/catalog/default/component/orph-gone"));
        browser.find("[id='actions:unregister']").click();
        assertThat(browser.find("[id='unregisterForm:orphanNote']").getText()).contains("no longer emits");
        browser.find("[id='unregisterForm:deleteOnly']").click();
        wait.until(ExpectedConditions.urlMatches(".*/catalog$"));
        assertThat(browser.find("[id='catalog:messages']").getText()).contains("Deleted", "Only this entity");
        assertThat(portal.get("/api/catalog/entities/by-name/component/default/orph-gone").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/catalog/entities/by-name/component/default/orph-kept").statusCode()).isEqualTo(200);
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void registrationSaysWhyItFails() throws Exception {
        browser.open(portal.url("/catalog-import"));

        // outside the allowed folders: which folders are allowed
        analyze("/etc/hostname");
        assertThat(messages()).contains("cannot be registered", "outside the allowed file roots");
        assertThat(browser.find("[id='register:import']").getAttribute("class")).contains("ui-state-disabled");

        // not there
        analyze(imports("nowhere").resolve("catalog-info.yaml").toString());
        assertThat(messages()).contains("does not exist");

        // broken YAML: line and column
        Path broken = imports("broken-yaml").resolve("catalog-info.yaml");
        Files.writeString(broken, "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: [oops\n");
        analyze(broken.toString());
        assertThat(messages()).contains("not valid YAML", "line", "column");

        assertThat(browser.find("[id='register:import']").getAttribute("class")).contains("ui-state-disabled");

        // Import agrees with Analyze, also without an analysis first: refused with the same reason
        browser.open(portal.url("/catalog-import"));
        browser.find("[id='register:type'] .ui-button:nth-child(2)").click(); // "File"
        awaitAjax();
        browser.type("register:target", broken.toString());
        browser.find("[id='register:import']").click();
        awaitAjax();
        assertThat(messages()).contains("not valid YAML").doesNotContain("Location registered");

        // invalid and conflicting entities are listed, missing references are warnings
        Path mixed = imports("mixed").resolve("catalog-info.yaml");
        Files.writeString(mixed, entity("Component", "Not a valid name!", "payments") + "---\n"
                + entity("Component", "payment-service", "payments") + "---\n" + entity("Component", "fine-one", "no-such-team"));
        analyze(mixed.toString());
        String rejected = browser.find("[id='register:rejected']").getText();
        assertThat(rejected).contains("Invalid", "Conflict", "component:default/payment-service", "Already provided by");
        assertThat(browser.find("[id='register:warnings']").getText()).contains("group:default/no-such-team",
                "not in the catalog");
        assertThat(browser.find("[id='register:candidates']").getText()).contains("fine-one");
        browser.screenshot(work.resolve("register-reasons.png"));

        // the API's dry run says the same, beside Backstage's fields
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        var dryRun = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(portal.url("/api/catalog/locations?dryRun=true"))).header("Cookie", "JSESSIONID="
                + session.getValue()).header("Origin", portal.url("")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"file\",\"target\":\""
                        + mixed.toString().replace("\\", "\\\\") + "\"}")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(dryRun.statusCode()).isEqualTo(201);
        assertThat(dryRun.body()).contains("\"exists\":false", "\"rejected\"", "\"conflict\":true", "\"warnings\"",
                "group:default/no-such-team");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(3)
    void unknownPagesGetThePortals404WithItsLayout() throws Exception {
        assertThat(portal.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(portal.get("/no-such-page").body()).contains("Page not found", "bl-sidebar");
        assertThat(portal.get("/catalog/deeper/no/such/thing/here").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/no-such-api").body()).contains("NotFoundError"); // the API keeps JSON

        browser.open(portal.url("/no-such-page"));
        assertThat(browser.find("#notFoundPage").getText()).contains("Page not found", "/no-such-page");
        assertThat(browser.find(".bl-sidebar").getText()).contains("Catalog");
        assertThat(browser.find(".bl-user-name").getText()).isEqualTo("admin"); // still signed in, in the layout

        assertThat(withSession("/admin/plugin?name=nope").statusCode()).isEqualTo(404);
        browser.open(portal.url("/catalog/default/component/payment-service?tab=stopped-plugin-tab"));
        assertThat(browser.find("#tabUnavailable").getText()).contains("stopped-plugin-tab", "not available");
        assertThat(browser.javascriptErrors()).allMatch(e -> e.contains("404"));
    }

    @Test
    @Order(4)
    void peopleAreShownAsPeopleAndFoundByNameAndEmail() throws Exception {
        browser.open(portal.url("/catalog/default/user/ada"));
        assertThat(browser.find("#entityTitle").getText()).isEqualTo("Ada Lovelace");
        WebElement about = browser.find("[id='about']");
        assertThat(about.getText()).contains("ada@acme.example").doesNotContain("Lifecycle", "Owner");
        assertThat(browser.find("[id='email']").getAttribute("href")).isEqualTo("mailto:ada@acme.example");

        browser.open(portal.url("/catalog/default/group/platform"));
        assertThat(browser.find(".bl-relation-cards").getText()).contains("Ada Lovelace", "ada@acme.example");

        browser.open(portal.url("/catalog?kind=all&q=lovelace"));
        assertThat(table()).contains("Ada Lovelace").doesNotContain("Grace Hopper");
        browser.open(portal.url("/catalog?kind=all&q=grace@acme"));
        assertThat(table()).contains("Grace Hopper");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(7)
    void aConflictNamesBothLocationsWhenAndHowToResolveIt() throws Exception {
        Path file = imports("duplicate").resolve("catalog-info.yaml");
        Files.writeString(file, entity("Component", "payment-service", "payments"));
        register(file);

        new WebDriverWait(browser.driver, Duration.ofSeconds(30), Duration.ofMillis(500)).until(d -> {
            d.get(portal.url("/catalog/errors?q=duplicate"));
            return d.findElements(By.cssSelector(".bl-conflict")).stream().anyMatch(WebElement::isDisplayed);
        });
        String row = browser.find("[id='errors:table']").getText();
        assertThat(row).contains("Conflict", "component:default/payment-service", "Kept:", "Ignored:", "To resolve it",
                "UTC");
        assertThat(browser.driver.findElements(By.cssSelector(".bl-conflict a[href*='/catalog/location?id=']"))).hasSize(2);
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(5)
    void aGraphOfThirtyFiveEntitiesHasNoOverlappingBoxesAndReadableLabels() throws Exception {
        StringBuilder yaml = new StringBuilder("apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: big-team\n"
                + "  title: The big team\nspec:\n  type: team\n  children: []\n");
        for (int i = 0; i < 34; i++) {
            yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: big-service-").append(i)
                    .append("\n  title: Big service number ").append(i).append("\nspec:\n  type: service\n  lifecycle: production\n")
                    .append("  owner: big-team\n");
        }
        Path file = imports("big-team").resolve("catalog-info.yaml");
        Files.writeString(file, yaml);
        register(file);
        awaitApi("/api/catalog/entities/by-name/component/default/big-service-33");

        browser.open(portal.url("/catalog/default/group/big-team?tab=graph"));
        WebElement graph = browser.find("#fullGraph svg.bl-graph");
        assertThat(graph.getText()).contains("owner of · Component", "Big service number 7", "The big team");
        List<List<Number>> boxes = boxes("#fullGraph svg rect");
        assertThat(boxes).hasSizeGreaterThanOrEqualTo(35);
        assertNoOverlap(boxes);
        assertThat(browser.driver.findElements(By.cssSelector("#fullGraph svg a"))).hasSizeGreaterThanOrEqualTo(34);
        browser.screenshot(work.resolve("graph-35.png"));

        // the overview card stays small and links to the full graph; filters narrow it
        browser.open(portal.url("/catalog/default/group/big-team"));
        assertNoOverlap(boxes("#graph svg rect"));
        assertThat(browser.find("#fullGraphLink").getAttribute("href")).contains("tab=graph");
        browser.open(portal.url("/catalog/default/group/big-team?tab=graph&graphKind=group"));
        assertThat(boxes("#fullGraph svg rect")).hasSize(1);
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(6)
    void pagesFitOnAPhoneALaptopAndADesktop() throws Exception {
        List<String> pages = List.of("/catalog?kind=all", "/catalog/default/component/payment-service",
                "/catalog/default/user/ada", "/catalog/default/group/big-team?tab=graph", "/catalog/errors", "/catalog-import",
                "/admin/plugins", "/admin/audit", "/no-such-page");
        try {
            for (int width : new int[] {390, 1024, 1400}) {
                browser.driver.manage().window().setSize(new Dimension(width, 900));
                for (String page : pages) {
                    browser.open(portal.url(page));
                    JavascriptExecutor js = (JavascriptExecutor) browser.driver;
                    Number overflow = (Number) js.executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
                    assertThat(overflow.intValue()).as("horizontal scroll on %s at %d px", page, width).isLessThanOrEqualTo(0);
                    @SuppressWarnings("unchecked")
                    List<String> clipped = (List<String>) js.executeScript("return Array.from(document.querySelectorAll('td'))"
                            + ".filter(td => td.offsetParent !== null && td.scrollWidth > td.clientWidth + 1)"
                            + ".map(td => td.innerText.slice(0, 40))");
                    assertThat(clipped).as("clipped cells on %s at %d px", page, width).isEmpty();
                }
                browser.open(portal.url("/catalog?kind=all"));
                Number firstResult = (Number) ((JavascriptExecutor) browser.driver).executeScript(
                        "return document.querySelector('.bl-entity-link').getBoundingClientRect().top");
                assertThat(firstResult.intValue()).as("first result at %d px", width).isLessThan(900);
                browser.screenshot(work.resolve("catalog-" + width + ".png"));
            }
        } finally {
            browser.driver.manage().window().setSize(new Dimension(1280, 900));
        }
        assertThat(browser.javascriptErrors()).allMatch(e -> e.contains("404"));
    }

    @Test
    @Order(8)
    void hostileInputIsEscapedAndNeverRedirectsElsewhere() throws Exception {
        var audit = withSession("/admin/audit?actor=%3Cscript%3Ealert(1)%3C/script%3E&from=%3Cb%3Enot-a-day&target=%25_!");
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).doesNotContain("<script>alert(1)", "<b>not-a-day").contains("is not a day");

        var graph = withSession("/catalog/default/component/payment-service?tab=graph&depth=99999999999&graphKind=%3Cb%3E"
                + "&graphRelation=" + "x".repeat(300));
        assertThat(graph.statusCode()).isEqualTo(200);
        assertThat(graph.body()).doesNotContain("<b>");

        var missing = portal.get("/no-such-page-%3Cscript%3E");
        assertThat(missing.statusCode()).isIn(400, 404);
        assertThat(missing.body()).doesNotContain("<script>");

        // an ajax call without a session, claiming to come from another site, goes to this portal's sign-in only
        var ajax = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(portal.url("/admin/plugins"))).header("Faces-Request", "partial/ajax")
                .header("Referer", "http://evil.example/steal").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("jakarta.faces.partial.ajax=true")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(ajax.body()).contains("<redirect url=\"/login?next=%2Fadmin%2Fplugins\"").doesNotContain("evil.example");
    }

    @Test
    @Order(9)
    void theConsoleSpeaksInWordsFoldsTheFrameworkAndAsksBeforeChanges() throws Exception {
        browser.open(portal.url("/admin/plugins"));
        String table = browser.find("[id='plugins:table']").getText();
        assertThat(table).contains("running").doesNotContain("org.apache.felix.scr", "ACTIVE");
        browser.find("[id='plugins:toggleFramework']").click();
        awaitAjax();
        wait.until(d -> browser.find("[id='plugins:table']").getText().contains("org.apache.felix.scr"));

        // the detail page has actions, each confirmed, Cancel first
        browser.open(portal.url("/admin/plugin?name=dev.backlot.example-hello"));
        browser.find("[id='pluginActions:stop']").click();
        wait.until(d -> browser.find(".ui-confirm-dialog").isDisplayed());
        wait.until(d -> "pluginActions:confirmNo".equals(d.switchTo().activeElement().getAttribute("id")));
        browser.find("[id='pluginActions:confirmNo']").click();
        assertThat(browser.find(".bl-state").getText()).isEqualTo("running");

        // the audit page filters by actor, action and day
        browser.open(portal.url("/admin/audit?actor=nobody-at-all"));
        assertThat(browser.find("[id='audit:table']").getText()).contains("No entry matches these filters");
        browser.open(portal.url("/admin/audit?action=location.&from=2000-01-01"));
        assertThat(browser.find("[id='audit:table']").getText()).contains("location.register").doesNotContain("plugin.");
        browser.open(portal.url("/admin/audit?action=location.&to=2000-01-01"));
        assertThat(browser.find("[id='audit:table']").getText()).contains("No entry matches these filters");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(90)
    void anExpiredSessionReloadsThePageKeepingItsUrl() throws Exception {
        browser.javascriptErrors(); // what earlier tests left in the console (their 404 pages) is not this test's
        browser.open(portal.url("/catalog?kind=all&q=pay"));
        assertThat(table()).contains("Payment service");
        // the session ends (an overnight tab): the server no longer knows the page's view
        browser.driver.manage().deleteCookieNamed("JSESSIONID");
        browser.type("catalog:q", "payments-");
        wait.until(d -> browser.driver.findElements(By.cssSelector("[id='catalog:messages']")).stream()
                .anyMatch(e -> e.getText().contains("session had expired")));
        assertThat(browser.driver.getCurrentUrl()).contains("/catalog?kind=all&q=pay");
        // the fresh view works
        browser.type("catalog:q", "payments-");
        wait.until(ExpectedConditions.urlContains("q=payments-"));
        assertThat(table()).contains("payments-api");

        // an admin page's ajax call after the session ended goes to the sign-in and back
        browser.signIn(portal.url("/login"), "admin", PASSWORD);
        browser.open(portal.url("/admin/plugins"));
        browser.driver.manage().deleteCookieNamed("JSESSIONID");
        browser.find("[id='toolbar:refresh']").click();
        wait.until(ExpectedConditions.urlContains("/login?next="));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    // --- helpers ---

    private static String entity(String kind, String name, String owner) {
        return "apiVersion: backstage.io/v1alpha1\nkind: " + kind + "\nmetadata:\n  name: " + name + "\nspec:\n  type: service\n"
                + "  lifecycle: production\n  owner: " + owner + "\n";
    }

    @SuppressWarnings("unchecked")
    private List<List<Number>> boxes(String css) {
        return (List<List<Number>>) ((JavascriptExecutor) browser.driver).executeScript("return Array.from("
                + "document.querySelectorAll(arguments[0])).map(r => { const b = r.getBoundingClientRect();"
                + " return [b.x, b.y, b.width, b.height]; })", css);
    }

    private static void assertNoOverlap(List<List<Number>> boxes) {
        for (int i = 0; i < boxes.size(); i++) {
            for (int j = i + 1; j < boxes.size(); j++) {
                double[] a = boxes.get(i).stream().mapToDouble(Number::doubleValue).toArray();
                double[] b = boxes.get(j).stream().mapToDouble(Number::doubleValue).toArray();
                boolean apart = a[0] + a[2] <= b[0] + 0.5 || b[0] + b[2] <= a[0] + 0.5 || a[1] + a[3] <= b[1] + 0.5
                        || b[1] + b[3] <= a[1] + 0.5;
                assertThat(apart).as("boxes %d %s and %d %s overlap", i, boxes.get(i), j, boxes.get(j)).isTrue();
            }
        }
    }

    private Path imports(String folder) throws Exception {
        Path dir = portal.data.resolve("sample-catalog").resolve("imports").resolve(folder);
        Files.createDirectories(dir);
        return dir;
    }

    private void register(Path file) {
        browser.open(portal.url("/catalog-import"));
        browser.find("[id='register:type'] .ui-button:nth-child(2)").click(); // "File"
        awaitAjax();
        browser.type("register:target", file.toString());
        awaitAjax();
        browser.clickAndWaitForText("register:import", "[id='register:messages']", "Location registered");
    }

    private void analyze(String path) {
        WebElement file = browser.find("[id='register:type'] .ui-button:nth-child(2)"); // "File"
        if (!file.getAttribute("class").contains("ui-state-active")) {
            file.click();
            awaitAjax();
        }
        browser.type("register:target", path);
        awaitAjax();
        browser.find("[id='register:analyze']").click();
        awaitAjax();
    }

    private String messages() {
        awaitAjax();
        return browser.find("[id='register:messages']").getText();
    }

    private String table() {
        awaitAjax();
        return browser.find("[id='catalog:table']").getText();
    }

    private java.net.http.HttpResponse<String> withSession(String path) throws Exception {
        Cookie session = browser.driver.manage().getCookieNamed("JSESSIONID");
        return portal.get(path, Map.of("Cookie", "JSESSIONID=" + session.getValue()));
    }

    private void awaitAjax() {
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return !window.PrimeFaces || PrimeFaces.ajax.Queue.isEmpty()"));
    }

    private void awaitApi(String apiPath) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (portal.get(apiPath).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(apiPath + " did not appear within 30 s");
            }
            Thread.sleep(250); // polling a background process over HTTP, not waiting on a page
        }
    }
}

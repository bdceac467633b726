package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.web.it.uifixture.FixtureModel;
import dev.backlot.web.it.uifixture.FixtureUiActivator;
import dev.backlot.web.plugins.TestJars;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * UI contributions in a real browser against the real {@code portal.jar}: the shipped example-ui
 * bundle in all four slots with its stylesheet, its static files over HTTP, error boxes for a test
 * bundle whose contributions fail in each way a plugin can, and new markup right after that bundle
 * is updated in place through the drop-in folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UiContributionsIT {

    private static final Pattern CSS_URL = Pattern.compile("/plugin-resources/dev\\.backlot\\.example-ui/(\\d+)/example-ui\\.css");
    private final Path work = Path.of("target", "ui-contributions-it").toAbsolutePath();
    private RunningPortal portal;
    private Browser browser;
    private WebDriverWait wait;

    @BeforeAll
    void start() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        RunningPortal.deleteTree(work);
        portal = RunningPortal.start(work.resolve("data"), "portal.log",
                Map.of("PORTAL_ADMIN_PASSWORD", "ui-contributions-admin-password", "PORTAL_PLUGINS_POLL_MS", "200"));
        browser = new Browser(work.resolve("chromium"));
        wait = new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30));
        eventually(() -> portal.get("/api/catalog/entities/by-name/component/default/payment-service").statusCode() == 200,
                "the sample catalog");
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
    void exampleBundleFillsEverySlot() throws Exception {
        // home.card
        browser.open(portal.url("/"));
        assertThat(browser.find("#deploy-window").getText()).contains("Production deploys");
        assertThat(browser.find(".bl-main").getText()).contains("Deploy window", "Portal health");

        // entity.card, on every kind
        browser.open(portal.url("/catalog/default/component/payment-service"));
        assertThat(browser.find("#links-card").getText()).contains("Links", "Runbook", "Annotations");
        assertThat(browser.find("[id='about']").getText()).contains("Charges cards");

        // entity.tab, for Components only, with the bundle's stylesheet applied
        browser.find("#tab-readiness").click();
        wait.until(ExpectedConditions.urlContains("?tab=readiness"));
        assertThat(browser.find("#readiness-scorecard").getText()).contains("checks passed", "Has an owner");
        assertThat(browser.find(".exui-score").getCssValue("border-top-style")).isEqualTo("solid");
        assertThat(browser.find("#tab-readiness").getAttribute("class")).contains("active");
        browser.screenshot(work.resolve("entity-readiness-tab.png"));
        browser.open(portal.url("/catalog/default/group/payments"));
        assertThat(browser.find("#links-card").isDisplayed()).isTrue();
        assertThat(browser.driver.findElements(By.id("tab-readiness"))).isEmpty();
        browser.open(portal.url("/catalog/default/group/payments?tab=readiness"));
        assertThat(browser.find("[id='about']").isDisplayed()).isTrue(); // no such tab here: the overview

        // nav.page, reached from the sidebar
        browser.find("#nav-readiness").click();
        wait.until(ExpectedConditions.urlContains("/p/readiness"));
        assertThat(browser.find("#pageTitle").getText()).isEqualTo("Readiness guide");
        assertThat(browser.find("#readiness-guide").getText()).contains("Has an owner", "owner: group:default/payments");
        assertThat(browser.find("#nav-readiness").getAttribute("class")).contains("active");
        browser.screenshot(work.resolve("nav-page.png"));
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void staticFilesAreServedImmutableAndNothingOutsideStaticIs() throws Exception {
        Matcher css = CSS_URL.matcher(portal.get("/catalog/default/component/payment-service?tab=readiness").body());
        assertThat(css.find()).as("the tab links the bundle's stylesheet").isTrue();
        String base = "/plugin-resources/dev.backlot.example-ui/" + css.group(1) + "/";

        HttpResponse<String> file = portal.get(base + "example-ui.css");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        assertThat(file.headers().firstValue("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(file.body()).contains(".exui-score");
        // an older revision's URL still gets the file, but not as immutable
        assertThat(portal.get("/plugin-resources/dev.backlot.example-ui/1/example-ui.css").headers()
                .firstValue("Cache-Control")).contains("no-cache");

        assertThat(portal.get(base + "missing.css").statusCode()).isEqualTo(404);
        assertThat(portal.get("/plugin-resources/dev.backlot.no-such-bundle/1/x.css").statusCode()).isEqualTo(404);
        for (String trick : List.of("%2e%2e/ui/links-card.xhtml", "..%5cui%5clinks-card.xhtml",
                "a%2f..%2f..%2fui%2flinks-card.xhtml", "%2E%2E/META-INF/MANIFEST.MF")) {
            HttpResponse<String> refused = portal.get(base + trick);
            assertThat(refused.statusCode()).as(trick).isEqualTo(400);
            assertThat(refused.body()).doesNotContain("ui:composition", "Bundle-SymbolicName");
        }
        // fragments are included into pages, never served as pages
        assertThat(portal.get("/plugin/1/1/ui/links-card.xhtml").statusCode()).isEqualTo(403);
        assertThat(portal.get("/p/no-such-page").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(3)
    void failingContributionsShowAnErrorBoxAndTheRestOfThePageWorks() throws Exception {
        Path jar = work.resolve("data/plugins/ui-fixture.jar");
        install(fixtureBundle("1.0.0", "Version one"), jar);
        eventually(() -> portal.get("/").body().contains("versioned-markup"), "the fixture bundle's home card");

        browser.open(portal.url("/"));
        List<String> boxes = errorBoxes();
        assertThat(boxes).contains("The plugin UI fixture could not show this: the model broke");
        assertThat(boxes).anySatisfy(b -> assertThat(b).startsWith("The plugin UI fixture could not show this: rendering broke"));
        // what the failing fragment wrote before it threw is gone with it
        assertThat(browser.find(".bl-main").getText()).doesNotContain("written before the failure");
        // the rest of the page: the portal's own cards and the other plugins' cards
        assertThat(browser.find("#healthCard").getText()).contains("Ready");
        assertThat(browser.find("#deploy-window").isDisplayed()).isTrue();
        assertThat(browser.find("#versioned-markup").getText()).isEqualTo("Version one from bundle 1.0.0");
        browser.screenshot(work.resolve("home-with-errors.png"));

        browser.open(portal.url("/catalog/default/component/payment-service"));
        assertThat(errorBoxes()).anySatisfy(b -> assertThat(b)
                .startsWith("The plugin UI fixture could not show this:").contains("noSuchProperty"));
        assertThat(browser.find("#links-card").isDisplayed()).isTrue();
        assertThat(browser.find("[id='about']").getText()).contains("Charges cards");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    @Test
    @Order(4)
    void updatedBundleShowsItsNewMarkupAtOnceAndARemovedOneLeavesThePageWhole() throws Exception {
        Path jar = work.resolve("data/plugins/ui-fixture.jar");
        assertThat(portal.get("/").body()).contains("Version one from bundle 1.0.0");

        install(fixtureBundle("2.0.0", "Version two"), jar);
        eventually(() -> portal.get("/").body().contains("from bundle 2.0.0"), "the updated bundle to serve");

        browser.open(portal.url("/"));
        assertThat(browser.find("#versioned-markup").getText()).isEqualTo("Version two from bundle 2.0.0");
        assertThat(browser.find(".bl-main").getText()).doesNotContain("Version one");

        Files.delete(jar);
        eventually(() -> !portal.get("/").body().contains("versioned-markup"), "the removed bundle's cards to go");
        HttpResponse<String> home = portal.get("/");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.body()).contains("deploy-window").doesNotContain("bl-plugin-error");
        assertThat(browser.javascriptErrors()).isEmpty();
    }

    private List<String> errorBoxes() {
        browser.find(".bl-plugin-error");
        return browser.driver.findElements(By.cssSelector(".bl-plugin-error")).stream().map(WebElement::getText).toList();
    }

    /** Writes the jar next to its final name and moves it in, so the drop-in folder never sees half a file. */
    private static void install(byte[] bundle, Path jar) throws IOException {
        Files.createDirectories(jar.getParent());
        Path partial = jar.resolveSibling(jar.getFileName() + ".part");
        Files.write(partial, bundle);
        Files.move(partial, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The fixture bundle: {@link FixtureUiActivator}'s contributions and fragments whose text names the version. */
    private static byte[] fixtureBundle(String version, String markup) {
        return TestJars.withClasses(Map.of("Bundle-SymbolicName", "dev.backlot.test.ui-fixture", "Bundle-Name", "UI fixture",
                "Bundle-Version", version, "Bundle-Activator", FixtureUiActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.ui;version=\"[1.0,2)\""),
                List.of(FixtureUiActivator.class, FixtureUiActivator.FixtureContribution.class, FixtureModel.class),
                Map.of("ui/versioned.xhtml",
                        TestJars.fragment("<p id=\"versioned-markup\">" + markup + " from bundle #{model.version()}</p>"),
                        "ui/explodes.xhtml", TestJars.fragment("<p>written before the failure</p><p>#{model.explode()}</p>"),
                        "ui/missing-property.xhtml", TestJars.fragment("<p>#{model.noSuchProperty}</p>")));
    }

    private static void eventually(Callable<Boolean> condition, String what) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.call()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("Waited 60 s for " + what);
            }
            Thread.sleep(200);
        }
    }

}

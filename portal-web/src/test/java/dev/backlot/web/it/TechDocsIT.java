package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * TechDocs against the real {@code portal.jar} with the sample organisation: the Markdown docs of
 * payment-service and the AsciiDoc docs of money-lib through Backstage's API paths, hostile docs in
 * both formats neutralised, path tricks refused, and the reader, the docs list and the entity tab in
 * a real browser.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TechDocsIT {

    private static final String PASSWORD = "techdocs-it-admin-password";
    private static final String TOKEN = "techdocs-it-api-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Path work = Path.of("target", "techdocs-it").toAbsolutePath();
    private RunningPortal portal;

    @BeforeAll
    void start() throws Exception {
        RunningPortal.deleteTree(work);
        Path data = work.resolve("data");
        hostileDocs(data.resolve("sample-catalog/hostile"));
        portal = RunningPortal.start(data, "portal.log", Map.of("PORTAL_ADMIN_PASSWORD", PASSWORD, "PORTAL_API_TOKEN", TOKEN));
        awaitOk("/api/catalog/entities/by-name/component/default/money-lib");
        HttpResponse<String> added = send("POST", "/api/catalog/locations",
                "{\"type\":\"file\",\"target\":\"" + data.resolve("sample-catalog/hostile/catalog-info.yaml") + "\"}");
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        awaitOk("/api/catalog/entities/by-name/component/default/hostile-docs");
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    @Order(1)
    void markdownDocsAreBuiltAndServedOnBackstagesPaths() throws Exception {
        HttpResponse<String> sync = syncGet("/api/techdocs/sync/default/component/payment-service");
        assertThat(sync.statusCode()).isEqualTo(200);
        assertThat(sync.body()).contains("\"status\":\"ready\"");

        HttpResponse<String> home = portal.get("/api/techdocs/static/docs/default/component/payment-service/index.html");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(home.body()).contains("Payment service", "<table>", "td-admonition",
                "href=\"/docs/default/component/payment-service/getting-started/\"");
        HttpResponse<String> setup = portal.get("/api/techdocs/static/docs/default/component/payment-service/getting-started/");
        assertThat(setup.body()).contains("td-hl-k");
        HttpResponse<String> image = portal.get("/api/techdocs/static/docs/default/component/payment-service/architecture/flow.svg");
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("Content-Security-Policy").orElse("")).contains("sandbox");

        HttpResponse<String> metadata = portal.get("/api/techdocs/metadata/techdocs/default/component/payment-service");
        assertThat(metadata.body()).contains("\"site_name\":\"Payment service\"", "build_timestamp");
        HttpResponse<String> entity = portal.get("/api/techdocs/metadata/entity/default/component/payment-service");
        assertThat(entity.body()).contains("\"name\":\"payment-service\"");

        HttpResponse<String> events = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(
                "/api/techdocs/sync/default/component/payment-service"))).header("Accept", "text/event-stream")
                .timeout(Duration.ofMinutes(3)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        assertThat(events.body()).contains("event: log", "event: finish", "{\"updated\":false}");
    }

    @Test
    @Order(2)
    void asciidocDocsAreBuiltWithIncludesXrefsAndHighlighting() throws Exception {
        HttpResponse<String> sync = syncGet("/api/techdocs/sync/default/component/money-lib");
        assertThat(sync.body()).as(sync.body()).contains("\"status\":\"ready\"");
        String home = portal.get("/api/techdocs/static/docs/default/component/money-lib/").body();
        assertThat(home).contains("Money library", "JPY (0 decimals)",
                "href=\"/docs/default/component/money-lib/rounding/#banker-s-rounding\"");
        String usage = portal.get("/api/techdocs/static/docs/default/component/money-lib/usage/").body();
        assertThat(usage).contains("td-hl-", "td-admonitionblock");
    }

    @Test
    @Order(3)
    void hostileDocsAreNeutralisedInBothFormats() throws Exception {
        HttpResponse<String> sync = syncGet("/api/techdocs/sync/default/component/hostile-docs");
        assertThat(sync.body()).contains("\"status\":\"ready\"", "leaves the docs folder");
        for (String page : new String[] {"", "evil/", "evil-adoc/"}) {
            String html = portal.get("/api/techdocs/static/docs/default/component/hostile-docs/" + page).body();
            assertThat(html).as(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                    .doesNotContainIgnoringCase("=\"javascript:").doesNotContainIgnoringCase("=\"vbscript:")
                    .doesNotContainIgnoringCase("<iframe").doesNotContainIgnoringCase("<object")
                    .doesNotContainIgnoringCase("<form").doesNotContainIgnoringCase("=\"data:text/html")
                    .doesNotContainIgnoringCase("style=").doesNotContain("root:x:0:0");
        }
        // the reader page with the hostile page serves the portal's own CSP as well
        HttpResponse<String> reader = portal.get("/docs/default/component/hostile-docs/evil/");
        assertThat(reader.statusCode()).isEqualTo(200);
        assertThat(reader.body()).doesNotContainIgnoringCase("<script>alert").doesNotContain("onerror=");
    }

    @Test
    @Order(4)
    void pathTricksOnTheStaticApiFindNothing() throws Exception {
        for (String path : new String[] {"../../../../etc/passwd", "%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                "..%2f..%2f..%2fetc%2fpasswd", "architecture/..%2f..%2f..%2f..%2fstatus.json", "..;/..;/status.json",
                "site.json", "../status.json", "x".repeat(5000)}) {
            RawHttp.Answer answer = RawHttp.get(portal.port, "/api/techdocs/static/docs/default/component/payment-service/" + path);
            assertThat(answer.status()).as(path).isIn(400, 404, 414, 431);
            assertThat(answer.body()).as(path).doesNotContain("root:x:0:0").doesNotContain("\"hash\"");
        }
        assertThat(portal.get("/api/techdocs/static/docs/default/component/no-such/index.html").statusCode()).isEqualTo(404);
        assertThat(portal.get("/api/techdocs/sync/default/component/checkout-web").statusCode()).isEqualTo(404);
        // a forced rebuild is a change: refused without a caller
        HttpResponse<String> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(
                "/api/techdocs/rebuild/default/component/payment-service"))).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(401, 403);
        assertThat(send("POST", "/api/techdocs/rebuild/default/component/payment-service", null).statusCode()).isEqualTo(202);
    }

    @Test
    @Order(5)
    void readerListAndEntityTabInABrowser() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        try (Browser browser = new Browser(work.resolve("chromium"))) {
            WebDriverWait wait = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            browser.open(portal.url("/docs"));
            assertThat(browser.find("#docsTable").getText()).contains("Payment service", "money-lib", "payments");
            browser.open(portal.url("/docs?q=money"));
            assertThat(browser.find("#docsTable").getText()).contains("money-lib").doesNotContain("Payment service");

            browser.open(portal.url("/docs/default/component/payment-service/"));
            assertThat(browser.find("#docsNav").getText()).contains("Getting started", "Architecture", "Runbook");
            // the table of contents is hidden below 1100 px of width (as on a phone): read it from the DOM
            assertThat(browser.driver.findElement(By.id("docsToc")).getAttribute("textContent")).contains("What it does");
            assertThat(browser.find("#docsState").getText()).isEqualTo("ready");
            browser.driver.findElement(By.linkText("Getting started")).click();
            wait.until(d -> d.getCurrentUrl().endsWith("/docs/default/component/payment-service/getting-started/"));
            assertThat(browser.find("#docsPage").getText()).contains("Run it locally");
            assertThat(browser.find("#docsCrumbs").getText()).contains("Docs", "Payment service", "Getting started");
            browser.screenshot(work.resolve("reader.png"));

            browser.open(portal.url("/catalog/default/component/money-lib?tab=docs"));
            assertThat(browser.find("#entityDocs").getText()).contains("Money library");
            assertThat(browser.javascriptErrors()).isEmpty();
        }
    }

    /** A sync waits for the build, which may wait for Asciidoctor's one-time start on a busy machine. */
    private HttpResponse<String> syncGet(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 240_000;
        while (true) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                    .timeout(Duration.ofMinutes(1)).build(), HttpResponse.BodyHandlers.ofString());
            if (!answer.body().contains("\"status\":\"building\"") || System.currentTimeMillis() > deadline) {
                return answer;
            }
        }
    }

    @Test
    @Order(6)
    void docsPagesAndSectionsAreFoundBySearchInBothFormats() throws Exception {
        // Every finished build asks search to index the techdocs documents again.
        String settlement = awaitSearch("term=settlement&types%5B0%5D=techdocs", "/docs/default/component/payment-service/");
        assertThat(settlement).contains("\"type\":\"techdocs\"", "operations/runbook");
        String rounding = awaitSearch("term=banker&types%5B0%5D=techdocs", "/docs/default/component/money-lib/");
        assertThat(rounding).contains("rounding", "#");
        // The hostile docs are indexed as text, never as markup.
        String hostile = portal.get("/api/search/query?term=hostile&types%5B0%5D=techdocs").body();
        assertThat(hostile).doesNotContain("<script", "javascript:");
    }

    /** Searches until a result's location starts with {@code location}; the body of that answer. */
    private String awaitSearch(String query, String location) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            HttpResponse<String> found = portal.get("/api/search/query?" + query);
            if (found.statusCode() == 200 && found.body().contains("\"location\":\"" + location)) {
                return found.body();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("No " + location + " result for " + query + ": " + found.body());
            }
            Thread.sleep(500);
        }
    }

    private void awaitOk(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (portal.get(path).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(path + " did not answer 200 within 60 s");
            }
            Thread.sleep(300);
        }
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A component whose docs try every trick of the issue's Safety section, in Markdown and AsciiDoc. */
    private static void hostileDocs(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("docs"));
        Files.writeString(dir.resolve("catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: hostile-docs
                  annotations:
                    backstage.io/techdocs-ref: dir:./docs
                spec:
                  type: service
                  lifecycle: experimental
                  owner: mallory
                """);
        Files.writeString(dir.resolve("docs/index.md"), """
                # Hostile

                <script>alert(1)</script>

                <img src="x.png" onerror="alert(2)">

                [js](javascript:alert(3)) [vb](vbscript:msgbox(4)) [data](data:text/html;base64,PHNjcmlwdD4=)

                <iframe src="https://evil.example/"></iframe>

                <object data="x.swf"></object>

                <form action="https://evil.example/"><input type="text" name="q"></form>

                <div style="position:fixed;top:0;left:0;width:100%;height:100%">overlay</div>

                <style>body { display: none }</style>

                <a href="#" onclick="alert(5)">click</a>

                [out](../../../../etc/passwd) ![out](../../secret.png)
                """);
        Files.writeString(dir.resolve("docs/evil.md"), """
                # Evil two
                <svg onload="alert(6)"><script>alert(7)</script></svg>
                <a href="JaVaScRiPt:alert(8)">x</a> <a href="&#106;avascript:alert(9)">y</a>
                <img src="data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+">
                """);
        Files.writeString(dir.resolve("docs/evil-adoc.adoc"), """
                = Evil AsciiDoc

                ++++
                <script>alert(10)</script><iframe src="https://evil.example/"></iframe>
                ++++

                link:javascript:alert(11)[click]

                include::../../../../../../../../etc/passwd[]

                include::/etc/passwd[]

                image::../../../outside.png[]

                pass:[<img src=x onerror=alert(12)>]
                """);
    }
}

package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search on the real {@code portal.jar} with its embedded Solr: Backstage's query API, the catalog's
 * changes arriving by events, hostile terms and filters, the admin rebuild's access rule, the
 * search page and the header's suggestions in a real Chromium.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchIT {

    private static final String TOKEN = "search-it-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path work = Path.of("target", "search-it").toAbsolutePath();
    private final Path repos = work.resolve("repos");
    private RunningPortal portal;

    @BeforeAll
    void start() throws Exception {
        RunningPortal.deleteTree(work);
        write(repos.resolve("ledger/catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata:
                  name: ledger-service
                  title: Ledger service
                  description: "Keeps the books. <script>alert('xss')</script>"
                  tags: [finance]
                spec: {type: service, lifecycle: production, owner: payments}
                """);
        portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_CATALOG_LOCATIONS", "file:" + repos, "PORTAL_CATALOG_ORPHAN_GRACE_SECONDS", "0"));
        eventually(() -> total("ledger") >= 1 && total("payment") >= 2, "the sample catalog and the repos indexed");
    }

    @AfterAll
    void stop() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    @Test
    void queryAnswersInBackstagesShape() throws Exception {
        JsonNode body = query("term=ledger");
        JsonNode first = body.get("results").get(0);
        assertThat(first.get("type").asText()).isEqualTo("software-catalog");
        assertThat(first.at("/document/title").asText()).isEqualTo("Ledger service");
        assertThat(first.at("/document/location").asText()).isEqualTo("/catalog/default/component/ledger-service");
        assertThat(first.at("/document/kind").asText()).isEqualTo("Component");
        assertThat(first.at("/highlight/preTag").asText()).isEqualTo("<mark>");
        assertThat(first.at("/highlight/fields/title").asText()).contains("<mark>Ledger</mark>");
        assertThat(first.get("rank").asInt()).isEqualTo(1);
        assertThat(body.get("numberOfResults").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void typesFiltersAndPagesAsBackstagesClientSendsThem() throws Exception {
        JsonNode templates = query("term=&types%5B0%5D=template");
        assertThat(templates.get("results")).allSatisfy(r -> assertThat(r.get("type").asText()).isEqualTo("template"));
        JsonNode components = query("term=payment&filters%5Bkind%5D=component");
        assertThat(components.get("results")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.at("/document/kind").asText()).isEqualTo("Component"));
        JsonNode page1 = query("term=&pageLimit=2");
        assertThat(page1.get("results")).hasSize(2);
        JsonNode page2 = query("term=&pageLimit=2&pageCursor=" + page1.get("nextPageCursor").asText());
        assertThat(page2.get("results").get(0).get("rank").asInt()).isEqualTo(3);
        assertThat(page2.has("previousPageCursor")).isTrue();
    }

    @Test
    void unknownFilterFieldIsA400InBackstagesErrorShape() throws Exception {
        HttpResponse<String> r = portal.get("/api/search/query?term=x&filters%5Bcolour%5D=red");
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(r.body());
        assertThat(error.at("/error/name").asText()).isEqualTo("InputError");
        assertThat(error.at("/error/message").asText()).contains("colour", "kind");
    }

    @Test
    void hostileTermsAnswerWithResultsOrNoneNeverAnError() throws Exception {
        List<String> terms = List.of("\"", "\"ledger", "ledger\"\"\"", ":", "(", ")", "AND", "OR NOT", "*", "\\", "{!",
                "{!lucene}*:*", "{!join from=id to=id}*:*", "*:*", "title:ledger", "id:*", "ledger AND (", "[* TO *]",
                "ledger^1000", "~", "/regex/", "&&", "||", "<script>alert(1)</script>", "%00", "$fsep",
                "x".repeat(10_000));
        for (String term : terms) {
            String encoded = URLEncoder.encode(term, StandardCharsets.UTF_8);
            RawHttp.Answer answer = RawHttp.get(portal.port, "/api/search/query?term=" + encoded);
            String shown = term.length() > 30 ? term.substring(0, 30) + "…" : term;
            assertThat(answer.status()).as(shown).isEqualTo(200);
            assertThat(JSON.readTree(answer.body()).get("results").isArray()).as(shown).isTrue();
        }
        // Syntax is searched as words: it neither matches everything nor queries a field.
        assertThat(total("*:*")).isZero();
        assertThat(total("{!lucene}*:*")).isZero();
        assertThat(total("id:*")).as("a field query is the word 'id'").isEqualTo(total("id"));
    }

    @Test
    void hostileFilterValuesAndCursorsAreRefusedOrMatchNothing() throws Exception {
        for (String value : List.of("*", "} OR *:*", "{!lucene}*:*", "x\u001fy", "\"")) {
            JsonNode body = query("term=&filters%5Bkind%5D=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
            assertThat(body.get("numberOfResults").asLong()).as(value).isZero();
        }
        assertThat(portal.get("/api/search/query?term=x&pageCursor=%7B!lucene%7D").statusCode()).isEqualTo(400);
        assertThat(portal.get("/api/search/query?term=x&pageLimit=100000").statusCode()).isEqualTo(400);
        assertThat(portal.get("/api/search/query?term=x&filters%5B%7B!lucene%7D%5D=x").statusCode()).isEqualTo(400);
    }

    @Test
    void aNewEntityIsSearchableSoonAfterItsFileIsWritten() throws Exception {
        write(repos.resolve("fresh/catalog-info.yaml"), """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: quokka-tracker, description: Counts quokkas}
                spec: {type: service, lifecycle: experimental, owner: platform}
                """);
        eventually(() -> total("quokka") == 1, "the new entity searchable");
        Files.delete(repos.resolve("fresh/catalog-info.yaml"));
        eventually(() -> total("quokka") == 0, "the removed entity gone");
    }

    @Test
    void rebuildsAndStatusNeedTheAdminRole() throws Exception {
        assertThat(RawHttp.send(portal.port, "POST", "/api/admin/search/refresh", Map.of(), new byte[0]).status()).isIn(401, 403);
        assertThat(RawHttp.get(portal.port, "/api/admin/search/status").status()).isIn(401, 403);
        RawHttp.Answer rebuild = RawHttp.send(portal.port, "POST", "/api/admin/search/refresh",
                Map.of("Authorization", "Bearer " + TOKEN), new byte[0]);
        assertThat(rebuild.status()).isEqualTo(202);
        HttpResponse<String> status = portal.get("/api/admin/search/status", Map.of("Authorization", "Bearer " + TOKEN));
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(status.body()).get("reachable").asBoolean()).isTrue();
        assertThat(total("ledger")).as("search answers during and after the rebuild").isGreaterThanOrEqualTo(1);
    }

    @Test
    void suggestionsPutEntitiesFirst() throws Exception {
        JsonNode s = JSON.readTree(portal.get("/api/search/suggest?term=ledg").body());
        assertThat(s.get(0).get("location").asText()).isEqualTo("/catalog/default/component/ledger-service");
        assertThat(s.get(0).get("kind").asText()).isEqualTo("Component");
    }

    @Test
    void searchPageEscapesDocumentsAndHelpsWhenEmpty() throws Exception {
        String page = portal.get("/search?q=books").body();
        assertThat(page).contains("Ledger service").contains("<mark>books</mark>").doesNotContain("<script>alert('xss')");
        String empty = portal.get("/search?q=zzzyxqv").body();
        assertThat(empty).contains("id=\"noResults\"").contains("Try fewer or shorter words");
        String hostile = portal.get("/search?q=" + URLEncoder.encode("\"><script>alert(1)</script>", StandardCharsets.UTF_8)).body();
        assertThat(hostile).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void searchPageInABrowserSuggestsFiltersAndPages() throws Exception {
        assumeTrue(Browser.available(), "Chromium and chromedriver are not installed");
        try (Browser browser = new Browser(work.resolve("chromium"))) {
            // The header suggests as you type; the arrow key and Enter open the entity.
            browser.open(portal.url("/"));
            WebElement box = browser.find("#bl-q");
            box.sendKeys("ledg");
            browser.find("#bl-suggest li");
            box.sendKeys(Keys.ARROW_DOWN, Keys.ENTER);
            new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30))
                    .until(ExpectedConditions.urlContains("/catalog/default/component/ledger-service"));

            // Enter without a suggestion opens the search page; a facet narrows it, with counts.
            browser.open(portal.url("/"));
            browser.find("#bl-q").sendKeys("payment", Keys.ENTER);
            new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("/search?q=payment"));
            assertThat(browser.find("#resultCount").getText()).contains("results");
            WebElement component = browser.driver.findElements(By.cssSelector("#facet-kind a")).stream()
                    .filter(a -> a.getText().equals("Component")).findFirst().orElseThrow();
            component.click();
            new WebDriverWait(browser.driver, java.time.Duration.ofSeconds(30)).until(ExpectedConditions.urlContains("kind=Component"));
            assertThat(browser.driver.findElements(By.cssSelector(".bl-result"))).isNotEmpty();
            browser.screenshot(work.resolve("search-page.png"));

            // A misspelling gets "did you mean".
            browser.open(portal.url("/search?q=ledgr"));
            assertThat(browser.find("#didYouMean").getText()).contains("ledger");
            assertThat(browser.javascriptErrors()).isEmpty();
        }
    }

    private long total(String term) {
        try {
            return query("term=" + URLEncoder.encode(term, StandardCharsets.UTF_8)).get("numberOfResults").asLong();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode query(String params) throws Exception {
        HttpResponse<String> r = portal.get("/api/search/query?" + params);
        assertThat(r.statusCode()).as(params + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static void write(Path file, String content) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(what + " did not happen within 60 s");
    }
}

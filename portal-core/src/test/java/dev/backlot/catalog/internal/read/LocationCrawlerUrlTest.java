package dev.backlot.catalog.internal.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocationCrawlerUrlTest {

    HttpServer server;
    String base;
    LocationCrawler crawler;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
        String host = "127.0.0.1:" + server.getAddress().getPort();
        base = "http://" + host;
        crawler = crawler(new ReadPolicy(List.of(), List.of(host), 1000, 10, Duration.ofSeconds(5), 10, 100));
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private static LocationCrawler crawler(ReadPolicy policy) {
        return new LocationCrawler(policy, PolicyFetcher.httpClient(policy));
    }

    private void serve(String path, int status, String body, String location) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(UTF_8);
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
    }

    private LocationRef url(String path) {
        return new LocationRef("url", base + path);
    }

    @Test
    void locationTargetsAreResolvedAgainstTheLocationUrl() {
        serve("/repo/all.yaml", 200, "kind: Location\nmetadata: {name: all}\nspec: {targets: [./teams/a.yaml, ../b.yaml]}\n", null);
        serve("/repo/teams/a.yaml", 200, "kind: Group\nmetadata: {name: a}\n", null);
        serve("/b.yaml", 200, "kind: Component\nmetadata: {name: b}\n", null);

        CrawlResult result = crawler.crawl(url("/repo/all.yaml"));

        assertThat(result.errors()).isEmpty();
        assertThat(TestTrees.names(result)).containsExactly("all", "a", "b");
        assertThat(result.urlsRead()).containsExactly(base + "/repo/all.yaml", base + "/repo/teams/a.yaml", base + "/b.yaml");
        assertThat(TestTrees.annotations(result.entities().get(1)))
                .containsEntry("backstage.io/managed-by-location", "url:" + base + "/repo/teams/a.yaml")
                .containsEntry("backstage.io/managed-by-origin-location", "url:" + base + "/repo/all.yaml")
                .containsEntry("backstage.io/source-location", "url:" + base + "/repo/teams/");
    }

    @Test
    void hostNotInTheAllowListIsRefusedWithoutARequest() {
        serve("/c.yaml", 200, "kind: Component\nmetadata: {name: c}\n", null);

        CrawlResult result = crawler(ReadPolicy.of(List.of(), List.of("example.com"))).crawl(url("/c.yaml"));

        assertThat(result.entities()).isEmpty();
        assertThat(result.urlsRead()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains(base + "/c.yaml").contains("not in the url allow list"));
    }

    @Test
    void emptyAllowListRefusesEveryUrl() {
        CrawlResult result = crawler(ReadPolicy.of(List.of(), List.of())).crawl(url("/c.yaml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("not in the url allow list"));
    }

    @Test
    void redirectWithinTheAllowListIsFollowed() {
        serve("/old.yaml", 302, "", "/new.yaml");
        serve("/new.yaml", 200, "kind: Component\nmetadata: {name: moved}\n", null);

        CrawlResult result = crawler.crawl(url("/old.yaml"));

        assertThat(result.errors()).isEmpty();
        assertThat(TestTrees.names(result)).containsExactly("moved");
    }

    @Test
    void redirectToAHostNotInTheAllowListIsRefused() {
        serve("/c.yaml", 302, "", "http://169.254.169.254/latest/meta-data/");

        CrawlResult result = crawler.crawl(url("/c.yaml"));

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("redirect from " + base + "/c.yaml").contains("169.254.169.254").contains("not in the url allow list"));
    }

    @Test
    void redirectLoopStopsAfterFiveHops() {
        serve("/loop.yaml", 302, "", "/loop.yaml");

        CrawlResult result = crawler.crawl(url("/loop.yaml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("more than 5 times"));
    }

    @Test
    void non2xxIsAnErrorWithTheStatus() {
        serve("/broken.yaml", 500, "oops", null);

        CrawlResult result = crawler.crawl(url("/broken.yaml"));

        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("HTTP 500"));
    }

    @Test
    void bodyOverTheSizeLimitIsRefused() {
        serve("/big.yaml", 200, "kind: Component\nmetadata: {name: big}\n" + "#".repeat(2000) + "\n", null);

        CrawlResult result = crawler.crawl(url("/big.yaml"));

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("maxFileBytes=1000"));
    }

    @Test
    void urlDocumentCannotPointAtLocalFilesOrOtherSchemes() {
        serve("/all.yaml", 200, "kind: Location\nmetadata: {name: all}\nspec:\n  targets: [file:///etc/passwd]\n"
                + "---\nkind: Location\nmetadata: {name: local}\nspec: {type: file, target: /etc/passwd}\n", null);

        CrawlResult result = crawler.crawl(url("/all.yaml"));

        assertThat(result.errors()).extracting(ReadError::message).satisfiesExactly(
                m -> assertThat(m).contains("only http and https"),
                m -> assertThat(m).contains("file target '/etc/passwd' is not allowed in a document read from url:"));
    }

    @Test
    void clientThatFollowsRedirectsItselfIsRejected() {
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();

        assertThatThrownBy(() -> new LocationCrawler(ReadPolicy.of(List.of(), List.of()), following))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Redirect.NEVER");
    }
}

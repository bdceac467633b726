package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The portal's own data folder is never a catalog source, whatever the file roots say. */
class DataFolderProtectionTest {

    @TempDir
    Path tmp;

    Path data;
    LocationCrawler crawler;

    @BeforeEach
    void setUp() throws IOException {
        data = Files.createDirectories(tmp.resolve("data")).toRealPath();
        Files.createDirectories(data.resolve("db"));
        Files.writeString(data.resolve("db/portal.mv.db"), "admin pbkdf2-sha256$210000$secret-hash");
        Files.createDirectories(data.resolve("sample-catalog"));
        // The worst configuration: the whole data folder (and its parent) listed as file roots.
        ReadPolicy policy = new ReadPolicy(List.of(tmp.toRealPath(), data), List.of(), 1_000_000, 100,
                ReadPolicy.DEFAULT_URL_TIMEOUT, 10, 1_000, data,
                List.of(data.resolve("sample-catalog"), data.resolve("discovery")));
        crawler = new LocationCrawler(policy, PolicyFetcher.httpClient(policy));
    }

    private CrawlResult crawl(Path file) {
        return crawler.crawl(new LocationRef("file", file.toString()));
    }

    @Test
    void textPlaceholderIntoTheDatabaseIsRefusedAndReadsNothing() throws IOException {
        Path descriptor = Files.writeString(data.resolve("sample-catalog/catalog-info.yaml"),
                "kind: Component\nmetadata: {name: thief}\nspec: {type: service, lifecycle: x, owner: y,"
                        + " x: {$text: ../db/portal.mv.db}}\n");

        CrawlResult result = crawl(descriptor);

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("data folder").doesNotContain("secret-hash"));
    }

    @Test
    void aSymbolicLinkIntoTheDataFolderIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("repo"));
        Files.createSymbolicLink(elsewhere.resolve("db-link"), data.resolve("db"));
        Path descriptor = Files.writeString(elsewhere.resolve("catalog-info.yaml"),
                "kind: Component\nmetadata: {name: thief}\nspec: {type: service, lifecycle: x, owner: y,"
                        + " x: {$text: ./db-link/portal.mv.db}}\n");

        CrawlResult result = crawl(descriptor);

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("symbolic link into the portal's own data folder"));
    }

    @Test
    void aFolderHoldingTheDataFolderIsWalkedAroundItsState() throws IOException {
        Files.writeString(data.resolve("db/catalog-info.yaml"), "kind: Component\nmetadata: {name: hidden}\n");
        Files.writeString(data.resolve("sample-catalog/catalog-info.yaml"), "kind: Component\nmetadata: {name: shown}\n");

        assertThat(TestTrees.names(crawl(tmp))).containsExactly("shown");
        assertThat(crawl(data).errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("inside the portal's own data folder"));
    }

    @Test
    void aFileTargetInsideTheStateIsRefusedWithTheReason() {
        CrawlResult result = crawl(data.resolve("db/portal.mv.db"));

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message())
                .contains("inside the portal's own data folder"));
    }
}

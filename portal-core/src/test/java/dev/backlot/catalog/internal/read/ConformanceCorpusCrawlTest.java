package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Crawls Backstage's own example catalog, as shipped in the conformance corpus. */
class ConformanceCorpusCrawlTest {

    static final Path EXAMPLES =
            Path.of("src/test/resources/conformance/backstage/backstage/packages/catalog-model/examples");

    Path examples;
    LocationCrawler crawler;

    @BeforeEach
    void setUp() throws IOException {
        examples = EXAMPLES.toRealPath();
        ReadPolicy policy = ReadPolicy.of(List.of(examples), List.of());
        crawler = new LocationCrawler(policy, PolicyFetcher.httpClient(policy));
    }

    private CrawlResult crawl(String relative) {
        return crawler.crawl(new LocationRef("file", examples.resolve(relative).toString()));
    }

    private List<Path> yamlFiles(String dir) throws IOException {
        try (Stream<Path> files = Files.list(examples.resolve(dir))) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    @Test
    void allComponentsReachesEveryComponentFileWithoutErrors() throws IOException {
        CrawlResult result = crawl("all-components.yaml");

        assertThat(result.errors()).isEmpty();
        assertThat(result.entities()).hasSize(1 + 13);
        assertThat(result.entities().get(0).entity()).containsEntry("kind", "Location");
        assertThat(result.entities().subList(1, 14)).allSatisfy(e -> assertThat(e.entity()).containsEntry("kind", "Component"));
        assertThat(result.filesRead()).containsAll(yamlFiles("components")).contains(examples.resolve("all-components.yaml"));
        assertThat(result.entities()).allSatisfy(e -> assertThat(TestTrees.annotations(e))
                .containsEntry("backstage.io/managed-by-origin-location", "file:" + examples.resolve("all-components.yaml")));
    }

    @Test
    void acmeOrgReachesEveryGroupFileWithoutErrors() throws IOException {
        CrawlResult result = crawl("acme/org.yaml");

        assertThat(result.errors()).isEmpty();
        assertThat(result.filesRead()).containsExactlyInAnyOrderElementsOf(yamlFiles("acme"));
        // org.yaml: 2 documents; the eight targets: 1+1+1+6+6+6+3+1
        assertThat(result.entities()).hasSize(2 + 25);
        assertThat(TestTrees.names(result)).contains("acme-corp", "example-groups", "infrastructure", "team-a");
    }

    @Test
    void everyTopLevelLocationReadsCleanly() {
        for (String root : List.of("all-domains.yaml", "all-resources.yaml", "all-systems.yaml")) {
            CrawlResult result = crawl(root);

            assertThat(result.errors()).as(root).isEmpty();
            assertThat(result.entities()).as(root).hasSizeGreaterThan(1);
        }
    }

    @Test
    void apisWithUrlTextPlaceholdersFailAloneWhenNoUrlIsAllowed() throws IOException {
        List<Emitted> entities = new ArrayList<>();
        List<ReadError> errors = new ArrayList<>();
        for (Path api : yamlFiles("apis")) {
            CrawlResult result = crawler.crawl(new LocationRef("file", api.toString()));
            entities.addAll(result.entities());
            errors.addAll(result.errors());
        }

        assertThat(entities).extracting(TestTrees::name)
                .containsExactlyInAnyOrder("hello-world", "petstore", "streetlights");
        assertThat(errors).extracting(e -> examples.relativize(Path.of(e.location().target())).toString())
                .containsExactly("apis/spotify-api.yaml", "apis/wayback-archive-api.yaml", "apis/wayback-search-api.yaml");
        assertThat(errors).allSatisfy(e -> assertThat(e.message())
                .contains("$text at spec.definition").contains("https://github.com/APIs-guru/openapi-directory/")
                .contains("not in the url allow list"));
    }
}

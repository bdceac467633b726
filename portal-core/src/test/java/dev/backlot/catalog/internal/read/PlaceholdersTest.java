package dev.backlot.catalog.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaceholdersTest {

    @TempDir
    Path tmp;

    Path root;
    LocationCrawler crawler;

    @BeforeEach
    void setUp() throws IOException {
        root = Files.createDirectories(tmp.resolve("root")).toRealPath();
        ReadPolicy policy = ReadPolicy.of(List.of(root), List.of());
        crawler = new LocationCrawler(policy, PolicyFetcher.httpClient(policy));
    }

    private void write(String relative, String content) throws IOException {
        Path file = tmp.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private CrawlResult crawl(String relative) {
        return crawler.crawl(new LocationRef("file", root.resolve(relative).toString()));
    }

    @Test
    void textJsonAndYamlAreReplacedRelativeToTheEntityFile() throws IOException {
        write("root/api/catalog-info.yaml", "kind: API\nmetadata: {name: petstore}\nspec:\n"
                + "  definition: {$text: ./openapi.yaml}\n  list: [{$json: ../data/x.json}]\n  nested: {deep: {$yaml: conf.yaml}}\n");
        write("root/api/openapi.yaml", "openapi: 3.0.0\n");
        write("root/data/x.json", "{\"a\": [1, true, null]}");
        write("root/api/conf.yaml", "- on\n- 010\n");

        CrawlResult result = crawl("api/catalog-info.yaml");

        assertThat(result.errors()).isEmpty();
        Map<String, Object> spec = TestTrees.map(result.entities().get(0).entity().get("spec"));
        assertThat(spec.get("definition")).isEqualTo("openapi: 3.0.0\n");
        assertThat(spec.get("list")).isEqualTo(List.of(Map.of("a", java.util.Arrays.asList(1, true, null))));
        assertThat(spec.get("nested")).isEqualTo(Map.of("deep", List.of("on", 10)));
        assertThat(result.filesRead()).contains(root.resolve("api/openapi.yaml"));
    }

    @Test
    void placeholderOutsideTheRootsFailsOnlyItsOwnEntity() throws IOException {
        write("secret.txt", "top secret");
        write("root/c.yaml", "kind: Component\nmetadata: {name: leaky}\nspec: {x: {$text: ../secret.txt}}\n"
                + "---\nkind: Component\nmetadata: {name: fine}\n");

        CrawlResult result = crawl("c.yaml");

        assertThat(TestTrees.names(result)).containsExactly("fine");
        assertThat(result.errors()).singleElement().satisfies(e -> {
            assertThat(e.location()).isEqualTo(new LocationRef("file", root.resolve("c.yaml").toString()));
            assertThat(e.message()).contains("leaky").contains("$text at spec.x").contains("../secret.txt")
                    .contains("outside the allowed file roots");
        });
    }

    @Test
    void placeholderWithOtherKeysIsAnError() throws IOException {
        write("root/c.yaml", "kind: Component\nmetadata: {name: c}\nspec: {x: {$text: a.txt, more: 1}}\n");

        CrawlResult result = crawl("c.yaml");

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).singleElement().satisfies(e -> assertThat(e.message()).contains("must be the only key"));
    }

    @Test
    void yamlPlaceholderMustHoldOneDocumentAndJsonMustParse() throws IOException {
        write("root/two.yaml", "a: 1\n---\nb: 2\n");
        write("root/bad.json", "{\"a\": ");
        write("root/c.yaml", "kind: Component\nmetadata: {name: y}\nspec: {$yaml: two.yaml}\n"
                + "---\nkind: Component\nmetadata: {name: j}\nspec: {$json: bad.json}\n");

        CrawlResult result = crawl("c.yaml");

        assertThat(result.entities()).isEmpty();
        assertThat(result.errors()).extracting(ReadError::message).satisfiesExactly(
                m -> assertThat(m).contains("more than one YAML document"),
                m -> assertThat(m).contains("$json").contains("cannot be parsed"));
    }

    @Test
    void resolveLeavesTheInputUntouched() throws Exception {
        Map<String, Object> entity = new java.util.LinkedHashMap<>(Map.of("spec", Map.of("d", Map.of("$text", "x.txt"))));

        Map<String, Object> resolved = Placeholders.resolve(entity, new LocationRef("file", "/r/c.yaml"), ref -> "hello".getBytes());

        assertThat(resolved).isEqualTo(Map.of("spec", Map.of("d", "hello")));
        assertThat(entity).isEqualTo(Map.of("spec", Map.of("d", Map.of("$text", "x.txt"))));
    }
}

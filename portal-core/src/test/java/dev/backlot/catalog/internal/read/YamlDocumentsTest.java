package dev.backlot.catalog.internal.read;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.catalog.internal.read.YamlDocuments.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlDocumentsTest {

    private static final ReadPolicy POLICY = ReadPolicy.of(List.of(), List.of());

    private static List<Document> parse(String yaml) {
        return YamlDocuments.parse(yaml.getBytes(UTF_8), "file:/c/catalog-info.yaml", POLICY);
    }

    @Test
    void readsEveryDocumentOfAMultiDocumentFileAndSkipsEmptyOnes() {
        List<Document> docs = parse("kind: Component\n---\n---\nkind: API\n...\n");

        assertThat(docs).extracting(Document::index).containsExactly(1, 3);
        assertThat(docs).extracting(d -> d.entity().get("kind")).containsExactly("Component", "API");
        assertThat(docs).allSatisfy(d -> assertThat(d.error()).isNull());
    }

    @Test
    void nonMappingDocumentIsAnErrorNamingItsPosition() {
        List<Document> docs = parse("kind: A\n---\n- x\n---\nkind: B\n");

        assertThat(docs).hasSize(3);
        assertThat(docs.get(1).error()).isEqualTo("document 2 of file:/c/catalog-info.yaml is a list, not an entity");
        assertThat(docs.get(2).entity()).containsEntry("kind", "B");
    }

    @Test
    void malformedYamlKeepsTheDocumentsBeforeItAndReportsLineAndColumn() {
        List<Document> docs = parse("kind: A\n---\nkind: B\n---\nspec: [unclosed\n---\nkind: C\n");

        assertThat(docs).hasSize(3);
        assertThat(docs.get(0).entity()).containsEntry("kind", "A");
        assertThat(docs.get(1).entity()).containsEntry("kind", "B");
        assertThat(docs.get(2).error()).startsWith("document 3 of file:/c/catalog-info.yaml is not valid YAML")
                .contains("line 6, column 1");
    }

    @Test
    void billionLaughsIsRefusedByTheAliasLimit() {
        StringBuilder yaml = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [");
            yaml.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1)))).append("]\n");
        }
        yaml.append("---\nkind: After\n");

        List<Document> docs = parse(yaml.toString());

        assertThat(docs.get(0).error()).contains("document 1").contains("aliases").contains("max=20");
    }

    @Test
    void fewAliasesOfALargeCollectionAreRefusedByTheValueCount() {
        // 200 KB: one collection of 20,000 values, then 19 aliases of it (within the alias limit)
        // that would expand into 400,000 values.
        StringBuilder yaml = new StringBuilder("kind: Component\nbig: &big [");
        yaml.append(String.join(",", java.util.Collections.nCopies(20_000, "lolol"))).append("]\ncopies: [");
        yaml.append(String.join(", ", java.util.Collections.nCopies(19, "*big"))).append("]\n---\nkind: After\n");
        assertThat(yaml.length()).isBetween(100_000, 300_000);

        List<Document> docs = parse(yaml.toString());

        assertThat(docs.get(0).error()).contains("document 1").contains("more than 200000 values once aliases are expanded");
        assertThat(docs.get(1).entity()).as("the next document is still read").containsEntry("kind", "After");
    }

    @Test
    void aliasesAreExpandedWithinTheLimit() {
        Map<String, Object> entity = parse("base: &b {owner: team-a}\nspec: *b\n").get(0).entity();

        assertThat(entity.get("spec")).isEqualTo(Map.of("owner", "team-a"));
    }

    @Test
    void recursiveAliasIsAnError() {
        List<Document> docs = parse("a: &x [1, *x]\n");

        assertThat(docs.get(0).error()).contains("recursive alias");
    }

    @Test
    void nestingBeyondTheLimitIsRefused() {
        List<Document> docs = parse("a: " + "[".repeat(100) + "]".repeat(100) + "\n");

        assertThat(docs.get(0).error()).contains("document 1").contains("Nesting Depth exceeded max 64");
    }

    @Test
    void fileOverTheSizeLimitIsRefusedUnparsed() {
        ReadPolicy small = new ReadPolicy(List.of(), List.of(), 10, 10, POLICY.urlTimeout(), 10, 10);

        List<Document> docs = YamlDocuments.parse("kind: Component\n".getBytes(UTF_8), "big.yaml", small);

        assertThat(docs).singleElement().satisfies(d -> {
            assertThat(d.index()).isZero();
            assertThat(d.error()).contains("big.yaml").contains("maxFileBytes=10");
        });
    }

    @Test
    void documentsBeyondTheCountLimitAreAnError() {
        ReadPolicy two = new ReadPolicy(List.of(), List.of(), 1000, 2, POLICY.urlTimeout(), 10, 10);

        List<Document> docs = YamlDocuments.parse("a: 1\n---\na: 2\n---\na: 3\n".getBytes(UTF_8), "s", two);

        assertThat(docs).hasSize(3);
        assertThat(docs.get(2).error()).contains("maxDocumentsPerFile=2");
    }

    @Test
    void scalarsAreTypedByTheYaml12CoreSchemaAsInBackstage() {
        Map<String, Object> e = parse("a: on\nb: yes\nc: 010\nd: 0x1F\ne: 1.5\nf: ~\ng: true\nh: '5'\ni: 2021-01-01\nj: 12345678901\n")
                .get(0).entity();

        assertThat(e).containsEntry("a", "on").containsEntry("b", "yes").containsEntry("c", 10)
                .containsEntry("d", 31).containsEntry("e", 1.5).containsEntry("f", null).containsEntry("g", true)
                .containsEntry("h", "5").containsEntry("i", "2021-01-01").containsEntry("j", 12345678901L);
    }

    @Test
    void duplicateKeyIsAnErrorButLaterDocumentsAreStillRead() {
        List<Document> docs = parse("a: 1\na: 2\n---\nkind: B\n");

        assertThat(docs.get(0).error()).contains("duplicate key 'a'").contains("line 2");
        assertThat(docs.get(1).entity()).containsEntry("kind", "B");
    }

    @Test
    void invalidUtf8IsAnErrorNotAnException() {
        byte[] bad = {'a', ':', ' ', (byte) 0xC3, (byte) 0x28, '\n'};

        List<Document> docs = YamlDocuments.parse(bad, "s", POLICY);

        assertThat(docs).singleElement().satisfies(d -> assertThat(d.error()).contains("not valid YAML"));
    }
}

package dev.backlot.search.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchResults;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The engine against a real catalog (H2) and a real embedded Solr: one fixture for the class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedSearchTest {

    static final String CORPUS = """
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: ledger-service
              title: Ledger service
              description: Keeps the books of every payment and refund.
              tags: [java, finance]
            spec: {type: service, lifecycle: production, owner: team-a, system: money}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: ledgerReports
              description: Monthly reports.
            spec: {type: website, lifecycle: experimental, owner: team-b}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: API
            metadata:
              name: payments
              description: Takes payments from cards and wallets.
            spec: {type: openapi, lifecycle: production, owner: team-a, definition: "openapi: 3.0.0"}
            ---
            apiVersion: backstage.io/v1alpha1
            kind: Component
            metadata:
              name: checkout
              description: The shop's checkout, which calls the payments API.
            spec: {type: service, lifecycle: production, owner: team-b}
            ---
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: spring-boot-service
              title: Spring Boot service
              description: Creates a Spring Boot microservice with a pipeline.
            spec:
              owner: team-a
              type: service
              steps: []
            """;

    @TempDir
    static Path dir;
    SearchFixture f;
    final FakeExtensions extensions = new FakeExtensions();

    @BeforeAll
    void start() throws Exception {
        f = new SearchFixture(dir, extensions);
        f.load("all/catalog-info.yaml", CORPUS);
        SearchFixture.eventually(() -> total("ledger") >= 2 && total("spring") >= 1, "the corpus indexed");
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
    }

    long total(String term) {
        return f.search().query(SearchQuery.of(term)).numberOfResults();
    }

    List<String> titles(SearchResults r) {
        return r.results().stream().map(x -> x.document().title()).toList();
    }

    @Test
    void wordPartsOfHyphenatedAndCamelCaseNamesAreFound() {
        SearchResults r = f.search().query(SearchQuery.of("ledger"));
        assertThat(r.results()).extracting(x -> x.document().location())
                .contains("/catalog/default/component/ledger-service", "/catalog/default/component/ledgerreports");
    }

    @Test
    void stemmingFindsSingularForPlural() {
        assertThat(titles(f.search().query(SearchQuery.of("payment")))).contains("payments");
        assertThat(titles(f.search().query(SearchQuery.of("refunds")))).contains("Ledger service");
    }

    @Test
    void exactNameRanksFirst() {
        SearchResults r = f.search().query(SearchQuery.of("payments"));
        assertThat(r.results().get(0).document().fields()).containsEntry("name", "payments");
        assertThat(r.results().get(0).rank()).isEqualTo(1);
    }

    @Test
    void resultsCarryBackstageShapeWithHighlightAndFacets() {
        SearchResults r = f.search().query(SearchQuery.of("books"));
        SearchResults.Result first = r.results().get(0);
        assertThat(first.type()).isEqualTo("software-catalog");
        assertThat(first.document().fields()).containsEntry("kind", "Component").containsEntry("owner", "team-a");
        assertThat(first.highlight().fields().get("text")).contains("<mark>books</mark>");
        assertThat(r.facets().get("types")).isNotEmpty();
        assertThat(r.facets().get("kind")).isNotEmpty();
    }

    @Test
    void templatesAreTheirOwnTypeLinkingToTheCreatePage() {
        SearchResults r = f.search().query(new SearchQuery("spring", List.of("template"), Map.of(), null, 0));
        assertThat(r.results()).hasSize(1);
        assertThat(r.results().get(0).document().location()).isEqualTo("/create/templates/default/spring-boot-service");
    }

    @Test
    void filtersMatchIgnoringCaseAndFacetsCountTheRest() {
        SearchResults r = f.search().query(new SearchQuery("", List.of("software-catalog"),
                Map.of("kind", List.of("component"), "owner", List.of("TEAM-A")), null, 0));
        assertThat(titles(r)).containsExactly("Ledger service");
    }

    @Test
    void unknownFilterFieldIsRefusedNamingTheKnownOnes() {
        assertThatThrownBy(() -> f.search().query(new SearchQuery("x", List.of(), Map.of("colour", List.of("red")), null, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour").hasMessageContaining("kind");
    }

    @Test
    void pagingWalksForwardAndBack() {
        SearchResults first = f.search().query(new SearchQuery("", List.of(), Map.of(), null, 2));
        assertThat(first.results()).hasSize(2);
        assertThat(first.previousPageCursor()).isNull();
        SearchResults second = f.search().query(new SearchQuery("", List.of(), Map.of(), first.nextPageCursor(), 2));
        assertThat(second.results().get(0).rank()).isEqualTo(3);
        assertThat(second.previousPageCursor()).isNotNull();
    }

    @Test
    void misspeltTermGetsDidYouMean() {
        SearchResults r = f.search().query(SearchQuery.of("ledgre"));
        assertThat(r.didYouMean()).isEqualTo("ledger");
    }

    @Test
    void suggestionsPutEntitiesFirst() {
        assertThat(f.search().suggest("led", 5)).isNotEmpty()
                .allSatisfy(s -> assertThat(s.type()).isEqualTo("software-catalog"));
        assertThat(f.search().suggest("spr", 5)).extracting(s -> s.location()).contains("/create/templates/default/spring-boot-service");
    }

    @Test
    void hostileTermsAnswerWithoutErrorAndWithoutSyntax() {
        List<String> terms = List.of("\"", "\"ledger", "ledger:*", "*:*", "{!lucene}*:*", "{!func}sum(1,1)",
                "title:ledger AND kind:API", "(((", ")", "\\", "ledger OR payments NOT x", "AND", "-", "+", "~",
                "[* TO *]", "{!terms f=id}x", "ledger\u0000", "\u001f", "x".repeat(10_000), "a ".repeat(5_000),
                "🙂 ledger", "\ud800", "<script>alert(1)</script>", "$fsep", "{!join from=id to=id}*:*");
        for (String term : terms) {
            // Answers (a term with nothing searchable left, only control characters, is a blank term: everything).
            assertThat(f.search().query(SearchQuery.of(term)).results()).as(term.length() > 40 ? term.substring(0, 40) : term)
                    .isNotNull();
        }
        // Syntax is searched as words: "*:*" does not match everything, a field query is no field query.
        assertThat(total("*:*")).isZero();
        assertThat(total("{!lucene}*:*")).isZero();
    }

    @Test
    void pluginCollatorAddsAndRemovalDropsItsType() throws Exception {
        SearchCollator wiki = new SearchCollator() {
            public String type() {
                return "wiki";
            }

            public Stream<SearchDocument> documents() {
                return Stream.of(new SearchDocument("Onboarding guide", "How to get a laptop", "https://wiki.example.com/onboarding",
                        Map.of("space", "people")));
            }
        };
        var ext = extensions.register(SearchCollator.class, wiki);
        SearchFixture.eventually(() -> total("laptop") == 1, "the plugin's document indexed");
        SearchResults r = f.search().query(new SearchQuery("laptop", List.of(), Map.of("space", List.of("People")), null, 0));
        assertThat(r.results()).hasSize(1);
        assertThat(r.results().get(0).document().fields()).containsEntry("space", "people");

        extensions.unregister(SearchCollator.class, ext);
        SearchFixture.eventually(() -> total("laptop") == 0, "the plugin's documents dropped");
    }

    @Test
    void removedEntityLeavesTheIndex() throws Exception {
        f.load("gone/catalog-info.yaml", """
                apiVersion: backstage.io/v1alpha1
                kind: Component
                metadata: {name: ephemeral-thing}
                spec: {type: service, lifecycle: production, owner: team-c}
                """);
        SearchFixture.eventually(() -> total("ephemeral") == 1, "added");
        String id = f.catalogs.service().locations().stream().filter(l -> l.target().contains("gone")).findFirst()
                .orElseThrow().id();
        f.catalogs.service().removeLocation(id);
        SearchFixture.eventually(() -> total("ephemeral") == 0, "removed");
    }

    @Test
    void deletedIndexIsRebuiltAtNextStart() throws Exception {
        f.engine.close();
        try (Stream<Path> files = Files.walk(f.data.resolve("search"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        f.startSearch();
        SearchFixture.eventually(() -> total("ledger") >= 2, "rebuilt");
    }
}

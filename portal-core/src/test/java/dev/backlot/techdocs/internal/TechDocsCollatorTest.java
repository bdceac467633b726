package dev.backlot.techdocs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.spi.search.SearchCollator;
import dev.backlot.spi.search.SearchDocument;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collator as the search engine sees it: the SPI's type and documents. */
class TechDocsCollatorTest {

    @TempDir
    Path dir;

    @Test
    void everyPageAndSectionIsADocumentWithDeepLinksAndEntityFields() throws Exception {
        DocsFixture docs = new DocsFixture(dir);
        docs.write("index.md", "# Home\n\nWelcome text.\n\n## Install\n\nRun the installer.\n\n## Use\n\nCall it.\n");
        docs.write("guide.md", "# Guide\n\nGuide text.\n");
        docs.built();
        StoredSite site = docs.store.site(docs.ref()).orElseThrow();
        SearchCollator collator = new TechDocsCollator(() -> new TechDocsCollator.Sites() {
            @Override
            public List<StoredSite> sites() {
                return List.of(site);
            }

            @Override
            public Optional<String> html(StoredSite s, StoredSite.StoredPage page) {
                try {
                    return Optional.of(docs.html(page.path()));
                } catch (Exception e) {
                    return Optional.empty();
                }
            }
        });

        List<SearchDocument> documents;
        try (var stream = collator.documents()) {
            documents = stream.toList();
        }

        assertThat(collator.type()).isEqualTo("techdocs");
        assertThat(documents).extracting(SearchDocument::location).containsExactlyInAnyOrder(
                "/docs/default/component/payments/", "/docs/default/component/payments/#install",
                "/docs/default/component/payments/#use", "/docs/default/component/payments/guide/");
        SearchDocument install = documents.stream().filter(d -> d.location().endsWith("#install")).findFirst().orElseThrow();
        assertThat(install.title()).isEqualTo("Home › Install");
        assertThat(install.text()).isEqualTo("Run the installer.");
        assertThat(install.fields()).isEqualTo(Map.of("kind", "Component", "namespace", "default", "name", "payments",
                "owner", "team-a", "entityRef", "component:default/payments"));
        assertThat(documents.get(0).text()).contains("Welcome text.", "Run the installer.");
    }

    @Test
    void kindsAreSpelledAsTheCatalogSpellsThem() {
        assertThat(TechDocsCollator.kindAsWritten("component")).isEqualTo("Component");
        assertThat(TechDocsCollator.kindAsWritten("api")).isEqualTo("API");
        assertThat(TechDocsCollator.kindAsWritten("system")).isEqualTo("System");
    }
}

package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.config.PortalConfig;
import dev.backlot.plugins.BundleSource;
import dev.backlot.runtime.Portal;
import dev.backlot.search.SearchQuery;
import dev.backlot.search.SearchResults;
import dev.backlot.search.SearchService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two shipped search bundles hot-swapped into a running portal engine (real Felix, real H2,
 * real embedded Solr): dropped in, their document types appear in the results; deleted, they are
 * gone, with no restart.
 */
class SearchBundlesHotSwapIT {

    private static final Path SYSTEM_BUNDLES = Path.of("target/bundles/WEB-INF/bundles/system");

    @TempDir
    Path data;

    @TempDir
    Path knowledge;

    @Test
    void searchBundlesAddTheirTypesWhileInstalledAndTakeThemAwayWhenRemoved() throws Exception {
        Files.writeString(knowledge.resolve("Posts.xml"), """
                <?xml version="1.0" encoding="utf-8"?>
                <posts>
                  <row Id="1" PostTypeId="1" AcceptedAnswerId="2" Score="5" Title="How do I refund a payment twice?"
                       Body="&lt;p&gt;Asking for a friend.&lt;/p&gt;" Tags="&lt;payments&gt;" />
                  <row Id="2" PostTypeId="2" ParentId="1" Body="&lt;p&gt;Use the idempotency key.&lt;/p&gt;" />
                </posts>
                """);
        Files.createDirectories(knowledge.resolve("wiki"));
        Files.writeString(knowledge.resolve("wiki/runbook.md"), "# Pager runbook\n\nWhat to do when the kangaroo alarm fires.\n");
        System.setProperty("portal.search.knowledge.posts", knowledge.resolve("Posts.xml").toString());
        System.setProperty("portal.search.knowledge.posts.site", "https://qna.example.com");
        System.setProperty("portal.search.knowledge.wiki", knowledge.resolve("wiki").toString());
        System.setProperty("portal.search.knowledge.wiki.site", "https://wiki.example.com");
        String roots = String.join(",", data.resolve("sample-catalog").toString(), data.resolve("discovery").toString(),
                knowledge.toString());
        PortalConfig config = PortalConfig.from(name -> Optional.ofNullable(Map.of("portal.data", data.toString(),
                "portal.file.roots", roots, "portal.plugins.poll.ms", "200", "portal.admin.password", "x").get(name)));
        try (Portal portal = Portal.start(config, systemBundles(), List.of())) {
            SearchService search = portal.search();
            eventually(() -> total(search, "payment", List.of("software-catalog")) > 0, "the sample catalog indexed");
            assertThat(total(search, "", List.of("api-operation", "qna", "wiki"))).isZero();

            // installed at run time through the drop-in folder
            Path apiOps = data.resolve("plugins/search-api-operations.jar");
            Path knowledgeJar = data.resolve("plugins/search-knowledge.jar");
            Files.copy(Path.of(System.getProperty("search.api-operations.jar")), apiOps);
            Files.copy(Path.of(System.getProperty("search.knowledge.jar")), knowledgeJar);
            eventually(() -> total(search, "GET /payments/{id}", List.of("api-operation")) > 0, "API operations indexed");
            SearchResults op = search.query(new SearchQuery("GET /payments/{id}", List.of("api-operation"), Map.of(), null, 0));
            assertThat(op.results().get(0).document().title()).isEqualTo("GET /payments/{id}");
            assertThat(op.results().get(0).document().location()).isEqualTo("/catalog/default/api/payments-api");

            eventually(() -> total(search, "idempotency", List.of("qna")) == 1, "the Q&A export indexed");
            eventually(() -> total(search, "kangaroo", List.of("wiki")) == 1, "the wiki page indexed");
            SearchResults wiki = search.query(new SearchQuery("kangaroo", List.of(), Map.of(), null, 0));
            assertThat(wiki.results().get(0).document().location()).isEqualTo("https://wiki.example.com/runbook");

            // removed again: their documents go, the catalog's stay
            Files.delete(apiOps);
            Files.delete(knowledgeJar);
            eventually(() -> total(search, "", List.of("api-operation", "qna", "wiki")) == 0, "the bundles' documents dropped");
            assertThat(total(search, "payment", List.of("software-catalog"))).isPositive();
        } finally {
            for (String key : List.of("portal.search.knowledge.posts", "portal.search.knowledge.posts.site",
                    "portal.search.knowledge.wiki", "portal.search.knowledge.wiki.site")) {
                System.clearProperty(key);
            }
        }
    }

    private static long total(SearchService search, String term, List<String> types) {
        return search.query(new SearchQuery(term, types, Map.of(), null, 0)).numberOfResults();
    }

    private static List<BundleSource> systemBundles() throws Exception {
        List<BundleSource> out = new ArrayList<>();
        try (Stream<Path> jars = Files.list(SYSTEM_BUNDLES)) {
            for (Path jar : jars.sorted().toList()) {
                out.add(new BundleSource(jar.getFileName().toString(), Files.readAllBytes(jar)));
            }
        }
        return out;
    }

    private static void eventually(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(what + " did not happen within 60 s");
            }
            Thread.sleep(200);
        }
    }
}

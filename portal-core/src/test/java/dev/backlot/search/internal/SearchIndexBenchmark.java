package dev.backlot.search.internal;

import dev.backlot.search.SearchQuery;
import dev.backlot.spi.search.SearchDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The embedded index on its own, in process: writes a synthetic set of documents (entity-like:
 * title, a sentence of text, kind/owner/lifecycle/tags) the way a rebuild does (batches of 1,000,
 * one generation, then the sweep and commit), then times typical queries with facets and
 * highlighting. Prints figures; asserts nothing. Run with
 * {@code mvn -B -pl portal-core -Pbench-search verify -Dbench.docs=100000} (README, search figures).
 */
public final class SearchIndexBenchmark {

    private static final String[] WORDS = ("payment ledger invoice refund order customer account billing checkout cart "
            + "shipping inventory catalog search index user profile session token auth gateway proxy cache queue "
            + "event stream report metric alert deploy build release config secret vault storage bucket database "
            + "replica shard cluster node service api library website pipeline job batch schedule notify email")
            .split(" ");
    private static final String[] KINDS = {"Component", "API", "Resource", "System", "Group", "User"};
    private static final String[] TERMS = {"payment", "ledger service", "refund api", "customer", "deploy pipeline",
            "team-7", "billing", "queue", "secret vault", "checkout cart"};

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.docs", 100_000);
        Path dir = Path.of(System.getProperty("bench.dir", "target/search-bench"));
        RunningPortalIndependentCleanup.delete(dir);
        Files.createDirectories(dir);
        long t0 = System.nanoTime();
        try (SolrConnection solr = SolrConnection.embedded(dir.resolve("search"), "backlot")) {
            System.out.printf("[bench] embedded core opened in %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            SolrSearchIndex index = new SolrSearchIndex(solr);
            Random random = new Random(42);
            long start = System.nanoTime();
            List<SearchDocument> batch = new ArrayList<>(1_000);
            for (int i = 0; i < n; i++) {
                batch.add(doc(i, random));
                if (batch.size() == 1_000) {
                    index.write("software-catalog", 1, batch, false);
                    batch.clear();
                }
            }
            index.write("software-catalog", 1, batch, false);
            index.sweep("software-catalog", 1);
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("[bench] indexed %,d documents in %.1f s (%,.0f docs/s)%n", n, seconds, n / seconds);
            System.out.printf("[bench] counts %s%n", index.counts());

            for (int warm = 0; warm < 300; warm++) {
                index.query(SearchQuery.of(TERMS[warm % TERMS.length]), java.util.Set.of());
            }
            long[] ms = new long[2_000];
            for (int i = 0; i < ms.length; i++) {
                long q = System.nanoTime();
                index.query(new SearchQuery(TERMS[i % TERMS.length], List.of(), i % 3 == 0
                        ? Map.of("kind", List.of("component")) : Map.of(), null, 25), java.util.Set.of());
                ms[i] = System.nanoTime() - q;
            }
            Arrays.sort(ms);
            System.out.printf("[bench] in-process query (facets, highlighting, spell check), one thread, %d calls: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms.length, ms[ms.length / 2] / 1e6, ms[ms.length * 99 / 100] / 1e6, ms[ms.length - 1] / 1e6);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("[bench] heap used after GC %d MiB; index on disk %d MiB%n",
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024), size(dir.resolve("search")) / (1024 * 1024));
        }
    }

    private static SearchDocument doc(int i, Random random) {
        String name = WORDS[random.nextInt(WORDS.length)] + "-" + WORDS[random.nextInt(WORDS.length)] + "-" + i;
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 25; w++) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 8 == 7 ? ". " : " ");
        }
        String kind = KINDS[random.nextInt(KINDS.length)];
        return new SearchDocument(name, text.toString(), "/catalog/default/" + kind.toLowerCase() + "/" + name,
                Map.of("name", name, "kind", kind, "namespace", "default", "owner", "team-" + random.nextInt(50),
                        "lifecycle", random.nextBoolean() ? "production" : "experimental",
                        "tags", WORDS[random.nextInt(WORDS.length)] + "," + WORDS[random.nextInt(WORDS.length)]));
    }

    private static long size(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** Deletes the previous run's folder. */
    private static final class RunningPortalIndependentCleanup {
        static void delete(Path dir) throws Exception {
            if (Files.exists(dir)) {
                try (var files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }
}

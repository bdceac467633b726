package dev.backlot.bench;

import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityQuery;
import dev.backlot.catalog.internal.CatalogSettings;
import dev.backlot.catalog.internal.DefaultCatalogService;
import dev.backlot.catalog.internal.read.ReadPolicy;
import dev.backlot.persistence.Database;
import dev.backlot.security.internal.AccountEntity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Ingests the reference corpus and measures the catalog. Run with
 * {@code mvn -B -pl portal-core -Pbench verify -Dbench.n=10000} (see the README's performance section).
 *
 * <p>Prints: seconds from registration until every entity and relation is stitched, entities/s,
 * heap after a full GC and resident memory, then p50/p99 latency and requests/s of by-name, a
 * filtered list, a paged by-query and facets, measured in-process at the service (no HTTP). It also
 * checks the corpus's manifest: counts per kind, entities carrying each relation type, and the exact
 * relations of the sample entities; a mismatch ends the run with an error.
 */
public final class CatalogBenchmark {

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(System.getProperty("bench.n", "10000"));
        Path work = Path.of(System.getProperty("bench.dir", "target/bench")).toAbsolutePath();
        Path corpus = work.resolve("corpus-" + n);
        if (!Files.exists(corpus.resolve("manifest.json"))) {
            generate(n, corpus);
        }
        JsonNode manifest = new ObjectMapper().readTree(corpus.resolve("manifest.json").toFile());
        String configured = System.getProperty("bench.db", "");
        Path h2File = work.resolve("db-" + n + "-" + System.nanoTime());
        String url = configured.isBlank() ? "jdbc:h2:file:" + h2File : configured;
        String schema = null;
        if (url.startsWith("jdbc:postgresql:")) {
            // A schema of its own per run, dropped afterwards: the benchmark never touches other data.
            schema = "backlot_bench_" + System.currentTimeMillis();
            try (var c = java.sql.DriverManager.getConnection(url, System.getProperty("bench.db.user"),
                    System.getProperty("bench.db.password"))) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            url = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema + "&reWriteBatchedInserts=true";
        }
        System.out.printf("[bench] corpus n=%d (%s), database %s%n", n, corpus, url.replaceAll("password=[^&;]*", "password=***"));

        try (Database db = Database.open(url, System.getProperty("bench.db.user"), System.getProperty("bench.db.password"),
                List.of(AuditEntryEntity.class, AccountEntity.class))) {
            ReadPolicy policy = new ReadPolicy(List.of(corpus), List.of(), 50L * 1024 * 1024, 100_000, Duration.ofSeconds(5),
                    10, 1_000_000);
            try (DefaultCatalogService catalog = new DefaultCatalogService(db, null,
                    new CatalogSettings(policy, List.of(), 3600, "delete", 0, 5_000))) {
                long start = System.nanoTime();
                catalog.addLocation("file", corpus.resolve("catalog-info.yaml").toString(), false);
                catalog.awaitIdle(Duration.ofMinutes(30));
                double seconds = (System.nanoTime() - start) / 1e9;
                long total = catalog.count(EntityQuery.all());
                System.out.printf("[bench] ingested %d entities, stitched with relations, in %.2f s (%.0f entities/s)%n",
                        total, seconds, total / seconds);
                memory();
                verify(catalog, manifest);
                latencies(catalog, manifest);
            }
        } finally {
            // The database of a run is thrown away with it (a 10k run leaves a file of about 230 MB),
            // unless -Dbench.keep=true asks to keep it for a look at query plans.
            boolean keep = Boolean.getBoolean("bench.keep");
            if (keep) {
                System.out.printf("[bench] database kept: %s%n", schema != null ? "schema " + schema : h2File);
            } else {
                Files.deleteIfExists(Path.of(h2File + ".mv.db"));
                Files.deleteIfExists(Path.of(h2File + ".trace.db"));
            }
            if (schema != null && !keep) {
                try (var c = java.sql.DriverManager.getConnection(configured, System.getProperty("bench.db.user"),
                        System.getProperty("bench.db.password"))) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    private static void generate(int n, Path corpus) throws Exception {
        Path generator = Path.of("../../shared/bench/generate-catalog.js");
        if (!Files.exists(generator)) {
            generator = Path.of("../bench/generate-catalog.js");
        }
        Process p = new ProcessBuilder("node", generator.toString(), "--n", String.valueOf(n), "--seed", "42", "--out",
                corpus.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("The corpus generator failed");
        }
    }

    private static void memory() throws Exception {
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rss = -1;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        System.out.printf("[bench] heap used after GC %d MiB (max %d MiB), resident %d MiB%n", heap.getUsed() >> 20,
                heap.getMax() >> 20, rss);
    }

    private static void verify(DefaultCatalogService catalog, JsonNode manifest) {
        List<String> problems = new ArrayList<>();
        manifest.get("counts").fields().forEachRemaining(e -> {
            long got = catalog.count(query("kind=" + e.getKey(), 0, 1));
            if (got != e.getValue().asLong()) {
                problems.add(e.getKey() + ": " + got + " entities, expected " + e.getValue().asLong());
            }
        });
        manifest.get("expectedRelations").fields().forEachRemaining(e -> {
            long got = catalog.count(query("relations." + e.getKey().toLowerCase(), 0, 1));
            if (got != e.getValue().asLong()) {
                problems.add(e.getKey() + ": " + got + " entities carry it, expected " + e.getValue().asLong());
            }
        });
        Iterator<Map.Entry<String, JsonNode>> samples = manifest.get("sampleRelations").fields();
        int checked = 0;
        while (samples.hasNext()) {
            Map.Entry<String, JsonNode> sample = samples.next();
            List<String> expected = new ArrayList<>();
            sample.getValue().forEach(v -> expected.add(v.asText()));
            List<String> got = catalog.entitiesByRefs(List.of(sample.getKey())).stream().filter(x -> x != null)
                    .flatMap(x -> x.relations().stream())
                    .map(r -> r.type() + " " + r.targetRef().canonical()).sorted().toList();
            if (!got.equals(expected.stream().sorted().toList())) {
                problems.add(sample.getKey() + " relations differ: " + got + " vs " + expected);
            }
            checked++;
        }
        if (!problems.isEmpty()) {
            problems.stream().limit(20).forEach(p -> System.out.println("[bench] MISMATCH " + p));
            throw new IllegalStateException(problems.size() + " manifest mismatches");
        }
        System.out.printf("[bench] manifest verified: counts per kind, relation carriers, %d sample entities%n", checked);
    }

    private static void latencies(DefaultCatalogService catalog, JsonNode manifest) {
        List<String> components = new ArrayList<>();
        manifest.get("samples").get("components").forEach(c -> components.add(c.asText()));
        Random random = new Random(42);
        // The HTTP API's reads: stored JSON, never parsed (CatalogService.json()).
        measure("by-name", 3000, i -> catalog.json().entity(new dev.backlot.model.EntityRef("component", "default",
                components.get(random.nextInt(components.size())))).orElseThrow());
        measure("filtered list (kind=component,spec.type=service, 50)", 1000,
                i -> catalog.json().entities(query("kind=component,spec.type=service", 50 * (i % 20), 50)));
        measure("by-query (kind=component, by name, page of 20 + total)", 1000, i -> {
            EntityQuery q = new EntityQuery(EntityFilter.parse(List.of("kind=component")),
                    List.of(new EntityOrder("metadata.name", true)), 20 * (i % 50), 20, null, List.of());
            catalog.json().entities(q);
            catalog.count(q);
        });
        measure("facets (kind, spec.type, spec.lifecycle, spec.owner)", 300,
                i -> catalog.facets(List.of("kind", "spec.type", "spec.lifecycle", "spec.owner"), EntityFilter.ALL));
    }

    /** Calls {@code call} up to {@code count} times (at most about 30 s of calls) and prints percentiles. */
    private static void measure(String name, int count, IntConsumer call) {
        long budget = System.nanoTime() + 30_000_000_000L;
        for (int i = 0; i < Math.min(200, count) && System.nanoTime() < budget; i++) {
            call.accept(i); // warm up
        }
        budget = System.nanoTime() + 30_000_000_000L;
        long[] nanos = new long[count];
        int done = 0;
        long start = System.nanoTime();
        while (done < count && (done < 20 || System.nanoTime() < budget)) {
            long t = System.nanoTime();
            call.accept(done);
            nanos[done++] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] taken = Arrays.copyOf(nanos, done);
        Arrays.sort(taken);
        System.out.printf("[bench] %-58s p50 %7.2f ms  p99 %7.2f ms  %8.0f req/s (1 thread%s)%n", name,
                taken[done / 2] / 1e6, taken[(int) (done * 0.99)] / 1e6, done / seconds,
                done < count ? ", " + done + " calls" : "");
    }

    private static EntityQuery query(String filter, int offset, int limit) {
        return new EntityQuery(EntityFilter.parse(List.of(filter)), List.of(), offset, limit, null, List.of());
    }
}

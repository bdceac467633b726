package dev.backlot.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The catalog under load, measured from outside on the real {@code portal.jar} with the launcher's
 * memory defaults. Run with {@code mvn -B -pl portal-web -Pbench-load verify} (see bench/README.md).
 *
 * <p>For each size ({@code bench.sizes}, default 10000,50000,100000) and each database (H2, and
 * PostgreSQL at {@code bench.pg}, default 127.0.0.1:5432/test, when it answers), on a fresh portal:
 * registers the reference corpus as one location while two readers loop over the catalog's read
 * endpoints, and prints the load time, the reads during the load (count, errors, p50/p99), the
 * first by-query after it, the readers' steady p50/p99 afterwards, peak and resting resident
 * memory, then the portal's CPU at rest over {@code bench.idle.seconds} (default 120) and the time
 * of the periodic refresh that found nothing changed.
 */
public final class CatalogLoadBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench-token-0123456789abcdef";

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.dir", "target/bench-load")).toAbsolutePath();
        long idleSeconds = Long.parseLong(System.getProperty("bench.idle.seconds", "120"));
        String pg = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/test");
        List<String> databases = new ArrayList<>(List.of(System.getProperty("bench.dbs", "h2,postgresql").split(",")));
        if (databases.contains("postgresql") && !answers(pg)) {
            System.out.println("[bench] no PostgreSQL at " + pg + ": H2 only");
            databases.remove("postgresql");
        }
        for (String size : System.getProperty("bench.sizes", "10000,50000,100000").split(",")) {
            int n = Integer.parseInt(size.trim());
            Path corpus = corpus(work, n);
            for (String db : databases) {
                run(work, corpus, n, db.trim(), pg, idleSeconds);
            }
        }
    }

    private static void run(Path work, Path corpus, int n, String db, String pg, long idleSeconds) throws Exception {
        Path data = work.resolve("data-" + db + "-" + n);
        RunningPortal.deleteTree(data);
        Map<String, String> env = new java.util.HashMap<>(Map.of("PORTAL_API_TOKEN", TOKEN, "PORTAL_SAMPLE_CATALOG", "false",
                "PORTAL_FILE_ROOTS", corpus.toString()));
        String schema = null;
        if (db.equals("postgresql")) {
            schema = "backlot_loadbench_" + System.currentTimeMillis();
            try (var c = DriverManager.getConnection(pg, "postgres", null)) {
                c.createStatement().execute("CREATE SCHEMA " + schema);
            }
            env.put("PORTAL_DB_URL", pg + "?currentSchema=" + schema);
            env.put("PORTAL_DB_USER", "postgres");
        }
        JsonNode manifest = JSON.readTree(corpus.resolve("manifest.json").toFile());
        String sample = manifest.path("samples").path("componentWithRelations").asText("");
        try (RunningPortal portal = RunningPortal.start(data, "portal-" + db + "-" + n + ".log", env)) {
            AtomicLong peak = new AtomicLong(portal.residentMiB());
            AtomicBoolean sampling = new AtomicBoolean(true);
            Thread sampler = new Thread(() -> {
                while (sampling.get()) {
                    try {
                        peak.accumulateAndGet(portal.residentMiB(), Math::max);
                        Thread.sleep(250);
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            sampler.start();
            long startRss = portal.residentMiB();

            Readers during = new Readers(portal, sample);
            during.start();
            long registered = System.nanoTime();
            HttpResponse<String> added = send(portal, "POST", "/api/catalog/locations",
                    "{\"type\":\"file\",\"target\":\"" + corpus.resolve("catalog-info.yaml") + "\"}");
            if (added.statusCode() != 201) {
                throw new IllegalStateException("Registering the corpus answered " + added.statusCode() + ": " + added.body());
            }
            String id = JSON.readTree(added.body()).path("location").path("id").asText();
            JsonNode lastRun = awaitRun(portal, id, null, Duration.ofMinutes(30));
            double loadSeconds = (System.nanoTime() - registered) / 1e9;
            during.stop();

            long firstStart = System.nanoTime();
            HttpResponse<String> first = portal.get("/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=20");
            double firstMs = (System.nanoTime() - firstStart) / 1e6;

            Readers steady = new Readers(portal, sample);
            steady.start();
            Thread.sleep(20_000);
            steady.stop();

            // The periodic refresh may start while a long load runs: the last run is then that
            // (unchanged) refresh, and the entity count comes from the portal's count instead.
            HttpResponse<String> counted = portal.get("/api/catalog/entities/by-query?limit=1");
            System.out.printf("[bench] %s n=%d: load %.1f s (%d entities in the catalog, %d errors); start RSS %d MiB%n", db,
                    n, loadSeconds, JSON.readTree(counted.body()).path("totalItems").asInt(), lastRun.path("errors").asInt(),
                    startRss);
            System.out.printf("[bench] %s n=%d: reads during the load: %s%n", db, n, during.summary());
            System.out.printf("[bench] %s n=%d: first by-query after the load: %d in %.0f ms%n", db, n, first.statusCode(),
                    firstMs);
            System.out.printf("[bench] %s n=%d: reads at rest (20 s): %s%n", db, n, steady.summary());

            // At rest: the periodic refresh (every 120 s) finds nothing changed; G1 gives memory back after a minute.
            long ticksBefore = portal.cpuTicks();
            long idleFrom = System.nanoTime();
            Thread.sleep(idleSeconds * 1000);
            double cpuSeconds = (portal.cpuTicks() - ticksBefore) / 100.0;
            double idleWall = (System.nanoTime() - idleFrom) / 1e9;
            long restingRss = portal.residentMiB();
            JsonNode refresh = awaitRun(portal, id, lastRun.path("finishedAt").asText(), Duration.ofMinutes(5));
            long refreshMs = Duration.between(Instant.parse(refresh.path("startedAt").asText()),
                    Instant.parse(refresh.path("finishedAt").asText())).toMillis();
            sampling.set(false);
            sampler.join();
            System.out.printf("[bench] %s n=%d: peak RSS %d MiB, resting RSS %d MiB (after %d s at rest)%n", db, n,
                    peak.get(), restingRss, idleSeconds);
            System.out.printf("[bench] %s n=%d: CPU at rest %.2f %% of one core over %.0f s%n", db, n,
                    100 * cpuSeconds / idleWall, idleWall);
            System.out.printf("[bench] %s n=%d: unchanged refresh %d ms (%d of %d files unchanged, %d entities read,"
                    + " %d stitched)%n", db, n, refreshMs, refresh.path("filesUnchanged").asInt(),
                    refresh.path("files").asInt(), refresh.path("entities").asInt(), refresh.path("stitched").asInt());
        } finally {
            if (schema != null) {
                try (var c = DriverManager.getConnection(pg, "postgres", null)) {
                    c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        }
    }

    /** Waits for a finished read of the location after {@code after} (an instant), or any when null. */
    private static JsonNode awaitRun(RunningPortal portal, String id, String after, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode status = JSON.readTree(portal.get("/api/catalog/locations/" + id).body()).path("status");
            JsonNode last = status.path("lastRun");
            if (!last.isMissingNode() && status.path("phase").asText().equals("idle")
                    && (after == null || Instant.parse(last.path("finishedAt").asText()).isAfter(Instant.parse(after)))) {
                return last;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("No finished read of location " + id + " within " + limit);
    }

    private static HttpResponse<String> send(RunningPortal portal, String method, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Two threads looping over the catalog's read endpoints, as a dashboard or a script would. */
    private static final class Readers {
        private final RunningPortal portal;
        private final List<String> paths;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        private final List<Thread> threads = new ArrayList<>();

        Readers(RunningPortal portal, String sample) {
            this.portal = portal;
            this.paths = List.of("/api/catalog/entities?limit=20",
                    "/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=20",
                    "/api/catalog/entity-facets?facet=kind",
                    "/api/catalog/entity-facets?facet=spec.type&filter=kind=component",
                    "/api/catalog/entities/by-name/component/default/" + sample,
                    "/api/catalog/entities/by-query?filter=kind=group&fields=metadata.name&limit=50",
                    "/api/catalog/locations");
        }

        void start() {
            for (int t = 0; t < 2; t++) {
                int offset = t;
                Thread thread = new Thread(() -> {
                    for (int i = offset; running.get(); i++) {
                        String path = paths.get(i % paths.size());
                        long from = System.nanoTime();
                        try {
                            HttpResponse<String> r = portal.get(path);
                            micros.add((System.nanoTime() - from) / 1000);
                            if (r.statusCode() >= 300 && !(r.statusCode() == 404 && path.contains("by-name"))) {
                                errors.add(r.statusCode() + " " + path + ": " + r.body());
                            }
                        } catch (Exception e) {
                            micros.add((System.nanoTime() - from) / 1000);
                            errors.add(e + " " + path);
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(60_000);
            }
        }

        String summary() {
            List<Long> sorted = new ArrayList<>(micros);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return "none";
            }
            String firstError = errors.isEmpty() ? "" : " (first: " + errors.peek().substring(0, Math.min(200,
                    errors.peek().length())) + ")";
            return String.format("%d reads, %d errors, p50 %.1f ms, p99 %.1f ms, max %.1f ms%s", sorted.size(), errors.size(),
                    sorted.get(sorted.size() / 2) / 1000.0, sorted.get((int) (sorted.size() * 0.99)) / 1000.0,
                    sorted.get(sorted.size() - 1) / 1000.0, firstError);
        }
    }

    private static Path corpus(Path work, int n) throws Exception {
        Path corpus = work.resolve("corpus-" + n);
        if (Files.exists(corpus.resolve("manifest.json"))) {
            return corpus;
        }
        Path generator = Path.of("../bench/generate-catalog.js").toAbsolutePath();
        Process p = new ProcessBuilder("node", generator.toString(), "--n", String.valueOf(n), "--seed", "42", "--out",
                corpus.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("generate-catalog.js failed");
        }
        return corpus;
    }

    private static boolean answers(String url) {
        try (var c = DriverManager.getConnection(url, "postgres", null)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}

package dev.backlot.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Search as users meet it, on the real {@code portal.jar} with the launcher's memory defaults and
 * the embedded Solr: boot to ready, the 10k reference corpus loaded and indexed (the catalog's
 * events, then a full rebuild from the admin API, timed), queries over HTTP with facets and
 * highlighting from 2 connections for 20 s (p50, p99, queries/s), and resident memory. Prints
 * figures; asserts nothing. {@code mvn -B -pl portal-web -Pbench-search verify} (needs node).
 */
public final class SearchLoadBenchmark {

    private static final String TOKEN = "bench-token-0123456789abcdef";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String[] TERMS = {"payment", "service", "team", "api", "data", "ledger", "user", "search",
            "checkout", "platform", "website", "library", "billing", "order", "event"};

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.n", 10_000);
        long seconds = Long.getLong("bench.seconds", 20);
        Path work = Path.of("target", "search-bench").toAbsolutePath();
        Files.createDirectories(work);
        Path corpus = corpus(work, n);
        Path data = work.resolve("data-" + n);
        RunningPortal.deleteTree(data);
        try (RunningPortal portal = RunningPortal.start(data, "portal-" + n + ".log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_SAMPLE_CATALOG", "false", "PORTAL_FILE_ROOTS", corpus.toString()))) {
            System.out.printf("[bench] boot to ready (empty catalog) %.1f s, resident %d MiB%n", portal.readyAfterMs / 1000.0,
                    portal.residentMiB());
            // The corpus is registered once the portal is ready, so that boot and load are measured apart.
            long loadStart = System.nanoTime();
            HttpRequest register = HttpRequest.newBuilder(URI.create(portal.url("/api/catalog/locations")))
                    .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"file\",\"target\":\""
                            + corpus.resolve("catalog-info.yaml") + "\"}")).build();
            HttpResponse<String> registered = HTTP.send(register, HttpResponse.BodyHandlers.ofString());
            if (registered.statusCode() != 201) {
                throw new IllegalStateException("Registering the corpus answered " + registered.statusCode() + ": " + registered.body());
            }
            while (count(portal, "software-catalog") < n) {
                Thread.sleep(250);
            }
            System.out.printf("[bench] %d entities registered, loaded by the catalog and searchable in %.1f s (catalog load + incremental indexing)%n",
                    n, (System.nanoTime() - loadStart) / 1e9);

            long rebuild = System.nanoTime();
            post(portal, "/api/admin/search/refresh?type=software-catalog");
            Thread.sleep(100);
            while (status(portal).path("rebuilding").size() > 0) {
                Thread.sleep(50);
            }
            System.out.printf("[bench] full rebuild of software-catalog (%d documents, built beside and swapped in): %.1f s%n",
                    count(portal, "software-catalog"), (System.nanoTime() - rebuild) / 1e9);

            for (int i = 0; i < 300; i++) {
                query(portal, TERMS[i % TERMS.length], i);
            }
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            AtomicLong errors = new AtomicLong();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int client = c;
                Thread t = new Thread(() -> {
                    int i = client;
                    while (System.nanoTime() < end) {
                        long q = System.nanoTime();
                        try {
                            if (query(portal, TERMS[i % TERMS.length], i) != 200) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies.add(System.nanoTime() - q);
                        i += 2;
                    }
                });
                clients.add(t);
                t.start();
            }
            for (Thread t : clients) {
                t.join();
            }
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            System.out.printf("[bench] HTTP /api/search/query (facets + highlighting, pageLimit 25), 2 connections, %d s: %d queries,"
                    + " %.0f queries/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n", seconds, sorted.size(),
                    sorted.size() / (double) seconds, sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(sorted.size() * 99 / 100) / 1e6, sorted.get(sorted.size() - 1) / 1e6, errors.get());
            System.out.printf("[bench] resident memory with %d entities loaded and indexed: %d MiB%n", n, portal.residentMiB());
            long cpu0 = portal.cpuTicks();
            Thread.sleep(60_000);
            long ticks = portal.cpuTicks() - cpu0;
            System.out.printf("[bench] CPU at rest over 60 s: %.2f %% of one core%n", ticks / 100.0 / 60 * 100);
        }
    }

    private static int query(RunningPortal portal, String term, int i) throws Exception {
        String filter = i % 3 == 0 ? "&filters%5Bkind%5D=component" : "";
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url("/api/search/query?term="
                + URLEncoder.encode(term, StandardCharsets.UTF_8) + filter))).timeout(Duration.ofSeconds(30)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static long count(RunningPortal portal, String type) throws Exception {
        HttpResponse<String> r = portal.get("/api/search/query?term=&pageLimit=1&types%5B0%5D=" + type);
        return r.statusCode() == 200 ? JSON.readTree(r.body()).path("numberOfResults").asLong() : 0;
    }

    private static JsonNode status(RunningPortal portal) throws Exception {
        return JSON.readTree(portal.get("/api/admin/search/status", Map.of("Authorization", "Bearer " + TOKEN)).body());
    }

    private static void post(RunningPortal portal, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url(path))).header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.noBody()).build();
        HTTP.send(request, HttpResponse.BodyHandlers.discarding());
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
}

package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog keeps answering while it loads, on the real {@code portal.jar}: readers looping over
 * every catalog read endpoint through a bulk load see no error and no request that hangs, on H2 and
 * on PostgreSQL; the location's page and {@code GET /locations/{id}} show the load's progress; a
 * read over {@code PORTAL_DB_READ_TIMEOUT_MS} answers 503 and leaves nothing running in PostgreSQL.
 */
class CatalogUnderLoadIT {

    private static final String TOKEN = "load-token-0123456789abcdef";
    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    /** Writes {@code parts} files of {@code perPart} components each, plus their groups and systems. */
    private Path corpus(int parts, int perPart) throws Exception {
        Path root = Files.createDirectories(dir.resolve("corpus"));
        StringBuilder targets = new StringBuilder();
        for (int p = 0; p < parts; p++) {
            StringBuilder yaml = new StringBuilder();
            if (p == 0) {
                for (int g = 0; g < 20; g++) {
                    yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata: {name: team-").append(g)
                            .append("}\nspec: {type: team, children: []}\n");
                    yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: System\nmetadata: {name: sys-").append(g)
                            .append("}\nspec: {owner: team-").append(g).append("}\n");
                }
            }
            for (int i = p * perPart; i < (p + 1) * perPart; i++) {
                yaml.append("---\napiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: svc-").append(i)
                        .append("\n  tags: [java, t").append(i % 7).append("]\nspec:\n  type: ")
                        .append(i % 3 == 0 ? "website" : "service").append("\n  lifecycle: production\n  owner: team-")
                        .append(i % 20).append("\n  system: sys-").append(i % 20).append('\n');
            }
            Files.writeString(root.resolve("part-" + p + ".yaml"), yaml);
            targets.append("    - ./part-").append(p).append(".yaml\n");
        }
        return Files.writeString(root.resolve("catalog-info.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Location\n"
                + "metadata: {name: load}\nspec:\n  targets:\n" + targets);
    }

    private RunningPortal start(Path corpusFile, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("PORTAL_API_TOKEN", TOKEN, "PORTAL_SAMPLE_CATALOG", "false",
                "PORTAL_FILE_ROOTS", corpusFile.getParent().toString()));
        env.putAll(extra);
        return RunningPortal.start(dir.resolve("data"), "portal.log", env);
    }

    @Test
    void readersThroughABulkLoadOnH2SeeNoErrorAndTheLocationShowsItsProgress() throws Exception {
        Path corpus = corpus(10, 500);
        try (RunningPortal portal = start(corpus, Map.of())) {
            readersThroughALoad(portal, corpus);
        }
    }

    @Test
    void readersThroughABulkLoadOnPostgresqlSeeNoError() throws Exception {
        assumeTrue(postgresAnswers(), "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        Path corpus = corpus(10, 500);
        String schema = "backlot_it_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (RunningPortal portal = start(corpus, Map.of("PORTAL_DB_URL", PG + "?currentSchema=" + schema,
                "PORTAL_DB_USER", "postgres"))) {
            readersThroughALoad(portal, corpus);
        } finally {
            try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static void readersThroughALoad(RunningPortal portal, Path corpus) throws Exception {
        List<String> reads = List.of("/api/catalog/entities?limit=20",
                "/api/catalog/entities?filter=kind=component,spec.type=service&limit=20&offset=40",
                "/api/catalog/entities/by-query?filter=kind=component,spec.type=service&limit=20",
                "/api/catalog/entities/by-query?filter=metadata.tags=t3&orderField=metadata.name,desc&limit=5",
                "/api/catalog/entity-facets?facet=kind&facet=spec.owner",
                "/api/catalog/entity-facets?facet=metadata.tags&filter=kind=component",
                "/api/catalog/entities/by-name/component/default/svc-7",
                "/api/catalog/entities/by-name/group/default/team-3/ancestry",
                "/api/catalog/locations",
                "/api/catalog/processing-errors",
                "/catalog?kind=component");
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger done = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        List<Thread> readers = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int offset = t;
            Thread reader = new Thread(() -> {
                for (int i = offset; loading.get(); i++) {
                    String path = reads.get(i % reads.size());
                    try {
                        HttpResponse<String> r = portal.get(path);
                        // Lookups of entities not loaded yet are 404s, which are answers, not failures.
                        if (r.statusCode() >= 500 || r.statusCode() >= 300 && r.statusCode() != 404) {
                            failures.add(r.statusCode() + " " + path + ": " + r.body());
                        }
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e + " " + path);
                    }
                }
            });
            reader.start();
            readers.add(reader);
        }
        HttpResponse<String> added = post(portal, "/api/catalog/locations",
                "{\"type\":\"file\",\"target\":\"" + corpus + "\"}");
        assertThat(added.statusCode()).isEqualTo(201);
        String id = JSON.readTree(added.body()).path("location").path("id").asText();

        List<String> phases = new ArrayList<>();
        JsonNode status = null;
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            status = JSON.readTree(portal.get("/api/catalog/locations/" + id).body()).path("status");
            phases.add(status.path("phase").asText());
            if (status.path("phase").asText().equals("idle") && status.has("lastRun")) {
                break;
            }
            Thread.sleep(100);
        }
        loading.set(false);
        for (Thread reader : readers) {
            reader.join(60_000);
            assertThat(reader.isAlive()).as("a read still running a minute after the load").isFalse();
        }

        assertThat(failures).isEmpty();
        assertThat(done.get()).isPositive();
        assertThat(phases).as("the load's phases, as polled").contains("stitching");
        assertThat(status.path("lastRun").path("entities").asInt()).isEqualTo(5041); // + groups, systems, Location
        assertThat(status.path("lastRun").path("errors").asInt()).isZero();
        JsonNode facets = JSON.readTree(portal.get("/api/catalog/entity-facets?facet=kind").body());
        assertThat(facets.toString()).contains("{\"value\":\"Component\",\"count\":5000}");
        String page = portal.get("/catalog/location?id=" + id).body();
        assertThat(page).contains("Up to date").contains("Last read");
    }

    @Test
    void readOverTheTimeoutOnPostgresqlAnswers503AndLeavesNothingRunning() throws Exception {
        assumeTrue(postgresAnswers(), "No PostgreSQL at 127.0.0.1:5432 (user postgres, database test): skipped");
        Path corpus = corpus(1, 20);
        String schema = "backlot_it_" + System.nanoTime();
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        try (RunningPortal portal = start(corpus, Map.of("PORTAL_DB_URL", PG + "?currentSchema=" + schema,
                "PORTAL_DB_USER", "postgres", "PORTAL_DB_READ_TIMEOUT_MS", "300"));
                Connection blocker = DriverManager.getConnection(PG, "postgres", null)) {
            assertThat(post(portal, "/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + corpus + "\"}")
                    .statusCode()).isEqualTo(201);
            long deadline = System.currentTimeMillis() + 60_000;
            while (!portal.get("/api/catalog/entities/by-name/component/default/svc-19").body().contains("svc-19")
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(200);
            }
            // Another transaction holds the table: the read waits until the server cancels it.
            blocker.setAutoCommit(false);
            blocker.createStatement().execute("LOCK TABLE " + schema + ".catalog_entity IN ACCESS EXCLUSIVE MODE");

            HttpResponse<String> slow = portal.get("/api/catalog/entities/by-query?filter=kind=component&limit=5");

            assertThat(slow.statusCode()).isEqualTo(503);
            JsonNode error = JSON.readTree(slow.body());
            assertThat(error.path("error").path("message").asText()).contains("300 ms")
                    .contains("PORTAL_DB_READ_TIMEOUT_MS");
            assertThat(error.path("response").path("statusCode").asInt()).isEqualTo(503);
            // The read's own statement (background work waiting on the same lock has a bound of its own).
            List<String> running = new ArrayList<>();
            try (ResultSet rs = blocker.createStatement().executeQuery("SELECT query FROM pg_stat_activity WHERE"
                    + " state = 'active' AND pid <> pg_backend_pid() AND query LIKE 'SELECT e.uid FROM catalog_entity e%'")) {
                while (rs.next()) {
                    running.add(rs.getString(1));
                }
            }
            assertThat(running).as("statements still running").isEmpty();
            blocker.rollback();
            assertThat(portal.get("/api/catalog/entities/by-query?filter=kind=component&limit=5").statusCode()).isEqualTo(200);
        } finally {
            try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static HttpResponse<String> post(RunningPortal portal, String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}

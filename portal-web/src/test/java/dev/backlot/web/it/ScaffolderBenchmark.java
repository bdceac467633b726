package dev.backlot.web.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Software templates under load on the real {@code portal.jar}: {@code mvn -B -pl portal-web -am -DskipTests
 * -Pbench-scaffolder verify}. A template whose skeleton has {@code bench.files} (200) files, each
 * rendered, then pushed to the portal's git server with {@code publish:git} and registered in the
 * catalog: first one task alone, then {@code bench.tasks} (20) at once. Prints the time from
 * {@code POST /tasks} to the completion event per task, the wall time of the batch and the portal's
 * resident memory. Figures, not assertions.
 */
public final class ScaffolderBenchmark {

    private static final String TOKEN = "scaffolder-bench-token-0123456789";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScaffolderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int files = Integer.getInteger("bench.files", 200);
        int tasks = Integer.getInteger("bench.tasks", 20);
        Path work = Path.of("target", "scaffolder-bench").toAbsolutePath();
        RunningPortal.deleteTree(work);
        Path template = Files.createDirectories(work.resolve("repos/bench"));
        Files.writeString(template.resolve("catalog-info.yaml"), """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata: {name: bench-skeleton}
                spec:
                  owner: team-a
                  type: service
                  steps:
                    - {id: fetch, action: 'fetch:template', input: {url: ./skeleton, values: {name: '${{ parameters.name }}'}}}
                    - {id: publish, action: 'publish:git', input: {repoUrl: 'local?owner=bench&repo=${{ parameters.name }}'}}
                    - id: register
                      action: 'catalog:register'
                      input: {repoContentsUrl: '${{ steps.publish.output.repoContentsUrl }}', catalogInfoPath: /catalog-info.yaml}
                """);
        Path skeleton = Files.createDirectories(template.resolve("skeleton"));
        Files.writeString(skeleton.resolve("catalog-info.yaml"), "apiVersion: backstage.io/v1alpha1\nkind: Component\n"
                + "metadata:\n  name: ${{ values.name }}\nspec:\n  type: service\n  lifecycle: experimental\n  owner: team-a\n");
        for (int i = 1; i < files; i++) {
            Path file = skeleton.resolve("src/pkg" + (i % 10) + "/File" + i + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, ("// ${{ values.name }} file " + i + "\nclass File" + i + " {}\n").repeat(20));
        }
        try (RunningPortal portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_CATALOG_LOCATIONS", "file:" + work.resolve("repos"), "PORTAL_SAMPLE_CATALOG", "false"))) {
            awaitTemplate(portal);
            System.out.printf("[bench] skeleton: %d files; portal ready after %d ms, RSS %d MiB%n", files,
                    portal.readyAfterMs, portal.residentMiB());
            runOne(portal, "warm-up");
            double alone = runOne(portal, "alone");
            System.out.printf("[bench] one task alone (%d files, fetch + publish:git + register): %.0f ms%n", files, alone);
            ExecutorService pool = Executors.newFixedThreadPool(tasks);
            long t0 = System.nanoTime();
            List<Future<Double>> running = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                String name = "batch-" + i;
                running.add(pool.submit(() -> runOne(portal, name)));
            }
            List<Double> times = new ArrayList<>();
            for (Future<Double> f : running) {
                times.add(f.get());
            }
            double wall = (System.nanoTime() - t0) / 1e6;
            pool.shutdown();
            Collections.sort(times);
            System.out.printf("[bench] %d tasks at once: wall %.0f ms, per task p50 %.0f ms, max %.0f ms, RSS after %d MiB%n",
                    tasks, wall, times.get(times.size() / 2), times.get(times.size() - 1), portal.residentMiB());
        }
    }

    /** POST a task and read its event stream to the completion: the milliseconds in between. */
    private static double runOne(RunningPortal portal, String name) throws Exception {
        long t0 = System.nanoTime();
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/scaffolder/v2/tasks")))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("templateRef",
                        "template:default/bench-skeleton", "values", Map.of("name", name))))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        String id = String.valueOf(JSON.readValue(created.body(), Map.class).get("id"));
        HttpResponse<java.util.stream.Stream<String>> stream = HTTP.send(HttpRequest.newBuilder(
                URI.create(portal.url("/api/scaffolder/v2/tasks/" + id + "/eventstream"))).timeout(Duration.ofMinutes(10))
                .build(), HttpResponse.BodyHandlers.ofLines());
        try (var lines = stream.body()) {
            var it = lines.iterator();
            boolean completion = false;
            while (it.hasNext()) {
                String line = it.next();
                if (line.equals("event: completion")) {
                    completion = true;
                } else if (completion && line.startsWith("data:")) {
                    if (!line.contains("\"completed\"")) {
                        throw new IllegalStateException("task " + name + " did not complete: " + line);
                    }
                    break;
                }
            }
        }
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void awaitTemplate(RunningPortal portal) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            if (portal.get("/api/catalog/entities/by-name/template/default/bench-skeleton").statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the bench template did not appear in the catalog");
    }
}

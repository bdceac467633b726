package dev.backlot.web.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * How long a plugin update takes from the upload to the new revision serving, on the real
 * {@code portal.jar}: {@code mvn -B -pl portal-web -Pbench verify} (after an install). It updates the
 * zero-downtime fixture bundle {@code bench.updates} times and prints, per update, the time until
 * {@code PUT /api/admin/plugins/{name}} answered (the portal answers once the new revision's
 * services are registered) and until {@code /p/zd} first showed the new version. Target: under 1 s.
 */
public final class PluginDeployBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PluginDeployBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int updates = Integer.getInteger("bench.updates", 20);
        Path work = Path.of("target", "plugin-deploy-bench").toAbsolutePath();
        RunningPortal.deleteTree(work);
        try (RunningPortal portal = RunningPortal.start(work.resolve("data"), "portal.log",
                Map.of("PORTAL_API_TOKEN", ZeroDowntimeIT.TOKEN, "PORTAL_SAMPLE_CATALOG", "false"))) {
            long t0 = System.nanoTime();
            send(portal, "POST", "/api/admin/plugins", ZeroDowntimeIT.servingBundle("1.0.0"), 201);
            double installAnswered = ms(t0);
            awaitVersion(portal, "1.0.0");
            System.out.printf("[bench] install: answered %.0f ms, serving %.0f ms%n", installAnswered, ms(t0));
            for (int warm = 0; warm < 3; warm++) {
                send(portal, "PUT", "/api/admin/plugins/" + ZeroDowntimeIT.BSN,
                        ZeroDowntimeIT.servingBundle("1.0." + (warm + 1)), 200);
            }
            List<Double> answered = new ArrayList<>();
            List<Double> serving = new ArrayList<>();
            for (int i = 0; i < updates; i++) {
                String version = "2.0." + i;
                byte[] jar = ZeroDowntimeIT.servingBundle(version);
                long start = System.nanoTime();
                send(portal, "PUT", "/api/admin/plugins/" + ZeroDowntimeIT.BSN, jar, 200);
                answered.add(ms(start));
                awaitVersion(portal, version);
                serving.add(ms(start));
            }
            System.out.printf("[bench] %d updates of a small bundle (%d bytes), upload to answer:  %s%n", updates,
                    ZeroDowntimeIT.servingBundle("2.0.0").length, summary(answered));
            System.out.printf("[bench] %d updates of a small bundle, upload to new revision serving /p/zd: %s%n", updates,
                    summary(serving));
            System.out.printf("[bench] portal resident memory after the updates: %d MiB%n", portal.residentMiB());
        }
    }

    private static void send(RunningPortal portal, String method, String path, byte[] jar, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Authorization", "Bearer " + ZeroDowntimeIT.TOKEN)
                .header("Content-Type", "application/java-archive")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(jar)).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void awaitVersion(RunningPortal portal, String version) throws Exception {
        String marker = "revision " + version + "<";
        long deadline = System.currentTimeMillis() + 30_000;
        while (!portal.get("/p/zd").body().contains(marker)) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("/p/zd did not serve " + version + " within 30 s");
            }
        }
    }

    private static double ms(long since) {
        return (System.nanoTime() - since) / 1e6;
    }

    private static String summary(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return String.format("p50 %.0f ms, p90 %.0f ms, max %.0f ms", sorted.get(sorted.size() / 2),
                sorted.get((int) Math.ceil(sorted.size() * 0.9) - 1), sorted.get(sorted.size() - 1));
    }
}

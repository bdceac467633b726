package dev.backlot.web.it;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.concurrent.TimeUnit;

/**
 * TechDocs build and serve times, measured from outside on the real {@code portal.jar}. Run with
 * {@code mvn -B -pl portal-web -am -Pbench-techdocs verify -DskipTests -DskipITs} (prints figures; asserts nothing).
 *
 * <p>Writes a 100-page Markdown site (MkDocs layout) and a 100-page AsciiDoc site, each page with
 * headings, a table, two code blocks and links to three other pages, registers two components with
 * them, and reports for each: the first build in the running portal, an unchanged rebuild, a rebuild
 * after one page changed (the server's build time from {@code sync}, and the HTTP round trip), the
 * one-time Asciidoctor start apart, and p50/p99 of serving pages over HTTP (static API and reader).
 * When {@code mkdocs} is on the PATH, times {@code mkdocs build} of the same Markdown site beside it.
 */
public final class TechDocsBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOKEN = "bench-token-0123456789abcdef";
    private static final int PAGES = Integer.getInteger("bench.pages", 100);

    public static void main(String[] args) throws Exception {
        Path work = Path.of(System.getProperty("bench.dir", "target/bench-techdocs")).toAbsolutePath();
        RunningPortal.deleteTree(work);
        Path data = work.resolve("data");
        Path sites = data.resolve("sample-catalog/bench");
        writeMarkdown(sites.resolve("md"));
        writeAsciidoc(sites.resolve("adoc"));
        Files.writeString(sites.resolve("catalog-info.yaml"), component("bench-md", "./md") + "---\n" + component("bench-adoc", "./adoc"));
        try (RunningPortal portal = RunningPortal.start(data, "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN))) {
            System.out.println("[bench] portal ready after " + portal.readyAfterMs + " ms");
            post(portal, "/api/catalog/locations", "{\"type\":\"file\",\"target\":\"" + sites.resolve("catalog-info.yaml") + "\"}");
            await(portal, "/api/catalog/entities/by-name/component/default/bench-adoc");
            site(portal, "bench-md", sites.resolve("md/docs/page-050.md"), "markdown");
            site(portal, "bench-adoc", sites.resolve("adoc/page-050.adoc"), "asciidoc");
            serve(portal, "/api/techdocs/static/docs/default/component/bench-md/page-%03d/", "static API, Markdown page");
            serve(portal, "/api/techdocs/static/docs/default/component/bench-adoc/page-%03d/", "static API, AsciiDoc page");
            serve(portal, "/docs/default/component/bench-md/page-%03d/", "reader page (Faces), Markdown");
        }
        mkdocs(sites.resolve("md"), work.resolve("mkdocs-site"));
    }

    private static void site(RunningPortal portal, String name, Path onePage, String format) throws Exception {
        String sync = "/api/techdocs/sync/default/component/" + name;
        JsonNode first = timed(portal, sync, format + " first build");
        for (JsonNode line : first.path("log")) {
            if (line.asText().startsWith("built ")) {
                // the catalog's listener usually builds before the first sync: its log line has the time
                System.out.println("[bench] " + format + " first build (in the running portal): " + line.asText());
            }
            if (line.asText().contains("Asciidoctor started")) {
                System.out.println("[bench] " + format + " one-time: " + line.asText());
            }
        }
        timed(portal, sync, format + " unchanged rebuild");
        Files.writeString(onePage, Files.readString(onePage) + "\n\nOne more paragraph, changed at " + System.nanoTime() + ".\n");
        timed(portal, sync, format + " one page changed");
    }

    private static JsonNode timed(RunningPortal portal, String path, String what) throws Exception {
        long t0 = System.nanoTime();
        JsonNode body = JSON.readTree(portal.get(path).body());
        while ("building".equals(body.path("status").asText())) {
            body = JSON.readTree(portal.get(path).body());
        }
        long wall = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("[bench] %-32s server %5s ms, round trip %5d ms (%s: %s)%n", what, body.path("durationMs").asText(),
                wall, body.path("status").asText(), body.path("message").asText());
        return body;
    }

    private static void serve(RunningPortal portal, String pattern, String what) throws Exception {
        for (int i = 0; i < 200; i++) {
            portal.get(String.format(pattern, i % PAGES));
        }
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = portal.get(String.format(pattern, (i * 37) % PAGES));
            micros.add((System.nanoTime() - t0) / 1000);
            if (r.statusCode() != 200) {
                throw new IllegalStateException(what + " answered " + r.statusCode());
            }
        }
        Collections.sort(micros);
        System.out.printf("[bench] serve %-32s p50 %.2f ms, p99 %.2f ms (2000 requests, one client)%n", what,
                micros.get(1000) / 1000.0, micros.get(1980) / 1000.0);
    }

    private static void mkdocs(Path site, Path out) throws Exception {
        Path mkdocs = Path.of("/usr/bin/mkdocs");
        if (!Files.isExecutable(mkdocs)) {
            System.out.println("[bench] mkdocs is not installed: no MkDocs figure");
            return;
        }
        for (int run = 1; run <= 3; run++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(mkdocs.toString(), "build", "-q", "-f", site.resolve("mkdocs.yml").toString(), "-d",
                    out.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            p.waitFor(120, TimeUnit.SECONDS);
            System.out.printf("[bench] mkdocs build (run %d)               %5d ms (exit %d)%n", run,
                    (System.nanoTime() - t0) / 1_000_000, p.exitValue());
        }
    }

    private static String component(String name, String dir) {
        return "apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: " + name
                + "\n  annotations:\n    backstage.io/techdocs-ref: dir:" + dir
                + "\nspec:\n  type: service\n  lifecycle: production\n  owner: bench\n";
    }

    private static void writeMarkdown(Path root) throws Exception {
        Files.createDirectories(root.resolve("docs"));
        StringBuilder nav = new StringBuilder("site_name: Bench Markdown\nnav:\n");
        for (int i = 0; i < PAGES; i++) {
            nav.append("  - Page ").append(i).append(": page-").append(String.format("%03d", i)).append(".md\n");
            Files.writeString(root.resolve(String.format("docs/page-%03d.md", i)), markdownPage(i));
        }
        Files.writeString(root.resolve("docs/index.md"), "# Bench\n\nStart at [page 0](page-000.md).\n");
        Files.writeString(root.resolve("mkdocs.yml"), nav.toString());
    }

    private static String markdownPage(int i) {
        StringBuilder s = new StringBuilder("# Page " + i + "\n\n");
        for (int section = 1; section <= 4; section++) {
            s.append("## Section ").append(section).append("\n\nSome text about page ").append(i)
                    .append(" with a [link](page-").append(String.format("%03d", (i + section) % PAGES)).append(".md#section-1)")
                    .append(" and **bold** and `code`.\n\n");
            s.append("| name | value | note |\n|---|---|---|\n| a | 1 | first |\n| b | 2 | second |\n\n");
            s.append("```java\npublic class Page").append(i).append(" {\n    // section ").append(section)
                    .append("\n    String name = \"page\";\n}\n```\n\n");
        }
        return s.toString();
    }

    private static void writeAsciidoc(Path root) throws Exception {
        Files.createDirectories(root);
        Files.writeString(root.resolve("index.adoc"), "= Bench\n\nStart at xref:page-000.adoc[page 0].\n");
        for (int i = 0; i < PAGES; i++) {
            StringBuilder s = new StringBuilder("= Page " + i + "\n\n");
            for (int section = 1; section <= 4; section++) {
                s.append("== Section ").append(section).append("\n\nSome text about page ").append(i)
                        .append(" with a xref:page-").append(String.format("%03d", (i + section) % PAGES))
                        .append(".adoc#section-1[link] and *bold* and `code`.\n\n");
                s.append("|===\n|name |value |note\n\n|a |1 |first\n|b |2 |second\n|===\n\n");
                s.append("[source,java]\n----\npublic class Page").append(i).append(" {\n    // section ").append(section)
                        .append("\n    String name = \"page\";\n}\n----\n\n");
            }
            Files.writeString(root.resolve(String.format("page-%03d.adoc", i)), s.toString());
        }
    }

    private static void post(RunningPortal portal, String path, String json) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path)))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
        }
    }

    private static void await(RunningPortal portal, String path) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (portal.get(path).statusCode() != 200) {
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException(path + " not there after 120 s");
            }
            Thread.sleep(200);
        }
    }
}

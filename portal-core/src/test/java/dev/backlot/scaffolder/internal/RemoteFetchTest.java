package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.backlot.catalog.internal.read.PolicyLocationReader;
import dev.backlot.catalog.internal.read.ReadPolicy;
import dev.backlot.persistence.Database;
import dev.backlot.scaffolder.DryRunResult;
import dev.backlot.scaffolder.TaskEvent;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetch actions read skeletons beside templates from url and git locations, and at absolute http
 * urls, through the catalog's reader: a real HTTP server on 127.0.0.1 (on the allow-list), a real
 * git repository in the portal's own git folder, a host that is not allowed.
 */
class RemoteFetchTest {

    @TempDir
    Path dir;
    HttpServer server;
    String base;
    EngineFixture engine;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        Map<String, String> files = Map.of(
                "/templates/svc/template.yaml", "kind: Template",
                "/templates/svc/skeleton/README.md", "# readme from the server",
                "/shared/LICENSE", "the licence");
        server.createContext("/", exchange -> {
            String body = files.get(exchange.getRequestURI().getPath());
            byte[] bytes = (body == null ? "missing" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        Path state = Files.createDirectories(dir.resolve("state"));
        ReadPolicy policy = new ReadPolicy(List.of(), List.of("127.0.0.1:" + server.getAddress().getPort()), 1_000_000,
                1000, Duration.ofSeconds(10), 10, 1000, state, List.of());
        engine = new EngineFixture(dir, Database.open("jdbc:h2:file:" + dir.resolve("db"), null, null, List.of()),
                1_000_000, NodeLiveness.defaults("test node"), System::currentTimeMillis, new PolicyLocationReader(policy));
    }

    @AfterEach
    void stop() {
        engine.close();
        server.stop(0);
    }

    private DryRunResult dryRun(String location, List<Map<String, Object>> steps) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", "remote");
        metadata.put("annotations", Map.of("backstage.io/managed-by-location", location));
        return engine.service.dryRun(Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template",
                "metadata", metadata, "spec", Map.of("steps", steps)), Map.of(), Map.of(), List.of(), "tester");
    }

    private static Map<String, String> files(DryRunResult result) {
        Map<String, String> out = new LinkedHashMap<>();
        result.files().forEach(f -> out.put(String.valueOf(f.get("path")), new String(Base64.getDecoder()
                .decode(String.valueOf(f.get("base64Content"))), StandardCharsets.UTF_8)));
        return out;
    }

    private static String lastMessage(DryRunResult result) {
        List<TaskEvent> log = result.log();
        return String.valueOf(log.get(log.size() - 1).body().get("message"));
    }

    @Test
    void aFileBesideATemplateReadFromAUrlIsFetchedThroughTheCatalogReader() {
        DryRunResult result = dryRun("url:" + base + "/templates/svc/template.yaml", List.of(
                Map.of("id", "readme", "action", "fetch:plain:file",
                        "input", Map.of("url", "./skeleton/README.md", "targetPath", "README.md")),
                Map.of("id", "licence", "action", "fetch:plain:file",
                        "input", Map.of("url", "../../shared/LICENSE", "targetPath", "LICENSE"))));

        assertThat(result.status()).as(lastMessage(result)).isEqualTo("completed");
        assertThat(files(result)).containsEntry("README.md", "# readme from the server")
                .containsEntry("LICENSE", "the licence");
    }

    @Test
    void anAbsoluteUrlOnAnAllowedHostIsFetched() {
        DryRunResult result = dryRun("file:" + dir.resolve("nowhere/template.yaml"), List.of(
                Map.of("id", "licence", "action", "fetch:plain:file",
                        "input", Map.of("url", base + "/shared/LICENSE", "targetPath", "docs/LICENSE"))));

        assertThat(result.status()).as(lastMessage(result)).isEqualTo("completed");
        assertThat(files(result)).containsEntry("docs/LICENSE", "the licence");
    }

    @Test
    void aHostThatIsNotAllowedFailsTheStepWithTheReason() {
        DryRunResult result = dryRun("url:" + base + "/templates/svc/template.yaml", List.of(
                Map.of("id", "evil", "action", "fetch:plain:file",
                        "input", Map.of("url", "http://127.0.0.2:9/secrets.txt", "targetPath", "x.txt"))));

        assertThat(result.status()).isEqualTo("failed");
        assertThat(lastMessage(result)).contains("Step evil (fetch:plain:file) failed",
                "cannot read url:http://127.0.0.2:9/secrets.txt", "not in the url allow list", "PORTAL_URL_ALLOW");
    }

    @Test
    void aFolderOnAPlainWebServerIsRefusedBecauseItCannotBeListed() {
        DryRunResult result = dryRun("url:" + base + "/templates/svc/template.yaml", List.of(
                Map.of("id", "fetch", "action", "fetch:template", "input", Map.of("url", "./skeleton"))));

        assertThat(result.status()).isEqualTo("failed");
        assertThat(lastMessage(result)).contains("Step fetch (fetch:template) failed", "cannot be listed",
                "git repository");
    }

    @Test
    void aSkeletonFolderBesideATemplateInAGitRepositoryIsFetchedAndRendered() throws Exception {
        // a repository of the portal's own git server (read from its folder, no network round trip)
        Path work = dir.resolve("work");
        try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
            Files.createDirectories(work.resolve("tpl/skeleton/src"));
            Files.writeString(work.resolve("tpl/template.yaml"), "kind: Template");
            Files.writeString(work.resolve("tpl/skeleton/src/${{ values.name }}.txt"), "hello ${{ values.name }}");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("template").setAuthor("t", "t@t").setCommitter("t", "t@t").setSign(false).call();
            Git.cloneRepository().setURI(work.toUri().toString()).setBare(true)
                    .setDirectory(dir.resolve("state/git/team/templates.git").toFile()).call().close();
        }

        DryRunResult result = dryRun("git:http://127.0.0.1:9/git/team/templates.git/blob/main/tpl/template.yaml",
                List.of(Map.of("id", "fetch", "action", "fetch:template",
                        "input", Map.of("url", "./skeleton", "values", Map.of("name", "orders")))));

        assertThat(result.status()).as(lastMessage(result)).isEqualTo("completed");
        assertThat(files(result)).containsExactly(Map.entry("src/orders.txt", "hello orders"));
    }

    @Test
    void relativeUrlsResolveAgainstTheTemplatesLocation() {
        TemplateSource url = TemplateSource.fromLocation("url:https://h.example/a/b/template.yaml");
        assertThat(url.remote("./skeleton/x.txt")).contains("url:https://h.example/a/b/skeleton/x.txt");
        assertThat(url.remote("../c.txt")).contains("url:https://h.example/a/c.txt");

        TemplateSource git = TemplateSource.fromLocation("git:https://h.example/o/r.git/blob/main/t/template.yaml");
        assertThat(git.remote("./skeleton")).contains("git:https://h.example/o/r.git/blob/main/t/skeleton");
        assertThat(git.remote("..")).contains("git:https://h.example/o/r.git/blob/main/.");
        assertThatThrownBy(() -> git.remote("../../etc")).hasMessageContaining("above the root");

        TemplateSource file = TemplateSource.fromLocation("file:" + dir.resolve("t/template.yaml"));
        assertThat(file.remote("./skeleton")).isEmpty();
        assertThat(file.remote("https://h.example/o/r.git/tree/main/skel"))
                .contains("git:https://h.example/o/r.git/blob/main/skel");
        assertThat(file.remote("https://h.example/raw/x.txt")).contains("url:https://h.example/raw/x.txt");
        assertThatThrownBy(() -> file.remote("ftp://h.example/x")).hasMessageContaining("only http(s)");
        assertThatThrownBy(() -> file.remote("file:///etc/passwd")).hasMessageContaining("only http(s)");
    }
}

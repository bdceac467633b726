package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.backlot.web.it.scaffolderfixture.ShoutActivator;
import dev.backlot.web.plugins.TestJars;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Software templates on the real {@code portal.jar}: the sample template creates a service, pushes
 * it to the portal's own git server and registers it; the test clones it over HTTP with JGit and
 * finds the component in the catalog. Then every case of bad input, each refused with the step and
 * the cause, at dry-run and at run time; and an action deployed as a bundle while the portal runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaffolderIT {

    private static final String TOKEN = "scaffolder-it-token-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work = Path.of("target", "scaffolder-it").toAbsolutePath();
    private RunningPortal portal;

    @BeforeAll
    void startPortal() throws Exception {
        RunningPortal.deleteTree(work);
        Path repos = work.resolve("repos");
        // A template whose skeleton holds a symbolic link to a file outside it, and one with faults
        // that only show at run time.
        Path linked = Files.createDirectories(repos.resolve("linked/skeleton"));
        Files.writeString(linked.resolve("README.md"), "hello");
        Files.createSymbolicLink(linked.resolve("passwd"), Path.of("/etc/passwd"));
        Files.writeString(repos.resolve("linked/catalog-info.yaml"), template("linked-skeleton",
                "    - {id: fetch, action: 'fetch:plain', input: {url: ./skeleton}}\n"));
        Files.createDirectories(repos.resolve("faulty"));
        Files.writeString(repos.resolve("faulty/catalog-info.yaml"), template("unknown-action",
                "    - {id: first, action: 'debug:log', input: {message: fine}}\n"
                        + "    - {id: missing, action: 'nope:nothing', input: {}}\n")
                + "---\n" + template("bad-expression", "    - {id: broken, action: 'debug:log', input: {message: '${{ parameters.name | }}'}}\n")
                + "---\n" + template("shout", "    - {id: shout, action: 'test:shout', input: {text: '${{ parameters.name }}', waitMs: '${{ parameters.waitMs }}'}}\n"));
        portal = RunningPortal.start(work.resolve("data"), "portal.log", Map.of("PORTAL_API_TOKEN", TOKEN,
                "PORTAL_CATALOG_LOCATIONS", "file:" + repos, "PORTAL_SCAFFOLDER_MAX_WORKSPACE_BYTES", "300000"));
        awaitEntity("template/default/java-service");
        awaitEntity("template/default/shout");
        awaitEntity("template/default/linked-skeleton");
    }

    @AfterAll
    void stopPortal() throws Exception {
        if (portal != null) {
            portal.close();
        }
    }

    private static String template(String name, String steps) {
        return "apiVersion: scaffolder.backstage.io/v1beta3\nkind: Template\nmetadata:\n  name: " + name
                + "\nspec:\n  owner: team-a\n  type: service\n  steps:\n" + steps;
    }

    // ---------------------------------------------------------------- the whole path

    @Test
    @Order(1)
    void theSampleTemplateCreatesARepositoryThatClonesAndAComponentInTheCatalog() throws Exception {
        var actions = portal.get("/api/scaffolder/v2/actions").body();
        assertThat(actions).contains("\"fetch:template\"", "\"publish:git\"", "\"catalog:register\"", "\"debug:wait\"");
        var schema = portal.get("/api/scaffolder/v2/templates/default/template/java-service/parameter-schema");
        assertThat(schema.statusCode()).isEqualTo(200);
        assertThat(schema.body()).contains("About the service", "RepoUrlPicker");

        String id = createTask("template:default/java-service", Map.of("name", "orders", "owner", "group:default/platform",
                "description", "Takes \"orders\"", "javaVersion", "21", "repoUrl", "local?owner=services&repo=orders"));
        List<String> stream = eventStream(id);

        assertThat(String.join("\n", stream)).contains("event: log", "Beginning step Fetch skeleton", "Pushed main to",
                "event: completion");
        Map<String, Object> task = json(portal.get("/api/scaffolder/v2/tasks/" + id).body());
        assertThat(task.get("status")).as(String.valueOf(task)).isEqualTo("completed");
        assertThat(String.valueOf(task.get("output"))).contains("/git/services/orders.git", "component:default/orders");

        Path clone = work.resolve("clone");
        try (Git git = Git.cloneRepository().setURI(portal.url("/git/services/orders.git"))
                .setDirectory(clone.toFile()).call()) {
            assertThat(git.log().call().iterator().next().getFullMessage()).contains("Create orders");
        }
        assertThat(Files.readString(clone.resolve("catalog-info.yaml"))).contains("name: \"orders\"",
                "description: \"Takes \\\"orders\\\"\"", "owner: \"group:default/platform\"");
        assertThat(Files.readString(clone.resolve("pom.xml"))).contains("<release>21</release>".replace("release", "maven.compiler.release"));
        assertThat(clone.resolve("src/main/java/app/Main.java")).exists();

        awaitEntity("component/default/orders");
        assertThat(portal.get("/api/catalog/entities/by-name/component/default/orders").body())
                .contains("git:" + portal.url("/git/services/orders.git/blob/main/catalog-info.yaml"));
        assertThat(json(portal.get("/api/scaffolder/v2/tasks?createdBy=user:default/api-token").body()).get("totalTasks"))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void changesNeedASignedInCallerAndPushesToo() throws Exception {
        var anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(portal.url("/api/scaffolder/v2/tasks")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"templateRef\":\"template:default/java-service\"}"))
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(RawHttp.send(portal.port, "POST", "/api/scaffolder/v2/dry-run", Map.of("Content-Type", "application/json"),
                "{}".getBytes()).status()).isEqualTo(401);
        assertThat(RawHttp.send(portal.port, "POST", "/git/services/orders.git/git-receive-pack", Map.of(), new byte[0])
                .status()).isEqualTo(401);

        Path clone = work.resolve("clone");
        Files.writeString(clone.resolve("README.md"), "defaced");
        try (Git git = Git.open(clone.toFile())) {
            git.commit().setAll(true).setMessage("deface").setAuthor("x", "x@x").setCommitter("x", "x@x").setSign(false).call();
            try {
                var results = git.push().call();
                results.forEach(r -> r.getRemoteUpdates().forEach(u ->
                        assertThat(u.getStatus().name()).isNotEqualTo("OK")));
            } catch (TransportException refused) {
                assertThat(refused.getMessage()).containsAnyOf("uthentication", "not authorized", "401");
            }
        }
        // with the API token as the password (what `git push` sends), the same push goes through
        try (Git git = Git.open(clone.toFile())) {
            var results = git.push().setCredentialsProvider(
                    new org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider("ci", TOKEN)).call();
            results.forEach(r -> r.getRemoteUpdates().forEach(u -> assertThat(u.getStatus().name()).isEqualTo("OK")));
        }
        assertThat(RawHttp.get(portal.port, "/git/../data/db/portal.mv.db").status()).isIn(400, 404);
        assertThat(RawHttp.get(portal.port, "/git/services/nope.git/info/refs?service=git-upload-pack").status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- bad input, one test per case

    @Test
    void dotDotInTargetPathIsRefused() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:plain", Map.of("url", "./skel", "targetPath", "../../escape"))),
                "fetch", "may not contain '..'");
    }

    @Test
    void anAbsoluteTargetPathIsRefused() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:plain", Map.of("url", "./skel", "targetPath", "/tmp/escape"))),
                "fetch", "must be relative");
    }

    @Test
    void aWindowsDriveLetterIsRefused() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:plain", Map.of("url", "./skel", "targetPath", "C:\\Windows"))),
                "fetch", "must be relative");
    }

    @Test
    void aFileNameThatRendersToAPathIsRefused() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:template", Map.of("url", "./evil",
                "values", Map.of("name", "../../../tmp/owned")))), "fetch", "not a plain name");
    }

    @Test
    void fsRenameOutOfTheWorkspaceIsRefused() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:plain", Map.of("url", "./skel")),
                step("rename", "fs:rename", Map.of("files", List.of(Map.of("from", "README.md", "to", "../README.md"))))),
                "rename", "may not contain '..'");
    }

    @Test
    void fsDeleteOfAnAbsolutePathIsRefused() throws Exception {
        assertDryRunFails(List.of(step("delete", "fs:delete", Map.of("files", List.of("/etc/passwd")))),
                "delete", "must be relative");
    }

    @Test
    void aSymbolicLinkInASkeletonIsRefusedAtRunTime() throws Exception {
        Map<String, Object> task = runToEnd("template:default/linked-skeleton", Map.of());
        assertThat(task.get("status")).isEqualTo("failed");
        assertThat(String.valueOf(task.get("error"))).contains("fetch", "symbolic link");
    }

    @Test
    void anUnknownActionIsReportedAtDryRunAndAtRunTime() throws Exception {
        assertDryRunFails(List.of(step("missing", "nope:nothing", Map.of())), "missing", "not registered");
        Map<String, Object> task = runToEnd("template:default/unknown-action", Map.of());
        assertThat(task.get("status")).isEqualTo("failed");
        assertThat(String.valueOf(task.get("error"))).contains("Step missing", "nope:nothing", "not registered");
    }

    @Test
    void anInputThatBreaksTheActionsSchemaIsReported() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:template", Map.of("targetPath", "x"))), "fetch",
                "Invalid input passed to action fetch:template");
    }

    @Test
    void anExpressionSyntaxErrorIsReportedAtDryRunAndAtRunTime() throws Exception {
        assertDryRunFails(List.of(step("broken", "debug:log", Map.of("message", "${{ parameters.name | }}"))), "broken", "");
        Map<String, Object> task = runToEnd("template:default/bad-expression", Map.of());
        assertThat(task.get("status")).isEqualTo("failed");
        assertThat(String.valueOf(task.get("error"))).contains("Step broken");
    }

    @Test
    void anExpressionThatReachesForJavaIsRefused() throws Exception {
        assertDryRunFails(List.of(step("java", "debug:log", Map.of("message",
                "${{ parameters.name.getClass().getClassLoader() }}"))), "java", "not allowed");
        assertDryRunFails(List.of(step("interp", "debug:log", Map.of("message",
                "${{ ____int3rpr3t3r____.getConfig() }}"))), "interp", "internals");
    }

    @Test
    void aMissingSkeletonFailsItsStepNotThePortal() throws Exception {
        assertDryRunFails(List.of(step("fetch", "fetch:template", Map.of("url", "./nothing-here"))), "fetch",
                "does not exist");
        assertThat(portal.get("/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void aTemplateThatLoopsIsStoppedByItsTimeLimit() throws Exception {
        assertDryRunFails(List.of(step("loop", "debug:log", Map.of("message",
                "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}{% endfor %}{% endfor %}{% endfor %}"))),
                "loop", "stopped");
    }

    @Test
    void aTemplateThatWritesWithoutBoundIsStoppedByTheWorkspaceLimit() throws Exception {
        List<Map<String, Object>> steps = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            steps.add(step("copy" + i, "fetch:plain", Map.of("url", "./big", "targetPath", "copy" + i)));
        }
        assertDryRunFails(steps, "copy", "limit");
    }

    @Test
    void uploadedTemplateFilesThatLeaveTheirFolderAreRefused() throws Exception {
        Map<String, Object> body = Map.of("template", templateJson(List.of(step("log", "debug:log", Map.of("message", "x")))),
                "values", Map.of(), "directoryContents", List.of(Map.of("path", "../../outside.txt", "base64Content", "eA==")));
        HttpResponse<String> answer = post("/api/scaffolder/v2/dry-run", body);
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("InputError", "'..'");
        assertThat(work.resolve("data/outside.txt")).doesNotExist();
    }

    @Test
    void secretsNeverReachTheLogOrTheTask() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", templateJson(List.of(step("log", "debug:log", Map.of("message", "token=${{ secrets.token }}")))));
        body.put("values", Map.of());
        body.put("secrets", Map.of("token", "top-secret-123"));
        String answer = post("/api/scaffolder/v2/dry-run", body).body();
        assertThat(answer).contains("token=***").doesNotContain("top-secret-123");
    }

    // ---------------------------------------------------------------- actions as bundles

    @Test
    @Order(50)
    void anActionDeployedWhileThePortalRunsIsUsedByTheNextTaskAndAnUpdateSparesARunningOne() throws Exception {
        Map<String, Object> before = runToEnd("template:default/shout", Map.of("name", "hi", "waitMs", 0));
        assertThat(String.valueOf(before.get("error"))).contains("test:shout", "not registered");

        assertThat(deploy("POST", "/api/admin/plugins", shoutBundle("1.0.0")).statusCode()).isEqualTo(201);
        awaitAction("test:shout");
        Map<String, Object> first = runToEnd("template:default/shout", Map.of("name", "hi", "waitMs", 0));
        assertThat(first.get("status")).isEqualTo("completed");
        assertThat(String.join("\n", messages(String.valueOf(first.get("id"))))).contains("HI (v1.0.0)");

        // a task in the middle of the action while the bundle is replaced by 2.0.0
        String running = createTask("template:default/shout", Map.of("name", "slow", "waitMs", 3000));
        awaitStatus(running, "processing");
        assertThat(deploy("PUT", "/api/admin/plugins/dev.backlot.it.shout", shoutBundle("2.0.0")).statusCode()).isLessThan(300);
        eventStream(running);
        Map<String, Object> spared = json(portal.get("/api/scaffolder/v2/tasks/" + running).body());
        assertThat(spared.get("status")).as(String.valueOf(spared)).isEqualTo("completed");
        assertThat(String.join("\n", messages(running))).contains("SLOW (v1.0.0)");

        Map<String, Object> next = runToEnd("template:default/shout", Map.of("name", "new", "waitMs", 0));
        assertThat(String.join("\n", messages(String.valueOf(next.get("id"))))).contains("NEW (v2.0.0)");
    }

    // ---------------------------------------------------------------- helpers

    private static byte[] shoutBundle(String version) {
        return TestJars.withClasses(Map.of("Bundle-SymbolicName", "dev.backlot.it.shout", "Bundle-Version", version,
                "Bundle-Name", "Shout action fixture", "Bundle-Activator", ShoutActivator.class.getName(),
                "Import-Package", "org.osgi.framework,dev.backlot.spi.scaffolder;version=\"[0.2,1)\""),
                List.of(ShoutActivator.class, ShoutActivator.Shout.class), Map.of());
    }

    private HttpResponse<String> deploy(String method, String path, byte[] jar) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/java-archive")
                .method(method, HttpRequest.BodyPublishers.ofByteArray(jar)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitAction(String id) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (portal.get("/api/scaffolder/v2/actions").body().contains("\"" + id + "\"")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("action " + id + " not listed within 30 s");
    }

    private void awaitStatus(String id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (status.equals(json(portal.get("/api/scaffolder/v2/tasks/" + id).body()).get("status"))) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("task " + id + " not " + status + " within 30 s");
    }

    private static Map<String, Object> step(String id, String action, Map<String, Object> input) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("id", id);
        step.put("name", id);
        step.put("action", action);
        step.put("input", input);
        return step;
    }

    private static Map<String, Object> templateJson(List<Map<String, Object>> steps) {
        return Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template",
                "metadata", Map.of("name", "dry"), "spec", Map.of("type", "service", "steps", steps));
    }

    private static Map<String, Object> file(String path, String content) {
        return Map.of("path", path, "base64Content", Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8)));
    }

    /** Dry-runs the steps with a small template folder; the run fails, naming the step and the cause. */
    @SuppressWarnings("unchecked")
    private void assertDryRunFails(List<Map<String, Object>> steps, String stepId, String cause) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("template", templateJson(steps));
        body.put("values", Map.of("name", "x"));
        body.put("directoryContents", List.of(file("skel/README.md", "hello"),
                file("evil/${{ values.name }}.txt", "evil"), file("big/blob.bin", "b".repeat(120_000))));
        HttpResponse<String> answer = post("/api/scaffolder/v2/dry-run", body);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Map<String, Object> result = json(answer.body());
        assertThat(result.get("status")).as(answer.body()).isEqualTo("failed");
        String log = String.valueOf(result.get("log"));
        assertThat(log).contains("Step " + stepId).contains(cause);
        assertThat(Files.exists(work.resolve("escape")) || Files.exists(Path.of("/tmp/escape"))).isFalse();
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(portal.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String createTask(String templateRef, Map<String, Object> values) throws Exception {
        HttpResponse<String> created = post("/api/scaffolder/v2/tasks", Map.of("templateRef", templateRef, "values", values));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return String.valueOf(json(created.body()).get("id"));
    }

    private Map<String, Object> runToEnd(String templateRef, Map<String, Object> values) throws Exception {
        String id = createTask(templateRef, values);
        eventStream(id);
        return json(portal.get("/api/scaffolder/v2/tasks/" + id).body());
    }

    /** Reads the task's event stream until its completion event; the lines as received. */
    private List<String> eventStream(String id) throws Exception {
        HttpResponse<Stream<String>> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(portal.url("/api/scaffolder/v2/tasks/" + id + "/eventstream"))).timeout(Duration.ofSeconds(120))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).contains("text/event-stream");
        List<String> lines = new ArrayList<>();
        try (Stream<String> body = response.body()) {
            var it = body.iterator();
            boolean completion = false;
            while (it.hasNext()) {
                String line = it.next();
                lines.add(line);
                if (line.equals("event: completion")) {
                    completion = true;
                }
                if (completion && line.startsWith("data:")) {
                    break;
                }
            }
        }
        return lines;
    }

    @SuppressWarnings("unchecked")
    private List<String> messages(String id) throws Exception {
        List<Object> events = JSON.readValue(portal.get("/api/scaffolder/v2/tasks/" + id + "/events?after=0").body(), List.class);
        List<String> out = new ArrayList<>();
        events.forEach(e -> out.add(String.valueOf(((Map<String, Object>) ((Map<String, Object>) e).get("body")).get("message"))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String body) throws Exception {
        return JSON.readValue(body, Map.class);
    }

    private void awaitEntity(String path) throws Exception {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            if (portal.get("/api/catalog/entities/by-name/" + path).statusCode() == 200) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError(path + " did not appear in the catalog within 60 s; see " + portal.log);
    }
}

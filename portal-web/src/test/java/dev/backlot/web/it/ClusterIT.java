package dev.backlot.web.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two real {@code portal.jar} processes on one PostgreSQL database (a schema of their own, dropped
 * afterwards): a plugin deployed, updated, stopped and removed through one node's deploy API is
 * followed by the other node without anyone touching it; a template task running on the first node
 * survives the second node's start (which fails only tasks of nodes that are gone). Skipped when
 * PostgreSQL does not answer at 127.0.0.1:5432.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final String PG = "jdbc:postgresql://127.0.0.1:5432/test";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private final Path work = Path.of("target", "cluster-it").toAbsolutePath();
    private final String schema = "backlot_cluster_" + System.currentTimeMillis();
    private RunningPortal first;
    private RunningPortal second;
    private String waitingTask;

    @BeforeAll
    void startTwoNodes() throws Exception {
        assumeTrue(postgresAnswers(), "PostgreSQL does not answer at 127.0.0.1:5432 (user postgres, database test)");
        try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        }
        RunningPortal.deleteTree(work);
        Path templates = java.nio.file.Files.createDirectories(work.resolve("templates"));
        java.nio.file.Files.writeString(templates.resolve("catalog-info.yaml"), """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata: {name: waiter}
                spec:
                  type: service
                  parameters: {properties: {seconds: {type: number}}}
                  steps:
                    - {id: wait, action: 'debug:wait', input: {seconds: '${{ parameters.seconds }}'}}
                """);
        Map<String, String> env = Map.of("PORTAL_DB_URL", PG + "?currentSchema=" + schema, "PORTAL_DB_USER", "postgres",
                "PORTAL_API_TOKEN", ZeroDowntimeIT.TOKEN, "PORTAL_SAMPLE_CATALOG", "false", "PORTAL_PLUGINS_SYNC_MS", "500",
                "PORTAL_CATALOG_LOCATIONS", "file:" + templates);
        first = RunningPortal.start(work.resolve("node-1/data"), "node-1.log", env);
        // a task running on the first node while the second starts
        awaitStatus(first, "/api/catalog/entities/by-name/template/default/waiter", 200);
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(first.url("/api/scaffolder/v2/tasks")))
                .header("Authorization", "Bearer " + ZeroDowntimeIT.TOKEN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"templateRef\":\"template:default/waiter\","
                        + "\"values\":{\"seconds\":600}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        waitingTask = new com.fasterxml.jackson.databind.ObjectMapper().readTree(created.body()).path("id").asText();
        awaitTask(first, waitingTask, "processing");
        second = RunningPortal.start(work.resolve("node-2/data"), "node-2.log", env);
    }

    @AfterAll
    void stopNodes() throws Exception {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
        if (postgresAnswers()) {
            try (Connection c = DriverManager.getConnection(PG, "postgres", null)) {
                c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    @Test
    void secondNodeFollowsEveryPluginChangeMadeOnTheFirst() throws Exception {
        String bsn = ZeroDowntimeIT.BSN;
        assertThat(send(first, "POST", "/api/admin/plugins", ZeroDowntimeIT.servingBundle("1.0.0")).statusCode()).isEqualTo(201);
        awaitPlugin(second, body -> body.contains("\"version\":\"1.0.0\"") && body.contains("\"state\":\"ACTIVE\""));
        awaitPage(second, "revision 1.0.0<");

        assertThat(send(first, "PUT", "/api/admin/plugins/" + bsn, ZeroDowntimeIT.servingBundle("2.0.0")).statusCode()).isEqualTo(200);
        awaitPage(second, "revision 2.0.0<");

        assertThat(send(first, "POST", "/api/admin/plugins/" + bsn + "/stop", null).statusCode()).isEqualTo(200);
        awaitPlugin(second, body -> !body.contains("\"state\":\"ACTIVE\""));
        assertThat(second.get("/p/zd").statusCode()).isEqualTo(404);

        assertThat(send(second, "POST", "/api/admin/plugins/" + bsn + "/start", null).statusCode()).isEqualTo(200);
        awaitPage(first, "revision 2.0.0<");

        assertThat(send(first, "DELETE", "/api/admin/plugins/" + bsn, null).statusCode()).isEqualTo(204);
        awaitStatus(second, "/api/admin/plugins/" + bsn, 404);
    }

    @Test
    void aTaskRunningOnOneNodeSurvivesTheOtherNodesStart() throws Exception {
        // the second node started (and looked for abandoned tasks) while the task ran on the first
        assertThat(taskStatus(second, waitingTask)).isEqualTo("processing");

        assertThat(send(first, "POST", "/api/scaffolder/v2/tasks/" + waitingTask + "/cancel", null).statusCode())
                .isLessThan(300);
        awaitTask(second, waitingTask, "cancelled");
    }

    private static String taskStatus(RunningPortal node, String id) throws Exception {
        String body = node.get("/api/scaffolder/v2/tasks/" + id).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).path("status").asText(body);
    }

    private static void awaitTask(RunningPortal node, String id, String status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            last = taskStatus(node, id);
            if (last.equals(status)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("task " + id + " on port " + node.port + " was not " + status + " within 30 s: " + last);
    }

    private static HttpResponse<String> send(RunningPortal node, String method, String path, byte[] jar) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url(path))).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ZeroDowntimeIT.TOKEN);
        if (jar == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/java-archive").method(method, HttpRequest.BodyPublishers.ofByteArray(jar));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void awaitPlugin(RunningPortal node, Predicate<String> condition) throws Exception {
        String path = "/api/admin/plugins/" + ZeroDowntimeIT.BSN;
        long deadline = System.currentTimeMillis() + 30_000;
        String last = null;
        while (System.currentTimeMillis() < deadline) {
            HttpResponse<String> response = node.get(path, Map.of("Authorization", "Bearer " + ZeroDowntimeIT.TOKEN));
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200 && condition.test(response.body())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node on port " + node.port + " did not converge within 30 s; last answer: " + last);
    }

    private static void awaitPage(RunningPortal node, String marker) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            if (node.get("/p/zd").body().contains(marker)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node on port " + node.port + " did not serve '" + marker + "' at /p/zd within 30 s");
    }

    private static void awaitStatus(RunningPortal node, String path, int status) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        int last = -1;
        while (System.currentTimeMillis() < deadline) {
            last = node.get(path, Map.of("Authorization", "Bearer " + ZeroDowntimeIT.TOKEN)).statusCode();
            if (last == status) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError(path + " on port " + node.port + " answered " + last + ", not " + status + ", for 30 s");
    }

    private static boolean postgresAnswers() {
        try (Connection c = DriverManager.getConnection(PG + "?connectTimeout=2", "postgres", null)) {
            return c.isValid(2);
        } catch (Exception e) {
            return false;
        }
    }
}

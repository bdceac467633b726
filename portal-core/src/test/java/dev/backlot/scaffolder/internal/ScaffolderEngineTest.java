package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.backlot.plugins.Extension;
import dev.backlot.scaffolder.ScaffolderException;
import dev.backlot.scaffolder.ScaffolderTask;
import dev.backlot.scaffolder.TaskRequest;
import dev.backlot.scaffolder.TaskStatus;
import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScaffolderEngineTest {

    static final String SERVICE_TEMPLATE = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata:
              name: svc
            spec:
              owner: platform
              type: service
              parameters:
                - title: About
                  required: [name]
                  properties:
                    name: {type: string, pattern: '^[a-z][a-z0-9-]*$'}
                    owner: {type: string, ui:field: OwnerPicker}
              steps:
                - id: fetch
                  name: Fetch
                  action: fetch:template
                  input:
                    url: ./skeleton
                    values:
                      name: ${{ parameters.name }}
                      owner: ${{ parameters.owner }}
                - id: secret
                  name: Use the secret
                  action: debug:log
                  input:
                    message: token is ${{ secrets.token }}
                - id: skipped
                  if: ${{ parameters.name == 'nope' }}
                  action: debug:log
                  input: {message: never}
                - id: register
                  name: Register
                  action: catalog:register
                  input:
                    repoContentsUrl: http://127.0.0.1:8080/git/team/${{ parameters.name }}.git/blob/main
                    catalogInfoPath: /catalog-info.yaml
              output:
                links:
                  - title: Open in catalog
                    entityRef: ${{ steps.register.output.entityRef }}
            """;

    @TempDir
    Path dir;
    EngineFixture engine;

    @BeforeEach
    void start() throws Exception {
        engine = new EngineFixture(dir);
        engine.template("svc", SERVICE_TEMPLATE, Map.of(
                "skeleton/catalog-info.yaml", "metadata:\n  name: ${{ values.name }}\nspec:\n  owner: ${{ values.owner }}\n",
                "skeleton/src/${{ values.name }}.txt", "hello ${{ values.name }}"));
        engine.template("slow-svc", SLOW_TEMPLATE, Map.of());
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    @Test
    void aTaskRunsItsStepsAndRegistersTheResult() throws Exception {
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/svc",
                Map.of("name", "orders", "owner", "group:default/team-a"), Map.of("token", "s3cr3t-value")), "alice");

        ScaffolderTask done = engine.await(task.id());

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.createdBy()).isEqualTo("alice");
        assertThat(done.steps()).extracting(s -> s.get("status"))
                .containsExactly("completed", "completed", "skipped", "completed");
        assertThat(engine.registered).containsExactly(
                "git:http://127.0.0.1:8080/git/team/orders.git/blob/main/catalog-info.yaml");
        assertThat(done.output().get("links")).isEqualTo(List.of(Map.of("title", "Open in catalog",
                "entityRef", "component:default/made")));
        assertThat(engine.messages(task.id())).contains("token is ***").noneMatch(m -> m.contains("s3cr3t-value"));
    }

    @Test
    void secretsAreSealedWhileRunningAndGoneAfterwards() throws Exception {
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/svc",
                Map.of("name", "orders"), Map.of("token", "s3cr3t-value")), "alice");
        engine.await(task.id());
        String stored = engine.database.jdbc(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM scaffolder_task")) {
                StringBuilder all = new StringBuilder();
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        all.append(rs.getString(i)).append('|');
                    }
                }
                return all.toString();
            }
        });
        assertThat(stored).doesNotContain("s3cr3t-value").contains("orders");
        assertThat(new SecretBox[] {SecretBox.random()}[0].seal(Map.of("a", "b"))).doesNotContain("\"b\"");
    }

    @Test
    void valuesThatBreakTheParametersAreRefusedWithEveryField() {
        assertThatThrownBy(() -> engine.service.create(new TaskRequest("template:default/svc",
                Map.of("name", "Not Valid"), Map.of()), "alice"))
                .isInstanceOf(ScaffolderException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> engine.service.create(new TaskRequest("template:default/svc", Map.of(), Map.of()),
                "alice")).isInstanceOf(ScaffolderException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> engine.service.create(new TaskRequest("template:default/none", Map.of(), Map.of()),
                "alice")).isInstanceOf(ScaffolderException.class).hasMessageContaining("No template");
    }

    @Test
    void cancelInterruptsAWaitingActionAndStopsTheTask() throws Exception {
        engine.template("slow", """
                apiVersion: scaffolder.backstage.io/v1beta3
                kind: Template
                metadata: {name: slow}
                spec:
                  steps:
                    - {id: wait, action: debug:wait, input: {minutes: 5}}
                    - {id: after, action: debug:log, input: {message: too far}}
                """, Map.of());
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/slow", Map.of(), Map.of()), "bob");
        long deadline = System.currentTimeMillis() + 10_000;
        while (engine.service.task(task.id()).orElseThrow().status() != TaskStatus.PROCESSING
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThatThrownBy(() -> engine.service.cancel(task.id(), "mallory", false))
                .isInstanceOf(ScaffolderException.class).hasMessageContaining("Only the user");

        engine.service.cancel(task.id(), "bob", false);

        ScaffolderTask done = engine.await(task.id());
        assertThat(done.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(done.steps()).extracting(s -> s.get("status")).containsExactly("cancelled", "cancelled");
        assertThat(engine.messages(task.id())).noneMatch(m -> m.contains("too far"));
    }

    @Test
    void aTaskRunningWhenThePortalStoppedIsFailedAtTheNextStartAndCanBeRetried() throws Exception {
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/slow-svc",
                Map.of("name", "orders", "wait", 600), Map.of()), "alice");
        awaitStatus(engine, task.id(), TaskStatus.PROCESSING);

        engine.close(); // the portal stops in the middle of the task
        engine = new EngineFixture(dir); // and starts again on the same database
        engine.template("slow-svc", SLOW_TEMPLATE, Map.of());

        ScaffolderTask failed = engine.service.task(task.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(TaskStatus.FAILED);
        assertThat(failed.error()).contains("portal stopped while this task was running", "Retry it");
        assertThat(engine.messages(task.id())).anyMatch(m -> m.startsWith("Run failed: The portal stopped"));
        long before = engine.lastEvent(task.id());
        engine.service.retry(task.id(), "alice", false);
        awaitStatus(engine, task.id(), TaskStatus.PROCESSING); // runs again from the start
        engine.service.cancel(task.id(), "alice", false);
        assertThat(engine.await(task.id(), before).status()).isEqualTo(TaskStatus.CANCELLED);
    }

    /** A template whose one step waits {@code parameters.wait} seconds. */
    static final String SLOW_TEMPLATE = """
            apiVersion: scaffolder.backstage.io/v1beta3
            kind: Template
            metadata: {name: slow-svc}
            spec:
              parameters:
                properties:
                  name: {type: string}
                  wait: {type: number}
              steps:
                - {id: wait, action: debug:wait, input: {seconds: '${{ parameters.wait }}'}}
                - {id: log, action: debug:log, input: {message: 'made ${{ parameters.name }}'}}
            """;

    static void awaitStatus(EngineFixture engine, String id, TaskStatus status) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (engine.service.task(id).orElseThrow().status() != status) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("task " + id + " is " + engine.service.task(id).orElseThrow().status()
                        + ", not " + status + ", after 20 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aPluginActionIsCalledThroughTheGuardAndOutranksABuiltin() throws Exception {
        engine.plugins.add(new Extension<>(new ScaffolderAction() {
            @Override
            public String id() {
                return "debug:log";
            }

            @Override
            public Map<String, Object> inputSchema() {
                return Map.of("type", "object", "required", List.of("message"));
            }

            @Override
            public void execute(ActionContext context) {
                context.log("plugin says " + context.input().get("message"));
                context.output("said", true);
            }
        }, 42, "test.plugin", 0));
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/svc", Map.of("name", "orders"),
                Map.of("token", "abc-secret")), "alice");
        engine.await(task.id());
        assertThat(engine.messages(task.id())).contains("plugin says token is ***");
        assertThat(engine.calls.health("test.plugin").calls()).isPositive();
    }

    @Test
    void workspacesAreRemovedAfterwards() throws Exception {
        ScaffolderTask task = engine.service.create(new TaskRequest("template:default/svc", Map.of("name", "orders"),
                Map.of()), "alice");
        engine.await(task.id());
        Path workspaces = dir.resolve("data/scaffolder/workspaces");
        assertThat(!Files.exists(workspaces) || Files.list(workspaces).findAny().isEmpty()).isTrue();
    }
}

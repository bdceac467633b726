package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.backlot.plugins.Extension;
import dev.backlot.scaffolder.DryRunResult;
import dev.backlot.scaffolder.TaskEvent;
import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dry-runs follow Backstage: an action that supports dry-run runs in the throw-away workspace; any
 * other is skipped with a log line, and later steps see outputs made from its output schema.
 */
class DryRunTest {

    @TempDir
    Path dir;
    EngineFixture engine;
    final AtomicInteger deployCalls = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        engine = new EngineFixture(dir);
        engine.plugins.add(new Extension<>(new ScaffolderAction() {
            @Override
            public String id() {
                return "test:deploy";
            }

            @Override
            public Map<String, Object> outputSchema() {
                return Map.of("type", "object", "properties", Map.of(
                        "url", Map.of("type", "string", "examples", List.of("https://example.com/app")),
                        "replicas", Map.of("type", "integer", "default", 3),
                        "id", Map.of("type", "string"),
                        "ready", Map.of("type", "boolean"),
                        "hosts", Map.of("type", "array", "items", Map.of("type", "string"))));
            }

            @Override
            public void execute(ActionContext context) {
                deployCalls.incrementAndGet();
            }
        }, 11, "test.deploy", 0));
        engine.plugins.add(new Extension<>(new ScaffolderAction() {
            @Override
            public String id() {
                return "test:write";
            }

            @Override
            public boolean supportsDryRun() {
                return true;
            }

            @Override
            public void execute(ActionContext context) throws Exception {
                Files.writeString(context.resolveInWorkspace("written.txt"), "dry=" + context.isDryRun());
                context.output("written", true);
            }
        }, 12, "test.write", 0));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private DryRunResult dryRun(List<Map<String, Object>> steps, Map<String, Object> output) {
        Map<String, Object> template = Map.of("apiVersion", "scaffolder.backstage.io/v1beta3", "kind", "Template",
                "metadata", Map.of("name", "dry"), "spec", Map.of("steps", steps, "output", output));
        return engine.service.dryRun(template, Map.of(), Map.of(), List.of(), "tester");
    }

    private static List<String> messages(DryRunResult result) {
        return result.log().stream().map(TaskEvent::body).map(b -> String.valueOf(b.get("message"))).toList();
    }

    @Test
    void anActionWithoutDryRunSupportIsSkippedAndLaterStepsSeeOutputsFromItsSchema() {
        DryRunResult result = dryRun(List.of(
                Map.of("id", "deploy", "action", "test:deploy", "input", Map.of("env", "prod")),
                Map.of("id", "say", "action", "debug:log", "input", Map.of("message",
                        "url=${{ steps.deploy.output.url }} replicas=${{ steps.deploy.output.replicas }}"
                                + " id=${{ steps.deploy.output.id }} ready=${{ steps.deploy.output.ready }}"
                                + " hosts=${{ steps.deploy.output.hosts | length }}"))), Map.of());

        assertThat(result.status()).isEqualTo("completed");
        assertThat(deployCalls).hasValue(0);
        assertThat(messages(result)).contains("Skipping because test:deploy does not support dry-run",
                "url=https://example.com/app replicas=3 id=<example> ready=false hosts=1");
        assertThat(result.steps().get(0).get("output")).isEqualTo(Map.of("url", "https://example.com/app",
                "replicas", 3, "id", "<example>", "ready", false, "hosts", List.of("<example>")));
    }

    @Test
    void anActionThatSupportsDryRunRunsInTheThrowAwayWorkspace() {
        DryRunResult result = dryRun(List.of(Map.of("id", "write", "action", "test:write")), Map.of());

        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.files()).extracting(f -> f.get("path")).containsExactly("written.txt");
        assertThat(new String(java.util.Base64.getDecoder().decode(String.valueOf(result.files().get(0)
                .get("base64Content"))))).isEqualTo("dry=true");
        assertThat(messages(result)).noneMatch(m -> m.startsWith("Skipping"));
    }

    @Test
    void catalogRegisterIsSkippedAndItsEntityRefExampleReachesTheOutputLinks() {
        DryRunResult result = dryRun(List.of(Map.of("id", "register", "action", "catalog:register",
                "input", Map.of("catalogInfoUrl", "http://127.0.0.1:1/nothing/catalog-info.yaml"))),
                Map.of("links", List.of(Map.of("entityRef", "${{ steps.register.output.entityRef }}"))));

        assertThat(result.status()).isEqualTo("completed");
        assertThat(engine.registered).isEmpty();
        assertThat(messages(result)).contains("Skipping because catalog:register does not support dry-run");
        assertThat(result.output().get("links")).isEqualTo(List.of(Map.of("entityRef", "component:default/dry-run")));
    }

    @Test
    void builtinWorkspaceActionsRunInADryRun() {
        DryRunResult result = dryRun(List.of(
                Map.of("id", "write", "action", "catalog:write", "input", Map.of("entity", Map.of("kind", "Component"))),
                Map.of("id", "rename", "action", "fs:rename", "input", Map.of("files",
                        List.of(Map.of("from", "catalog-info.yaml", "to", "renamed.yaml"))))), Map.of());

        assertThat(result.status()).isEqualTo("completed");
        assertThat(result.files()).extracting(f -> f.get("path")).containsExactly("renamed.yaml");
    }

    @Test
    void standInsComeFromExamplesThenDefaultsThenTypes() {
        assertThat(DryRunOutputs.standIn(Map.of("type", "string", "examples", List.of("a", "b"), "default", "d"), 0))
                .isEqualTo("a");
        assertThat(DryRunOutputs.standIn(Map.of("type", "string", "default", "d"), 0)).isEqualTo("d");
        assertThat(DryRunOutputs.standIn(Map.of("type", "number"), 0)).isEqualTo(0);
        assertThat(DryRunOutputs.standIn(Map.of("type", List.of("boolean", "null")), 0)).isEqualTo(false);
        assertThat(DryRunOutputs.standIn(Map.of("type", "array"), 0)).isEqualTo(List.of());
        assertThat(DryRunOutputs.standIn(Map.of(), 0)).isEqualTo("<unknown>");
        assertThat(DryRunOutputs.from(Map.of())).isEmpty();
        Map<String, Object> deep = Map.of("type", "string");
        for (int i = 0; i < 20; i++) {
            deep = Map.of("type", "object", "properties", Map.of("x", deep));
        }
        assertThat(String.valueOf(DryRunOutputs.from(deep))).contains("<unknown>");
    }
}

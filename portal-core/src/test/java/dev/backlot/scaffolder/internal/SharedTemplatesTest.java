package dev.backlot.scaffolder.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.backlot.plugins.Extension;
import dev.backlot.scaffolder.DryRunResult;
import dev.backlot.spi.scaffolder.ActionContext;
import dev.backlot.spi.scaffolder.ScaffolderAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backstage's own sample templates (the shared conformance folder) dry-run on the engine, each with
 * its publish step pointed at Backlot's {@code publish:git} (what a team does to use them here) and
 * values made from its parameters. Prints which run; asserts the ones the built-in actions allow.
 */
class SharedTemplatesTest {

    /** The shared Backstage templates beside the repository ({@code -Dbacklot.conformance=DIR} to point elsewhere). */
    static final Path SHARED = Path.of(System.getProperty("backlot.conformance", "../../shared/conformance/backstage"))
            .resolve("software-templates/scaffolder-templates");

    @TempDir
    Path dir;
    EngineFixture engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theSharedTemplatesThatOnlyNeedBuiltInActionsRun() throws Exception {
        assumeTrue(Files.isDirectory(SHARED), "the shared conformance folder is not on this machine");
        engine = new EngineFixture(dir, "jdbc:h2:file:" + dir.resolve("db"), null, 50_000_000);
        engine.plugins.add(new Extension<>(new ScaffolderAction() {
            @Override
            public String id() {
                return "publish:git";
            }

            @Override
            public Map<String, Object> outputSchema() {
                return Map.of("type", "object", "properties", Map.of("remoteUrl", Map.of("type", "string"),
                        "repoContentsUrl", Map.of("type", "string")));
            }

            @Override
            public void execute(ActionContext context) {
            }
        }, 7, "dev.backlot.scaffolder-publish-git", 0));
        Map<String, String> outcome = new TreeMap<>();
        List<Path> templates;
        try (Stream<Path> files = Files.list(SHARED)) {
            templates = files.map(d -> d.resolve("template.yaml")).filter(Files::exists).sorted().toList();
        }
        for (Path file : templates) {
            Map<String, Object> template = EngineFixture.YAML.readValue(Files.readString(file), Map.class);
            Map<String, Object> spec = (Map<String, Object>) template.get("spec");
            for (Map<String, Object> step : TaskRunner.steps(spec)) {
                if (String.valueOf(step.get("action")).startsWith("publish:")) {
                    step.put("action", "publish:git");
                }
            }
            Map<String, Object> metadata = new LinkedHashMap<>((Map<String, Object>) template.get("metadata"));
            metadata.put("annotations", Map.of("backstage.io/managed-by-location", "file:" + file));
            template.put("metadata", metadata);
            DryRunResult result = engine.service.dryRun(template, values(spec.get("parameters")), Map.of(), List.of(), "tester");
            String name = file.getParent().getFileName().toString();
            outcome.put(name, result.status().equals("completed") ? "runs (" + result.files().size() + " files)"
                    : "stops: " + result.log().get(result.log().size() - 1).body().get("message"));
        }
        outcome.forEach((name, what) -> System.out.println("shared template " + name + ": " + what));
        assertThat(outcome).hasEntrySatisfying("create-react-app", v -> assertThat(v).startsWith("runs"))
                .hasEntrySatisfying("docs-template", v -> assertThat(v).startsWith("runs"))
                .hasEntrySatisfying("react-ssr-template", v -> assertThat(v).startsWith("runs"))
                .hasEntrySatisfying("springboot-grpc-template", v -> assertThat(v).startsWith("runs"))
                .hasEntrySatisfying("docs-template-cookiecutter", v -> assertThat(v).contains("fetch:cookiecutter"));
    }

    /** A value for every property: its default, its first enum value, or a sample of its type. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> values(Object parameters) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> page : DefaultScaffolderService.pages(parameters)) {
            if (!(page.get("properties") instanceof Map<?, ?> properties)) {
                continue;
            }
            ((Map<String, Object>) properties).forEach((key, raw) -> {
                Map<String, Object> p = (Map<String, Object>) raw;
                out.put(key, sample(key, p));
            });
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object sample(String key, Map<String, Object> p) {
        if (p.get("default") != null) {
            return p.get("default");
        }
        if (p.get("enum") instanceof List<?> e && !e.isEmpty()) {
            return e.get(0);
        }
        if ("RepoUrlPicker".equals(p.get("ui:field"))) {
            return "local?owner=team&repo=sample";
        }
        if ("OwnerPicker".equals(p.get("ui:field")) || "EntityPicker".equals(p.get("ui:field"))) {
            return "group:default/team";
        }
        return switch (String.valueOf(p.getOrDefault("type", "string"))) {
            case "boolean" -> true;
            case "number", "integer" -> 1;
            case "array" -> new ArrayList<>();
            case "object" -> {
                Map<String, Object> nested = new LinkedHashMap<>();
                if (p.get("properties") instanceof Map<?, ?> props) {
                    ((Map<String, Object>) props).forEach((k, v) -> nested.put(k, sample(k, (Map<String, Object>) v)));
                }
                yield nested;
            }
            default -> "sample-" + key.toLowerCase().replaceAll("[^a-z0-9]", "");
        };
    }
}

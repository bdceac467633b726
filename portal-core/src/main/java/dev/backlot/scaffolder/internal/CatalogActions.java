package dev.backlot.scaffolder.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.backlot.catalog.CatalogService;
import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code catalog:register}, {@code catalog:write} and {@code catalog:fetch}. */
final class CatalogActions {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private CatalogActions() {
    }

    /**
     * The catalog location of a descriptor URL: a file in a git repository ({@code <clone url>.git/blob/<ref>/<path>},
     * as {@code publish:git} describes its repositories) is a {@code git} location, anything else a {@code url}.
     */
    static String locationType(String url) {
        return url.contains(".git/blob/") ? "git" : "url";
    }

    static BuiltinAction register(CatalogService catalog) {
        return new BuiltinAction("catalog:register", "Registers a catalog-info.yaml (e.g. in the new repository) with the catalog",
                BuiltinAction.schema(List.of(), Map.of("catalogInfoUrl", BuiltinAction.type("string"),
                        "repoContentsUrl", BuiltinAction.type("string"), "catalogInfoPath", BuiltinAction.type("string"),
                        "optional", BuiltinAction.type("boolean")))) {
            /** It registers a location: a dry-run skips it and uses these outputs' examples. */
            @Override
            public boolean supportsDryRun() {
                return false;
            }

            @Override
            public Map<String, Object> outputSchema() {
                return BuiltinAction.schema(List.of(), Map.of(
                        "entityRef", Map.of("type", "string", "examples", List.of("component:default/dry-run")),
                        "catalogInfoUrl", BuiltinAction.type("string")));
            }

            @Override
            void run(StepContext context) throws Exception {
                Map<String, Object> input = context.input();
                String url = BuiltinAction.string(input, "catalogInfoUrl", null);
                if (url == null) {
                    String contents = BuiltinAction.string(input, "repoContentsUrl", null);
                    if (contents == null || contents.isBlank()) {
                        throw new IllegalArgumentException("catalog:register needs catalogInfoUrl, or repoContentsUrl and"
                                + " catalogInfoPath");
                    }
                    String path = BuiltinAction.string(input, "catalogInfoPath", "/catalog-info.yaml");
                    url = contents.replaceAll("/+$", "") + (path.startsWith("/") ? path : "/" + path);
                }
                String type = locationType(url);
                context.output("catalogInfoUrl", url);
                if (context.isDryRun()) {
                    context.log("Dry-run: would register " + type + ":" + url);
                    context.output("entityRef", "component:default/dry-run");
                    return;
                }
                try {
                    CatalogService.AddedLocation preview = catalog.addLocation(type, url, true);
                    Optional<Entity> main = preview.entities().stream()
                            .filter(e -> !"Location".equals(e.kind()))
                            .findFirst();
                    if (!preview.exists()) {
                        catalog.addLocation(type, url, false);
                    }
                    context.log("Registered " + type + ":" + url);
                    main.ifPresent(e -> context.output("entityRef", e.ref().canonical()));
                } catch (RuntimeException e) {
                    if (BuiltinAction.bool(input, "optional")) {
                        context.log("Could not register " + url + " (optional): " + e.getMessage());
                        return;
                    }
                    throw e;
                }
            }
        };
    }

    static BuiltinAction write() {
        return new BuiltinAction("catalog:write", "Writes an entity as a catalog-info.yaml into the workspace",
                BuiltinAction.schema(List.of("entity"), Map.of("entity", BuiltinAction.type("object"),
                        "filePath", BuiltinAction.type("string")))) {
            @Override
            void run(StepContext context) throws Exception {
                String file = BuiltinAction.string(context.input(), "filePath", "catalog-info.yaml");
                Path target = context.workspace().resolve(file);
                byte[] yaml = YAML.writeValueAsString(context.input().get("entity")).getBytes(StandardCharsets.UTF_8);
                context.workspace().write(target, yaml, context.workspace().size());
                context.log("Wrote " + file);
            }
        };
    }

    static BuiltinAction fetch(CatalogService catalog) {
        return new BuiltinAction("catalog:fetch", "Reads entities from the catalog",
                BuiltinAction.schema(List.of(), Map.of("entityRef", BuiltinAction.type("string"),
                        "entityRefs", Map.of("type", "array", "items", BuiltinAction.type("string")),
                        "optional", BuiltinAction.type("boolean"), "defaultKind", BuiltinAction.type("string"),
                        "defaultNamespace", BuiltinAction.type("string")))) {
            @Override
            void run(StepContext context) throws Exception {
                Map<String, Object> input = context.input();
                boolean optional = BuiltinAction.bool(input, "optional");
                String kind = BuiltinAction.string(input, "defaultKind", null);
                String namespace = BuiltinAction.string(input, "defaultNamespace", EntityRef.DEFAULT_NAMESPACE);
                if (input.get("entityRef") != null) {
                    String ref = String.valueOf(input.get("entityRef"));
                    Optional<Entity> entity = catalog.entity(EntityRef.parse(ref, kind, namespace));
                    if (entity.isEmpty() && !optional) {
                        throw new IllegalStateException("No entity " + ref + " in the catalog");
                    }
                    context.output("entity", entity.map(Entity::toTree).orElse(null));
                }
                if (input.get("entityRefs") != null) {
                    List<Object> out = new ArrayList<>();
                    for (String ref : BuiltinAction.strings(input, "entityRefs")) {
                        Optional<Entity> entity = catalog.entity(EntityRef.parse(ref, kind, namespace));
                        if (entity.isEmpty() && !optional) {
                            throw new IllegalStateException("No entity " + ref + " in the catalog");
                        }
                        out.add(entity.map(Entity::toTree).orElse(null));
                    }
                    context.output("entities", out);
                }
            }
        };
    }
}

package dev.backlot.catalog.internal;

import dev.backlot.catalog.ProcessingError;
import dev.backlot.catalog.internal.model.BuiltinRelations;
import dev.backlot.catalog.internal.model.EntityNormalizer;
import dev.backlot.catalog.internal.model.EntityRules;
import dev.backlot.catalog.internal.model.RelationEdge;
import dev.backlot.model.Entity;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.spi.catalog.EntityProcessor;
import dev.backlot.spi.catalog.ProcessingContext;
import dev.backlot.plugins.PluginCallException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Processes one entity: normalise, validate against Backstage's rules, run the plugin
 * {@link EntityProcessor}s (highest ranking first), then derive the built-in relations.
 *
 * <p>Every plugin call goes through the registry's guard ({@link ExtensionRegistry#calls()}) under the
 * processor time limit: a processor that throws or hangs adds an error to the entity, which keeps its
 * form from before that processor, the failure counts in the plugin's health, and the run goes on.
 * A rejected entity (invalid) is reported and not stored.
 */
final class EntityPipeline implements AutoCloseable {

    /** The outcome for one entity: either {@code entity} or only errors. */
    record Outcome(ProcessedEntity entity, List<ProcessingError> errors) {
    }

    private final ExtensionRegistry extensions;
    private final long processorTimeoutMs;
    private final long maxEntityBytes;

    EntityPipeline(ExtensionRegistry extensions, long processorTimeoutMs, long maxEntityBytes) {
        this.extensions = extensions;
        this.processorTimeoutMs = processorTimeoutMs;
        this.maxEntityBytes = maxEntityBytes;
    }

    /**
     * Which processors run now: changes whenever a processor comes, goes or is replaced (a plugin
     * updated registers a new service object). Entities processed under another fingerprint may
     * come out differently now.
     */
    String processorsFingerprint() {
        if (extensions == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (Extension<EntityProcessor> processor : extensions.extensions(EntityProcessor.class)) {
            out.append(processor.bundleId()).append(':').append(processor.symbolicName()).append(':')
                    .append(processor.ranking()).append(':').append(System.identityHashCode(processor.service())).append(';');
        }
        return out.toString();
    }

    Outcome process(Map<String, Object> raw, String location) {
        List<ProcessingError> errors = new ArrayList<>();
        String rawRef = refOf(raw);
        List<String> problems = EntityRules.validate(raw);
        if (!problems.isEmpty()) {
            problems.forEach(p -> errors.add(new ProcessingError(location, rawRef, p)));
            return new Outcome(null, errors);
        }
        Map<String, Object> entity = EntityNormalizer.normalize(raw);
        String ref = refOf(entity);
        if (extensions != null) {
            for (Extension<EntityProcessor> processor : extensions.extensions(EntityProcessor.class)) {
                entity = runPlugin(processor, entity, location, ref, errors);
            }
            List<String> after = EntityRules.validate(entity);
            if (!after.isEmpty()) {
                String finalRef = ref;
                after.forEach(p -> errors.add(new ProcessingError(location, finalRef, "After plugin processing: " + p)));
                return new Outcome(null, errors);
            }
        }
        UnsafeLinks.warnings(entity).forEach(w -> errors.add(new ProcessingError(location, ref, w)));
        BuiltinRelations.Result relations = BuiltinRelations.relationsOf(entity);
        for (String problem : relations.problems()) {
            errors.add(new ProcessingError(location, ref, problem));
        }
        List<Edge> edges = new ArrayList<>();
        for (RelationEdge e : relations.relations()) {
            edges.add(new Edge(e.source().canonical(), e.type(), e.target().canonical()));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> metadata = (Map<String, Object>) entity.get("metadata");
        String json = Json.write(entity);
        // Characters, not bytes: a cheap bound that is never below the byte count by more than 4x.
        if (json.length() > maxEntityBytes) {
            errors.add(new ProcessingError(location, ref, "The entity is " + json.length() + " characters of JSON, over"
                    + " the limit of " + maxEntityBytes + " (PORTAL_CATALOG_MAX_ENTITY_BYTES); it was not stored"));
            return new Outcome(null, errors);
        }
        return new Outcome(new ProcessedEntity(ref, (String) entity.get("kind"), (String) metadata.get("namespace"),
                (String) metadata.get("name"), json, edges, location, List.of()), errors);
    }

    private Map<String, Object> runPlugin(Extension<EntityProcessor> processor, Map<String, Object> entity,
            String location, String ref, List<ProcessingError> errors) {
        List<String> reported = new ArrayList<>();
        ProcessingContext context = new ProcessingContext() {
            public String location() {
                return location;
            }

            public void error(String message) {
                synchronized (reported) {
                    reported.add(message);
                }
            }
        };
        String name = processor.symbolicName();
        try {
            Entity result = extensions.calls().call(processor, "EntityProcessor.process",
                    Duration.ofMillis(processorTimeoutMs), () -> processor.service().process(toModel(entity), context));
            synchronized (reported) {
                reported.forEach(m -> errors.add(new ProcessingError(location, ref, name + ": " + m)));
            }
            return result == null ? entity : fromModel(result);
        } catch (PluginCallException e) {
            if (e.timedOut()) {
                errors.add(new ProcessingError(location, ref, "Processor of plugin " + name + " did not finish within "
                        + processorTimeoutMs + " ms; the entity is kept as it was before it"));
            } else {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                errors.add(new ProcessingError(location, ref, "Processor of plugin " + name + " failed: "
                        + cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage())));
            }
        }
        return entity;
    }

    /** An entity being processed, as plugins see it: what was read, without relations or status. */
    static Entity toModel(Map<String, Object> tree) {
        Entity full = ModelEntities.of(tree);
        return new Entity(full.apiVersion(), full.kind(), full.metadata(), full.spec(), List.of());
    }

    /** What a plugin returned or pushed, as a tree to process (its relations and status are the catalog's to compute). */
    static Map<String, Object> fromModel(Entity entity) {
        return ModelEntities.tree(new Entity(entity.apiVersion(), entity.kind(), entity.metadata(), entity.spec(), List.of()));
    }

    /** {@code kind:namespace/name} as far as the tree says, for messages; null when it has no name. */
    @SuppressWarnings("unchecked")
    static String refOf(Map<String, Object> entity) {
        if (!(entity.get("metadata") instanceof Map<?, ?> m) || !(((Map<String, Object>) m).get("name") instanceof String name)) {
            return null;
        }
        Object ns = ((Map<String, Object>) m).get("namespace");
        Object kind = entity.get("kind");
        return (kind instanceof String k ? k : "unknown") + ":" + (ns instanceof String n ? n : "default") + "/" + name;
    }

    @Override
    public void close() {
        // Nothing of its own to release: plugin calls run on the guard's threads.
    }
}

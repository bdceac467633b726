package dev.backlot.web.ui;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.spi.ui.UiContribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The context handed to {@link UiContribution#model}: the {@code CONTEXT_*} keys of the SPI.
 *
 * <p>The entity is a deep, unmodifiable copy of the page's tree, so a plugin can neither change
 * what the page shows nor keep a reference into it.
 */
public final class ContributionContext {

    private ContributionContext() {
    }

    /**
     * @param slot the slot being rendered
     * @param user the signed-in user's name, or null
     * @param entityTree the entity the page shows (the catalog's JSON-like tree), or null on other pages
     */
    public static Map<String, Object> of(String slot, String user, Map<String, Object> entityTree) {
        Map<String, Object> context = new HashMap<>();
        context.put(UiContribution.CONTEXT_SLOT, slot);
        if (user != null) {
            context.put(UiContribution.CONTEXT_USER, user);
        }
        if (entityTree != null) {
            Entity entity = entity(entityTree);
            context.put(UiContribution.CONTEXT_ENTITY, entity);
            context.put(UiContribution.CONTEXT_KIND, entity.kind());
            context.put(UiContribution.CONTEXT_NAMESPACE, entity.namespace());
            if (entity.name() != null) {
                context.put(UiContribution.CONTEXT_NAME, entity.name());
                try {
                    context.put(UiContribution.CONTEXT_ENTITY_REF, entity.ref());
                } catch (IllegalArgumentException notAValidRef) {
                    // the catalog only stores valid entities; leave the key out rather than fail the page
                }
            }
        }
        return Collections.unmodifiableMap(context);
    }

    /** The model record of a catalog tree; relations whose target does not parse are left out. */
    @SuppressWarnings("unchecked")
    static Entity entity(Map<String, Object> tree) {
        Map<String, Object> metadata = tree.get("metadata") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Object> spec = tree.get("spec") instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        String namespace = metadata.get("namespace") instanceof String s ? s : EntityRef.DEFAULT_NAMESPACE;
        List<Entity.Relation> relations = new ArrayList<>();
        if (tree.get("relations") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> r && r.get("type") instanceof String type
                        && r.get("targetRef") instanceof String target) {
                    try {
                        relations.add(new Entity.Relation(type, EntityRef.parse(target, null, namespace)));
                    } catch (RuntimeException unparsable) {
                        // the catalog wrote it; a target it cannot parse again is not worth failing the page for
                    }
                }
            }
        }
        return new Entity(String.valueOf(tree.get("apiVersion")), String.valueOf(tree.get("kind")),
                (Map<String, Object>) frozen(metadata), (Map<String, Object>) frozen(spec), relations);
    }

    private static Object frozen(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), frozen(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(frozen(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}

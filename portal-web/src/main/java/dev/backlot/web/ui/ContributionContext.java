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
 * <p>The entity is a deep, unmodifiable copy of the page's, so a plugin can neither change what the
 * page shows nor keep a reference into it.
 */
public final class ContributionContext {

    private ContributionContext() {
    }

    /**
     * @param slot the slot being rendered
     * @param user the signed-in user's name, or null
     * @param shown the entity the page shows, or null on other pages
     */
    public static Map<String, Object> of(String slot, String user, Entity shown) {
        Map<String, Object> context = new HashMap<>();
        context.put(UiContribution.CONTEXT_SLOT, slot);
        if (user != null) {
            context.put(UiContribution.CONTEXT_USER, user);
        }
        if (shown != null) {
            Entity entity = frozen(shown);
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

    /** A deep copy: the record copies only its top-level maps, and nested ones must not be shared either. */
    @SuppressWarnings("unchecked")
    static Entity frozen(Entity entity) {
        return new Entity(entity.apiVersion(), entity.kind(), (Map<String, Object>) frozen(entity.metadata()),
                (Map<String, Object>) frozen(entity.spec()), entity.relations(), (Map<String, Object>) frozen(entity.status()));
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

package dev.backlot.web.view;

import dev.backlot.model.EntityRef;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * How a page links to an entity: its page and a short label. The reference itself is the model's
 * {@link EntityRef}; this only formats it.
 *
 * <pre>
 * EntityLink.of(new EntityRef("Group", "default", "payments")).path()   // /catalog/default/group/payments
 * EntityLink.of(...).label()                                            // group:payments
 * </pre>
 *
 * @param ref the entity
 * @param path its page, {@code /catalog/{namespace}/{kind}/{name}}, kind lower case, each segment URL-encoded
 * @param label {@code kind:name}, or {@code kind:namespace/name} outside the default namespace
 */
public record EntityLink(EntityRef ref, String path, String label) implements Serializable {

    public static EntityLink of(EntityRef ref) {
        String kind = ref.kind().toLowerCase(Locale.ROOT);
        return new EntityLink(ref, "/catalog/" + segment(ref.namespace()) + "/" + segment(kind) + "/" + segment(ref.name()),
                kind + ":" + (EntityRef.DEFAULT_NAMESPACE.equals(ref.namespace()) ? "" : ref.namespace() + "/") + ref.name());
    }

    /**
     * A link for a reference as descriptors write it ({@code name}, {@code kind:name}, {@code ns/name}),
     * defaults filled in as Backstage does for {@code spec.owner}; {@code null} when it is blank or
     * not a reference.
     */
    public static EntityLink parse(String ref, String defaultKind, String defaultNamespace) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        try {
            return of(EntityRef.parse(ref, defaultKind, defaultNamespace));
        } catch (IllegalArgumentException notARef) {
            return null;
        }
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

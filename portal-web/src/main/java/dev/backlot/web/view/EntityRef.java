package dev.backlot.web.view;

import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A reference to a catalog entity, {@code kind:namespace/name}, and the page that shows it.
 *
 * <pre>
 * EntityRef.parse("payments", "group", "default").path()  // /catalog/default/group/payments
 * </pre>
 *
 * @param kind the kind, lower-cased as Backstage writes references
 * @param namespace the namespace
 * @param name the name
 */
public record EntityRef(String kind, String namespace, String name) implements Serializable {

    public EntityRef {
        kind = kind.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses a full ({@code kind:ns/name}) or short ({@code name}, {@code kind:name}, {@code ns/name})
     * reference, filling what is missing from the defaults, as Backstage does for {@code spec.owner}.
     *
     * @return null when the reference is blank or has no kind and no default kind
     */
    public static EntityRef parse(String ref, String defaultKind, String defaultNamespace) {
        if (ref == null || ref.isBlank()) {
            return null;
        }
        String rest = ref.trim();
        String kind = defaultKind;
        int colon = rest.indexOf(':');
        if (colon > 0) {
            kind = rest.substring(0, colon);
            rest = rest.substring(colon + 1);
        }
        String namespace = defaultNamespace == null ? "default" : defaultNamespace;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            namespace = rest.substring(0, slash);
            rest = rest.substring(slash + 1);
        }
        return kind == null || rest.isEmpty() ? null : new EntityRef(kind, namespace, rest);
    }

    /** The entity page, {@code /catalog/{namespace}/{kind}/{name}}, each segment URL-encoded. */
    public String path() {
        return "/catalog/" + segment(namespace) + "/" + segment(kind) + "/" + segment(name);
    }

    /** {@code kind:name}, or {@code kind:namespace/name} outside the default namespace: for labels. */
    public String shortLabel() {
        return kind + ":" + ("default".equals(namespace) ? "" : namespace + "/") + name;
    }

    @Override
    public String toString() {
        return kind + ":" + namespace + "/" + name;
    }

    static String segment(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

package dev.backlot.catalog.internal;

import dev.backlot.model.SafeLinks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warns about links in an entity that the portal will not render as links ({@code javascript:},
 * {@code data:}, ... see {@link SafeLinks}): {@code metadata.links[].url} and the annotations
 * that hold a URL. The entity is stored all the same; its pages show such a URL as text.
 */
final class UnsafeLinks {

    /** Annotations whose value is a URL, possibly behind a {@code url:} location prefix. */
    private static final List<String> URL_ANNOTATIONS = List.of("backstage.io/source-location",
            "backstage.io/view-url", "backstage.io/edit-url");

    private UnsafeLinks() {
    }

    static List<String> warnings(Map<String, Object> entity) {
        List<String> out = new ArrayList<>();
        if (!(entity.get("metadata") instanceof Map<?, ?> metadata)) {
            return out;
        }
        if (metadata.get("links") instanceof List<?> links) {
            for (int i = 0; i < links.size(); i++) {
                if (links.get(i) instanceof Map<?, ?> link && link.get("url") instanceof String url && !SafeLinks.isSafe(url)) {
                    out.add(warning("metadata.links[" + i + "].url", url));
                }
            }
        }
        if (metadata.get("annotations") instanceof Map<?, ?> annotations) {
            for (String key : URL_ANNOTATIONS) {
                if (annotations.get(key) instanceof String value) {
                    String url = value.startsWith("url:") ? value.substring(4) : value;
                    if (!SafeLinks.isSafe(url)) {
                        out.add(warning("metadata.annotations." + key, value));
                    }
                }
            }
        }
        return out;
    }

    private static String warning(String field, String url) {
        String scheme = SafeLinks.scheme(url).map(s -> "the scheme '" + s + "'").orElse("no usable scheme");
        return "Warning: " + field + " has " + scheme + "; only http, https and mailto links are rendered as links,"
                + " this one is shown as text";
    }
}

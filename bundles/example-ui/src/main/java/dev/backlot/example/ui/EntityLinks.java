package dev.backlot.example.ui;

import dev.backlot.model.Entity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The model of the "Links and annotations" card: the entity's links, and its annotations with the
 * well-known ones explained and, where the value names a place, turned into a link.
 */
public final class EntityLinks {

    /** Annotations this card explains: key → what it means. */
    static final Map<String, String> KNOWN = Map.of(
            "backstage.io/techdocs-ref", "Where its docs are built from",
            "backstage.io/source-location", "Its source code",
            "backstage.io/managed-by-location", "The file the catalog read it from",
            "backstage.io/managed-by-origin-location", "The location registered for it",
            "backstage.io/view-url", "Where to view its descriptor",
            "backstage.io/edit-url", "Where to edit its descriptor",
            "github.com/project-slug", "Its GitHub repository",
            "pagerduty.com/service-id", "Its PagerDuty service",
            "backlot.dev/code-owners", "Owners according to CODEOWNERS");

    /**
     * A link of the entity.
     *
     * @param title its title, or the URL when it has none
     * @param url where it goes when it is a web or mail address, else null (shown as text)
     */
    public record Link(String title, String url) {
    }

    /**
     * An annotation.
     *
     * @param key e.g. {@code github.com/project-slug}
     * @param value its value
     * @param meaning what it means when the card knows it, else null
     * @param url a link for the value when it names a web place, else null
     */
    public record Annotation(String key, String value, String meaning, String url) {
    }

    private final List<Link> links;
    private final List<Annotation> annotations;

    public EntityLinks(Entity entity) {
        links = ReadinessCheck.links(entity).stream().filter(l -> l.get("url") instanceof String)
                .map(l -> new Link(l.get("title") instanceof String t && !t.isBlank() ? t : (String) l.get("url"),
                        web((String) l.get("url"))))
                .toList();
        annotations = new TreeMap<>(ReadinessCheck.annotations(entity)).entrySet().stream()
                .map(e -> annotation(e.getKey(), String.valueOf(e.getValue()))).toList();
    }

    public List<Link> links() {
        return links;
    }

    public List<Annotation> annotations() {
        return annotations;
    }

    public boolean nothingToShow() {
        return links.isEmpty() && annotations.isEmpty();
    }

    static Annotation annotation(String key, String value) {
        String url = null;
        if (key.equals("github.com/project-slug") && value.matches("[\\w.-]+/[\\w.-]+")) {
            url = "https://github.com/" + value;
        } else {
            url = web(value.startsWith("url:") ? value.substring(4) : value);
        }
        return new Annotation(key, value, KNOWN.get(key), url);
    }

    /** The address when a browser may follow it (never {@code javascript:} and the like), else null. */
    static String web(String address) {
        String lower = address.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:") ? address : null;
    }
}

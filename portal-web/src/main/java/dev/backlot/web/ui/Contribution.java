package dev.backlot.web.ui;

import java.util.Locale;
import java.util.Set;

/**
 * A UI contribution as the pages see it: the plugin service's answers read once, per request, so
 * that a page never holds the service object itself.
 *
 * @param bundleId the providing bundle
 * @param symbolicName its symbolic name
 * @param revision its revision when it was read
 * @param slot e.g. {@code entity.tab}
 * @param id the tab or page id
 * @param title the tab, card or sidebar title
 * @param fragment the Facelets path to include, a {@link FragmentPath}
 * @param kinds entity kinds it is limited to, lower-cased; empty for all
 * @param types entity types it is limited to, lower-cased; empty for all
 */
public record Contribution(long bundleId, String symbolicName, long revision, String slot, String id, String title,
        String fragment, Set<String> kinds, Set<String> types) {

    public Contribution {
        kinds = lowerCase(kinds);
        types = lowerCase(types);
    }

    /** Whether it is shown for an entity of this kind and {@code spec.type} (either may be null). */
    public boolean appliesTo(String kind, String type) {
        return (kinds.isEmpty() || kind != null && kinds.contains(kind.toLowerCase(Locale.ROOT)))
                && (types.isEmpty() || type != null && types.contains(type.toLowerCase(Locale.ROOT)));
    }

    private static Set<String> lowerCase(Set<String> values) {
        return values == null ? Set.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}

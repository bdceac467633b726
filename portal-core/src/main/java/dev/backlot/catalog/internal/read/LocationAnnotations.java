package dev.backlot.catalog.internal.read;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The annotations the catalog itself sets on every entity read from a location (reference 1.5).
 * The location annotations always overwrite what the author wrote, since unregistering and orphan
 * detection trust them; {@code backstage.io/source-location} is only added when absent.
 */
public final class LocationAnnotations {

    public static final String MANAGED_BY_LOCATION = "backstage.io/managed-by-location";
    public static final String MANAGED_BY_ORIGIN_LOCATION = "backstage.io/managed-by-origin-location";
    public static final String SOURCE_LOCATION = "backstage.io/source-location";

    private LocationAnnotations() {}

    /**
     * Adds the annotations to {@code metadata.annotations}, creating {@code metadata} and
     * {@code annotations} when missing. When either exists but is not a mapping the entity is left as is
     * for validation to reject.
     *
     * @param entity a mutable entity tree
     * @param location where the entity was read from
     * @param origin the root location of the crawl
     */
    @SuppressWarnings("unchecked")
    public static void apply(Map<String, Object> entity, LocationRef location, LocationRef origin) {
        Object metadata = entity.computeIfAbsent("metadata", k -> new LinkedHashMap<String, Object>());
        if (!(metadata instanceof Map<?, ?>)) {
            return;
        }
        Object annotations = ((Map<String, Object>) metadata).computeIfAbsent("annotations", k -> new LinkedHashMap<String, Object>());
        if (!(annotations instanceof Map<?, ?>)) {
            return;
        }
        Map<String, Object> map = (Map<String, Object>) annotations;
        map.put(MANAGED_BY_LOCATION, location.toString());
        map.put(MANAGED_BY_ORIGIN_LOCATION, origin.toString());
        if (LocationRef.URL.equals(location.type()) && !map.containsKey(SOURCE_LOCATION)) {
            map.put(SOURCE_LOCATION, LocationRef.URL + ":" + directory(URI.create(location.target())));
        }
    }

    private static String directory(URI file) {
        // "https://host" has no path to resolve "." against; its directory is the root.
        return file.getRawPath() == null || file.getRawPath().isEmpty()
                ? file.resolve("/").toString()
                : file.resolve(".").toString();
    }
}

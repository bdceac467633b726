package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.internal.read.LocationAnnotations;
import dev.backlot.catalog.internal.read.LocationRef;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code Location} entity that stands for a registered location, named as Backstage names it
 * ({@code generated-} and the SHA-1 of {@code type:target}), so that the same location has the same
 * entity reference in both. It is the root of the ancestry of everything read from that location.
 */
final class RootLocationEntity {

    private RootLocationEntity() {
    }

    static Map<String, Object> of(LocationRef location) {
        Map<String, Object> annotations = new LinkedHashMap<>();
        annotations.put(LocationAnnotations.MANAGED_BY_LOCATION, location.toString());
        annotations.put(LocationAnnotations.MANAGED_BY_ORIGIN_LOCATION, location.toString());
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", nameOf(location));
        metadata.put("annotations", annotations);
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("type", location.type());
        spec.put("target", location.target());
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("apiVersion", "backstage.io/v1alpha1");
        entity.put("kind", "Location");
        entity.put("metadata", metadata);
        entity.put("spec", spec);
        return entity;
    }

    /** Its reference in stored (lower-case) form. */
    static String refOf(LocationRef location) {
        return "location:default/" + nameOf(location);
    }

    private static String nameOf(LocationRef location) {
        return CatalogLocation.entityName(location.type(), location.target());
    }
}

package dev.backlot.catalog.internal.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** Mutable example entities for tests; each test changes what it is about. */
final class Entities {

    private Entities() {
    }

    static Map<String, Object> component() {
        Map<String, Object> entity = envelope("Component", "artist-lookup");
        entity.put("spec", map("type", "service", "lifecycle", "experimental", "owner", "team-a",
                "system", "artist-engagement-portal"));
        return entity;
    }

    static Map<String, Object> envelope(String kind, String name) {
        Map<String, Object> entity = new LinkedHashMap<>();
        entity.put("apiVersion", kind.equals("Template") ? BuiltinKinds.SCAFFOLDER_V1BETA3 : BuiltinKinds.V1ALPHA1);
        entity.put("kind", kind);
        entity.put("metadata", map("name", name));
        return entity;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> entity) {
        return (Map<String, Object>) entity.get("metadata");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> spec(Map<String, Object> entity) {
        return (Map<String, Object>) entity.get("spec");
    }

    /** A mutable map from alternating keys and values; values may be {@code null}. */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}

package dev.backlot.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code fields} parameter: only the named dot paths of each entity, e.g.
 * {@code fields=kind,metadata.name} gives {@code {"kind":..,"metadata":{"name":..}}}.
 */
final class Fields {

    private Fields() {
    }

    /** The comma-separated paths of all {@code fields} parameters; empty means the whole entity. */
    static List<String> parse(List<String> params) {
        List<String> out = new ArrayList<>();
        if (params != null) {
            for (String p : params) {
                for (String f : p.split(",")) {
                    if (!f.isBlank()) {
                        out.add(f.trim());
                    }
                }
            }
        }
        return out;
    }

    static Map<String, Object> project(Map<String, Object> entity, List<String> fields) {
        if (entity == null || fields.isEmpty()) {
            return entity;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String field : fields) {
            copy(entity, out, field.split("\\."), 0);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void copy(Map<String, Object> from, Map<String, Object> to, String[] path, int i) {
        if (!from.containsKey(path[i])) {
            return;
        }
        Object value = from.get(path[i]);
        if (i == path.length - 1) {
            to.put(path[i], value);
        } else if (value instanceof Map<?, ?> inner) {
            Map<String, Object> target = (Map<String, Object>) to.computeIfAbsent(path[i], k -> new LinkedHashMap<>());
            copy((Map<String, Object>) inner, target, path, i + 1);
        }
    }
}

package dev.backlot.catalog.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Flattens a final entity into the key/value rows that filters, facets and sorting use, following
 * Backstage's rules so that its filter expressions mean the same here:
 * <ul>
 * <li>every leaf under its lower-cased dot path; a list gives one row per element under the same key,
 *     and a string element also gives {@code <path>.<element> = true} (so {@code metadata.tags.java}
 *     works as an existence test);</li>
 * <li>relations as {@code relations.<type>} = target reference; {@code status}, {@code attachments} and
 *     {@code metadata.etag} are not indexed (as in Backstage: the etag changes with every stitch and
 *     nobody filters by it, and it is one row per entity less to write);</li>
 * <li>keys over 200 characters are dropped; values over 200 characters keep the key with a null
 *     value (the field exists, but equality never matches).</li>
 * </ul>
 */
final class SearchRows {

    static final int MAX = 200;

    /** One row: lower-cased key, lower-cased value (or null), and the value as written (or null). */
    record Row(String key, String value, String original) {
    }

    private SearchRows() {
    }

    static List<Row> of(Map<String, Object> entity) {
        Set<Row> rows = new LinkedHashSet<>();
        for (Map.Entry<String, Object> e : entity.entrySet()) {
            switch (e.getKey()) {
                case "status", "attachments" -> {
                }
                case "relations" -> relations(e.getValue(), rows);
                default -> walk(e.getKey(), e.getValue(), rows);
            }
        }
        return new ArrayList<>(rows);
    }

    private static void relations(Object value, Set<Row> rows) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> relation && relation.get("type") instanceof String type
                        && relation.get("targetRef") instanceof String target) {
                    add(rows, "relations." + type, target);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void walk(String path, Object value, Set<Row> rows) {
        if (path.equals("metadata.etag")) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
                walk(path + "." + e.getKey(), e.getValue(), rows);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof List<?>) {
                    walk(path, item, rows);
                } else if (item != null) {
                    add(rows, path, String.valueOf(item));
                    if (item instanceof String s) {
                        add(rows, path + "." + s, "true");
                    }
                }
            }
        } else if (value != null) {
            add(rows, path, String.valueOf(value));
        }
    }

    private static void add(Set<Row> rows, String path, String value) {
        String key = path.toLowerCase(Locale.ROOT);
        if (key.length() > MAX) {
            return;
        }
        boolean fits = value.length() <= MAX;
        rows.add(new Row(key, fits ? value.toLowerCase(Locale.ROOT) : null, fits ? value : null));
    }
}

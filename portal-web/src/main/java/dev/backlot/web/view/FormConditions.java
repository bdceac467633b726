package dev.backlot.web.view;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which properties of one object schema a form shows for the object's current data, and which of
 * them are required, decided as react-jsonschema-form (Backstage's form) resolves a schema:
 *
 * <ul>
 * <li>{@code properties} and {@code required} always apply.</li>
 * <li>{@code dependencies}: when the data has a value for the key, a list ({@code "a": ["b"]}) makes
 * those properties required; a schema merges its {@code properties}/{@code required} (and its own
 * conditions); a schema with {@code oneOf} merges the one branch whose {@code properties.<key>}
 * accepts the key's value (none or several: no branch, as rjsf does).</li>
 * <li>{@code if}/{@code then}/{@code else}, at the top or in {@code allOf} items: {@code then} merges
 * when the data passes {@code if}, otherwise {@code else}. As in JSON Schema, an {@code if} on
 * {@code properties} alone also holds while those properties have no value; templates that want
 * "only once chosen" add {@code required} to the {@code if}.</li>
 * <li>{@code oneOf} (or else {@code anyOf}) at the top: alternatives, for which the form shows a
 * selector as rjsf does; the chosen alternative merges. Not chosen yet: the first alternative the
 * data passes, or else the first. A page-level {@code if} that is a template expression string
 * ({@code ${{ }}}) is not a schema and is left alone here.</li>
 * </ul>
 *
 * <p>Pure: the JSON Schema checks ({@code if}, the {@code oneOf} branch choice) go through a
 * {@link SchemaCheck}, in the portal networknt's validator behind the scaffolder service.
 */
public final class FormConditions {

    /** Merges nested deeper than this stop (a schema that keeps merging itself is a mistake, not a form). */
    private static final int MAX_DEPTH = 16;

    /** Whether some data passes a JSON Schema. */
    @FunctionalInterface
    public interface SchemaCheck {
        boolean matches(Map<String, Object> schema, Map<String, Object> data);
    }

    /**
     * The resolved object: shown property name to its schema (the first definition met), and the
     * names that are required.
     */
    public record Resolved(Map<String, Map<String, Object>> properties, Set<String> required) {
    }

    private FormConditions() {
    }

    /** The properties that show for {@code data} (the object's values; absent keys have no value). */
    public static Resolved resolve(Map<String, Object> schema, Map<String, Object> data, SchemaCheck check) {
        return resolve(schema, data, check, null);
    }

    /**
     * The same, with the top-level alternative chosen ({@code null}: not chosen; an index out of
     * range counts as not chosen).
     */
    public static Resolved resolve(Map<String, Object> schema, Map<String, Object> data, SchemaCheck check, Integer chosen) {
        Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
        Set<String> required = new LinkedHashSet<>();
        Map<String, Object> values = data == null ? Map.of() : data;
        merge(schema, values, check, properties, required, 0);
        List<Map<String, Object>> alternatives = alternatives(schema);
        if (!alternatives.isEmpty()) {
            int index = chosen != null && chosen >= 0 && chosen < alternatives.size() ? chosen
                    : matchingAlternative(alternatives, values, check);
            merge(alternatives.get(index), values, check, properties, required, 1);
        }
        return new Resolved(properties, required);
    }

    /** The top-level alternatives: the {@code oneOf} schemas, or else the {@code anyOf} ones; empty when none. */
    public static List<Map<String, Object>> alternatives(Map<String, Object> schema) {
        List<Map<String, Object>> oneOf = list(schema.get("oneOf"));
        return oneOf.isEmpty() ? list(schema.get("anyOf")) : oneOf;
    }

    private static int matchingAlternative(List<Map<String, Object>> alternatives, Map<String, Object> data, SchemaCheck check) {
        for (int i = 0; i < alternatives.size(); i++) {
            if (!data.isEmpty() && check.matches(alternatives.get(i), data)) {
                return i;
            }
        }
        return 0;
    }

    /**
     * Every property the schema may show under some data (the union of all conditions), in this
     * order: {@code properties}, then those of {@code oneOf}/{@code anyOf}/{@code allOf} items and
     * {@code then}/{@code else}, then those of {@code dependencies}; a name met twice keeps its
     * first schema. The form builds its fields from these once, and {@link #resolve} decides which show.
     */
    public static Map<String, Map<String, Object>> allProperties(Map<String, Object> schema) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        collect(schema, out, 0);
        return out;
    }

    /**
     * The properties whose values decide what shows: the keys of {@code dependencies} and the
     * properties an {@code if} reads ({@code properties} and {@code required} of the {@code if}).
     */
    public static Set<String> controllingProperties(Map<String, Object> schema) {
        Set<String> out = new LinkedHashSet<>();
        controlling(schema, out, 0);
        return out;
    }

    private static void merge(Map<String, Object> schema, Map<String, Object> data, SchemaCheck check,
            Map<String, Map<String, Object>> properties, Set<String> required, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        maps(schema.get("properties")).forEach(properties::putIfAbsent);
        required.addAll(strings(schema.get("required")));
        if (schema.get("if") instanceof Map<?, ?> condition) {
            Object branch = check.matches(map(condition), data) ? schema.get("then") : schema.get("else");
            if (branch instanceof Map<?, ?> b) {
                merge(map(b), data, check, properties, required, depth + 1);
            }
        }
        for (Map<String, Object> item : list(schema.get("allOf"))) {
            merge(item, data, check, properties, required, depth + 1);
        }
        if (schema.get("dependencies") instanceof Map<?, ?> dependencies) {
            for (Map.Entry<?, ?> dependency : dependencies.entrySet()) {
                String key = String.valueOf(dependency.getKey());
                if (data.get(key) == null) {
                    continue;
                }
                if (dependency.getValue() instanceof List<?> names) {
                    required.addAll(strings(names));
                } else if (dependency.getValue() instanceof Map<?, ?> d) {
                    Map<String, Object> dependent = new LinkedHashMap<>(map(d));
                    Object oneOf = dependent.remove("oneOf");
                    merge(dependent, data, check, properties, required, depth + 1);
                    Map<String, Object> branch = chosenBranch(key, list(oneOf), data, check);
                    if (branch != null) {
                        merge(branch, data, check, properties, required, depth + 1);
                    }
                }
            }
        }
    }

    /** The one {@code oneOf} branch whose {@code properties.<key>} accepts the key's value; null when not exactly one. */
    private static Map<String, Object> chosenBranch(String key, List<Map<String, Object>> branches,
            Map<String, Object> data, SchemaCheck check) {
        List<Map<String, Object>> matching = new ArrayList<>();
        for (Map<String, Object> branch : branches) {
            Map<String, Map<String, Object>> props = maps(branch.get("properties"));
            if (props.get(key) != null && check.matches(Map.of("type", "object", "properties", Map.of(key, props.get(key)),
                    "required", List.of(key)), data)) {
                matching.add(branch);
            }
        }
        return matching.size() == 1 ? matching.get(0) : null;
    }

    private static void collect(Map<String, Object> schema, Map<String, Map<String, Object>> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        maps(schema.get("properties")).forEach(out::putIfAbsent);
        for (String key : List.of("oneOf", "anyOf", "allOf")) {
            list(schema.get(key)).forEach(s -> collect(s, out, depth + 1));
        }
        for (String key : List.of("then", "else")) {
            if (schema.get(key) instanceof Map<?, ?> branch) {
                collect(map(branch), out, depth + 1);
            }
        }
        if (schema.get("dependencies") instanceof Map<?, ?> dependencies) {
            for (Object dependent : dependencies.values()) {
                if (dependent instanceof Map<?, ?> d) {
                    collect(map(d), out, depth + 1);
                }
            }
        }
    }

    private static void controlling(Map<String, Object> schema, Set<String> out, int depth) {
        if (depth > MAX_DEPTH) {
            return;
        }
        if (schema.get("dependencies") instanceof Map<?, ?> dependencies) {
            dependencies.keySet().forEach(k -> out.add(String.valueOf(k)));
            for (Object dependent : dependencies.values()) {
                if (dependent instanceof Map<?, ?> d) {
                    controlling(map(d), out, depth + 1);
                    list(map(d).get("oneOf")).forEach(b -> controlling(b, out, depth + 1));
                }
            }
        }
        if (schema.get("if") instanceof Map<?, ?> condition) {
            out.addAll(maps(map(condition).get("properties")).keySet());
            out.addAll(strings(map(condition).get("required")));
        }
        for (String key : List.of("then", "else")) {
            if (schema.get(key) instanceof Map<?, ?> branch) {
                controlling(map(branch), out, depth + 1);
            }
        }
        list(schema.get("allOf")).forEach(item -> controlling(item, out, depth + 1));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    /** A {@code properties}-like value: name to schema, entries that are not schemas skipped. */
    static Map<String, Map<String, Object>> maps(Object value) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v instanceof Map<?, ?> schema) {
                    out.put(String.valueOf(k), map(schema));
                }
            });
        }
        return out;
    }

    private static List<Map<String, Object>> list(Object value) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (value instanceof List<?> l) {
            l.stream().filter(Map.class::isInstance).forEach(item -> out.add(map((Map<?, ?>) item)));
        }
        return out;
    }

    static List<String> strings(Object value) {
        return value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }
}

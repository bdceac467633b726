package dev.backlot.scaffolder.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs a dry-run gives a step it skipped, made from the action's output JSON Schema the way
 * Backstage does, so that later steps and the template's {@code output} still render: a schema's
 * first {@code examples} value, else its {@code default}, else a placeholder of its {@code type}
 * ({@code "<example>"}, {@code 0}, {@code false}, a list of one stand-in for its {@code items}, an
 * object of stand-ins for its {@code properties}; {@code "<unknown>"} for anything else).
 */
final class DryRunOutputs {

    /** Deeper schemas than this get {@code "<unknown>"}: a recursive schema must not loop. */
    private static final int MAX_DEPTH = 10;

    private DryRunOutputs() {
    }

    /** The stand-in outputs of a skipped step: the object made from the schema, or none. */
    static Map<String, Object> from(Map<String, Object> outputSchema) {
        Object made = standIn(outputSchema, 0);
        Map<String, Object> out = new LinkedHashMap<>();
        if (made instanceof Map<?, ?> map) {
            map.forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return out;
    }

    static Object standIn(Object schema, int depth) {
        if (!(schema instanceof Map<?, ?> s) || depth > MAX_DEPTH) {
            return "<unknown>";
        }
        if (s.get("examples") instanceof List<?> examples && !examples.isEmpty()) {
            return examples.get(0);
        }
        if (s.containsKey("default")) {
            return s.get("default");
        }
        Object type = s.get("type");
        if (type instanceof List<?> types && !types.isEmpty()) {
            type = types.get(0);
        }
        if (type == null && s.get("properties") instanceof Map<?, ?>) {
            type = "object";
        }
        switch (String.valueOf(type)) {
            case "object" -> {
                Map<String, Object> out = new LinkedHashMap<>();
                if (s.get("properties") instanceof Map<?, ?> properties) {
                    properties.forEach((k, v) -> out.put(String.valueOf(k), standIn(v, depth + 1)));
                }
                return out;
            }
            case "array" -> {
                List<Object> out = new ArrayList<>();
                Object items = s.get("items");
                if (items instanceof List<?> tuple && !tuple.isEmpty()) {
                    items = tuple.get(0);
                }
                if (items instanceof Map<?, ?>) {
                    out.add(standIn(items, depth + 1));
                }
                return out;
            }
            case "string" -> {
                return "<example>";
            }
            case "number", "integer" -> {
                return 0;
            }
            case "boolean" -> {
                return false;
            }
            default -> {
                return "<unknown>";
            }
        }
    }
}

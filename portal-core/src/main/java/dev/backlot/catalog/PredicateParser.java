package dev.backlot.catalog;

import dev.backlot.catalog.EntityPredicate.All;
import dev.backlot.catalog.EntityPredicate.Any;
import dev.backlot.catalog.EntityPredicate.Contains;
import dev.backlot.catalog.EntityPredicate.Equals;
import dev.backlot.catalog.EntityPredicate.Exists;
import dev.backlot.catalog.EntityPredicate.Field;
import dev.backlot.catalog.EntityPredicate.HasPrefix;
import dev.backlot.catalog.EntityPredicate.In;
import dev.backlot.catalog.EntityPredicate.Match;
import dev.backlot.catalog.EntityPredicate.Not;
import dev.backlot.catalog.EntityPredicate.Value;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@link EntityPredicate#parse}: the grammar of {@code @backstage/filter-predicates}' schema, with
 * each error located by a path from the root ({@code query.$all[1]["spec.type"].$in[0]}). One
 * instance per parse: it counts the nodes seen.
 */
final class PredicateParser {

    private int nodes;

    /** A predicate: an object of field paths, or one of {@code $all}, {@code $any}, {@code $not}. */
    EntityPredicate predicate(Object node, String where, int depth) {
        return predicate(node, where, depth, false);
    }

    /**
     * @param element whether this is the operand of {@code $contains}, where a bare value (a list
     *     element such as a tag) is also a predicate
     */
    private EntityPredicate predicate(Object node, String where, int depth, boolean element) {
        count(where, depth);
        if (element && isPrimitive(node)) {
            return new Value(text(node));
        }
        if (!(node instanceof Map<?, ?> map)) {
            throw invalid(where, element ? "expected a value or a predicate object, got " + describe(node)
                    : "a predicate must be an object such as {\"kind\": \"component\"}, got " + describe(node));
        }
        for (String logical : List.of("$all", "$any", "$not")) {
            if (map.containsKey(logical)) {
                if (map.size() != 1) {
                    throw invalid(where, logical + " must be the only key of its object; wrap several conditions in $all");
                }
                return logical(logical, map.get(logical), where + "." + logical, depth + 1, element);
            }
        }
        List<EntityPredicate> fields = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (key.startsWith("$")) {
                throw new IllegalArgumentException("Unknown operator '" + key + "' at " + where
                        + ": a predicate's operators are $all, $any and $not, its other keys are field paths");
            }
            if (key.isBlank()) {
                throw invalid(where, "a field path must not be empty");
            }
            String at = where + "[\"" + key + "\"]";
            fields.add(new Field(key, match(e.getValue(), at, depth + 1)));
        }
        return fields.size() == 1 ? fields.get(0) : new All(fields);
    }

    private EntityPredicate logical(String operator, Object operand, String where, int depth, boolean element) {
        if (operator.equals("$not")) {
            return new Not(predicate(operand, where, depth, element));
        }
        if (!(operand instanceof List<?> list)) {
            throw invalid(where, operator + " must be a list of predicates, got " + describe(operand));
        }
        count(where, depth);
        List<EntityPredicate> parts = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            parts.add(predicate(list.get(i), where + "[" + i + "]", depth + 1, element));
        }
        return operator.equals("$all") ? new All(parts) : new Any(parts);
    }

    /** A field's value: a primitive (equality) or an object with one value operator. */
    private Match match(Object node, String where, int depth) {
        count(where, depth);
        if (isPrimitive(node)) {
            return new Equals(text(node));
        }
        if (node == null) {
            throw invalid(where, "null equals nothing; use {\"$exists\": false} for a missing value");
        }
        if (node instanceof List<?>) {
            throw invalid(where, "a list is not a value; use {\"$in\": [...]} for any of several values");
        }
        Map<?, ?> map = (Map<?, ?>) node;
        if (map.size() != 1 || !String.valueOf(map.keySet().iterator().next()).startsWith("$")) {
            throw invalid(where, "expected a string, number, boolean or an object with one of $exists, $in, $hasPrefix"
                    + " or $contains, got " + describe(node) + " (nested fields are written as one dot path, e.g. \"spec.type\")");
        }
        String operator = String.valueOf(map.keySet().iterator().next());
        Object operand = map.get(operator);
        String at = where + "." + operator;
        switch (operator) {
            case "$exists" -> {
                if (!(operand instanceof Boolean b)) {
                    throw invalid(at, "$exists takes true or false, got " + describe(operand));
                }
                return new Exists(b);
            }
            case "$in" -> {
                if (!(operand instanceof List<?> list)) {
                    throw invalid(at, "$in takes a list of strings, numbers or booleans, got " + describe(operand));
                }
                List<String> values = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    count(at, depth + 1);
                    if (!isPrimitive(list.get(i))) {
                        throw invalid(at + "[" + i + "]", "$in takes strings, numbers or booleans, got " + describe(list.get(i)));
                    }
                    values.add(text(list.get(i)));
                }
                return new In(values);
            }
            case "$hasPrefix" -> {
                if (!(operand instanceof String prefix)) {
                    throw invalid(at, "$hasPrefix takes a string, got " + describe(operand));
                }
                return new HasPrefix(prefix);
            }
            case "$contains" -> {
                return new Contains(predicate(operand, at, depth + 1, true));
            }
            default -> throw new IllegalArgumentException("Unknown operator '" + operator + "' at " + where
                    + ": a value's operators are $exists, $in, $hasPrefix and $contains");
        }
    }

    private void count(String where, int depth) {
        if (depth > EntityPredicate.MAX_DEPTH) {
            throw new IllegalArgumentException("The query is nested deeper than " + EntityPredicate.MAX_DEPTH
                    + " levels (at " + where + ")");
        }
        if (++nodes > EntityPredicate.MAX_NODES) {
            throw new IllegalArgumentException("The query has more than " + EntityPredicate.MAX_NODES
                    + " parts (at " + where + "); split it into several queries");
        }
    }

    private static boolean isPrimitive(Object node) {
        return node instanceof String || node instanceof Number || node instanceof Boolean;
    }

    /** A primitive as the catalog compares it: numbers as JavaScript's {@code String(n)} prints them. */
    static String text(Object primitive) {
        if (primitive instanceof Double || primitive instanceof Float || primitive instanceof BigDecimal) {
            BigDecimal d = new BigDecimal(primitive.toString());
            if (d.signum() == 0) {
                return "0";
            }
            if (d.abs().compareTo(BigDecimal.valueOf(1e21)) < 0) {
                return d.stripTrailingZeros().toPlainString();
            }
        }
        return String.valueOf(primitive);
    }

    private static String describe(Object node) {
        if (node == null) {
            return "null";
        }
        if (node instanceof Map<?, ?> map) {
            return map.isEmpty() ? "an empty object" : "an object with keys " + map.keySet();
        }
        if (node instanceof List<?>) {
            return "a list";
        }
        return node instanceof String s ? "\"" + s + "\"" : String.valueOf(node);
    }

    private static IllegalArgumentException invalid(String where, String message) {
        return new IllegalArgumentException("Invalid query at " + where + ": " + message);
    }
}

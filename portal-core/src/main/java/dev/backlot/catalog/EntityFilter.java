package dev.backlot.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A catalog filter in Backstage's query syntax.
 *
 * <p>Each {@code filter} parameter is one alternative: comma-separated statements that must all
 * hold. Several parameters are alternatives (OR). A statement is {@code key=value} (case-insensitive
 * equality), or {@code key} alone (the field exists); the same key twice in one parameter means any
 * of the values. Keys are dot paths into the entity ({@code metadata.tags}, {@code spec.owner},
 * {@code metadata.annotations.backstage.io/orphan}, {@code relations.ownedby}).
 *
 * <pre>
 * filter=kind=component,spec.type=service&amp;filter=kind=api
 * </pre>
 *
 * @param anyOf the alternatives; empty means every entity
 */
public record EntityFilter(List<List<Condition>> anyOf) {

    /** Matches every entity. */
    public static final EntityFilter ALL = new EntityFilter(List.of());

    public EntityFilter {
        anyOf = anyOf.stream().map(List::copyOf).toList();
    }

    /**
     * One key and its acceptable values.
     *
     * @param key the lower-cased dot path
     * @param values lower-cased values, any of which matches; empty means "the key exists"
     */
    public record Condition(String key, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    /**
     * Parses the {@code filter} query parameters.
     *
     * @throws IllegalArgumentException for an empty key, naming the parameter
     */
    public static EntityFilter parse(List<String> filters) {
        if (filters == null) {
            return ALL;
        }
        List<List<Condition>> alternatives = new ArrayList<>();
        for (String filter : filters) {
            if (filter == null || filter.isBlank()) {
                continue;
            }
            Map<String, List<String>> byKey = new LinkedHashMap<>();
            for (String statement : filter.split(",")) {
                String s = statement.trim();
                if (s.isEmpty()) {
                    continue;
                }
                int eq = s.indexOf('=');
                String key = (eq < 0 ? s : s.substring(0, eq)).trim().toLowerCase(Locale.ROOT);
                if (key.isEmpty()) {
                    throw new IllegalArgumentException("Invalid filter '" + filter + "': a statement has no key");
                }
                List<String> values = byKey.computeIfAbsent(key, k -> new ArrayList<>());
                if (eq >= 0) {
                    values.add(s.substring(eq + 1).trim().toLowerCase(Locale.ROOT));
                }
            }
            if (!byKey.isEmpty()) {
                alternatives.add(byKey.entrySet().stream().map(e -> new Condition(e.getKey(), e.getValue())).toList());
            }
        }
        return new EntityFilter(alternatives);
    }

    /** This filter AND {@code other}: every alternative of one combined with every alternative of the other. */
    public EntityFilter and(EntityFilter other) {
        if (anyOf.isEmpty()) {
            return other;
        }
        if (other.anyOf.isEmpty()) {
            return this;
        }
        List<List<Condition>> out = new ArrayList<>();
        for (List<Condition> a : anyOf) {
            for (List<Condition> b : other.anyOf) {
                List<Condition> both = new ArrayList<>(a);
                both.addAll(b);
                out.add(both);
            }
        }
        return new EntityFilter(out);
    }
}

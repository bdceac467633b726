package dev.backlot.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A catalog filter in Backstage's predicate language ({@code @backstage/filter-predicates}), the
 * {@code query} of {@code POST /entities/by-query}, {@code POST /entity-facets} and
 * {@code POST /entities/by-refs}.
 *
 * <pre>
 * {"$all": [
 *   {"kind": "component", "spec.type": {"$in": ["service", "website"]}},
 *   {"$not": {"spec.lifecycle": "experimental"}},
 *   {"metadata.tags": {"$contains": "java"}},
 *   {"relations.ownedBy": "group:default/payments"}
 * ]}
 * </pre>
 *
 * <p>Keys are dot paths into the entity, matched as the {@code filter} parameter matches them
 * ({@link EntityFilter}): against the catalog's flattened search rows, case-insensitively, with a
 * list matching when any of its elements does ({@code "metadata.tags": "java"}), and relations under
 * {@code relations.<type>} with the target reference as value. Several keys in one object must all
 * hold. Values are strings, numbers or booleans, compared as lower-cased strings (numbers as
 * JavaScript prints them: {@code 7}, {@code 7.5}). As in Backstage's catalog, only leaves exist: an
 * object ({@code metadata.annotations}) has no value of its own, and a value longer than 200
 * characters exists but equals nothing.
 *
 * <p>{@code $contains} matches a list with an element that satisfies the inner predicate: a value
 * ({@code "java"}), an object with one key ({@code {"url": "https://..."}}), or {@code $any} of those.
 * Because list elements are indexed field by field, one element cannot be tested against several
 * conditions at once, with one exception: a relation, {@code "relations": {"$contains": {"type":
 * "ownedBy", "targetRef": "group:default/a"}}}. The catalog refuses the rest with an
 * {@link IllegalArgumentException} when the query runs, and cannot tell a single value from a list
 * of one.
 *
 * <p>Instances are immutable; {@link #parse} builds them from a JSON tree and {@link #of(EntityFilter)}
 * from a {@code filter}, so that both forms can be combined.
 */
public sealed interface EntityPredicate {

    /** Matches every entity: {@code {}} or {@code {"$all": []}}. */
    EntityPredicate ALL = new All(List.of());

    /** The deepest nesting of objects and lists {@link #parse} accepts. */
    int MAX_DEPTH = 32;

    /** The most values (objects, lists, keys' values and list items) {@link #parse} accepts. */
    int MAX_NODES = 1000;

    /** Every predicate holds; none at all matches everything. */
    record All(List<EntityPredicate> predicates) implements EntityPredicate {
        public All {
            predicates = List.copyOf(predicates);
        }
    }

    /** At least one predicate holds; none at all matches nothing. */
    record Any(List<EntityPredicate> predicates) implements EntityPredicate {
        public Any {
            predicates = List.copyOf(predicates);
        }
    }

    /** The predicate does not hold. */
    record Not(EntityPredicate predicate) implements EntityPredicate {
    }

    /**
     * The value at a dot path satisfies a match.
     *
     * @param path the lower-cased dot path, e.g. {@code spec.type}
     */
    record Field(String path, Match match) implements EntityPredicate {
        public Field {
            path = path.toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The value itself equals {@code value}: a list element such as the {@code "java"} of
     * {@code {"metadata.tags": {"$contains": "java"}}}. Only meaningful inside {@link Contains}.
     */
    record Value(String value) implements EntityPredicate {
    }

    /** What the value at a path must satisfy. */
    sealed interface Match {
    }

    /** Equal, ignoring case. */
    record Equals(String value) implements Match {
    }

    /** Equal to one of the values, ignoring case; none at all matches nothing. */
    record In(List<String> values) implements Match {
        public In {
            values = List.copyOf(values);
        }
    }

    /** The path has a value ({@code true}) or has none ({@code false}). */
    record Exists(boolean exists) implements Match {
    }

    /** A string starting with the prefix, ignoring case. */
    record HasPrefix(String prefix) implements Match {
    }

    /** A list with an element that satisfies {@code element}; see the class comment for its limits. */
    record Contains(EntityPredicate element) implements Match {
    }

    /**
     * Reads a predicate from a JSON tree (maps, lists, strings, numbers, booleans), as Jackson or
     * a JSON-P reader hands it over.
     *
     * @param tree the {@code query} object; {@code null} matches everything
     * @throws IllegalArgumentException with a message that says what is wrong and where, as a path
     *     from {@code query} (e.g. {@code Unknown operator '$regex' at query.$all[1]["spec.type"]}),
     *     and when the tree is deeper than {@value #MAX_DEPTH} or larger than {@value #MAX_NODES}
     */
    static EntityPredicate parse(Object tree) {
        return tree == null ? ALL : new PredicateParser().predicate(tree, "query", 1);
    }

    /**
     * The same entities as a {@code filter}: its alternatives under {@link Any}, each one's
     * statements under {@link All}; a key alone becomes {@code $exists}, several values {@code $in}.
     */
    static EntityPredicate of(EntityFilter filter) {
        if (filter.anyOf().isEmpty()) {
            return ALL;
        }
        List<EntityPredicate> alternatives = new ArrayList<>();
        for (List<EntityFilter.Condition> conditions : filter.anyOf()) {
            List<EntityPredicate> all = new ArrayList<>();
            for (EntityFilter.Condition c : conditions) {
                Match match = c.values().isEmpty() ? new Exists(true)
                        : c.values().size() == 1 ? new Equals(c.values().get(0)) : new In(c.values());
                all.add(new Field(c.key(), match));
            }
            alternatives.add(all.size() == 1 ? all.get(0) : new All(all));
        }
        return alternatives.size() == 1 ? alternatives.get(0) : new Any(alternatives);
    }

    /** Both predicates, without nesting when either matches everything. */
    static EntityPredicate and(EntityPredicate a, EntityPredicate b) {
        if (ALL.equals(a)) {
            return b;
        }
        return ALL.equals(b) ? a : new All(List.of(a, b));
    }
}

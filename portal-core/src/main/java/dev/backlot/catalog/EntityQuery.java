package dev.backlot.catalog;

import java.util.List;

/**
 * What to list: a filter, an order, a window, an optional text filter and an optional predicate.
 *
 * @param filter which entities, in the {@code filter} parameter's syntax
 * @param order sort keys; ties are broken by kind, then namespace, then name
 * @param offset how many to skip
 * @param limit at most how many to return
 * @param fullTextTerm case-insensitive substring to look for, or {@code null}
 * @param fullTextFields the fields to look in; empty means the first sort field, else {@code metadata.name}
 * @param predicate which entities, in Backstage's predicate language; must hold as well as {@code filter}
 */
public record EntityQuery(EntityFilter filter, List<EntityOrder> order, int offset, int limit, String fullTextTerm,
        List<String> fullTextFields, EntityPredicate predicate) {

    /** The largest page the catalog returns at once. */
    public static final int MAX_LIMIT = 10_000;

    public EntityQuery {
        filter = filter == null ? EntityFilter.ALL : filter;
        predicate = predicate == null ? EntityPredicate.ALL : predicate;
        order = order == null ? List.of() : List.copyOf(order);
        fullTextFields = fullTextFields == null ? List.of() : fullTextFields.stream().map(String::toLowerCase).toList();
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, was " + offset);
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative, was " + limit);
        }
        limit = Math.min(limit, MAX_LIMIT);
    }

    /** A query without a predicate. */
    public EntityQuery(EntityFilter filter, List<EntityOrder> order, int offset, int limit, String fullTextTerm,
            List<String> fullTextFields) {
        this(filter, order, offset, limit, fullTextTerm, fullTextFields, EntityPredicate.ALL);
    }

    public static EntityQuery all() {
        return new EntityQuery(EntityFilter.ALL, List.of(), 0, MAX_LIMIT, null, List.of());
    }
}

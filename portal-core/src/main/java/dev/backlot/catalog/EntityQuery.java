package dev.backlot.catalog;

import java.util.List;

/**
 * What to list: a filter, an order, a window and an optional text filter.
 *
 * @param filter which entities
 * @param order sort keys; ties are broken by entity reference
 * @param offset how many to skip
 * @param limit at most how many to return
 * @param fullTextTerm case-insensitive substring to look for, or {@code null}
 * @param fullTextFields the fields to look in; empty means the first sort field, else {@code metadata.name}
 */
public record EntityQuery(EntityFilter filter, List<EntityOrder> order, int offset, int limit, String fullTextTerm,
        List<String> fullTextFields) {

    /** The largest page the catalog returns at once. */
    public static final int MAX_LIMIT = 10_000;

    public EntityQuery {
        filter = filter == null ? EntityFilter.ALL : filter;
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

    public static EntityQuery all() {
        return new EntityQuery(EntityFilter.ALL, List.of(), 0, MAX_LIMIT, null, List.of());
    }
}

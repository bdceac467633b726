package dev.backlot.catalog.internal;

import dev.backlot.catalog.EntityFilter;
import dev.backlot.catalog.EntityOrder;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Translates filters, text search and ordering into SQL over {@code catalog_entity e} and the
 * {@code catalog_search} rows. Values are always bound parameters, never concatenated.
 */
final class QuerySql {

    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();

    /**
     * {@code WHERE ...} for a filter and an optional text term. Every committed entity row is
     * stitched (stitching runs in the transaction that writes it), so no test on final_json is needed.
     */
    QuerySql where(EntityFilter filter, String fullTextTerm, List<String> fullTextFields, List<EntityOrder> order) {
        sql.append(" WHERE 1=1");
        // A filter is a predicate in Backstage's older syntax: one translation serves both.
        and(EntityPredicate.of(filter));
        if (fullTextTerm != null && !fullTextTerm.isBlank()) {
            List<String> fields = !fullTextFields.isEmpty() ? fullTextFields
                    : List.of(order.isEmpty() ? "metadata.name" : order.get(0).field());
            sql.append(" AND e.uid IN (SELECT s.entity_uid FROM catalog_search s WHERE s.skey IN (")
                    .append(String.join(",", fields.stream().map(f -> "?").toList()))
                    .append(") AND s.svalue LIKE ? ESCAPE '!')");
            params.addAll(fields);
            params.add("%" + fullTextTerm.trim().toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        return this;
    }

    /** {@code AND <predicate>} after {@link #where}; see {@link PredicateSql}. */
    QuerySql and(EntityPredicate predicate) {
        new PredicateSql(sql, params).and(predicate);
        return this;
    }

    /**
     * {@code ORDER BY ...}, ties broken by kind, namespace and name (the parts of the entity
     * reference, compared one by one) so that paging is stable.
     *
     * <p>When {@code filter} admits one kind only, the order starts with kind: the same for every
     * row, it changes nothing, but it lets the database read the {@code (kind, namespace, name)}
     * and {@code (kind, name, namespace)} indexes in order and stop at the page, where it would
     * otherwise sort every matching entity (H2 only sees an index order that starts at its first
     * column).
     */
    QuerySql orderBy(List<EntityOrder> order, EntityFilter filter) {
        sql.append(" ORDER BY ");
        java.util.Set<String> used = new java.util.HashSet<>();
        if (oneKind(filter)) {
            sql.append("e.kind ASC, ");
            used.add("e.kind");
        }
        for (EntityOrder o : order) {
            String column = column(o.field());
            if (column == null) {
                sql.append("(SELECT MIN(s.svalue) FROM catalog_search s WHERE s.entity_uid = e.uid AND s.skey = ?)");
                params.add(o.field());
            } else if (!used.add(column)) {
                continue; // ordering twice by a column changes nothing
            } else {
                sql.append(column);
            }
            sql.append(o.ascending() ? " ASC" : " DESC").append(", ");
        }
        for (String column : List.of("e.kind", "e.namespace", "e.name")) {
            if (used.add(column)) {
                sql.append(column).append(" ASC, ");
            }
        }
        sql.setLength(sql.length() - 2);
        return this;
    }

    /** The entity column that holds a field, for kind, namespace and name; else null (search rows). */
    static String column(String field) {
        return switch (field) {
            case "kind" -> "e.kind";
            case "metadata.namespace" -> "e.namespace";
            case "metadata.name" -> "e.name";
            default -> null;
        };
    }

    /** Whether every alternative of the filter requires the same single kind. */
    private static boolean oneKind(EntityFilter filter) {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        for (List<EntityFilter.Condition> alternative : filter.anyOf()) {
            List<String> values = alternative.stream().filter(c -> c.key().equals("kind") && c.values().size() == 1)
                    .map(c -> c.values().get(0)).toList();
            if (values.isEmpty()) {
                return false;
            }
            kinds.addAll(values);
        }
        return kinds.size() == 1;
    }

    QuerySql window(EntityQuery query) {
        sql.append(" LIMIT ? OFFSET ?");
        params.add(query.limit());
        params.add(query.offset());
        return this;
    }

    static String placeholders(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }
}

package dev.backlot.catalog.internal;

import dev.backlot.catalog.EntityPredicate;
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
import java.util.List;
import java.util.Locale;

/**
 * Translates an {@link EntityPredicate} into a condition on {@code catalog_entity e}, as Backstage's
 * catalog does: each field test is {@code e.uid IN (SELECT entity_uid FROM catalog_search ...)}, so
 * that {@code $not} and {@code $exists: false} are plain {@code NOT}s (no NULL can reach them:
 * {@code entity_uid} and the kind, namespace and name columns are NOT NULL). Values are bound.
 *
 * <p>{@code $contains} becomes one subquery whose condition is on a single search row, which is why
 * an element can be tested against one field only: elements are flattened field by field and their
 * rows carry no element number. Relations are the exception, since type and target share one row
 * ({@code relations.<type>} = target).
 */
final class PredicateSql {

    private static final String IN_ROWS = "e.uid IN (SELECT s.entity_uid FROM catalog_search s WHERE ";

    private final StringBuilder sql;
    private final List<Object> params;

    PredicateSql(StringBuilder sql, List<Object> params) {
        this.sql = sql;
        this.params = params;
    }

    /** Appends {@code AND <condition>}, or nothing for a predicate that matches everything. */
    void and(EntityPredicate predicate) {
        if (!EntityPredicate.ALL.equals(predicate)) {
            sql.append(" AND ");
            condition(predicate);
        }
    }

    void condition(EntityPredicate predicate) {
        if (predicate instanceof All all) {
            join(all.predicates(), " AND ", "1=1");
        } else if (predicate instanceof Any any) {
            join(any.predicates(), " OR ", "1=0");
        } else if (predicate instanceof Not not) {
            sql.append("NOT (");
            condition(not.predicate());
            sql.append(')');
        } else if (predicate instanceof Field field) {
            field(field.path(), field.match());
        } else {
            throw new IllegalArgumentException("A bare value (" + ((Value) predicate).value()
                    + ") is a predicate only inside $contains");
        }
    }

    private void join(List<EntityPredicate> parts, String operator, String empty) {
        if (parts.isEmpty()) {
            sql.append(empty);
            return;
        }
        sql.append('(');
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                sql.append(operator);
            }
            condition(parts.get(i));
        }
        sql.append(')');
    }

    private void field(String path, Match match) {
        // kind, namespace and name have their own indexed, lower-cased, NOT NULL columns.
        String column = QuerySql.column(path);
        if (match instanceof Contains contains) {
            sql.append(IN_ROWS);
            row(path, contains.element());
            sql.append(')');
        } else if (match instanceof Exists exists) {
            if (column != null) {
                sql.append(exists.exists() ? "1=1" : "1=0");
            } else {
                sql.append(exists.exists() ? "" : "NOT ").append(IN_ROWS).append("s.skey = ?)");
                params.add(path);
            }
        } else if (match instanceof In in && in.values().isEmpty()) {
            sql.append("1=0");
        } else if (column != null) {
            value(column, match);
        } else {
            sql.append(IN_ROWS).append("s.skey = ? AND ");
            params.add(path);
            value("s.svalue", match);
            sql.append(')');
        }
    }

    /** {@code <column> = ?}, {@code IN (...)} or {@code LIKE ?} for an equality, a non-empty $in or $hasPrefix. */
    private void value(String column, Match match) {
        if (match instanceof Equals eq) {
            sql.append(column).append(" = ?");
            params.add(lower(eq.value()));
        } else if (match instanceof In in) {
            sql.append(column).append(" IN (").append(QuerySql.placeholders(in.values().size())).append(')');
            in.values().forEach(v -> params.add(lower(v)));
        } else if (match instanceof HasPrefix prefix) {
            sql.append(column).append(" LIKE ? ESCAPE '!'");
            params.add(likePrefix(prefix.prefix()));
        } else {
            throw new IllegalStateException(match + " is not a test of a value");
        }
    }

    /** A condition on one search row {@code s} that some element of the list at {@code path} satisfies. */
    private void row(String path, EntityPredicate element) {
        if (element instanceof Value v) {
            sql.append("(s.skey = ? AND s.svalue = ?)");
            params.add(path);
            params.add(lower(v.value()));
        } else if (element instanceof Any any) {
            if (any.predicates().isEmpty()) {
                sql.append("1=0");
                return;
            }
            sql.append('(');
            for (int i = 0; i < any.predicates().size(); i++) {
                sql.append(i > 0 ? " OR " : "");
                row(path, any.predicates().get(i));
            }
            sql.append(')');
        } else if (element instanceof Field f) {
            if (path.equals("relations")) {
                relation(List.of(f));
            } else {
                rowMatch(path, path + "." + f.path(), f.match());
            }
        } else if (element instanceof All all && all.predicates().isEmpty() && !path.equals("relations")) {
            // {} holds for any element: the list has a value, or an element with a field.
            sql.append("(s.skey = ? OR s.skey LIKE ? ESCAPE '!')");
            params.add(path);
            params.add(likePrefix(path + "."));
        } else if (path.equals("relations") && element instanceof All all
                && all.predicates().stream().allMatch(p -> p instanceof Field)) {
            relation(all.predicates().stream().map(Field.class::cast).toList());
        } else {
            throw severalConditions(path);
        }
    }

    private void rowMatch(String path, String key, Match match) {
        if (match instanceof Contains nested) {
            // A list inside a list element is flattened under the same key.
            row(key, nested.element());
            return;
        }
        if (match instanceof Exists exists) {
            if (!exists.exists()) {
                throw new IllegalArgumentException("$contains on '" + path + "': {\"$exists\": false} cannot be tested"
                        + " on one element (the catalog indexes only the fields an element has)");
            }
            sql.append("s.skey = ?");
            params.add(key);
            return;
        }
        if (match instanceof In in && in.values().isEmpty()) {
            sql.append("1=0");
            return;
        }
        sql.append("(s.skey = ? AND ");
        params.add(key);
        value("s.svalue", match);
        sql.append(')');
    }

    /** A relation: its type picks the key {@code relations.<type>}, its target is the value. */
    private void relation(List<Field> fields) {
        Match type = null;
        Match target = null;
        for (Field f : fields) {
            switch (f.path()) {
                case "type" -> type = f.match();
                case "targetref" -> target = f.match();
                default -> throw new IllegalArgumentException("$contains on 'relations': a relation can be matched on"
                        + " type and targetRef only, not on '" + f.path() + "', e.g. {\"type\": \"ownedBy\","
                        + " \"targetRef\": \"group:default/team-a\"}");
            }
        }
        sql.append('(');
        if (type instanceof Equals eq) {
            sql.append("s.skey = ?");
            params.add("relations." + lower(eq.value()));
        } else if (type instanceof In in) {
            if (in.values().isEmpty()) {
                sql.append("1=0");
            } else {
                sql.append("s.skey IN (").append(QuerySql.placeholders(in.values().size())).append(')');
                in.values().forEach(v -> params.add("relations." + lower(v)));
            }
        } else if (type instanceof HasPrefix prefix) {
            sql.append("s.skey LIKE ? ESCAPE '!'");
            params.add("relations." + likePrefix(prefix.prefix()));
        } else if (type == null || type instanceof Exists e && e.exists()) {
            sql.append("s.skey LIKE ? ESCAPE '!'");
            params.add("relations.%");
        } else {
            throw unsupportedRelationMatch("type", type);
        }
        if (target instanceof Equals || target instanceof In || target instanceof HasPrefix) {
            sql.append(" AND ");
            if (target instanceof In in && in.values().isEmpty()) {
                sql.append("1=0");
            } else {
                value("s.svalue", target);
            }
        } else if (target != null && !(target instanceof Exists e && e.exists())) {
            throw unsupportedRelationMatch("targetRef", target);
        }
        sql.append(')');
    }

    private static IllegalArgumentException unsupportedRelationMatch(String field, Match match) {
        return new IllegalArgumentException("$contains on 'relations': " + field + " can be matched by a value, $in,"
                + " $hasPrefix or {\"$exists\": true}, not by " + (match instanceof Contains ? "$contains" : "{\"$exists\": false}"));
    }

    private static IllegalArgumentException severalConditions(String path) {
        return new IllegalArgumentException("$contains on '" + path + "' cannot test one element against several"
                + " conditions ($all, $not, or an object with several keys): the catalog indexes list elements field by"
                + " field. Use one key per $contains and join them with $all or $any");
    }

    private static String lower(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String likePrefix(String prefix) {
        return lower(prefix).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}

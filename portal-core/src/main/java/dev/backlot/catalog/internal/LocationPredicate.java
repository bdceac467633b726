package dev.backlot.catalog.internal;

import dev.backlot.catalog.CatalogLocation;
import dev.backlot.catalog.EntityPredicate;
import dev.backlot.catalog.EntityPredicate.All;
import dev.backlot.catalog.EntityPredicate.Any;
import dev.backlot.catalog.EntityPredicate.Equals;
import dev.backlot.catalog.EntityPredicate.Exists;
import dev.backlot.catalog.EntityPredicate.Field;
import dev.backlot.catalog.EntityPredicate.HasPrefix;
import dev.backlot.catalog.EntityPredicate.In;
import dev.backlot.catalog.EntityPredicate.Match;
import dev.backlot.catalog.EntityPredicate.Not;
import java.util.List;

/**
 * An {@link EntityPredicate} over the four fields of a registered location, evaluated in memory:
 * there are at most a few thousand locations, and case-insensitive prefix tests on a 4000-character
 * target have no index to use anyway. The rules are those of Backstage's location query (see
 * {@code CatalogService#locations(EntityPredicate, String, int)}).
 */
final class LocationPredicate {

    private static final List<String> FIELDS = List.of("id", "type", "target", "entityref");

    private final EntityPredicate predicate;

    private LocationPredicate(EntityPredicate predicate) {
        this.predicate = predicate;
    }

    /** @throws IllegalArgumentException naming the first path that is not a location field */
    static LocationPredicate of(EntityPredicate predicate) {
        check(predicate);
        return new LocationPredicate(predicate);
    }

    boolean matches(CatalogLocation location) {
        return matches(predicate, location);
    }

    // Checked before any location is looked at, so that a wrong path is refused also when no
    // location would have reached it. A Value (only inside $contains) needs no check: $contains
    // matches no location field, whatever it holds.
    private static void check(EntityPredicate p) {
        if (p instanceof All all) {
            all.predicates().forEach(LocationPredicate::check);
        } else if (p instanceof Any any) {
            any.predicates().forEach(LocationPredicate::check);
        } else if (p instanceof Not not) {
            check(not.predicate());
        } else if (p instanceof Field field && !FIELDS.contains(field.path())) {
            throw new IllegalArgumentException("Locations can be queried by id, type, target and entityRef, not by '"
                    + field.path() + "'");
        }
    }

    private static boolean matches(EntityPredicate p, CatalogLocation location) {
        if (p instanceof All all) {
            return all.predicates().stream().allMatch(q -> matches(q, location));
        }
        if (p instanceof Any any) {
            return any.predicates().stream().anyMatch(q -> matches(q, location));
        }
        if (p instanceof Not not) {
            return !matches(not.predicate(), location);
        }
        return p instanceof Field field && matches(field, location);
    }

    private static boolean matches(Field field, CatalogLocation location) {
        String value = switch (field.path()) {
            case "id" -> location.id();
            case "type" -> location.type();
            case "target" -> location.target();
            default -> location.entityRef();
        };
        Match match = field.match();
        if (match instanceof Equals equals) {
            return value.equalsIgnoreCase(equals.value());
        }
        if (match instanceof In in) {
            // Ids are compared exactly, as in Backstage's query (a UUID has one spelling).
            return in.values().stream().anyMatch(v -> field.path().equals("id") ? value.equals(v) : value.equalsIgnoreCase(v));
        }
        if (match instanceof Exists exists) {
            return exists.exists();
        }
        if (match instanceof HasPrefix prefix) {
            return value.regionMatches(true, 0, prefix.prefix(), 0, prefix.prefix().length());
        }
        return false; // Contains: no location field is a list
    }
}

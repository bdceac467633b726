package dev.backlot.catalog;

import java.util.Locale;

/**
 * A sort key: a dot path into the entity and a direction.
 *
 * @param field e.g. {@code metadata.name}
 * @param ascending true for ascending
 */
public record EntityOrder(String field, boolean ascending) {

    public EntityOrder {
        field = field.toLowerCase(Locale.ROOT);
    }

    /** {@code asc:metadata.name} (the {@code order} parameter of {@code /entities}). */
    public static EntityOrder parsePrefixed(String value) {
        int colon = value.indexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("Invalid order '" + value + "': expected asc:<field> or desc:<field>");
        }
        return new EntityOrder(value.substring(colon + 1), direction(value.substring(0, colon), value));
    }

    /** {@code metadata.name,asc} (the {@code orderField} parameter of {@code /entities/by-query}). */
    public static EntityOrder parseSuffixed(String value) {
        int comma = value.lastIndexOf(',');
        if (comma < 0) {
            return new EntityOrder(value, true);
        }
        return new EntityOrder(value.substring(0, comma), direction(value.substring(comma + 1), value));
    }

    private static boolean direction(String word, String whole) {
        return switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "asc" -> true;
            case "desc" -> false;
            default -> throw new IllegalArgumentException("Invalid order '" + whole + "': direction must be asc or desc");
        };
    }
}

package dev.backlot.catalog;

/** One value of a facet and how many entities have it. */
public record FacetValue(String value, long count) {
}

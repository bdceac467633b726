package dev.backlot.search;

/**
 * A suggestion of the header's search box.
 *
 * @param title what to show
 * @param location where it leads
 * @param type the document type
 * @param kind the entity kind, empty when not an entity
 * @param owner the owner, empty when none
 */
public record Suggestion(String title, String location, String type, String kind, String owner) {
}

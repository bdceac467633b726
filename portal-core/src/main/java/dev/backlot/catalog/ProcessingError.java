package dev.backlot.catalog;

/**
 * A document that was rejected or an entity whose processing failed.
 *
 * @param location where it was read from, {@code type:target}
 * @param entityRef the entity's reference when known, else {@code null}
 * @param message what is wrong, in words
 */
public record ProcessingError(String location, String entityRef, String message) {
}

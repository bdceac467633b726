package dev.backlot.catalog.internal.read;

/**
 * Something a crawl could not read or accept. It concerns only the named location (or the one entity
 * the message names); the rest of the crawl went on.
 *
 * @param location the file or url the problem was found in, or the target that could not be read
 * @param message what went wrong and where, for the location's owner to read
 */
public record ReadError(LocationRef location, String message) {}

package dev.backlot.catalog.internal;

/** A stored relation: canonical source reference, type, canonical target reference. */
record Edge(String source, String type, String target) {
}

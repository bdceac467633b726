package dev.backlot.techdocs;

/** Where an entity's docs build stands. */
public enum BuildState {
    /** Never built on this node (a read or a sync starts the first build). */
    NONE,
    /** A build is queued or running; the last good site, if any, is still served. */
    BUILDING,
    /** The last build succeeded and its site is served. */
    READY,
    /** The last build failed; its log says why; the last good site, if any, is still served. */
    FAILED;

    /** The lower-case name used in the HTTP API and on pages. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

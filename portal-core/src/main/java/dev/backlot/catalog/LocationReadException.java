package dev.backlot.catalog;

/**
 * A {@link LocationReader} refused or failed a read; the message names the target and says why.
 */
public final class LocationReadException extends java.io.IOException {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;

    public LocationReadException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    /** True when the target simply does not exist (a missing file, folder, branch, HTTP 404 or 410). */
    public boolean notFound() {
        return notFound;
    }
}

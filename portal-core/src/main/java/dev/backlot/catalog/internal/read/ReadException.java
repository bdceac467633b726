package dev.backlot.catalog.internal.read;

/**
 * A location or placeholder target could not be read: refused by the {@link ReadPolicy}, missing,
 * too large, or failed in transit. The message names the target and says why.
 */
public final class ReadException extends Exception {

    private final boolean notFound;

    public ReadException(String message, boolean notFound) {
        super(message);
        this.notFound = notFound;
    }

    public ReadException(String message) {
        this(message, false);
    }

    /** True when the target simply does not exist (a missing file, HTTP 404 or 410). */
    public boolean notFound() {
        return notFound;
    }
}

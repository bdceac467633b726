package dev.backlot.plugins;

/**
 * A plugin change that was not made, with the exact reason; nothing changed, the running version
 * stays in place.
 */
public class PluginRefusedException extends RuntimeException {

    /** Why, as the deploy API maps it to a status code. */
    public enum Reason {
        /** Not a jar, corrupt, no or invalid OSGi manifest, path-traversal entries, shadows the host: 400. */
        INVALID,
        /** Larger than the configured limit: 413. */
        TOO_LARGE,
        /** Would not resolve, the same symbolic name and version already installed, nothing to roll back to: 409. */
        CONFLICT,
        /** No plugin of that symbolic name: 404. */
        NOT_FOUND
    }

    private final Reason reason;

    public PluginRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}

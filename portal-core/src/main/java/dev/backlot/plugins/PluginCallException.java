package dev.backlot.plugins;

/**
 * A guarded plugin call did not return a result: the plugin threw, hit its time limit, or was
 * stopped while the call waited. The failure is already counted against the plugin.
 */
public class PluginCallException extends Exception {

    private final String symbolicName;
    private final boolean timedOut;

    public PluginCallException(String symbolicName, String message, boolean timedOut, Throwable cause) {
        super(message, cause);
        this.symbolicName = symbolicName;
        this.timedOut = timedOut;
    }

    /** The plugin whose call failed. */
    public String symbolicName() {
        return symbolicName;
    }

    /** Whether the call hit its time limit (rather than throwing). */
    public boolean timedOut() {
        return timedOut;
    }
}

package dev.backlot.web.plugins;

/** Plugins cannot be changed right now (no database, so no desired state to record): 503. */
public class PluginsUnavailableException extends RuntimeException {

    public PluginsUnavailableException(String message) {
        super(message);
    }
}

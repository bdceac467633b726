package dev.backlot.plugins;

/**
 * Told when the services of one extension interface change, so that an engine reacts at once
 * instead of polling: a provider is connected when it appears, a collator's documents are replaced
 * when its plugin is updated. See {@link ExtensionRegistry#addListener}.
 *
 * <p>The events follow what {@link ExtensionRegistry#extensions} answers: a plugin being staged
 * beside the one it replaces is not there yet; at the switch the new revision's service is
 * {@code added} and the old one's {@code removed}. Every method defaults to doing nothing.
 *
 * <p><b>Threading:</b> called on the runtime's scheduler, one event at a time for the whole
 * registry, in order. Keep it short; hand long work to a lane of your own. An exception is logged
 * and does not stop further events.
 */
public interface ExtensionListener<S> {

    /** A service now serves (or was already serving when the listener was added). */
    default void added(Extension<S> extension) {
    }

    /** A serving service's properties changed (its ranking). */
    default void modified(Extension<S> extension) {
    }

    /**
     * A service no longer serves: its plugin was stopped, updated, rolled back or removed. The
     * object may still be called to release what it holds (e.g. {@code disconnect}), never later.
     */
    default void removed(Extension<S> extension) {
    }
}

package dev.backlot.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * The guard every call from the portal into a plugin goes through: a time limit, exceptions caught,
 * each call and failure counted against the plugin, and the call tracked as in flight so that an
 * update lets the old revision finish what it started before it is removed.
 *
 * <p>A plugin that throws, loops or blocks costs the caller at most {@code limit}; the portal and
 * the other plugins carry on.
 */
public interface PluginCalls {

    /**
     * Runs {@code call} on a separate thread and waits at most {@code limit} for it; on timeout the
     * thread is interrupted and left behind.
     *
     * @param extension the plugin service being called (names the plugin in counts and messages)
     * @param operation what is called, for messages, e.g. {@code "EntityProcessor.process"}
     * @throws PluginCallException when the call threw or timed out; the failure is already counted
     */
    <T> T call(Extension<?> extension, String operation, Duration limit, Callable<T> call) throws PluginCallException;

    /**
     * Marks a call made on the caller's own thread (e.g. rendering a plugin's Facelets fragment)
     * as in flight until the returned handle is closed, and counts it.
     */
    InFlight enter(Extension<?> extension);

    /**
     * Keeps the bundle behind {@code extension} from being removed by an update, rollback or
     * uninstall until the returned handle is closed, without counting a call: a page that looked up
     * a plugin's contribution holds it until the response is written, so that the revision it
     * started with finishes it. Removal waits for holds at most a few seconds.
     */
    InFlight hold(Extension<?> extension);

    /** Counts a failure observed outside {@link #call}, e.g. while rendering a fragment. */
    void failed(Extension<?> extension, String operation, Throwable failure);

    /** The counts of one plugin on this node, {@link PluginHealth#NONE} when it was never called. */
    PluginHealth health(String symbolicName);

    /** A call in flight on the caller's thread; close it when the call ends. */
    interface InFlight extends AutoCloseable {
        @Override
        void close();
    }
}

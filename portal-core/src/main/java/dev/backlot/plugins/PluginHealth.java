package dev.backlot.plugins;

import java.time.Instant;

/**
 * How a plugin's calls have gone since this node started: what the console shows per plugin.
 *
 * @param calls guarded calls into the plugin, finished or not
 * @param failures calls that threw, timed out or were refused
 * @param timeouts of those, the calls that hit their time limit
 * @param lastError the last failure in words ({@code "EntityProcessor.process: IllegalStateException: boom"}),
 *     {@code null} when none
 * @param lastErrorAt when the last failure happened, {@code null} when none
 */
public record PluginHealth(long calls, long failures, long timeouts, String lastError, Instant lastErrorAt) {

    /** No calls yet. */
    public static final PluginHealth NONE = new PluginHealth(0, 0, 0, null, null);
}

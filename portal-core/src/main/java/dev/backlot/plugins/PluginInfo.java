package dev.backlot.plugins;

import java.time.Instant;
import java.util.List;

/**
 * A plugin bundle as the console and {@code GET /api/admin/plugins} show it.
 *
 * @param id the framework's bundle id; {@code -1} for a jar that could not even be installed
 * @param symbolicName {@code Bundle-SymbolicName}, or {@code null} when unreadable
 * @param name {@code Bundle-Name}, falling back to the symbolic name
 * @param version {@code Bundle-Version}
 * @param state {@code ACTIVE}, {@code RESOLVED}, {@code INSTALLED}, {@code STARTING}, {@code STOPPING},
 *     {@code UNINSTALLED}, or {@code FAILED} for a jar that could not be installed
 * @param location where the bundle came from: {@code backlot:<name>...} for bundles kept in the
 *     database, a {@code file:} URI for the drop-in folder, {@code system:<file>} for the framework's own
 * @param services the portal extension interfaces (in {@code dev.backlot.spi}) it registers
 * @param problem why it is not active when it should be, in words; {@code null} when fine
 * @param contributions what it contributes, per extension kind and slot, e.g.
 *     {@code "UiContribution entity.tab hello"}, {@code "EntityProcessor"}
 * @param health its guarded calls on this node
 * @param source {@code builtin}, {@code upload}, {@code drop-in} or {@code system}
 * @param changedBy who last changed its desired state, {@code null} when not kept in the database
 * @param changedAt when, {@code null} when not kept in the database
 * @param rollbackVersion the version a rollback would bring back, {@code null} when none is kept
 */
public record PluginInfo(long id, String symbolicName, String name, String version, String state, String location,
        List<String> services, String problem, List<String> contributions, PluginHealth health, String source,
        String changedBy, Instant changedAt, String rollbackVersion) {

    public PluginInfo {
        services = List.copyOf(services);
        contributions = List.copyOf(contributions);
        health = health == null ? PluginHealth.NONE : health;
    }

    /** The framework's view only: no desired state, no health yet. */
    public PluginInfo(long id, String symbolicName, String name, String version, String state, String location,
            List<String> services, String problem) {
        this(id, symbolicName, name, version, state, location, services, problem, List.of(), PluginHealth.NONE,
                location != null && location.startsWith("file:") ? "drop-in"
                        : location != null && location.startsWith("system:") ? "system" : "builtin",
                null, null, null);
    }
}

package dev.backlot.plugins;

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
 * @param location where the bundle came from: {@code backlot:<name>} for bundles kept in the
 *     database, a {@code file:} URI for the drop-in folder, {@code system:<file>} for the framework's own
 * @param services the portal extension interfaces (in {@code dev.backlot.spi}) it registers
 * @param problem why it is not active when it should be, in words; {@code null} when fine
 */
public record PluginInfo(long id, String symbolicName, String name, String version, String state, String location,
        List<String> services, String problem) {

    public PluginInfo {
        services = List.copyOf(services);
    }
}

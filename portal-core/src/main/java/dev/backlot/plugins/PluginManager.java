package dev.backlot.plugins;

import java.util.List;
import java.util.Optional;

/**
 * Changes the desired plugin set: what the admin console and the deploy API call.
 *
 * <p>Every change is checked first (a readable jar within the size limit, a valid OSGi manifest
 * with a symbolic name, no path-traversal entry names, no {@code dev.backlot.*} or other host
 * package exported, imports the portal's exports and installed bundles satisfy). A refused change
 * throws {@link PluginRefusedException} with the exact reason and changes nothing. An accepted change
 * is stored as desired state in the database (with the jar, keeping the last few versions for
 * rollback), applied on this node, written to the audit log with actor and outcome, and the method
 * returns once the new revision serves (its extension services are registered). Other nodes on the
 * same database converge to it by themselves.
 *
 * <p>Only plugins kept in the database are managed here; drop-in folder and framework bundles are
 * listed but managed by their own means.
 */
public interface PluginManager {

    /** Every plugin, enriched with health, contributions and who changed it last. */
    List<PluginInfo> plugins();

    default Optional<PluginInfo> plugin(String symbolicName) {
        return plugins().stream().filter(p -> symbolicName.equals(p.symbolicName())).findFirst();
    }

    /** Manifest, imports, exports, kept versions and recent errors of one plugin. */
    Optional<PluginDetail> detail(String symbolicName);

    /**
     * Installs and starts a new plugin.
     *
     * @throws PluginRefusedException CONFLICT when a plugin of that symbolic name is already installed
     *     (update it instead) or its imports do not resolve
     */
    PluginInfo install(byte[] jar, String actor);

    /** Replaces a plugin with a new jar (a newer, older or the same version with other content). */
    PluginInfo update(String symbolicName, byte[] jar, String actor);

    PluginInfo start(String symbolicName, String actor);

    PluginInfo stop(String symbolicName, String actor);

    /** Goes back to the version installed before the current one. */
    PluginInfo rollback(String symbolicName, String actor);

    void uninstall(String symbolicName, String actor);
}

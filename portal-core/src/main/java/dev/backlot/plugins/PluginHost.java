package dev.backlot.plugins;

import java.util.List;
import java.util.Optional;

/**
 * The embedded plugin framework as the rest of the portal sees it: what is installed, in what state,
 * and why something failed.
 */
public interface PluginHost {

    /** Whether the framework is started. */
    boolean isRunning();

    /** Every bundle except the framework itself, in bundle-id order, then jars that failed to install. */
    List<PluginInfo> plugins();

    /** One bundle by symbolic name. */
    default Optional<PluginInfo> plugin(String symbolicName) {
        return plugins().stream().filter(p -> symbolicName.equals(p.symbolicName())).findFirst();
    }

    /** The current services of each extension kind. */
    ExtensionRegistry extensions();
}

package dev.backlot.plugins;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One plugin in depth, for the console's detail view.
 *
 * @param plugin the summary
 * @param headers the manifest's main attributes, in order
 * @param imports {@code Import-Package} clauses, one per package
 * @param exports {@code Export-Package} clauses, one per package
 * @param versions the kept versions, newest first
 * @param recentErrors the last failures of its calls on this node, newest first
 */
public record PluginDetail(PluginInfo plugin, Map<String, String> headers, List<String> imports, List<String> exports,
        List<KeptVersion> versions, List<String> recentErrors) {

    public PluginDetail {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        versions = List.copyOf(versions);
        recentErrors = List.copyOf(recentErrors);
    }

    /** A version kept in the database, current or one to roll back to. */
    public record KeptVersion(String version, String sha256, Instant installedAt, String installedBy, boolean current) {
    }
}

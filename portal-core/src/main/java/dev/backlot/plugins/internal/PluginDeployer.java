package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.PluginRefusedException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Records the built-in plugins the portal ships in the desired state, at every start.
 *
 * <p>A built-in becomes version 1 of its history when the database has no plugin of that name
 * (first start), and gets a new version appended when the shipped one is higher than the stored
 * built-in (the portal was upgraded). A plugin an admin uploaded keeps precedence over the built-in
 * of the same name, and a built-in an admin uninstalled stays uninstalled.
 */
public final class PluginDeployer {

    private static final Logger LOG = Logger.getLogger(PluginDeployer.class.getName());

    private final PluginStore store;
    private final AuditLog audit;

    PluginDeployer(PluginStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    void seed(List<BundleSource> builtins) {
        for (BundleSource builtin : builtins) {
            BundleManifest manifest = BundleManifest.read(builtin.bytes());
            String name = manifest.symbolicName();
            PluginStore.NewVersion version = new PluginStore.NewVersion(name, manifest.version().toString(),
                    PluginStore.BUILTIN, sha256(builtin.bytes()), builtin.bytes());
            Optional<PluginStore.DesiredPlugin> row = store.find(name);
            try {
                if (row.isEmpty()) {
                    store.append(version, 1, null, true, "system");
                    record("plugin.seed", name, manifest.version().toString());
                } else if (row.get().installed() && PluginStore.BUILTIN.equals(row.get().source())
                        && manifest.version().compareTo(Version.parseVersion(row.get().version())) > 0) {
                    store.append(version, row.get().lastSeq() + 1, row.get().currentSeq(), row.get().started(), "system");
                    record("plugin.upgrade", name, manifest.version().toString());
                }
            } catch (PluginRefusedException e) {
                // Another node starting at the same moment recorded it first.
                LOG.log(Level.INFO, "Built-in " + name + " was recorded concurrently: " + e.getMessage());
            }
        }
    }

    /** Installs built-ins without recording anything: the fallback when the database is unavailable. */
    public static List<String> deployTransient(FelixPluginHost host, List<BundleSource> builtins) {
        return builtins.stream().map(builtin -> {
            String name = BundleManifest.read(builtin.bytes()).symbolicName();
            host.install(LocalPlugins.location(name, 0), builtin.bytes(), true);
            return name;
        }).toList();
    }

    /** Whether every named plugin has a database-kept bundle on this node that is active and serving. */
    public static boolean allActive(FelixPluginHost host, List<String> symbolicNames) {
        return symbolicNames.stream().allMatch(name -> host.bundles().stream().anyMatch(b ->
                b.getLocation().startsWith(LocalPlugins.LOCATION_PREFIX + name + "#")
                        && b.getState() == Bundle.ACTIVE && !host.hidden().contains(b.getBundleId())));
    }

    private void record(String action, String target, String version) {
        audit.record(new AuditEntry(Instant.now(), "system", action, target, AuditEntry.SUCCESS, "version " + version));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

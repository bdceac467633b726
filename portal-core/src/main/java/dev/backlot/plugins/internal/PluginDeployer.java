package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.BundleSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/**
 * Brings the framework to the desired plugin state kept in {@code plugin_state}.
 *
 * <p>At every start: built-in bundles shipped with the portal are added to the desired state when
 * the database has none of that name (first start), or replace a stored built-in of a lower
 * version (the portal was upgraded). Then every desired bundle is installed from the jar stored in
 * the database, and started when desired. A bundle uploaded by an admin keeps precedence over the
 * built-in of the same name.
 */
public final class PluginDeployer {

    /** Locations of database-kept bundles are {@code backlot:<symbolic name>}. */
    static final String LOCATION_PREFIX = "backlot:";

    private final Database database;
    private final FelixPluginHost host;
    private final AuditLog audit;

    public PluginDeployer(Database database, FelixPluginHost host, AuditLog audit) {
        this.database = database;
        this.host = host;
        this.audit = audit;
    }

    /**
     * Records the built-ins, then installs the desired state.
     *
     * @return the symbolic names of the bundles that should now be active
     */
    public List<String> deploy(List<BundleSource> builtins) {
        List<PluginStateEntity> desired = database.transaction(em -> {
            Map<String, PluginStateEntity> rows = em
                    .createQuery("select p from PluginStateEntity p", PluginStateEntity.class).getResultList().stream()
                    .collect(Collectors.toMap(PluginStateEntity::symbolicName, Function.identity()));
            for (BundleSource builtin : builtins) {
                BundleManifest manifest = BundleManifest.read(builtin.bytes());
                PluginStateEntity row = rows.get(manifest.symbolicName());
                if (row == null) {
                    row = new PluginStateEntity(manifest.symbolicName(), PluginStateEntity.BUILTIN);
                    row.replaceJar(manifest.version().toString(), builtin.bytes(), sha256(builtin.bytes()), true, "system");
                    em.persist(row);
                    rows.put(row.symbolicName(), row);
                    record("plugin.seed", row.symbolicName(), manifest.version().toString());
                } else if (PluginStateEntity.BUILTIN.equals(row.source())
                        && manifest.version().compareTo(Version.parseVersion(row.version())) > 0) {
                    row.replaceJar(manifest.version().toString(), builtin.bytes(), sha256(builtin.bytes()), row.started(),
                            "system");
                    record("plugin.upgrade", row.symbolicName(), manifest.version().toString());
                }
            }
            return List.copyOf(rows.values());
        });
        for (PluginStateEntity row : desired) {
            host.install(LOCATION_PREFIX + row.symbolicName(), row.jar(), row.started());
        }
        return desired.stream().filter(PluginStateEntity::started).map(PluginStateEntity::symbolicName).toList();
    }

    /** Installs built-ins without recording anything: the fallback when the database is unavailable. */
    public static List<String> deployTransient(FelixPluginHost host, List<BundleSource> builtins) {
        return builtins.stream().map(builtin -> {
            String name = BundleManifest.read(builtin.bytes()).symbolicName();
            host.install(LOCATION_PREFIX + name, builtin.bytes(), true);
            return name;
        }).toList();
    }

    /** Whether every named bundle is installed from the database and active. */
    public static boolean allActive(FelixPluginHost host, List<String> symbolicNames) {
        return symbolicNames.stream().allMatch(name -> host.bundleAt(LOCATION_PREFIX + name)
                .map(b -> b.getState() == Bundle.ACTIVE).orElse(false));
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

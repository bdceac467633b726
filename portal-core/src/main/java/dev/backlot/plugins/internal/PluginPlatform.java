package dev.backlot.plugins.internal;

import dev.backlot.audit.AuditLog;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.PluginManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The database-backed plugin platform of one node, assembled: the desired state, this node's
 * bundles, the sync that follows other nodes, and the manager the console and the deploy API call.
 *
 * <p>Lifecycle: {@link #start} records the built-ins, installs the whole desired set and starts
 * polling; {@link #close} stops polling (the framework itself belongs to the caller).
 */
public final class PluginPlatform implements AutoCloseable {

    /**
     * @param maxUploadBytes the largest jar accepted ({@code PORTAL_PLUGINS_MAX_UPLOAD_BYTES})
     * @param keepVersions versions kept per plugin for rollback ({@code PORTAL_PLUGINS_KEEP_VERSIONS})
     * @param syncMs how often the desired state is polled ({@code PORTAL_PLUGINS_SYNC_MS}); 0: never
     * @param serviceWait how long a started bundle may take to register its promised services
     * @param drainWait how long a retired bundle's calls in flight are waited for
     */
    public record Settings(long maxUploadBytes, int keepVersions, long syncMs, Duration serviceWait, Duration drainWait) {

        public static Settings of(long maxUploadBytes, int keepVersions, long syncMs) {
            return new Settings(maxUploadBytes, keepVersions, syncMs, Duration.ofSeconds(10), Duration.ofSeconds(10));
        }
    }

    private final FelixPluginHost host;
    private final LocalPlugins local;
    private final PluginSync sync;
    private final DefaultPluginManager manager;
    private final List<String> startedAtStart;

    private PluginPlatform(FelixPluginHost host, LocalPlugins local, PluginSync sync, DefaultPluginManager manager,
            List<String> startedAtStart) {
        this.host = host;
        this.local = local;
        this.sync = sync;
        this.manager = manager;
        this.startedAtStart = startedAtStart;
    }

    /** Records the built-ins, brings the framework to the desired state and starts following it. */
    public static PluginPlatform start(Database database, FelixPluginHost host, AuditLog audit, Settings settings,
            List<BundleSource> builtins, ScheduledExecutorService scheduler) {
        PluginStore store = new PluginStore(database, settings.keepVersions());
        LocalPlugins local = new LocalPlugins(host, settings.serviceWait(), settings.drainWait());
        PluginSync sync = new PluginSync(store, local, audit);
        new PluginDeployer(store, audit).seed(builtins);
        List<String> started = sync.converge(false);
        PluginChecks checks = new PluginChecks(settings.maxUploadBytes(), hostPackages());
        DefaultPluginManager manager = new DefaultPluginManager(store, local, host, checks, audit, sync);
        if (settings.syncMs() > 0) {
            sync.start(settings.syncMs(), scheduler);
        }
        return new PluginPlatform(host, local, sync, manager, started);
    }

    public PluginManager manager() {
        return manager;
    }

    public PluginSync sync() {
        return sync;
    }

    /** The plugins that should run now, as this node knows it: started at start and not stopped since. */
    public List<String> expectedActive() {
        return startedAtStart.stream()
                .filter(name -> local.get(name).map(LocalPlugins.Local::started).orElse(false)).toList();
    }

    /**
     * Of {@link #expectedActive}, those with no active, serving bundle. During an update exactly one
     * of the two bundles serves at any moment, so readiness does not flicker.
     */
    public List<String> inactive() {
        return expectedActive().stream().filter(name -> !PluginDeployer.allActive(host, List.of(name))).toList();
    }

    /** The packages the portal exports to bundles, which no bundle may export again. */
    static Set<String> hostPackages() {
        return HeaderClauses.parse(HostExports.exportPackage()).stream()
                .flatMap(c -> c.paths().stream()).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        sync.close();
    }
}

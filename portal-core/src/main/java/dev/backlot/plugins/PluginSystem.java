package dev.backlot.plugins;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.common.Unavailable;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.internal.DropInFolder;
import dev.backlot.plugins.internal.FelixPluginHost;
import dev.backlot.plugins.internal.HostExports;
import dev.backlot.plugins.internal.PluginDeployer;
import dev.backlot.plugins.internal.PluginPlatform;
import dev.backlot.plugins.internal.StoppedPluginHost;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The plugin feature's factory and its running platform on this node: the embedded framework
 * ({@link #host()}), its whiteboard ({@link #extensions()}), the manager the console and deploy API
 * call ({@link #manager()}), the drop-in folder and, with a database, the desired state every node
 * converges to. Nothing here is ever {@code null}: without a database the manager refuses every
 * change as unavailable; when the framework cannot start the host lists nothing and says why.
 *
 * <p>Lifecycle: {@link #start} installs the framework's own bundles, then the desired plugins (or,
 * without a database, the built-ins for this run only), and starts watching the drop-in folder and,
 * with a database, the other nodes' changes; {@link #close} stops all of it.
 */
public final class PluginSystem implements AutoCloseable {

    /**
     * @param cacheDir the framework's cache, rebuilt at every start
     * @param dropInDir the folder whose jars are installed as they appear
     * @param dropInPollMs how often it is scanned ({@code PORTAL_PLUGINS_POLL_MS})
     * @param maxUploadBytes the largest jar accepted ({@code PORTAL_PLUGINS_MAX_UPLOAD_BYTES})
     * @param keepVersions versions kept per plugin ({@code PORTAL_PLUGINS_KEEP_VERSIONS})
     * @param syncMs how often the desired state is polled for other nodes' changes ({@code PORTAL_PLUGINS_SYNC_MS})
     */
    public record Settings(Path cacheDir, Path dropInDir, long dropInPollMs, long maxUploadBytes, int keepVersions,
            long syncMs) {

        /** The settings of the portal's configuration. */
        public static Settings of(PortalConfig config) {
            PortalConfig.Plugins plugins = config.plugins();
            return new Settings(config.felixCacheDir(), config.pluginDropInDir(), config.pluginPollMs(),
                    plugins.maxUploadBytes(), plugins.keepVersions(), plugins.syncMs());
        }
    }

    private final PluginHost host;
    private final ExtensionRegistry extensions;
    private final PluginManager manager;
    private final FelixPluginHost felix;
    private final PluginPlatform platform;
    private final DropInFolder dropIn;
    private final List<String> expectedActive;
    private final String problem;

    private PluginSystem(PluginHost host, ExtensionRegistry extensions, PluginManager manager, FelixPluginHost felix,
            PluginPlatform platform, DropInFolder dropIn, List<String> expectedActive, String problem) {
        this.host = host;
        this.extensions = extensions;
        this.manager = manager;
        this.felix = felix;
        this.platform = platform;
        this.dropIn = dropIn;
        this.expectedActive = expectedActive;
        this.problem = problem;
    }

    /**
     * Starts the platform.
     *
     * @param database the portal's database, or {@code null} when it is unavailable: the built-ins
     *     then run for this start only and the manager is unavailable
     * @param scheduler the runtime's scheduler (polling, extension events)
     * @param infrastructure the framework's own bundles (Declarative Services and its dependencies)
     * @param builtins the plugins the portal ships
     * @throws Exception when the framework itself cannot start
     */
    public static PluginSystem start(Settings settings, Database database, AuditLog audit,
            ScheduledExecutorService scheduler, List<BundleSource> infrastructure, List<BundleSource> builtins)
            throws Exception {
        FelixPluginHost felix = new FelixPluginHost(settings.cacheDir(), HostExports.exportPackage(), scheduler);
        try {
            felix.start(infrastructure);
            PluginPlatform platform = null;
            PluginManager manager;
            List<String> expected;
            if (database != null) {
                platform = PluginPlatform.start(database, felix, audit, PluginPlatform.Settings.of(settings.maxUploadBytes(),
                        settings.keepVersions(), settings.syncMs()), builtins, scheduler);
                manager = platform.manager();
                expected = platform.expectedActive();
            } else {
                manager = Unavailable.of(PluginManager.class, "plugin management",
                        "the database could not be opened; the built-in plugins run for this start only");
                expected = PluginDeployer.deployTransient(felix, builtins);
            }
            DropInFolder dropIn = new DropInFolder(settings.dropInDir(), felix, audit);
            dropIn.start(settings.dropInPollMs(), scheduler);
            audit.record(new AuditEntry(Instant.now(), "system", "portal.start", null, AuditEntry.SUCCESS,
                    "plugins: " + expected));
            return new PluginSystem(felix, felix, manager, felix, platform, dropIn, expected, null);
        } catch (Exception | LinkageError e) {
            felix.close();
            throw e;
        }
    }

    /** The platform when its framework could not start: no plugins, and the reason. */
    public static PluginSystem failed(String reason) {
        StoppedPluginHost stopped = new StoppedPluginHost(reason);
        return new PluginSystem(stopped, stopped, Unavailable.of(PluginManager.class, "the plugin framework", reason),
                null, null, null, List.of(), reason);
    }

    /** The framework: what is installed, in what state, and why something failed. */
    public PluginHost host() {
        return host;
    }

    /** The services plugins register now, for the engines. */
    public ExtensionRegistry extensions() {
        return extensions;
    }

    /** Changes to the desired plugin set; unavailable without a database. */
    public PluginManager manager() {
        return manager;
    }

    /** Why the framework is not running; empty when it runs. */
    public Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    /**
     * The plugins that should be active and are not: with a database, those started at start and
     * not stopped by an admin since; without one, the built-ins.
     */
    public List<String> inactive() {
        if (felix == null) {
            return expectedActive;
        }
        if (platform != null) {
            return platform.inactive();
        }
        return expectedActive.stream().filter(n -> !PluginDeployer.allActive(felix, List.of(n))).toList();
    }

    @Override
    public void close() {
        if (dropIn != null) {
            dropIn.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (felix != null) {
            felix.close();
        }
    }
}

package dev.backlot.runtime;

import dev.backlot.audit.AuditEntry;
import dev.backlot.audit.AuditLog;
import dev.backlot.audit.internal.AuditEntryEntity;
import dev.backlot.audit.internal.JpaAuditLog;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.internal.DefaultCatalogService;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginManager;
import dev.backlot.plugins.internal.DropInFolder;
import dev.backlot.plugins.internal.FelixPluginHost;
import dev.backlot.plugins.internal.HostExports;
import dev.backlot.plugins.internal.PluginDeployer;
import dev.backlot.plugins.internal.PluginPlatform;
import dev.backlot.security.AccountService;
import dev.backlot.security.internal.AccountEntity;
import dev.backlot.security.internal.DefaultAccountService;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The composition root of the engines: opens the database, makes sure the admin account exists,
 * starts the plugin framework, deploys the desired plugins and watches the drop-in folder.
 *
 * <p>Start never throws for a broken part: a database that cannot be reached or a plugin that does
 * not start is recorded and shown by {@link #readiness()}, and the rest of the portal comes up so
 * that an operator can see what is wrong. {@link #close()} stops everything in reverse order.
 */
public final class Portal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Portal.class.getName());

    private final PortalConfig config;
    private final Map<String, String> startProblems = new LinkedHashMap<>();
    private Database database;
    private AccountService accounts;
    private AuditLog audit;
    private FelixPluginHost host;
    private DropInFolder dropIn;
    private PluginPlatform platform;
    private DefaultCatalogService catalog;
    private List<String> expectedActive = List.of();
    private Optional<String> generatedAdminPassword = Optional.empty();

    private Portal(PortalConfig config) {
        this.config = config;
    }

    /**
     * Starts the engines.
     *
     * @param infrastructure the framework's own bundles (Declarative Services and its dependencies)
     * @param builtins the plugin bundles the portal ships, deployed at first start
     */
    public static Portal start(PortalConfig config, List<BundleSource> infrastructure, List<BundleSource> builtins) {
        Portal portal = new Portal(config);
        portal.startAll(infrastructure, builtins);
        return portal;
    }

    private void startAll(List<BundleSource> infrastructure, List<BundleSource> builtins) {
        LOG.info(() -> "Starting Backlot with " + config);
        try {
            database = Database.open(config.effectiveDbUrl(), config.dbUser().orElse(null),
                    config.dbPassword().orElse(null),
                    List.of(AuditEntryEntity.class, AccountEntity.class));
            audit = new JpaAuditLog(database);
            DefaultAccountService defaultAccounts = new DefaultAccountService(database, config.apiToken(), audit);
            generatedAdminPassword = defaultAccounts.ensureAdmin(config.adminPassword());
            accounts = defaultAccounts;
        } catch (RuntimeException e) {
            problem("database", e);
            audit = new LoggingAuditLog();
            // Without the database only the API token can sign in; it needs no table.
            accounts = new DefaultAccountService(null, config.apiToken(), audit);
        }
        try {
            host = new FelixPluginHost(config.felixCacheDir(), HostExports.exportPackage());
            host.start(infrastructure);
            if (database != null) {
                PortalConfig.Plugins settings = config.plugins();
                platform = PluginPlatform.start(database, host, audit, PluginPlatform.Settings.of(
                        settings.maxUploadBytes(), settings.keepVersions(), settings.syncMs()), builtins);
                expectedActive = platform.expectedActive();
            } else {
                expectedActive = PluginDeployer.deployTransient(host, builtins);
            }
            dropIn = new DropInFolder(config.pluginDropInDir(), host, audit);
            dropIn.start(config.pluginPollMs());
            audit.record(new AuditEntry(java.time.Instant.now(), "system", "portal.start", null, AuditEntry.SUCCESS,
                    "plugins: " + expectedActive));
        } catch (Exception e) {
            problem("plugins", e);
        }
        if (database != null) {
            try {
                catalog = new DefaultCatalogService(database, host == null ? null : host.extensions(),
                        CatalogConfiguration.settings(config));
                catalog.start();
            } catch (Exception e) {
                problem("catalog", e);
            }
        }
    }

    /** The software catalog; {@code null} when the database is unavailable. */
    public CatalogService catalog() {
        return catalog;
    }

    /** UP when migrations ran, the framework runs and every desired built-in bundle is active. */
    public Readiness readiness() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", database != null ? "UP" : startProblems.getOrDefault("database", "not opened"));
        checks.put("catalog", catalog != null ? "UP" : startProblems.getOrDefault("catalog", "not started"));
        if (host == null || !host.isRunning()) {
            checks.put("plugin-framework", startProblems.getOrDefault("plugins", "not running"));
        } else {
            checks.put("plugin-framework", "UP");
        }
        // With the database: the plugins started at start and not stopped by an admin since.
        List<String> inactive = host == null ? expectedActive : platform != null ? platform.inactive()
                : expectedActive.stream().filter(n -> !PluginDeployer.allActive(host, List.of(n))).toList();
        checks.put("default-plugins", inactive.isEmpty() ? "UP" : "not all active: " + inactive);
        return new Readiness(checks.values().stream().allMatch("UP"::equals), checks);
    }

    public PortalConfig config() {
        return config;
    }

    public PluginHost plugins() {
        return host;
    }

    /** Changes to the desired plugin set (console, deploy API); {@code null} without a database. */
    public PluginManager pluginManager() {
        return platform == null ? null : platform.manager();
    }

    public AccountService accounts() {
        return accounts;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The admin password generated at first start, to be shown once; empty on later starts. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    @Override
    public void close() {
        if (catalog != null) {
            catalog.close();
        }
        if (dropIn != null) {
            dropIn.close();
        }
        if (platform != null) {
            platform.close();
        }
        if (host != null) {
            host.close();
        }
        if (database != null) {
            database.close();
        }
    }

    private void problem(String part, Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        startProblems.put(part, message);
        LOG.log(Level.SEVERE, "Backlot " + part + " failed to start: " + message, e);
    }

    /** The audit log when there is no database: entries go to the server log only. */
    private static final class LoggingAuditLog implements AuditLog {
        @Override
        public void record(AuditEntry entry) {
            LOG.info(() -> "audit (not persisted): " + entry);
        }

        @Override
        public List<AuditEntry> recent(int limit) {
            return List.of();
        }
    }
}

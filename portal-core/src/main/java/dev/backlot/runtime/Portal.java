package dev.backlot.runtime;

import dev.backlot.audit.AuditLog;
import dev.backlot.audit.AuditLogs;
import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.Catalogs;
import dev.backlot.common.Unavailable;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.BundleSource;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginManager;
import dev.backlot.plugins.PluginSystem;
import dev.backlot.search.SearchService;
import dev.backlot.search.SearchSettings;
import dev.backlot.search.Searches;
import dev.backlot.scaffolder.ScaffolderService;
import dev.backlot.scaffolder.Scaffolders;
import dev.backlot.security.AccountService;
import dev.backlot.security.AccountServices;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.techdocs.TechDocs;
import dev.backlot.techdocs.TechDocsService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The composition root of the engines: opens the database, starts the accounts, the plugin
 * platform and the catalog, each through its feature's factory, on one scheduler.
 *
 * <p>Start never throws for a broken part, and no service it hands out is ever {@code null}: a
 * database that cannot be reached or a framework that does not start is recorded and shown by
 * {@link #readiness()}, and the services that need it answer every call with a
 * {@link dev.backlot.common.ServiceUnavailableException} saying why, so that an operator can see
 * what is wrong while the rest of the portal comes up. {@link #close()} stops everything in
 * reverse order.
 */
public final class Portal implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Portal.class.getName());
    /** The search document type of docs pages, as the TechDocs collator names it. */
    private static final String TECHDOCS_TYPE = "techdocs";

    private final PortalConfig config;
    private final Map<String, String> startProblems = new LinkedHashMap<>();
    private final RuntimeScheduler scheduler = new RuntimeScheduler();
    private final List<AutoCloseable> running = new ArrayList<>();
    private Database database;
    private AccountService accounts;
    private AuditLog audit;
    private PluginSystem plugins;
    private CatalogService catalog;
    private TechDocsService techdocs;
    private TechDocs techdocsEngine;
    private SearchService search;
    private ScaffolderService scaffolder;
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
            List<Class<?>> stored = new ArrayList<>(AuditLogs.persistentClasses());
            stored.addAll(AccountServices.persistentClasses());
            database = Database.open(config.effectiveDbUrl(), config.dbUser().orElse(null),
                    config.dbPassword().orElse(null), stored);
            running.add(database);
            audit = AuditLogs.inDatabase(database);
            AccountServices.Started started = AccountServices.inDatabase(database, config.apiToken(),
                    config.adminPassword(), audit);
            accounts = started.accounts();
            generatedAdminPassword = started.generatedAdminPassword();
        } catch (RuntimeException e) {
            problem("database", e);
            database = null;
            audit = AuditLogs.serverLogOnly();
            accounts = AccountServices.tokenOnly(config.apiToken(), audit);
        }
        try {
            plugins = PluginSystem.start(PluginSystem.Settings.of(config), database, audit, scheduler, infrastructure,
                    builtins);
        } catch (Exception | LinkageError e) {
            problem("plugins", e);
            plugins = PluginSystem.failed(startProblems.get("plugins"));
        }
        running.add(plugins);
        if (database == null) {
            catalog = Unavailable.of(CatalogService.class, "the catalog",
                    "the database could not be opened: " + startProblems.get("database"));
        } else {
            try {
                Catalogs started = Catalogs.start(database, plugins.extensions(), config, scheduler);
                running.add(started);
                catalog = started.service();
            } catch (Exception e) {
                problem("catalog", e);
                catalog = Unavailable.of(CatalogService.class, "the catalog", startProblems.get("catalog"));
            }
        }
        if (database == null) {
            scaffolder = Unavailable.of(ScaffolderService.class, "software templates",
                    "the database could not be opened: " + startProblems.get("database"));
        } else {
            try {
                Scaffolders started = Scaffolders.start(database, catalog, plugins.extensions(), config, scheduler);
                running.add(started);
                scaffolder = started.service();
            } catch (Exception e) {
                problem("scaffolder", e);
                scaffolder = Unavailable.of(ScaffolderService.class, "software templates", startProblems.get("scaffolder"));
            }
        }
        startTechDocs();
        // Search: the catalog's and the templates' collators are built in; other features add theirs here.
        List<SearchCollator> searchCollators = new ArrayList<>();
        techdocsCollator().ifPresent(searchCollators::add);
        try {
            Searches started = Searches.start(SearchSettings.fromEnvironment(), config, database, catalog,
                    plugins.extensions(), scheduler, searchCollators);
            running.add(started);
            search = started.service();
            if (techdocsEngine != null) {
                // A finished docs build changes the pages of one entity: index the docs type again.
                techdocs.addBuildListener(ref -> search.refresh(TECHDOCS_TYPE));
            }
        } catch (Exception | LinkageError e) {
            problem("search", e);
            search = Unavailable.of(SearchService.class, "search", startProblems.get("search"));
        }
    }

    private void startTechDocs() {
        if (Unavailable.is(catalog)) {
            techdocs = Unavailable.of(TechDocsService.class, "TechDocs", "the catalog is unavailable: "
                    + Unavailable.reason(catalog));
            return;
        }
        try {
            techdocsEngine = TechDocs.start(catalog, plugins.extensions(), config, scheduler);
            running.add(techdocsEngine);
            techdocs = techdocsEngine.service();
        } catch (Exception | LinkageError e) {
            problem("techdocs", e);
            techdocs = Unavailable.of(TechDocsService.class, "TechDocs", startProblems.get("techdocs"));
        }
    }

    /** TechDocs; unavailable (every call refused with the reason) when it could not start. */
    public TechDocsService techdocs() {
        return techdocs;
    }

    /**
     * The search documents of type {@code techdocs} (one per docs page and section), for the search
     * engine; empty when TechDocs could not start. Pair it with
     * {@link TechDocsService#addBuildListener} to index again after each build.
     */
    public Optional<SearchCollator> techdocsCollator() {
        return Optional.ofNullable(techdocsEngine).map(TechDocs::searchCollator);
    }

    /** Search over the catalog, templates, docs and plugins' documents; unavailable when it could not start. */
    public SearchService search() {
        return search;
    }

    /** Software templates; unavailable (every call refused with the reason) when they could not start. */
    public ScaffolderService scaffolder() {
        return scaffolder;
    }

    /** The software catalog; unavailable (every call refused with the reason) when it could not start. */
    public CatalogService catalog() {
        return catalog;
    }

    /** UP when migrations ran, the framework runs and every desired built-in bundle is active. */
    public Readiness readiness() {
        Map<String, String> checks = new LinkedHashMap<>();
        checks.put("database", database != null ? "UP" : startProblems.getOrDefault("database", "not opened"));
        checks.put("catalog", !Unavailable.is(catalog) ? "UP"
                : startProblems.getOrDefault("catalog", "not started: the database is unavailable"));
        checks.put("plugin-framework", plugins.host().isRunning() ? "UP"
                : plugins.problem().orElse("not running"));
        List<String> inactive = plugins.inactive();
        checks.put("default-plugins", inactive.isEmpty() ? "UP" : "not all active: " + inactive);
        return new Readiness(checks.values().stream().allMatch("UP"::equals), checks);
    }

    public PortalConfig config() {
        return config;
    }

    /** The plugin framework: never null; lists nothing when it could not start. */
    public PluginHost plugins() {
        return plugins.host();
    }

    /** The services plugins register, for the engines and the UI contributions. */
    public ExtensionRegistry extensions() {
        return plugins.extensions();
    }

    /** Changes to the desired plugin set (console, deploy API); unavailable without a database. */
    public PluginManager pluginManager() {
        return plugins.manager();
    }

    public AccountService accounts() {
        return accounts;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The runtime's one scheduler, for engines started after the portal (their factories take it). */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** The admin password generated at first start, to be shown once; empty on later starts. */
    public Optional<String> generatedAdminPassword() {
        return generatedAdminPassword;
    }

    @Override
    public void close() {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Stopping a part of the portal failed", e);
            }
        }
        running.clear();
        scheduler.stop();
    }

    private void problem(String part, Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        startProblems.put(part, message);
        LOG.log(Level.SEVERE, "Backlot " + part + " failed to start: " + message, e);
    }
}

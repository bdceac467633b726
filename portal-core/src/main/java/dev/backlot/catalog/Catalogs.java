package dev.backlot.catalog;

import dev.backlot.catalog.internal.CatalogConfiguration;
import dev.backlot.catalog.internal.DefaultCatalogService;
import dev.backlot.catalog.internal.read.PolicyLocationReader;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The catalog feature's factory and its running engine: the one place that wires the catalog's
 * internals (locations, processing, stitching, the file watcher, provider connections).
 *
 * <p>Lifecycle: {@link #start} registers the configured locations, queues a read of every location
 * and connects the provider plugins as they appear; {@link #close} stops it all.
 */
public final class Catalogs implements AutoCloseable {

    private final DefaultCatalogService catalog;

    private Catalogs(DefaultCatalogService catalog) {
        this.catalog = catalog;
    }

    /**
     * Starts the catalog.
     *
     * @param extensions the plugin registry (processors and providers)
     * @param scheduler the runtime's scheduler, which the catalog's background work runs on
     * @throws IOException when the sample catalog cannot be installed or the file watcher cannot start
     */
    public static Catalogs start(Database database, ExtensionRegistry extensions, PortalConfig config,
            ScheduledExecutorService scheduler) throws IOException {
        DefaultCatalogService catalog = new DefaultCatalogService(database, extensions,
                CatalogConfiguration.settings(config), scheduler);
        try {
            catalog.start();
        } catch (RuntimeException e) {
            catalog.close();
            throw e;
        }
        return new Catalogs(catalog);
    }

    /**
     * A reader of files, URLs and git folders under the catalog's read policy for this configuration
     * (file roots, url allow-list, size cap, time limit), for features that read sources beside the
     * catalog's descriptors (TechDocs, the scaffolder's fetch actions). Needs no running catalog.
     */
    public static LocationReader locationReader(PortalConfig config) {
        return new PolicyLocationReader(CatalogConfiguration.readPolicy(config));
    }

    public CatalogService service() {
        return catalog;
    }

    @Override
    public void close() {
        catalog.close();
    }
}

package dev.backlot.scaffolder;

import dev.backlot.catalog.CatalogService;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.scaffolder.internal.DefaultScaffolderService;
import dev.backlot.scaffolder.internal.ScaffolderSettings;
import java.io.IOException;
import dev.backlot.config.PortalConfig;

/**
 * The scaffolder feature's factory and its running engine: the one place that wires the task
 * store, the expression engine, the built-in actions and the worker pool.
 *
 * <p>Lifecycle: {@link #start} marks tasks that were running when the portal last stopped as failed
 * (they can be retried) and queues the open ones; {@link #close} stops the workers (a running task
 * is then found {@code processing} at the next start and marked failed).
 */
public final class Scaffolders implements AutoCloseable {

    private final DefaultScaffolderService service;

    private Scaffolders(DefaultScaffolderService service) {
        this.service = service;
    }

    /**
     * Starts the engine with settings from {@code PORTAL_SCAFFOLDER_*} (see {@link ScaffolderSettings}).
     *
     * @param config the data folder (workspaces and the secrets key live under {@code scaffolder/}, the
     *     portal's own git repositories under {@code git/}) and the port its git server answers on
     * @throws IOException when the secrets key cannot be read or made
     */
    public static Scaffolders start(Database database, CatalogService catalog, ExtensionRegistry extensions,
            PortalConfig config) throws IOException {
        String host = "0.0.0.0".equals(config.bind()) || "::".equals(config.bind()) ? "127.0.0.1" : config.bind();
        return start(database, catalog, extensions, ScaffolderSettings.from(config.dataDir(),
                "http://" + host + ":" + config.port() + "/git", ScaffolderSettings::environment));
    }

    public static Scaffolders start(Database database, CatalogService catalog, ExtensionRegistry extensions,
            ScaffolderSettings settings) throws IOException {
        DefaultScaffolderService service = new DefaultScaffolderService(database, catalog, extensions, settings);
        try {
            service.start();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return new Scaffolders(service);
    }

    public ScaffolderService service() {
        return service;
    }

    @Override
    public void close() {
        service.close();
    }
}

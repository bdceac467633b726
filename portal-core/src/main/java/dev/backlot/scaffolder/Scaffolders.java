package dev.backlot.scaffolder;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.Catalogs;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.scaffolder.internal.DefaultScaffolderService;
import dev.backlot.scaffolder.internal.NodeLiveness;
import dev.backlot.scaffolder.internal.ScaffolderSettings;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import dev.backlot.config.PortalConfig;

/**
 * The scaffolder feature's factory and its running engine: the one place that wires the task
 * store, the expression engine, the built-in actions and the worker pool.
 *
 * <p>Lifecycle: {@link #start} joins the cluster as a node, marks the tasks of nodes that are gone
 * as failed (they can be retried; the tasks of live nodes are left alone) and queues the open ones;
 * {@link #close} stops the workers and marks the node stopped (a task it was running is then failed
 * by the next node that starts or beats).
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
        return start(database, catalog, extensions, config, null);
    }

    /**
     * As {@link #start(Database, CatalogService, ExtensionRegistry, PortalConfig)}, with the node's
     * heartbeat ({@code PORTAL_SCAFFOLDER_HEARTBEAT_SECONDS}, {@code PORTAL_SCAFFOLDER_NODE_TIMEOUT_SECONDS})
     * on the runtime's scheduler.
     */
    public static Scaffolders start(Database database, CatalogService catalog, ExtensionRegistry extensions,
            PortalConfig config, ScheduledExecutorService scheduler) throws IOException {
        String host = "0.0.0.0".equals(config.bind()) || "::".equals(config.bind()) ? "127.0.0.1" : config.bind();
        ScaffolderSettings settings = ScaffolderSettings.from(config.dataDir(),
                "http://" + host + ":" + config.port() + "/git", ScaffolderSettings::environment);
        NodeLiveness liveness = NodeLiveness.from(NodeLiveness.describeThisNode(config.port()),
                ScaffolderSettings::environment);
        return start(new DefaultScaffolderService(database, catalog, extensions, settings, liveness, scheduler,
                System::currentTimeMillis, Catalogs.locationReader(config)));
    }

    public static Scaffolders start(Database database, CatalogService catalog, ExtensionRegistry extensions,
            ScaffolderSettings settings) throws IOException {
        return start(new DefaultScaffolderService(database, catalog, extensions, settings));
    }

    private static Scaffolders start(DefaultScaffolderService service) {
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

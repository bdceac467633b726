package dev.backlot.catalog.internal;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.spi.catalog.EntityProvider;
import dev.backlot.spi.catalog.EntityProviderConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects {@link EntityProvider} plugins the moment they appear on the whiteboard and cuts them
 * off (calling their {@code disconnect}) when they go: the registry pushes the changes
 * ({@link ExtensionListener}), nothing polls. A provider that leaves takes its entities with it
 * (Backstage's default for providers that are no longer installed); when it comes back it pushes
 * them again.
 *
 * <p>Calls into providers ({@code name}, {@code connect}, {@code disconnect}) go through the
 * registry's guard, so a provider that blocks costs the catalog at most {@link #CALL_LIMIT}.
 *
 * <p>When a plugin is updated, the registry tells of the new revision's provider (same name, new
 * bundle) before the old one's removal; the entities stay, because the source is removed only when
 * no connected provider of that name is left.
 */
final class ProviderConnections implements ExtensionListener<EntityProvider>, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProviderConnections.class.getName());
    static final Duration CALL_LIMIT = Duration.ofSeconds(10);

    private final ExtensionRegistry registry;
    private final CatalogEngine engine;
    /** Connections by provider service object. */
    private final Map<EntityProvider, Connection> connected = new IdentityHashMap<>();
    private final ExtensionRegistry.Subscription subscription;

    ProviderConnections(ExtensionRegistry registry, CatalogEngine engine) {
        this.registry = registry;
        this.engine = engine;
        this.subscription = registry.addListener(EntityProvider.class, this);
    }

    @Override
    public synchronized void added(Extension<EntityProvider> extension) {
        String name;
        try {
            name = registry.calls().call(extension, "EntityProvider.name", CALL_LIMIT, () -> extension.service().name());
        } catch (PluginCallException e) {
            LOG.log(Level.WARNING, "Entity provider of " + extension.symbolicName() + " has no usable name: "
                    + e.getMessage());
            return;
        }
        Connection connection = new Connection(name);
        connected.put(extension.service(), connection);
        try {
            registry.calls().call(extension, "EntityProvider.connect", CALL_LIMIT, () -> {
                extension.service().connect(connection);
                return null;
            });
        } catch (PluginCallException e) {
            LOG.log(Level.WARNING, "Entity provider " + name + " of " + extension.symbolicName() + " failed to connect: "
                    + e.getMessage());
        }
    }

    @Override
    public synchronized void removed(Extension<EntityProvider> extension) {
        Connection gone = connected.remove(extension.service());
        if (gone == null) {
            return;
        }
        gone.open = false;
        disconnect(extension, gone.provider);
        if (connected.values().stream().noneMatch(c -> c.provider.equals(gone.provider))) {
            engine.removeSource("provider:" + gone.provider);
        }
    }

    private void disconnect(Extension<EntityProvider> extension, String name) {
        try {
            registry.calls().call(extension, "EntityProvider.disconnect", CALL_LIMIT, () -> {
                extension.service().disconnect();
                return null;
            });
        } catch (PluginCallException e) {
            LOG.log(Level.WARNING, "Entity provider " + name + " of " + extension.symbolicName()
                    + " failed to disconnect: " + e.getMessage());
        }
    }

    /** Stops listening and disconnects every provider (the portal is stopping); their entities stay. */
    @Override
    public void close() {
        subscription.close();
        Map<EntityProvider, Connection> open;
        synchronized (this) {
            open = new IdentityHashMap<>(connected);
            connected.clear();
        }
        open.values().forEach(c -> c.open = false);
        for (Extension<EntityProvider> extension : registry.extensions(EntityProvider.class)) {
            Connection connection = open.get(extension.service());
            if (connection != null) {
                disconnect(extension, connection.provider);
            }
        }
    }

    /** The catalog side handed to one provider; refuses mutations once the provider is gone. */
    private final class Connection implements EntityProviderConnection {
        private final String provider;
        private volatile boolean open = true;

        Connection(String provider) {
            this.provider = provider;
        }

        @Override
        public void replaceAll(Collection<Entity> entities) {
            requireOpen();
            engine.replaceProviderEntities(provider, entities.stream().map(EntityPipeline::fromModel).toList());
        }

        @Override
        public void applyDelta(Collection<Entity> added, Collection<EntityRef> removed) {
            requireOpen();
            engine.applyProviderDelta(provider, added.stream().map(EntityPipeline::fromModel).toList(),
                    removed.stream().map(EntityRef::canonical).toList());
        }

        private void requireOpen() {
            if (!open) {
                throw new IllegalStateException("The catalog connection of provider " + provider + " is closed");
            }
        }
    }
}

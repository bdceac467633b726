package dev.backlot.catalog.internal;

import dev.backlot.model.Entity;
import dev.backlot.model.EntityRef;
import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.spi.catalog.EntityProvider;
import dev.backlot.spi.catalog.EntityProviderConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Connects {@link EntityProvider} plugins as they appear on the whiteboard and cuts them off when
 * they go. A provider that leaves takes its entities with it (Backstage's default for providers that
 * are no longer installed); when it comes back it pushes them again.
 *
 * <p>The registry is checked by {@link #sync()}, called periodically: the host offers no listener,
 * and a second's delay is well within what a provider's own schedule allows. Calls into providers
 * ({@code name}, {@code connect}) go through the registry's guard, so a provider that blocks in
 * {@code connect} costs the catalog at most {@link #CALL_LIMIT}.
 *
 * <p>When a plugin is updated, the new revision's provider (same name, new bundle) connects before
 * the old one's connection is closed; the entities stay, because the source is removed only when no
 * connected provider of that name is left.
 */
final class ProviderConnections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ProviderConnections.class.getName());
    static final Duration CALL_LIMIT = Duration.ofSeconds(10);

    private final ExtensionRegistry registry;
    private final CatalogEngine engine;
    private final Map<String, Connection> connected = new HashMap<>();

    ProviderConnections(ExtensionRegistry registry, CatalogEngine engine) {
        this.registry = registry;
        this.engine = engine;
    }

    synchronized void sync() {
        Set<String> present = new HashSet<>();
        for (Extension<EntityProvider> extension : registry.extensions(EntityProvider.class)) {
            String name;
            try {
                name = registry.calls().call(extension, "EntityProvider.name", CALL_LIMIT, () -> extension.service().name());
            } catch (PluginCallException e) {
                LOG.log(Level.WARNING, "Entity provider of " + extension.symbolicName() + " has no usable name: "
                        + e.getMessage());
                continue;
            }
            String key = extension.bundleId() + "/" + name;
            present.add(key);
            if (!connected.containsKey(key)) {
                Connection connection = new Connection(name);
                connected.put(key, connection);
                try {
                    registry.calls().call(extension, "EntityProvider.connect", CALL_LIMIT, () -> {
                        extension.service().connect(connection);
                        return null;
                    });
                } catch (PluginCallException e) {
                    LOG.log(Level.WARNING, "Entity provider " + name + " of " + extension.symbolicName()
                            + " failed to connect: " + e.getMessage());
                }
            }
        }
        for (String key : Set.copyOf(connected.keySet())) {
            if (!present.contains(key)) {
                Connection gone = connected.remove(key);
                gone.open = false;
                if (connected.values().stream().noneMatch(c -> c.provider.equals(gone.provider))) {
                    engine.removeSource("provider:" + gone.provider);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        connected.values().forEach(c -> c.open = false);
        connected.clear();
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

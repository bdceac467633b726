package dev.backlot.search.internal;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCallException;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.plugins.PluginHealth;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/** A whiteboard for unit tests: services registered by hand, events sent at once, calls made directly. */
final class FakeExtensions implements ExtensionRegistry {

    private final List<Extension<?>> services = new CopyOnWriteArrayList<>();
    private final List<Object[]> listeners = new CopyOnWriteArrayList<>();
    private long nextBundle = 100;

    <S> Extension<S> register(Class<S> type, S service) {
        Extension<S> ext = new Extension<>(service, nextBundle++, "test.bundle." + nextBundle, 0);
        services.add(ext);
        for (Object[] l : listeners) {
            if (l[0] == type) {
                FakeExtensions.<S>listener(l).added(ext);
            }
        }
        return ext;
    }

    <S> void unregister(Class<S> type, Extension<S> ext) {
        services.remove(ext);
        for (Object[] l : listeners) {
            if (l[0] == type) {
                FakeExtensions.<S>listener(l).removed(ext);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static <S> ExtensionListener<S> listener(Object[] l) {
        return (ExtensionListener<S>) l[1];
    }

    @SuppressWarnings("unchecked")
    @Override
    public <S> List<Extension<S>> extensions(Class<S> type) {
        return services.stream().filter(e -> type.isInstance(e.service())).map(e -> (Extension<S>) e).toList();
    }

    @Override
    public <S> Subscription addListener(Class<S> type, ExtensionListener<S> listener) {
        Object[] entry = {type, listener};
        listeners.add(entry);
        extensions(type).forEach(listener::added);
        return () -> listeners.remove(entry);
    }

    @Override
    public PluginCalls calls() {
        return new PluginCalls() {
            @Override
            public <T> T call(Extension<?> extension, String operation, Duration limit, Callable<T> call)
                    throws PluginCallException {
                try {
                    return call.call();
                } catch (Exception e) {
                    throw new PluginCallException(extension.symbolicName(), e.getMessage(), false, e);
                }
            }

            @Override
            public InFlight enter(Extension<?> extension) {
                return () -> { };
            }

            @Override
            public InFlight hold(Extension<?> extension) {
                return () -> { };
            }

            @Override
            public void failed(Extension<?> extension, String operation, Throwable failure) {
            }

            @Override
            public PluginHealth health(String symbolicName) {
                return PluginHealth.NONE;
            }
        };
    }

    @Override
    public Optional<URL> entry(long bundleId, String path) {
        return Optional.empty();
    }

    @Override
    public Optional<Long> revision(long bundleId) {
        return Optional.empty();
    }
}

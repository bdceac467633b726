package dev.backlot.plugins.internal;

import dev.backlot.plugins.Extension;
import dev.backlot.plugins.ExtensionListener;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.plugins.PluginCalls;
import dev.backlot.plugins.PluginHost;
import dev.backlot.plugins.PluginInfo;
import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * The plugin host when the framework could not start: no plugins, no extensions, and the reason.
 * The portal runs on without them (the catalog with its built-in rules only).
 */
public final class StoppedPluginHost implements PluginHost, ExtensionRegistry {

    private final String reason;
    private final GuardedPluginCalls calls = new GuardedPluginCalls();

    public StoppedPluginHost(String reason) {
        this.reason = reason;
    }

    /** Why the framework is not running. */
    public String reason() {
        return reason;
    }

    @Override
    public boolean isRunning() {
        return false;
    }

    @Override
    public List<PluginInfo> plugins() {
        return List.of();
    }

    @Override
    public ExtensionRegistry extensions() {
        return this;
    }

    @Override
    public <S> List<Extension<S>> extensions(Class<S> type) {
        return List.of();
    }

    @Override
    public <S> Subscription addListener(Class<S> type, ExtensionListener<S> listener) {
        return () -> { };
    }

    @Override
    public PluginCalls calls() {
        return calls;
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

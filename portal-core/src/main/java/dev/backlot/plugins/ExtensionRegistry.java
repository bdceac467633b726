package dev.backlot.plugins;

import java.net.URL;
import java.util.List;
import java.util.Optional;

/**
 * The whiteboard: the services that plugin bundles currently register for one extension interface.
 *
 * <p>Ask at the moment of use and keep nothing past one call: a bundle may be updated or removed
 * between two calls, and holding its service object would keep an old revision alive. Call plugin
 * services through {@link #calls()}, which limits time and counts failures.
 */
public interface ExtensionRegistry {

    /**
     * The services registered now for {@code type}, highest {@code service.ranking} first (ties: the
     * earlier registration first). Empty when none, or when the framework is not running. While a
     * plugin is being updated, only the revision that currently serves is listed.
     *
     * @param type one of the interfaces in {@code dev.backlot.spi.*}
     */
    <S> List<Extension<S>> extensions(Class<S> type);

    /**
     * Calls {@code listener} for every change to {@link #extensions(Class) extensions(type)}: first
     * {@code added} for each service serving now, then {@code added}, {@code modified} and
     * {@code removed} as plugins come, change and go (see {@link ExtensionListener} for the
     * threading). Events arrive shortly after the change, once the new service can be called.
     *
     * @return closing it stops the events
     */
    <S> Subscription addListener(Class<S> type, ExtensionListener<S> listener);

    /** A listener's registration; closing it stops its events. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    /** Convenience: just the service objects of {@link #extensions}. */
    default <S> List<S> services(Class<S> type) {
        return extensions(type).stream().map(Extension::service).toList();
    }

    /** The guard for calls into plugin services. */
    PluginCalls calls();

    /**
     * An entry inside a bundle's jar (a Facelets fragment, a stylesheet), as a URL the framework
     * serves; empty when the bundle is gone or has no such entry. Entry URLs differ per revision.
     *
     * @param path a path inside the bundle, e.g. {@code /ui/card.xhtml}; {@code ..} segments are refused
     */
    Optional<URL> entry(long bundleId, String path);

    /**
     * A number that changes whenever the bundle's content changes (update in place or a new bundle),
     * for URLs of its fragments and resources that must never be served stale; empty when the bundle is gone.
     */
    Optional<Long> revision(long bundleId);
}

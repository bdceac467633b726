package dev.backlot.plugins;

import java.util.List;

/**
 * The whiteboard: the services that plugin bundles currently register for one extension interface.
 *
 * <p>Ask at the moment of use and keep nothing past one call: a bundle may be updated or removed
 * between two calls, and holding its service object would keep an old revision alive.
 */
public interface ExtensionRegistry {

    /**
     * The services registered now for {@code type}, highest {@code service.ranking} first (ties: the
     * earlier registration first). Empty when none, or when the framework is not running.
     *
     * @param type one of the interfaces in {@code dev.backlot.spi.*}
     */
    <S> List<Extension<S>> extensions(Class<S> type);

    /** Convenience: just the service objects of {@link #extensions}. */
    default <S> List<S> services(Class<S> type) {
        return extensions(type).stream().map(Extension::service).toList();
    }
}

package dev.backlot.spi.catalog;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A source of entities outside registered locations (an HR system, a cloud account, a directory
 * tree), implemented by plugin bundles. Providers push; the catalog alone stores and stitches.
 *
 * <p><b>Lifecycle:</b> {@link #connect} is called once when the service appears; the provider keeps
 * the connection and pushes full or delta sets through it whenever its source changes.
 * {@link #disconnect} is called when the service goes away or the portal stops; after it the
 * connection refuses further mutations.
 */
@ConsumerType
public interface EntityProvider {

    /** A stable, unique name: the catalog remembers which entities came from which provider by it. */
    String name();

    /**
     * Hands the provider its connection to the catalog.
     *
     * @param connection where to apply mutations; valid until {@link #disconnect}
     */
    void connect(EntityProviderConnection connection);

    /** Stop pushing; release threads and files. The default does nothing. */
    default void disconnect() {
    }
}

package dev.backlot.spi.catalog;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the catalog tells an {@link EntityProcessor} about the entity in hand. Implemented by the
 * portal; new capabilities arrive as new methods here, so processors keep compiling.
 */
@ProviderType
public interface ProcessingContext {

    /** The location the entity was read from, as {@code type:target}, e.g. {@code file:/srv/a/catalog-info.yaml}. */
    String location();

    /** Records an error against the entity; the entity is kept and the error shown with it. */
    void error(String message);
}

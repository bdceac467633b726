package dev.backlot.spi.techdocs;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One page handed to a {@link DocsRenderer}: its text and what the renderer may read beside it.
 * Implemented by the portal.
 */
@ProviderType
public interface DocsPageSource {

    /** The canonical reference of the documented entity, e.g. {@code component:default/payments}. */
    String entityRef();

    /** The page's path inside the docs folder, with {@code /} separators, e.g. {@code guide/setup.md}. */
    String path();

    /** The page's source text (UTF-8, within the portal's size limit). */
    String text();

    /**
     * Reads another file of the docs folder, for includes.
     *
     * @param path relative to this page's folder, e.g. {@code ../partials/intro.md}
     * @return its text; empty (and a build warning recorded) when it does not exist, is too large,
     *     or lies outside the docs folder
     */
    Optional<String> read(String path);

    /** Records a warning in the build log (bounded: a flood of warnings is cut short). */
    void warn(String message);
}

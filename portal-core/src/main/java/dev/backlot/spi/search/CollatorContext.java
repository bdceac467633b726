package dev.backlot.spi.search;

import dev.backlot.model.Entity;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.osgi.annotation.versioning.ProviderType;

/**
 * What the portal offers a {@link SearchCollator} while it collects: the catalog's entities, the
 * portal's search settings, and reading of files and URLs under the same rules as catalog
 * locations (the allowed file roots, {@code PORTAL_FILE_ROOTS}; the URL host allow-list,
 * {@code PORTAL_URL_ALLOW}).
 *
 * <pre>{@code
 * public Stream<SearchDocument> documents(CollatorContext context) throws Exception {
 *     Optional<String> posts = context.setting("portal.search.knowledge.posts");
 *     byte[] xml = context.read(posts.get());          // refused outside the allowed roots and hosts
 *     ...
 * }
 * }</pre>
 *
 * <p>Valid during one {@link SearchCollator#documents(CollatorContext)} call only; implemented by
 * the portal. New capabilities arrive as new methods with defaults.
 */
@ProviderType
public interface CollatorContext {

    /** The catalog's entities of one kind ({@code API}, compared ignoring case), read page by page. */
    Stream<Entity> entities(String kind);

    /**
     * A search setting of the portal, from its configuration: a system property of that name or
     * the environment variable in upper case with underscores ({@code portal.search.knowledge.posts}
     * or {@code PORTAL_SEARCH_KNOWLEDGE_POSTS}). Only names under {@code portal.search.} are answered.
     */
    Optional<String> setting(String name);

    /**
     * The content of a file ({@code /srv/wiki/page.md} or {@code file:/srv/wiki/page.md}) or URL
     * ({@code https://wiki.example.com/export/Posts.xml}), at most {@link #MAX_READ_BYTES}.
     *
     * @throws IOException when it cannot be read, or is outside the allowed roots or hosts (the
     *     message says which rule refused it)
     */
    byte[] read(String location) throws IOException;

    /**
     * The files under a folder of an allowed root (recursively, at most 10,000, no symbolic links
     * leading out), as locations {@link #read} takes.
     *
     * @throws IOException when the folder is not under an allowed root or cannot be listed
     */
    List<String> list(String folder) throws IOException;

    /** The largest file or response {@link #read} returns. */
    int MAX_READ_BYTES = 20 * 1024 * 1024;
}

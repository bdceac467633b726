package dev.backlot.techdocs;

import dev.backlot.model.EntityRef;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * TechDocs as the web layer uses it: the built documentation of catalog entities that carry
 * {@code backstage.io/techdocs-ref}, and their builds.
 *
 * <p>Builds run in the background, one at a time, and only when the docs folder changed (a content
 * hash over it): after the catalog (re)processed the entity, on {@link #build}, and on the first read
 * of an entity that was never built on this node. While a build runs, the previous good site is
 * served. Reads are open to everyone who may read the catalog; {@link #build} with {@code force} is
 * for signed-in callers (the web layer checks).
 */
public interface TechDocsService {

    /** Every entity with docs, by kind, namespace and name, each with its build status. */
    List<DocumentedEntity> documented();

    /**
     * The build status of an entity's docs.
     *
     * @return empty when there is no such entity or it has no {@code backstage.io/techdocs-ref}
     */
    Optional<BuildStatus> status(EntityRef ref);

    /** The site served now for an entity; empty when it has no docs or none was built yet. */
    Optional<DocsSite> site(EntityRef ref);

    /**
     * A page of an entity's site.
     *
     * @param path the page path as in the reader URL ({@code ""}, {@code guide/setup/}; a missing
     *     trailing slash and {@code index.html} are accepted)
     * @return empty when there is no such page (or site)
     */
    Optional<DocsPage> page(EntityRef ref, String path);

    /**
     * A file of an entity's site as Backstage's static docs API serves it: a page as an HTML document,
     * an asset, or {@code techdocs_metadata.json}.
     *
     * @return empty when there is no such file; paths that leave the site are never found
     */
    Optional<DocsFile> file(EntityRef ref, String path);

    /**
     * Queues a build of an entity's docs, or joins the one queued or running.
     *
     * @param force build even when the sources did not change (the Rebuild button)
     * @return completes with the status once the build has finished (at once when nothing needed doing)
     * @throws java.util.NoSuchElementException when there is no such entity or it has no docs
     */
    CompletableFuture<BuildStatus> build(EntityRef ref, boolean force);

    /**
     * Calls {@code listener} with the canonical reference of an entity after each build of its docs
     * that changed the site served (so that search can index the new pages). Called on a build
     * thread; keep it short.
     *
     * @return closing it stops the calls
     */
    AutoCloseable addBuildListener(Consumer<String> listener);
}

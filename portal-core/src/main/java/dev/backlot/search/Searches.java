package dev.backlot.search;

import dev.backlot.catalog.CatalogService;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.search.internal.SearchEngine;
import dev.backlot.spi.search.SearchCollator;
import java.io.IOException;
import dev.backlot.config.PortalConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The search feature's factory and its running engine: the one place that wires Solr, the
 * collators and the catalog's change events.
 *
 * <p>Lifecycle: {@link #start} opens Solr (embedded in {@code <data>/search}, or remote as
 * {@link SearchSettings} say), builds the types the index lacks, follows the catalog's changes and
 * the plugin collators; {@link #close} stops it all and closes Solr.
 *
 * <pre>{@code
 * Searches search = Searches.start(SearchSettings.fromEnvironment(), config, database,
 *         catalog, plugins.extensions(), scheduler, List.of(docsCollator));
 * search.service().query(SearchQuery.of("payments"));
 * }</pre>
 */
public final class Searches implements AutoCloseable {

    private final SearchEngine engine;

    private Searches(SearchEngine engine) {
        this.engine = engine;
    }

    /**
     * Starts search.
     *
     * @param config the portal's settings: the embedded index lives in the data folder's {@code search}
     *     folder; collators read files and URLs under the catalog's file roots and URL allow-list
     * @param database where changes wait while a remote Solr is away; {@code null} keeps them in memory
     * @param builtins collators the portal itself supplies (e.g. {@code techdocs}); the catalog's
     *     ({@code software-catalog}) and the templates' ({@code template}) are added here
     * @throws IOException when Solr cannot be opened (embedded) or reached and set up (SolrCloud)
     */
    public static Searches start(SearchSettings settings, PortalConfig config, Database database, CatalogService catalog,
            ExtensionRegistry extensions, ScheduledExecutorService scheduler, List<SearchCollator> builtins)
            throws IOException {
        return new Searches(SearchEngine.start(settings, config, database, catalog, extensions, scheduler, builtins));
    }

    public SearchService service() {
        return engine.service();
    }

    /** Waits until every index change queued so far is written and searchable (tests, benchmarks). */
    public void awaitIdle(Duration timeout) {
        engine.awaitIdle(timeout);
    }

    @Override
    public void close() {
        engine.close();
    }
}

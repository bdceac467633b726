package dev.backlot.search.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.config.PortalConfig;
import dev.backlot.persistence.Database;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.search.SearchService;
import dev.backlot.search.SearchSettings;
import dev.backlot.spi.search.SearchCollator;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** Wires the engine for {@link dev.backlot.search.Searches}: the connection, the built-in collators, the service. */
public final class SearchEngine implements AutoCloseable {

    private final DefaultSearchService service;

    private SearchEngine(DefaultSearchService service) {
        this.service = service;
    }

    public static SearchEngine start(SearchSettings settings, PortalConfig config, Database database,
            CatalogService catalog, ExtensionRegistry extensions, ScheduledExecutorService scheduler,
            List<SearchCollator> builtins) throws IOException {
        SolrConnection connection = SolrConnection.open(settings, config.dataDir());
        DefaultCollatorContext context = new DefaultCollatorContext(catalog, config.dataDir(), config.catalog().fileRoots(),
                config.catalog().urlAllow(), settings.source());
        List<SearchCollator> all = new ArrayList<>();
        all.add(CatalogDocuments.catalog(catalog));
        all.add(CatalogDocuments.templates(catalog));
        all.addAll(builtins);
        DefaultSearchService service = new DefaultSearchService(connection, catalog, extensions, all, scheduler,
                new PendingChanges(database), settings, context);
        try {
            service.start();
        } catch (RuntimeException e) {
            service.close();
            throw e;
        }
        return new SearchEngine(service);
    }

    public SearchService service() {
        return service;
    }

    public void awaitIdle(Duration timeout) {
        service.awaitIdle(timeout);
        try {
            service.commit();
        } catch (IOException e) {
            // unreachable: nothing to wait for
        }
    }

    @Override
    public void close() {
        service.close();
    }
}

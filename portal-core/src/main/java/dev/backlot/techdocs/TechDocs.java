package dev.backlot.techdocs;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.Catalogs;
import dev.backlot.catalog.LocationReader;
import dev.backlot.config.PortalConfig;
import dev.backlot.plugins.ExtensionRegistry;
import dev.backlot.spi.search.SearchCollator;
import dev.backlot.techdocs.internal.DefaultTechDocsService;
import dev.backlot.techdocs.internal.TechDocsEngine;
import dev.backlot.techdocs.internal.TechDocsCollator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The TechDocs feature's factory and its running engine: the one place that wires the builder, the
 * store under the data folder, the two built-in renderers and the renderer plugins.
 *
 * <p>Lifecycle: {@link #start} follows the catalog (a build after each change to a documented
 * entity), installs the sample docs when the sample catalog is on, and checks every documented
 * entity {@value #START_CHECK_DELAY_MS} ms after start, background builds waiting until then (builds
 * someone asks for run at once); {@link #close} stops the builds and Asciidoctor, which is started on
 * the first AsciiDoc build only.
 */
public final class TechDocs implements AutoCloseable {

    /**
     * When every documented entity is checked after start, and until when background builds wait: long
     * enough that a starting portal (database, Felix, Solr, Faces, the first requests) does not share its
     * two cores with docs builds and JRuby's boot; a build someone asks for runs at once meanwhile.
     */
    static final long START_CHECK_DELAY_MS = 30_000;

    private final DefaultTechDocsService service;
    private final TechDocsCollator collator;

    private TechDocs(DefaultTechDocsService service) {
        this.service = service;
        this.collator = new TechDocsCollator(() -> service);
    }

    /**
     * Starts TechDocs.
     *
     * @param catalog the entities and their annotations
     * @param extensions the plugin registry (renderer plugins)
     * @param config the data folder (built sites go to {@code PORTAL_DATA/techdocs}) and the catalog's read policy
     *     (file roots, url allow-list, size cap), which docs are read under
     * @param scheduler the runtime's scheduler; builds run on one lane of it
     * @throws IOException when the sample docs cannot be installed
     */
    public static TechDocs start(CatalogService catalog, ExtensionRegistry extensions, PortalConfig config,
            ScheduledExecutorService scheduler) throws IOException {
        return start(catalog, extensions, config.dataDir(), Catalogs.locationReader(config), config.catalog().sample(),
                scheduler, START_CHECK_DELAY_MS);
    }

    /**
     * Starts TechDocs with explicit settings (tests, benchmarks).
     *
     * @param reader reads docs folders under the catalog's read policy ({@link Catalogs#locationReader})
     * @param sweepDelayMs when to check every documented entity once; negative for never
     */
    public static TechDocs start(CatalogService catalog, ExtensionRegistry extensions, Path dataDir, LocationReader reader,
            boolean sampleDocs, ScheduledExecutorService scheduler, long sweepDelayMs) throws IOException {
        if (sampleDocs) {
            dev.backlot.techdocs.internal.SampleDocs.install(dataDir);
        }
        DefaultTechDocsService service = TechDocsEngine.create(catalog, extensions, dataDir, reader, scheduler);
        service.start(sweepDelayMs);
        return new TechDocs(service);
    }

    public TechDocsService service() {
        return service;
    }

    /** The search documents of type {@code techdocs}, for the search engine to index. */
    public SearchCollator searchCollator() {
        return collator;
    }

    /** How long Asciidoctor's one-time start took in this process; -1 before it started. */
    public long asciidoctorStartMillis() {
        return service.asciidoctorStartMillis();
    }

    @Override
    public void close() {
        service.close();
    }
}

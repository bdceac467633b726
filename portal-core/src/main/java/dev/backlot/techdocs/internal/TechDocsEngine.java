package dev.backlot.techdocs.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.catalog.LocationReader;
import dev.backlot.plugins.ExtensionRegistry;
import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;

/** Wires the engine's parts; only {@link dev.backlot.techdocs.TechDocs} calls it. */
public final class TechDocsEngine {

    private TechDocsEngine() {
    }

    public static DefaultTechDocsService create(CatalogService catalog, ExtensionRegistry extensions, Path dataDir,
            LocationReader reader, ScheduledExecutorService scheduler) {
        return new DefaultTechDocsService(catalog, new Renderers(extensions), dataDir, reader, scheduler, Limits.DEFAULT);
    }
}

package dev.backlot.techdocs.internal;

import dev.backlot.catalog.CatalogService;
import dev.backlot.plugins.ExtensionRegistry;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

/** Wires the engine's parts; only {@link dev.backlot.techdocs.TechDocs} calls it. */
public final class TechDocsEngine {

    private TechDocsEngine() {
    }

    public static DefaultTechDocsService create(CatalogService catalog, ExtensionRegistry extensions, Path dataDir,
            List<Path> fileRoots, ScheduledExecutorService scheduler) {
        return new DefaultTechDocsService(catalog, new Renderers(extensions), dataDir, fileRoots, scheduler, Limits.DEFAULT);
    }
}
